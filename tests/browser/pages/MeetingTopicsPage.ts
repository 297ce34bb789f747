import type { Download, Page } from 'playwright-core';

/** Topics before a meeting, its action items on the agenda, and the minutes shared as an image. */
export class MeetingTopicsPage {
  constructor(readonly page: Page) {}

  /** Topic titles as the meeting page lists them (cards, or the ordering rows while ordering). */
  async topicTitles(): Promise<string[]> {
    const rows = this.page.getByTestId('topic-order-row');
    if ((await rows.count()) > 0) return rows.locator('.topic-order-title').allTextContents();
    return this.page.getByTestId('meeting-topics').locator('.card-title').allTextContents();
  }

  async startOrdering(): Promise<void> {
    await this.page.getByTestId('topic-order-toggle').click();
    await this.page.getByTestId('topic-order').waitFor();
  }

  async doneOrdering(): Promise<void> {
    await this.page.getByTestId('topic-order-toggle').click();
    await this.page.getByTestId('meeting-topics').waitFor();
  }

  async moveUp(title: string): Promise<void> {
    await this.page.getByTestId('topic-order-row').filter({ hasText: title }).getByTestId('topic-up').click();
  }

  async moveDown(title: string): Promise<void> {
    await this.page.getByTestId('topic-order-row').filter({ hasText: title }).getByTestId('topic-down').click();
  }

  /** On the raise form: ticks "提交到下次议事会". */
  async forNextMeeting(): Promise<void> {
    await this.page.getByTestId('next-meeting').locator('.check-toggle').click();
    await this.page.locator('[data-testid="next-meeting-toggle"]:checked').waitFor({ state: 'attached' });
  }

  /** The 会议待办 rows on the agenda's 我的 tab. */
  async todos(): Promise<string[]> {
    return this.page.getByTestId('meeting-todo').locator('.row-title').allTextContents();
  }

  async markDone(text: string): Promise<void> {
    await this.page.getByTestId('meeting-todo').filter({ hasText: text }).getByTestId('action-done').click();
  }

  /** Taps 分享到微信群 where the browser cannot share files: the PNG comes as a download. */
  async shareAsDownload(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('share-image').click();
    return download;
  }

  async shareStatus(): Promise<string> {
    return (await this.page.getByTestId('share-status').textContent()) ?? '';
  }
}

/** Width and height from a PNG's IHDR chunk (bytes 16-23), after checking its signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
