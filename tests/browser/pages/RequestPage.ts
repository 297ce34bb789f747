import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** One request's page: stage, step indicator, actions (each opens a sheet), record. */
export class RequestPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('request-page');
  }

  get sheet(): Locator {
    return this.page.getByTestId('action-sheet');
  }

  async open(baseUrl: string, compoundId: string, requestId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/agenda/${requestId}`);
    await this.root.waitFor();
  }

  async stage(): Promise<string | null> {
    return this.root.getAttribute('data-stage');
  }

  /** The stage in words, as shown. */
  async stageText(): Promise<string> {
    return (await this.root.locator('.status-line [data-testid="stage"]').textContent()) ?? '';
  }

  async currentStep(): Promise<string | null> {
    return this.root.locator('[data-testid="step-indicator"] [aria-current="step"]').getAttribute('data-step');
  }

  async actions(): Promise<string[]> {
    return this.root
      .locator('[data-testid="todo"] [data-action]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
  }

  async openAction(id: string): Promise<Locator> {
    const button = this.root.locator(`[data-action="${id}"]`);
    // Past the stage's first steps, an action waits under 其他操作.
    const more = this.root.getByTestId('more-actions');
    await expect
      .poll(async () => {
        if (await button.isVisible()) return true;
        if ((await more.count()) > 0 && (await more.getAttribute('open')) === null)
          await more.locator('summary').click();
        return button.isVisible();
      })
      .toBe(true);
    await button.click();
    await this.sheet.waitFor();
    return this.sheet;
  }

  async submitSheet(): Promise<void> {
    await this.sheet.getByTestId('sheet-submit').click();
    await this.sheet.waitFor({ state: 'detached' });
  }

  async choose(group: string, label: string): Promise<void> {
    await this.sheet.getByTestId(group).getByText(label, { exact: true }).click();
  }

  async classify(category: string, priority: string): Promise<void> {
    await this.openAction('classify');
    await this.choose('classify-category', category);
    await this.choose('classify-priority', priority);
    await this.submitSheet();
  }

  async schedule(meetingText: string): Promise<void> {
    await this.openAction('schedule');
    await this.sheet.getByTestId('schedule-meetings').getByText(meetingText).click();
    await this.submitSheet();
  }

  async tally(forN: number, against: number, abstain: number): Promise<void> {
    await this.openAction('tally');
    await this.sheet.locator('input[name="for"]').fill(String(forN));
    await this.sheet.locator('input[name="against"]').fill(String(against));
    await this.sheet.locator('input[name="abstain"]').fill(String(abstain));
    await this.submitSheet();
  }

  /**
   * Decides with a note. `reloaded`: the tab reloads before 提交 (a switch to WeChat may kill it on a
   * phone short of memory); the sheet must come back holding the outcome and the note.
   */
  async decide(outcome: '通过' | '不通过' | '暂缓，下次再议', note: string, reloaded = false): Promise<void> {
    await this.openAction('decide');
    await this.choose('decide-outcome', outcome);
    await this.sheet.locator('textarea[name="note"]').fill(note);
    if (reloaded) {
      await this.reloadSheet();
      await expect.poll(() => this.sheet.locator('textarea[name="note"]').inputValue()).toBe(note);
      await expect(this.chosen('decide-outcome')).resolves.toBe(outcome);
    }
    await this.submitSheet();
  }

  /** What the decide sheet shows the decision rests on (the count or its absence); closes it again. */
  async decisionBasis(): Promise<string[]> {
    await this.openAction('decide');
    const basis = await this.sheet
      .locator('[data-testid="decide-tally"], [data-testid="decide-votes"], [data-testid="decide-no-count"]')
      .allTextContents();
    await this.page.keyboard.press('Escape');
    await this.sheet.waitFor({ state: 'detached' });
    return basis;
  }

  /** Reloads the tab with a sheet open, and waits for the sheet to open again. */
  async reloadSheet(): Promise<void> {
    await this.page.reload();
    await this.sheet.waitFor();
  }

  /** The label of the chip chosen in a sheet's choice group. */
  async chosen(group: string): Promise<string> {
    const chosen = this.sheet
      .getByTestId(group)
      .locator('.choice')
      .filter({ has: this.page.locator('input:checked') });
    return (await chosen.textContent()) ?? '';
  }

  /** Assigns with a deadline: a day "YYYY-MM-DD" typed, or one of the quick choices under the field (一周后). */
  async assign(party: '社区' | '业委会' | '物业', deadline: string): Promise<void> {
    await this.openAction('assign');
    await this.choose('assign-owner', party);
    if (deadline.endsWith('后')) await this.sheet.getByRole('button', { name: deadline, exact: true }).click();
    else await this.sheet.locator('input[name="deadline"]').fill(deadline);
    await this.submitSheet();
  }

  /**
   * Reports the result, with a photo if given. `reloaded`: the tab reloads before 提交 (Android may
   * kill it while the camera is open); the sheet must come back holding what was filled in.
   */
  async complete(result: string, photo?: Buffer, reloaded = false): Promise<void> {
    await this.openAction('complete');
    await this.sheet.locator('textarea[name="text"]').fill(result);
    if (photo) {
      await this.sheet
        .getByTestId('photo-camera')
        .setInputFiles({ name: 'result.jpg', mimeType: 'image/jpeg', buffer: photo });
      await this.sheet.locator('[data-testid="photo-chosen"] img[data-state="ready"]').waitFor();
    }
    if (reloaded) {
      await this.page.reload();
      await this.sheet.waitFor();
      await expect.poll(() => this.sheet.locator('textarea[name="text"]').inputValue()).toBe(result);
      if (photo) await this.sheet.locator('[data-testid="photo-chosen"] img[data-state="ready"]').waitFor();
    }
    await this.submitSheet();
  }

  async vote(choice: 'for' | 'against' | 'abstain'): Promise<void> {
    await this.root.locator(`[data-vote="${choice}"]`).click();
    await this.root.locator(`[data-vote="${choice}"][aria-pressed="true"]`).waitFor();
  }

  async confirm(): Promise<void> {
    await this.root.getByTestId('confirm-button').click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: '确认签字' }).click();
    await this.root.getByTestId('confirm-button').waitFor({ state: 'detached' });
  }

  async rate(stars: 1 | 2 | 3 | 4 | 5, solved: boolean | undefined, comment = ''): Promise<void> {
    await this.openAction('rate');
    await this.sheet
      .getByTestId('rate-stars')
      .locator('.choice-label')
      .filter({ hasText: `${stars} 星` })
      .click();
    if (solved !== undefined) await this.choose('rate-solved', solved ? '解决了' : '没解决');
    if (comment) await this.sheet.locator('textarea').last().fill(comment);
    await this.submitSheet();
  }

  /** Photos in the request's own facts, by state: ready | loading | missing | failed. */
  photoStates(): Promise<string[]> {
    return this.root
      .locator('.facts [data-photo]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-state') ?? ''));
  }

  async timelineText(): Promise<string> {
    return (await this.root.getByTestId('timeline').textContent()) ?? '';
  }

  /** The action items under 会上, as shown (what, owner and deadline, done or overdue). */
  async meetingActions(): Promise<string[]> {
    return (await this.root.getByTestId('meeting-action').allTextContents()).map((x) => x.trim());
  }
}
