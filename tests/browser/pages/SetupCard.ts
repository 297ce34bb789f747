import type { Page } from 'playwright-core';

export interface SetupStepView {
  /** The step's name as shown, e.g. 邀请另外两方. */
  name: string;
  /** What its second line says: 已完成, 还差：物业…; empty if none. */
  note: string;
  /** The words on its button, or null when this member has none. */
  button: string | null;
}

/** The set-up card a new compound's committee members see on the agenda. */
export class SetupCard {
  constructor(readonly page: Page) {}

  get card() {
    return this.page.getByTestId('setup-card');
  }

  async shown(): Promise<boolean> {
    return (await this.card.count()) > 0;
  }

  async heading(): Promise<string> {
    return ((await this.card.locator('h2').textContent()) ?? '').trim();
  }

  /** Each step as read on the card, in order. */
  async steps(): Promise<SetupStepView[]> {
    const out: SetupStepView[] = [];
    for (const step of await this.card.getByTestId('setup-step').all()) {
      const button = step.getByTestId('setup-go');
      out.push({
        name: ((await step.locator('.setup-name').textContent()) ?? '').trim(),
        note: (await step.locator('.setup-note').allTextContents()).join(' ').trim(),
        button: (await button.count()) ? ((await button.textContent()) ?? '').trim() : null,
      });
    }
    return out;
  }

  /** Taps a step's button (by the step's name). */
  async go(name: string): Promise<void> {
    await this.card.getByTestId('setup-step').filter({ hasText: name }).getByTestId('setup-go').click();
  }

  async hide(): Promise<void> {
    await this.card.getByRole('button', { name: '收起，不再显示' }).click();
    await this.card.waitFor({ state: 'detached' });
  }
}
