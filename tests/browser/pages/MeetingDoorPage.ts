import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A meeting page before it starts and at the door: the sign-in QR, assisted sign-in, quorum, topics, move and cancel. */
export class MeetingDoorPage {
  constructor(readonly page: Page) {}

  /** Opens the chair's sign-in QR and returns the link it encodes (also written under it). */
  async openQr(): Promise<string> {
    await this.page.getByTestId('signin-qr-open').click();
    const dialog = this.page.getByTestId('signin-qr');
    await dialog.locator('svg').waitFor();
    return (await dialog.getByTestId('signin-qr-link').textContent())?.trim() ?? '';
  }

  async closeQr(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('signin-qr').waitFor({ state: 'detached' });
  }

  /** Signs in a guest by name, sitting for a party (label as shown, e.g. 物业). */
  async assistGuest(name: string, party: string): Promise<void> {
    await this.openAssist();
    const form = this.page.getByTestId('assist-form');
    await form.getByTestId('assist-who').getByText('来宾（写名字）', { exact: true }).click();
    await form.getByLabel('姓名').fill(name);
    await form.getByTestId('guest-party').getByText(party, { exact: true }).click();
    await form.getByTestId('assist-submit').click();
  }

  /** Signs in a member without a phone, picked by name from the list. */
  async assistMember(name: string): Promise<void> {
    await this.openAssist();
    const form = this.page.getByTestId('assist-form');
    await form.getByTestId('assist-who').getByText('本小区成员', { exact: true }).click();
    const option = form.getByTestId('assist-member').locator('option', { hasText: name });
    await form.getByTestId('assist-member').selectOption((await option.getAttribute('value')) ?? '');
    await form.getByTestId('assist-submit').click();
  }

  private async openAssist(): Promise<void> {
    if (!(await this.page.getByTestId('assist').evaluate((d: HTMLDetailsElement) => d.open))) {
      await this.page.getByTestId('assist-open').click();
    }
  }

  /** The attendee rows as text, e.g. "赵师傅来宾 物业 · 由王阿姨代签". */
  async attendees(): Promise<string[]> {
    return (await this.page.getByTestId('attendee').allTextContents()).map((s) => s.trim());
  }

  /** The owners' assembly figures: met?, area line, owners line. */
  async assembly(): Promise<{ met: string; area: string; owners: string }> {
    const panel = this.page.getByTestId('assembly-quorum');
    const text = async (id: string) => (await panel.getByTestId(id).locator('.row-title').textContent())?.trim() ?? '';
    return {
      met: (await panel.getByTestId('assembly-met').getAttribute('data-complete')) ?? '',
      area: await text('assembly-area'),
      owners: await text('assembly-owners'),
    };
  }

  async addTopic(title: string): Promise<void> {
    const form = this.page.getByTestId('add-topic');
    await form.locator('input[name="topic"]').fill(title);
    await form.getByTestId('add-topic-submit').click();
  }

  async move(place: string, time: string): Promise<void> {
    await this.page.getByTestId('meeting-move').click();
    const dialog = this.page.getByTestId('move-dialog');
    await dialog.locator('input[name="time"]').fill(time);
    await dialog.locator('input[name="place"]').fill(place);
    await dialog.getByTestId('move-submit').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /**
   * Calls the meeting off. `reloaded`: the tab reloads before 确认取消 (a switch to WeChat may kill
   * it); the dialog must come back holding the reason.
   */
  async cancel(reason: string, reloaded = false): Promise<void> {
    await this.page.getByTestId('meeting-cancel').click();
    const dialog = this.page.getByTestId('cancel-dialog');
    await dialog.locator('input[name="reason"]').fill(reason);
    if (reloaded) {
      await this.page.reload();
      await dialog.waitFor();
      await expect.poll(() => dialog.locator('input[name="reason"]').inputValue()).toBe(reason);
    }
    await dialog.getByTestId('cancel-submit').click();
    await dialog.waitFor({ state: 'detached' });
  }

  async lead(): Promise<string> {
    return (await this.page.locator('[data-testid="meeting-page"] .lead').first().textContent()) ?? '';
  }
}

/** The unit register (会议 → 业主名册): import a CSV and read the totals. */
export class UnitsPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/meetings/units`);
    await this.page.getByTestId('units-import').waitFor();
  }

  /** Pastes the CSV, waits for the preview and returns what it says will change. */
  async preview(csv: string): Promise<string> {
    await this.page.getByTestId('units-csv').fill(csv);
    return (await this.page.getByTestId('units-changes').textContent())?.trim() ?? '';
  }

  async problems(): Promise<string[]> {
    return this.page.getByTestId('units-problem').allTextContents();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('units-save').click();
    await this.page
      .getByTestId('units-saved')
      .getByText(/已保存/)
      .waitFor();
  }

  async summary(): Promise<string> {
    return (await this.page.getByTestId('units-summary').textContent())?.trim() ?? '';
  }
}
