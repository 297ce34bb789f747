import { type Accessor, createMemo, createSignal } from 'solid-js';
import type { AgendaFirstScreenBody } from '../../shared/api/firstScreen.ts';
import { CloseCode } from '../../shared/errors.ts';
import type { Member } from '../../shared/roles.ts';
import { isCommittee, isPartner } from '../../shared/roles.ts';
import { type Account, accountFor, reloadAccount, updateAccount } from './accounts.ts';
import { ApiError, api } from './api.ts';
import { type Connection, DocHandle, type DocProblem, type StorageProblem } from './DocHandle.ts';
import { fetchFirstScreen } from './firstScreen.ts';
import { docsWithUnsent } from './unsentDocs.ts';
import { type UnsentDoc, unsentWrites } from './unsentWrites.ts';

export type SyncState = 'loading' | 'offline' | 'connecting' | 'synced' | 'stopped';

export interface SyncSummary {
  state: SyncState;
  /** Local changes the relay has not acknowledged, over all open documents. */
  unsent: number;
}

export const CLOSE_CHECK_MS = 2_000;

/** A document whose copy was reset after the relay refused a write: its unsent writes are in `file`. */
export interface CopyReset {
  docName: string;
  /** The saved copy's JSON file, as downloaded. */
  file: string;
}

/**
 * The documents of one compound: the one being viewed, or one left with unsent changes and kept
 * syncing in the background until the relay holds them (`sessionKeeper.ts`).
 */
export class CompoundSession {
  private readonly handles = new Map<string, DocHandle>();
  /** How many pages hold each document opened with hold(). */
  private readonly holders = new Map<string, number>();
  private readonly closing = new Map<string, ReturnType<typeof setInterval>>();
  readonly summary: Accessor<SyncSummary>;
  readonly problems: Accessor<{ docName: string; problem: DocProblem | StorageProblem; handle: DocHandle }[]>;
  private lastCheck = 0;
  /**
   * How many reads of the role and name were sent this visit (a count, not a time: a clock set back
   * would make a read look older than a connection it followed); whether one was answered.
   */
  private readsSent = 0;
  private answered = false;
  private destroyed = false;
  /** The role and name being read from the API now, for whoever else asks meanwhile. */
  private checking: Promise<boolean> | undefined;
  /** Tokens the API refused to this session; a key renewed in another tab is not among them. */
  private readonly refused = new Set<string>();
  private readonly list = createSignal<DocHandle[]>([]);
  private readonly relayScreen = createSignal<AgendaFirstScreenBody | undefined>();
  private readonly resets = createSignal<readonly CopyReset[]>([]);
  /** Every reset after a refusal this visit, oldest first (the unsent sheet names those since it opened). */
  readonly copyResets: Accessor<readonly CopyReset[]> = this.resets[0];
  /** The agenda's first screen from the relay, on a first join (fetched once the public copy is found empty). */
  readonly firstScreen: Accessor<AgendaFirstScreenBody | undefined> = this.relayScreen[0];

  /**
   * `onlyUnsent`: opens only the documents an earlier visit left with unsent changes, to send them in
   * the background (`sessionKeeper.ts`); `openCore` opens the rest once a page shows the compound.
   */
  constructor(
    private readonly initial: Account,
    options: { onlyUnsent?: boolean } = {},
  ) {
    if (!options.onlyUnsent) this.openCore();
    // Documents an earlier visit left with unsent changes (a meeting's notes typed offline, its
    // page left): open until the relay holds them, and counted in the summary meanwhile.
    for (const name of docsWithUnsent(initial.compoundId)) if (!this.handles.has(name)) this.hold(name).release();
    this.summary = createMemo(() => summarize(this.list[0]()));
    this.problems = createMemo(() =>
      this.list[0]().flatMap((h) => {
        const problems = [h.problem(), h.storageProblem()].filter((p) => p !== undefined);
        return problems.map((problem) => ({ docName: h.name, problem, handle: h }));
      }),
    );
    void this.checkToken();
  }

  /**
   * The documents every page of the compound reads, open for the whole visit (taken out of closing if
   * a background send had opened them): a partner's phone the needs board alone, since the relay
   * would refuse them every other document.
   */
  openCore(): void {
    const names = isPartner(this.initial) ? ['needs'] : ['public', 'members'];
    if (isCommittee(this.initial)) names.push('committee');
    for (const name of names) {
      clearInterval(this.closing.get(name));
      this.closing.delete(name);
      this.holders.delete(name);
      this.doc(name);
    }
  }

