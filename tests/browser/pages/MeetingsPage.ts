import type { Page } from 'playwright-core';

/** The meetings tab: schedule a meeting, open one, and its quick-capture "meeting mode". */
export class MeetingsPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/meetings`);
    await this.page.locator('main h1').waitFor();
  }

  /** Schedules from the meetings list; leaves the page on the new meeting and returns its id. */
  async schedule(kind: string, place: string, options: { day?: string; time?: string } = {}): Promise<string> {
    await this.page.getByTestId('schedule-meeting').click();
    const form = this.page.getByTestId('schedule-form');
    await form.waitFor();
    await form.getByTestId('meeting-kind').getByText(kind, { exact: true }).click();
    if (options.day) await form.locator('input[name="day"]').fill(options.day);
    if (options.time) await form.locator('input[name="time"]').fill(options.time);
    await form.locator('input[name="place"]').fill(place);
    await form.getByRole('button', { name: '安排', exact: true }).click();
    await this.page.getByTestId('meeting-page').waitFor();
    return (await this.page.getByTestId('meeting-page').getAttribute('data-id')) ?? '';
  }

  async enterMeetingMode(): Promise<void> {
    await this.page.getByTestId('meeting-mode').click();
    await this.page.getByTestId('capture-form').waitFor();
  }

  get whatInput() {
    return this.page.getByTestId('capture-form').locator('input[name="what"]');
  }

  /** Types one request (and who said it) and presses Enter, as a recorder would. */
  async capture(what: string, who = '', building?: string): Promise<void> {
    const form = this.page.getByTestId('capture-form');
    if (who) await form.locator('input[name="who"]').fill(who);
    if (building !== undefined) await form.locator('input[name="building"]').fill(building);
    await this.whatInput.fill(what);
    await this.whatInput.press('Enter');
  }

  async capturedTitles(): Promise<string[]> {
    return this.page.getByTestId('captured-item').locator('.row-title').allTextContents();
  }

  async topicTitles(): Promise<string[]> {
    return this.page.getByTestId('meeting-topics').locator('.card-title').allTextContents();
  }

  /** A meeting's card in the list: which section it is under and what it says. */
  async card(meetingId: string): Promise<{ section: 'upcoming' | 'past' | null; text: string; minutes: string }> {
    const card = this.page.locator(`[data-testid="meeting-item"][data-id="${meetingId}"]`);
    if ((await card.count()) === 0) return { section: null, text: '', minutes: '' };
    const section = await card.evaluate((el) => el.closest('ul')?.getAttribute('data-testid'));
    const mark = card.getByTestId('meeting-minutes-mark');
    return {
      section: section === 'meetings-past' ? 'past' : 'upcoming',
      text: ((await card.locator('.card-meta').first().textContent()) ?? '').trim(),
      minutes: (await mark.count()) > 0 ? ((await mark.textContent()) ?? '').trim() : '',
    };
  }
}
