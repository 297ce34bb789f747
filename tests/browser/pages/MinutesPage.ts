import type { CDPSession, Page } from 'playwright-core';

/** The minutes on a meeting page: sign in, attendance, presence and the notes, typed through an input method. */
export class MinutesPage {
  private cdp: CDPSession | undefined;

  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string, meetingId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/meetings/${meetingId}`);
    await this.notes.waitFor({ timeout: 30_000 });
  }

  get notes() {
    return this.page.getByTestId('notes');
  }

  async signIn(): Promise<void> {
    await this.page.getByTestId('sign-in').click();
    await this.page.getByTestId('signed-in').waitFor();
  }

  /** Opens 帮别人签到 and types `pinyin` then commits `name` into its search field, as an input method does. */
  async assistSearch(pinyin: string, name: string): Promise<void> {
    if (!(await this.page.getByTestId('assist').evaluate((d: HTMLDetailsElement) => d.open))) {
      await this.page.getByTestId('assist-open').click();
    }
    await this.page.getByTestId('assist-search').focus();
    await this.compose(pinyin);
    await this.commit(name);
  }

  /** The members the assisted sign-in offers, as labelled (the first is the "choose" prompt). */
  async assistOptions(): Promise<string[]> {
    return (await this.page.getByTestId('assist-member').locator('option').allTextContents()).slice(1);
  }

  /** Taps 代签 and returns what the form then says (已为…签到). */
  async assistSubmit(): Promise<string> {
    await this.page.getByTestId('assist-submit').click();
    const done = this.page.getByTestId('assist-done');
    await done.waitFor();
    return (await done.textContent())?.trim() ?? '';
  }

  /** Party tiles whose name is drawn on more than one line (a word split). */
  async splitPartyNames(): Promise<string[]> {
    return this.page.locator('.minutes-party-name').evaluateAll((els) =>
      els.flatMap((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
        return tops.size > 1 ? [el.textContent ?? ''] : [];
      }),
    );
  }

  /** Attendance by party label, e.g. { 社区: 1, 业委会: 0, ... }. */
  async attendance(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const li of await this.page.getByTestId('attendance-party').all()) {
      const name = (await li.locator('.minutes-party-name').textContent()) ?? '';
      out[name] = Number(await li.locator('.minutes-party-count').textContent());
    }
    return out;
  }

  async threeParties(): Promise<string> {
    return (await this.page.getByTestId('three-parties').textContent()) ?? '';
  }

  /** Presence chips as shown: "李叔 业委会 第1行". */
  async present(): Promise<string[]> {
    return this.chips('[data-testid="present"]');
  }

  /** Who else the page says is typing, as shown above the notes (empty when nobody is). */
  async typing(): Promise<string> {
    return ((await this.page.getByTestId('typing').textContent()) ?? '').trim();
  }

  /** Presence chips shown greyed as away (data-away), as present() words them. */
  async away(): Promise<string[]> {
    return this.chips('[data-testid="present"][data-away="true"]');
  }

  private async chips(selector: string): Promise<string[]> {
    const out: string[] = [];
    for (const chip of await this.page.locator(selector).all()) {
      const parts = await chip.locator('span').allTextContents();
      out.push(parts.filter((s) => s.trim()).join(' '));
    }
    return out;
  }

  /** Focuses the notes with the caret at `at` (the end if omitted). */
  async caretAt(at?: number): Promise<void> {
    await this.notes.focus();
    await this.notes.evaluate((el: HTMLTextAreaElement, i) => {
      const n = i ?? el.value.length;
      el.setSelectionRange(n, n);
    }, at);
  }

  async caret(): Promise<number> {
    return this.notes.evaluate((el: HTMLTextAreaElement) => el.selectionStart);
  }

  async value(): Promise<string> {
    return this.notes.inputValue();
  }

  /** Opens a composition and types pinyin into it, as an input method does, without committing. */
  async compose(pinyin: string): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    for (let i = 1; i <= pinyin.length; i++) {
      const text = pinyin.slice(0, i);
      await this.cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
  }

  /** Commits the open composition (or types, if none is open) the chosen characters. */
  async commit(text: string): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    await this.cdp.send('Input.insertText', { text });
  }

  /** Records every value the page writes into the notes from now on (what this phone ever showed). */
  async recordShownValues(): Promise<void> {
    await this.notes.evaluate((el: HTMLTextAreaElement) => {
      const desc = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
      const seen: string[] = [];
      (window as unknown as { shownNotes: string[] }).shownNotes = seen;
      Object.defineProperty(el, 'value', {
        configurable: true,
        get() {
          return desc.get!.call(this);
        },
        set(v: string) {
          seen.push(v);
          desc.set!.call(this, v);
        },
      });
    });
  }

  async shownValues(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { shownNotes: string[] }).shownNotes ?? []);
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('notes-undo').click();
  }

  async canUndo(): Promise<boolean> {
    return this.page.getByTestId('notes-undo').isEnabled();
  }
}