  get compoundId(): string {
    return this.initial.compoundId;
  }

  /** The live account (role and name refresh from /api/me); the snapshot once it is removed. */
  get account(): Account {
    return accountFor(this.initial.compoundId) ?? this.initial;
  }

  /** The member as checkEvent sees them. */
  get member(): Member {
    const a = this.account;
    const unit = a.unit !== undefined ? { unit: a.unit } : {};
    return { memberId: a.memberId, compoundId: a.compoundId, name: a.name, role: a.role, party: a.party, ...unit };
  }

  private async fetchFirstScreen(): Promise<void> {
    const { compoundId, memberId, token } = this.account;
    // A screen from an earlier first join of this session (before a reset) is not this one's.
    this.relayScreen[1](undefined);
    const screen = await fetchFirstScreen(compoundId, memberId, token);
    if (screen) this.relayScreen[1](screen);
  }

  /** The handle of a document, opened on first use. */
  doc(docName: string): DocHandle {
    let h = this.handles.get(docName);
    if (!h) {
      h = new DocHandle({
        compoundId: this.account.compoundId,
        docName,
        memberId: this.account.memberId,
        ticket: () => this.syncTicket(),
        token: () => this.account.token,
        onFatal: (code) => void this.lost(code),
        onUnreachable: () => void this.checkToken(),
        onRoleChanged: () => void this.roleChanged(),
        onConnected: (again) => {
          if (again || !this.answered) void this.readRoleSince(this.readsSent);
        },
        onRecovered: (copy) => this.resets[1]((all) => [...all, { docName, file: copy.jsonName }]),
        ...(docName === 'public' ? { onFirstJoin: () => void this.fetchFirstScreen() } : {}),
      });
      this.handles.set(docName, h);
      this.list[1]([...this.handles.values()]);
    }
    return h;
  }

