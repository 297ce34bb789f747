import type { Page } from 'playwright-core';

export interface HouseholdInput {
  label: string;
  building: string;
  unit: string;
  reason: string;
  cadence: string;
  visitor: string;
  lastVisitedOn?: string;
}

/** Care visits, under the volunteers tab (committee members only). */
export class CarePage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/rosters/care`);
    await this.page.locator('main h1').waitFor();
  }

  /** From the care list: fills the form and saves; leaves the page on the household and returns its id. */
  async register(input: HouseholdInput): Promise<string> {
    await this.page.getByTestId('new-household').click();
    const form = this.page.getByTestId('household-form');
    await form.locator('input[name="label"]').fill(input.label);
    await form.locator('input[name="building"]').fill(input.building);
    await form.locator('input[name="unit"]').fill(input.unit);
    await form.getByTestId('care-reason').getByText(input.reason, { exact: true }).click();
    await form.getByTestId('care-cadence').getByText(input.cadence, { exact: true }).click();
    await form.locator('select[name="visitor"]').selectOption({ label: input.visitor });
    if (input.lastVisitedOn) await form.locator('input[name="lastVisitedOn"]').fill(input.lastVisitedOn);
    await form.getByTestId('save-household').click();
    await this.page.getByTestId('household-facts').waitFor();
    return new URL(this.page.url()).pathname.split('/').pop() ?? '';
  }

  /** Where the open household's visits stand, in words, and whether it is marked overdue. */
  async due(): Promise<{ text: string; overdue: string | null }> {
    const due = this.page.getByTestId('household-due');
    return { text: (await due.textContent())?.trim() ?? '', overdue: await due.getAttribute('data-overdue') };
  }

  /**
   * Logs a visit on the open household's page, with a concern when given, on the day a quick choice
   * names (今天, 昨天, 前天; today unless given).
   */
  async logVisit(note: string, concern?: string, day?: string): Promise<void> {
    const form = this.page.getByTestId('visit-form');
    if (day) await this.pickVisitDay(day);
    await form.locator('textarea[name="note"]').fill(note);
    if (concern) {
      await form.getByTestId('concern-flag').check();
      await form.locator('textarea[name="concern"]').fill(concern);
    }
    await form.getByTestId('log-visit').click();
    await this.page.getByTestId('visit-logged').waitFor();
  }

  /** Picks the day of the visit on the open household's form by its quick choice (今天, 昨天, 前天). */
  async pickVisitDay(label: string): Promise<void> {
    await this.page.getByTestId('visit-form').getByRole('button', { name: label, exact: true }).click();
  }

  /** The day of the visit the open household's form holds ("YYYY-MM-DD"). */
  visitDay(): Promise<string> {
    return this.page.getByTestId('visit-form').locator('input[name="day"]').inputValue();
  }

  /** What the form said back after the last visit was saved. */
  async savedNotice(): Promise<string> {
    return (await this.page.getByTestId('visit-logged').textContent())?.trim() ?? '';
  }

  /** The open household's last visit: its day ("YYYY-MM-DD", '' before any) and the words shown. */
  async lastVisited(): Promise<{ day: string; text: string }> {
    const dd = this.page.getByTestId('last-visited');
    return { day: (await dd.getAttribute('data-day')) ?? '', text: (await dd.textContent())?.trim() ?? '' };
  }

  /** The open household's visit history as shown: months (their headings) of visits, newest first. */
  visitHistory(): Promise<{ month: string; visits: { day: string; title: string; written: string | null }[] }[]> {
    return this.page.getByTestId('visit-month').evaluateAll((months) =>
      months.map((m) => ({
        month: m.querySelector('h3')?.textContent?.trim() ?? '',
        visits: [...m.querySelectorAll('[data-testid="visit-item"]')].map((v) => ({
          day: v.getAttribute('data-day') ?? '',
          title: v.querySelector('.row-title')?.textContent?.trim() ?? '',
          written: v.querySelector('[data-testid="visit-written"]')?.textContent?.trim() ?? null,
        })),
      })),
    );
  }
}
