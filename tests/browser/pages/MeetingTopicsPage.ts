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

  /** A topic's card on the meeting page, by its title. */
  topic(title: string) {
    return this.page
      .getByTestId('meeting-topics')
      .getByTestId('request-item')
      .filter({ has: this.page.locator('.card-title', { hasText: title }) });
  }

  /** At the meeting: taps 开始讨论 on a topic's card. */
  async takeUp(title: string): Promise<void> {
    await this.topic(title).getByTestId('topic-take-up').click();
    await this.topic(title).getByTestId('topic-status').waitFor();
  }

  /** At the meeting: taps 记下决定 on a topic's card. */
  async decide(title: string): Promise<void> {
    await this.topic(title).getByTestId('topic-decide').click();
  }

  /** What a topic's card says of it at the meeting (正在讨论, 已讨论), or null before it is taken up. */
  async status(title: string): Promise<string | null> {
    const s = this.topic(title).getByTestId('topic-status');
    return (await s.count()) > 0 ? s.textContent() : null;
  }

  /** A minutes picker's offered requests: the meeting's topics, and the others once shown. */
  async pickerOptions(testId: string): Promise<{ topics: string[]; others: string[] }> {
    const select = this.page.getByTestId(testId);
    const group = (label: string) => select.locator(`optgroup[label="${label}"] option`).allTextContents();
    return { topics: await group('本次议题'), others: await group('其他诉求') };
  }

  /** The request a minutes picker holds, by id ('' for none). */
  async pickerValue(testId: string): Promise<string> {
    return this.page.getByTestId(testId).inputValue();
  }

  /** Taps the picker's 显示其他诉求 (or 只看本次议题). */
  async toggleOthers(testId: string): Promise<string> {
    const button = this.page.getByTestId(`${testId}-more`);
    const label = (await button.textContent()) ?? '';
    await button.click();
    return label;
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
