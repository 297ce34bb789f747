import type { Page } from 'playwright-core';
import { shanghaiDayStart } from '../../../shared/time.ts';

/** The volunteers tab: teams, duties, sign-up, the printed QR and check-in at the place. */
export class VolunteersPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/rosters`);
    await this.page.locator('main h1').waitFor();
  }

  async openDuty(baseUrl: string, compoundId: string, dutyId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/rosters/duty/${dutyId}`);
    await this.page.getByTestId('duty-page').waitFor();
  }

  /** From the tab: names a team and its lead (by name), back on the tab. */
  async createTeam(name: string, lead: string): Promise<void> {
    await this.page.getByTestId('new-team').click();
    const form = this.page.getByTestId('team-form');
    await form.locator('input[name="name"]').fill(name);
    await form.locator('select[name="lead"]').selectOption({ label: lead });
    await form.getByRole('button', { name: '建队' }).click();
    await this.page.getByTestId('team-item').filter({ hasText: name }).waitFor();
  }

  /** From the tab: sets a duty (the form's default, tomorrow, unless `day` says, YYYY-MM-DD); leaves the page on it and returns its id. */
  async createDuty(team: string, place: string, slots: number, title: string, day?: string): Promise<string> {
    await this.page.getByTestId('new-duty').click();
    const form = this.page.getByTestId('duty-form');
    await form.getByTestId('duty-team').getByText(team, { exact: true }).click();
    if (day) await form.locator('input[name="day"]').fill(day);
    await form.locator('input[name="title"]').fill(title);
    await form.locator('input[name="place"]').fill(place);
    await form.locator('input[name="slots"]').fill(String(slots));
    await form.getByRole('button', { name: '安排', exact: true }).click();
    await this.page.getByTestId('duty-page').waitFor();
    return (await this.page.getByTestId('duty-page').getAttribute('data-id')) ?? '';
  }

  /**
   * Pins this phone's app clock to noon of `day` (Asia/Shanghai), so that "the duty's day" cannot
   * roll over at midnight between setting a duty and checking in; `null` gives back real time.
   * Events keep the real time: only what the app shows and offers follows the pinned clock.
   */
  async pinClockTo(day: string | null): Promise<void> {
    const ms = day === null ? null : shanghaiDayStart(day) + 12 * 3_600_000;
    await this.page.evaluate((at) => window.littleStoolClock?.set(at), ms);
  }

  /** On a duty page (its team's lead or the committee): writes the times a member served, "HH:MM". */
  async correctTimes(name: string, checkIn: string, checkOut: string, reason: string): Promise<void> {
    await this.page.getByTestId('signup-item').filter({ hasText: name }).getByTestId('correct').click();
    const form = this.page.getByTestId('correct-form');
    await form.locator('input[name="checkIn"]').fill(checkIn);
    await form.locator('input[name="checkOut"]').fill(checkOut);
    await form.locator('input[name="reason"]').fill(reason);
    await form.getByTestId('sheet-submit').click();
    await this.page.getByTestId('correct-dialog').waitFor({ state: 'detached' });
  }

  /** Names holding a slot on the open duty page, in sign-up order. */
  async signups(): Promise<string[]> {
    return this.page.getByTestId('signup-item').locator('.row-title').allTextContents();
  }

  /** Names whose sign-up came after the last slot, shown on the open duty page. */
  async overfull(): Promise<string[]> {
    return (await this.page.getByTestId('overfull-item').locator('.strong').allTextContents()).sort();
  }

  /** Names on standby (候补) on the open duty page, in sign-up order. */
  async standby(): Promise<string[]> {
    return this.page.getByTestId('standby').locator('.row-title').allTextContents();
  }

  /**
   * From the tab, with this phone perhaps offline: opens the duty titled `title` by its card (no page
   * load), signs up and goes back to the tab.
   */
  async signUpFromTab(title: string): Promise<void> {
    await this.page.getByTestId('open-duties').getByTestId('duty-item').filter({ hasText: title }).click();
    await this.page.getByTestId('sign-up').click();
    await this.page.getByTestId('signed-up').waitFor();
    await this.page.goBack();
    await this.page.getByTestId('my-hours').waitFor();
  }

  /** On a member's hours page: each duty listed, as "title: hours", in the page's order. */
  async hoursRows(): Promise<string[]> {
    return this.page
      .getByTestId('member-duty')
      .evaluateAll((rows) =>
        rows.map(
          (r) =>
            `${r.querySelector('.row-title')?.textContent?.trim()}: ${r.querySelector('[data-testid="duty-hours"]')?.textContent?.trim()}`,
        ),
      );
  }

  /** Opens the duty's printable sheet and returns the link its QR code holds. */
  async posterLink(): Promise<string> {
    await this.page.getByTestId('print-qr').click();
    await this.page.getByTestId('duty-poster').locator('.poster-qr svg').waitFor();
    return (await this.page.getByTestId('poster-url').textContent())?.trim() ?? '';
  }

  async hoursTotal(): Promise<string> {
    return (await this.page.getByTestId('hours-total').textContent())?.trim() ?? '';
  }
}