  /**
   * A document a page shows for a while (a meeting's minutes): opened now, closed after the last
   * holder lets go and the relay holds everything written in it (so nothing waits on the phone).
   */
  hold(docName: string): { handle: DocHandle; release(): void } {
    clearInterval(this.closing.get(docName));
    this.closing.delete(docName);
    this.holders.set(docName, (this.holders.get(docName) ?? 0) + 1);
    const handle = this.doc(docName);
    let released = false;
    return {
      handle,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.holders.get(docName) ?? 1) - 1;
        if (left > 0) return void this.holders.set(docName, left);
        this.holders.delete(docName);
        const closeWhenSent = () => {
          // Its unsent changes are counted once the local copy has loaded.
          if (!handle.loaded()) return;
          // Unsent changes keep it open, even when the relay stopped it (a day's quota used up): its
          // count and its problem stay on the status bar, so the phone never says all is sent.
          if (handle.unsent() > 0) return;
          // Reset after the relay refused it: open until the member has read what was saved.
          if (handle.problem()?.kind === 'recovered') return;
          clearInterval(this.closing.get(docName));
          this.closing.delete(docName);
          if (this.handles.get(docName) !== handle) return;
          this.handles.delete(docName);
          this.list[1]([...this.handles.values()]);
          void handle.destroy();
        };
        this.closing.set(docName, setInterval(closeWhenSent, CLOSE_CHECK_MS));
        closeWhenSent();
      },
    };
  }

  /**
   * The relay refused an upgrade with HTTP 401 looks like a network failure: ask the API (at most
   * every 30 s). `now`: the relay said the role changed, so the role and name are read at once (every
   * open document hears it: one request serves them all). True once the API answered.
   */
  async checkToken(now = false): Promise<boolean> {
    if (this.checking) return this.checking;
    if (!navigator.onLine || (!now && Date.now() - this.lastCheck < 30_000)) return false;
    this.lastCheck = Date.now();
    this.readsSent++;
    this.checking = this.readAccount().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async readAccount(): Promise<boolean> {
    const token = this.account.token;
    try {
      const me = await api.me(token);
      const a = this.account;
      if (me.role !== a.role || me.party !== a.party || me.name !== a.name || me.unit !== a.unit) {
        await updateAccount(this.compoundId, { role: me.role, party: me.party, name: me.name, unit: me.unit });
      }
      this.answered = true;
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        this.refused.add(token);
        await this.lost(CloseCode.Unauthenticated);
        return true;
      }
      if (e instanceof ApiError && e.status === 404) {
        await this.lost(CloseCode.NotFound);
        return true;
      }
      // Unanswered: the next check is not held back by this one.
      this.lastCheck = 0;
      return false;
    }
  }

  /**
   * The relay said the member's role changed: their role is read until the API answers (a few tries
   * a few seconds apart), so the app does not go on writing what the relay now refuses.
   */
  private async roleChanged(tries = 4): Promise<void> {
    for (let i = 0; i < tries && !this.destroyed; i++) {
      if (await this.checkToken(true)) return;
      await new Promise((r) => setTimeout(r, 3_000 * (i + 1)));
    }
  }

  /**
   * A document connected again after the phone was away from the relay (or before this visit's first
   * read was answered): a role changed meanwhile sent it no 4100, so the role is read by a request
   * sent after the connection opened. Documents that connect together share one, or wait for the
   * read under way and share the next. `sentBefore`: how many reads had been sent when it opened.
   */
  private async readRoleSince(sentBefore: number): Promise<void> {
    while (this.readsSent <= sentBefore && !this.destroyed) {
      if (this.checking) await this.checking;
      else if (!(await this.checkToken(true))) return;
    }
  }

  /**
   * Replaces the member's token (a phone lost or shared): the old one stops working at once, on
   * the relay and the API. The documents stay off the relay meanwhile: the relay closes the old
   * token's sockets, and a reconnect with it must not look like a removal.
   */
  async renewToken(): Promise<void> {
    const handles = [...this.handles.values()];
    for (const h of handles) h.pause();
    try {
      const { token } = await api.renewToken(this.account.token);
      await updateAccount(this.compoundId, { token });
    } finally {
      for (const h of handles) h.resume();
    }
  }

  /**
   * Whether every open document has loaded and the relay holds everything written in it, and none was
   * reset after a refusal (its saved copy waits to be read, in the banner, when the compound is next
   * shown).
   */
  allSent(): boolean {
    return [...this.handles.values()].every((h) => h.loaded() && h.unsent() === 0 && h.problem()?.kind !== 'recovered');
  }

  /** What each open document holds that the relay does not, written on this phone (the unsent list). */
  unsentDocs(): UnsentDoc[] {
    return this.list[0]().map((h) => {
      const doc = h.doc();
      return { name: h.name, writes: unsentWrites(doc, h.unsentState()), log: () => doc.getArray('events').toArray() };
    });
  }

  /** The member the session writes as. */
  get memberId(): string {
    return this.initial.memberId;
  }

  destroy(): void {
    this.destroyed = true;
    for (const timer of this.closing.values()) clearInterval(timer);
    this.closing.clear();
    for (const h of this.handles.values()) void h.destroy();
    this.handles.clear();
  }

  /** Read at each connect, so a renewed token is used from the next one on. */
  private async syncTicket(): Promise<string> {
    const token = this.account.token;
    try {
      return (await api.syncTicket(this.compoundId, token)).ticket;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) this.refused.add(token);
      throw e;
    }
  }

  private async lost(code: number): Promise<void> {
    // Another tab of this phone may have renewed the key: the stored one may still work, and
    // marking the account lost would overwrite it with the dead one.
    const stored = code === CloseCode.Unauthenticated ? await reloadAccount(this.compoundId) : undefined;
    if (stored && !stored.lost && stored.memberId === this.initial.memberId && !this.refused.has(stored.token)) {
      for (const h of this.handles.values()) {
        const p = h.problem();
        if (p?.kind === 'closed' && p.code === code) h.retry();
      }
      return;
    }
    await updateAccount(this.compoundId, { lost: { code, at: Date.now() } });
  }
}

function summarize(handles: DocHandle[]): SyncSummary {
  const unsent = handles.reduce((n, h) => n + h.unsent(), 0);
  const states = handles.map((h) => docState(h.loaded(), h.connection(), h.synced(), h.problem()));
  const order: SyncState[] = ['stopped', 'loading', 'offline', 'connecting', 'synced'];
  const state = order.find((s) => states.includes(s)) ?? 'synced';
  return { state, unsent };
}

function docState(loaded: boolean, connection: Connection, synced: boolean, problem?: DocProblem): SyncState {
  if (problem?.kind === 'closed') return 'stopped';
  if (!loaded) return 'loading';
  if (connection === 'offline') return 'offline';
  if (connection === 'connecting' || !synced) return 'connecting';
  return 'synced';
}
