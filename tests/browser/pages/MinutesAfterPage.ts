import type { Locator, Page } from 'playwright-core';

/** The minutes after the talking: items, decisions, actions, sign-off, amendments, late work, print and verify. */
export class MinutesAfterPage {
  constructor(readonly page: Page) {}

  get minutes(): Locator {
    return this.page.getByTestId('minutes');
  }

  async takeUp(requestId: string): Promise<void> {
    await this.page.getByTestId('take-up-pick').selectOption(requestId);
    await this.page.getByTestId('take-up').click();
  }

  /** `outcome`: what it decides of a request not yet decided (asked only then), as the chip reads. */
  async recordDecision(
    text: string,
    requestId: string,
    tally?: [number, number, number],
    outcome?: '通过' | '不通过' | '暂缓，下次再议',
  ): Promise<void> {
    const form = this.page.getByTestId('decision-form');
    await form.getByTestId('decision-request').selectOption(requestId);
    if (outcome) await form.getByTestId('decision-outcome').getByText(outcome, { exact: true }).click();
    await form.getByLabel('决定的内容').fill(text);
    if (tally) {
      await form.getByTestId('tally-for').fill(String(tally[0]));
      await form.getByTestId('tally-against').fill(String(tally[1]));
      await form.getByTestId('tally-abstain').fill(String(tally[2]));
    }
    await form.getByTestId('decision-add').click();
  }

  /** At an owners' assembly: taps an owner's vote (the owner named by their label's text). */
  async assemblyVote(owner: string, vote: 'for' | 'against' | 'abstain'): Promise<void> {
    await this.page.getByTestId('assembly-owner').filter({ hasText: owner }).locator(`[data-vote="${vote}"]`).click();
  }

  async assemblyResult(): Promise<string> {
    return (await this.page.getByTestId('assembly-result').textContent()) ?? '';
  }

  async assemblyDecisions(): Promise<string[]> {
    return this.page.getByTestId('decision-assembly').allTextContents();
  }

  async addAction(
    text: string,
    owner: 'community' | 'owners' | 'property',
    requestId: string,
    deadline?: string,
  ): Promise<void> {
    const form = this.page.getByTestId('action-form');
    await form.getByTestId('action-request').selectOption(requestId);
    await form.getByLabel('要做什么').fill(text);
    await form.getByTestId('action-owner').selectOption(owner);
    if (deadline) await form.locator('input[name="deadline"]').fill(deadline);
    await form.getByTestId('action-add').click();
  }

  async decisions(): Promise<string[]> {
    return this.page.getByTestId('decision').locator('.minutes-entry-text').allTextContents();
  }

  /** A decision's entry in the minutes, by its words. */
  decision(text: string): Locator {
    return this.page
      .getByTestId('decision')
      .filter({ has: this.page.locator('.minutes-entry-text', { hasText: text }) });
  }

  /**
   * Taps 以这条为准 on the decision with these words and confirms; returns what the question said
   * would happen beyond the minutes.
   */
  async uphold(text: string): Promise<string> {
    await this.decision(text).getByTestId('decision-uphold').click();
    const dialog = this.page.getByRole('alertdialog');
    await dialog.getByTestId('uphold-consequence').waitFor();
    const reach = dialog.getByTestId('uphold-reaches');
    const said = (await reach.count()) > 0 ? ((await reach.textContent()) ?? '') : '';
    await dialog.getByRole('button', { name: '以这条为准', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    return said;
  }

  /** Each decision's words with whether it is superseded (已被取代) or upheld, in the list's order. */
  async decisionStates(): Promise<{ text: string; superseded: boolean; upheld: string | null }[]> {
    const out = [];
    for (const d of await this.page.getByTestId('decision').all()) {
      const upheld = d.getByTestId('decision-upheld');
      out.push({
        text: (await d.locator('.minutes-entry-text').textContent()) ?? '',
        superseded: (await d.getAttribute('data-superseded')) === 'true',
        upheld: (await upheld.count()) > 0 ? await upheld.textContent() : null,
      });
    }
    return out;
  }

  async conflicts(): Promise<number> {
    return this.page.getByTestId('decision-conflict').count();
  }

  async actions(): Promise<string[]> {
    return this.page.getByTestId('action-item').allTextContents();
  }

  /** Taps this party's sign-off and confirms it; returns the button's words. */
  async signOff(): Promise<string> {
    const button = this.page.getByTestId('sign-off-button');
    const label = (await button.textContent()) ?? '';
    await button.click();
    const dialog = this.page.getByRole('alertdialog');
    // With conflicts open the confirm button warns (仍然签字); signing stays possible.
    await dialog.getByRole('button', { name: /^(确定签字|仍然签字)$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    return label;
  }

  /** The conflicts the sign-off question lists and its confirm button's words, then backs out of it. */
  async signOffWarning(look?: () => Promise<void>): Promise<{ conflicts: string[]; confirm: string }> {
    await this.page.getByTestId('sign-off-button').click();
    const dialog = this.page.getByRole('alertdialog');
    await dialog.getByTestId('sign-off-consequence').waitFor();
    await look?.();
    const conflicts = await dialog.getByTestId('sign-off-conflict').allTextContents();
    const confirm = (await dialog.getByRole('button', { name: /签字$/ }).textContent()) ?? '';
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    return { conflicts, confirm };
  }

  /** What the sign-off question says will happen, then backs out of it. */
  async signOffConsequence(): Promise<string> {
    await this.page.getByTestId('sign-off-button').click();
    const dialog = this.page.getByRole('alertdialog');
    const text = (await dialog.getByTestId('sign-off-consequence').textContent()) ?? '';
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    return text;
  }

  async locked(): Promise<boolean> {
    return (await this.minutes.getAttribute('data-locked')) === 'true';
  }

  async lockedText(): Promise<string> {
    return (await this.page.getByTestId('minutes-locked').textContent()) ?? '';
  }

  async signatures(): Promise<string[]> {
    return this.page.getByTestId('signature').allTextContents();
  }

  async amend(text?: string): Promise<void> {
    const form = this.page.getByTestId('amend-form');
    if (text !== undefined) await form.getByLabel('更正的内容').fill(text);
    await form.getByTestId('amend').click();
  }

  async amendDraft(): Promise<string> {
    return this.page.getByTestId('amend-form').getByLabel('更正的内容').inputValue();
  }

  async amendments(): Promise<string[]> {
    return this.page.getByTestId('amendment').locator('.minutes-entry-text').allTextContents();
  }

  get late(): Locator {
    return this.page.getByTestId('minutes-late');
  }

  async openPrint(baseUrl: string, compoundId: string, meetingId: string): Promise<string> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/meetings/${meetingId}/print`);
    const hash = this.page.getByTestId('print-hash');
    await hash.waitFor({ timeout: 30_000 });
    await this.page.locator('.print-qr svg').waitFor();
    return (await hash.textContent()) ?? '';
  }

  /** The check's result, its words, and the tone it is shown in (ok, warn, bad). */
  async verdict(): Promise<{ result: string | null; text: string; tone?: string | null }> {
    const result = this.page.getByTestId('verify-result');
    if ((await result.count()) === 0) return { result: null, text: '' };
    return {
      result: await result.getAttribute('data-result'),
      text: (await result.textContent()) ?? '',
      tone: await result.locator('.verify-verdict').getAttribute('data-tone'),
    };
  }
}
