import { setTimeout as sleep } from 'node:timers/promises';
import { Hono } from 'hono';
import type { AgendaFirstScreenBody } from '../../shared/api/firstScreen.ts';
import { agendaOpening, newestFirst } from '../../shared/folds/agendaList.ts';
import type { CompoundState } from '../../shared/folds/CompoundState.ts';
import { ledgerTodos } from '../../shared/folds/ledgerQueries.ts';
import type { Member, Party } from '../../shared/roles.ts';
import { CausalGuard } from '../../shared/rules/CausalGuard.ts';
import { bearerToken } from '../auth/requireMember.ts';
import type { Tickets } from '../auth/TicketBook.ts';
import type { AppEnv, Services } from '../http.ts';
import type { MemberRow } from '../storage/Storage.ts';
import { admitForDocument } from './admission.ts';

/** Cards on the first screen: what a phone shows above the fold, with room to spare (as the agenda keeps). */
export const FIRST_SCREEN_CARDS = 8;
/** A room that takes longer to load gives no first screen: the phone waits for its copy as before. */
const LOAD_WAIT_MS = 8_000;

/**
 * The agenda's first screen for a phone that holds nothing of the compound yet (a first join): the
 * first cards of 进行中 and the tabs' counts, from the relay's own fold of the public document (the
 * fold the phones run, kept for the causal rules). On weak mobile data the whole document takes
 * seconds to arrive (1.8 MB for a five-year compound: 7 s at 2 Mbit/s); this is a few kB. The phone
 * shows it as it shows the screen it kept from its last visit, said as such, until its own copy is
 * open. Loads the room, which the phone's socket is about to do anyway.
 */
export function firstScreenRoutes(s: Services, tickets: Tickets): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/compounds/:compoundId/agenda/first-screen', async (c) => {
    // As the member rate limit reads it (a bare token would pass uncharged).
    const token = bearerToken(c.req.header('authorization'));
    const compoundId = c.req.param('compoundId');
    const admission = await admitForDocument(s.storage.accounts, tickets, compoundId, 'public', { token });
    const { member } = admission;
    const waited = new AbortController();
    const state = await Promise.race([
      s.relay
        .read(compoundId, admission.doc, (_doc, rules) => (rules instanceof CausalGuard ? rules.folded() : undefined))
        .catch(() => undefined),
      sleep(LOAD_WAIT_MS, undefined, { signal: waited.signal }).catch(() => undefined),
    ]).finally(() => waited.abort());
    if (!state) return c.body(null, 204, { 'cache-control': 'no-store' });
    const body = await firstScreenOf(s, state, member);
    return c.json(body, 200, { 'cache-control': 'private, no-store' });
  });

  return app;
}

async function firstScreenOf(s: Services, state: CompoundState, member: Member): Promise<AgendaFirstScreenBody> {
  const savedAt = s.now();
  const requests = newestFirst(Object.values(state.agenda.requests));
  const opening = agendaOpening(
    requests,
    { memberId: member.memberId, party: member.party, now: savedAt },
    FIRST_SCREEN_CARDS,
  );
  // Read before the lookups below wait: the room folds on meanwhile, and this answer is of one moment.
  const ledger = { ...state.ledger, expenses: { ...state.ledger.expenses } };
  const raisers = opening.cards.filter((c) => c.raisedFor === null).map((c) => c.raisedBy);
  // An approved expense waits on its proposer's party, as the phone reads it from the members document.
  const proposers = Object.values(ledger.expenses)
    .filter((x) => x.status === 'approved')
    .map((x) => x.by);
  const found = new Map<string, MemberRow | undefined>();
  await Promise.all(
    [...new Set([...raisers, ...proposers])].map(async (id) => {
      const row = await s.storage.accounts.getMember(id);
      // A log may name anyone (the relay refuses that now, an old log or a bug may hold it): only this
      // compound's members count, as in the phone's own members document.
      found.set(id, row?.compoundId === member.compoundId ? row : undefined);
    }),
  );
  const names: Record<string, string> = {};
  for (const id of raisers) {
    const raiser = found.get(id);
    if (raiser) names[id] = raiser.name;
  }
  const partyOf = (id: string): Party | undefined => {
    const party = found.get(id)?.party;
    return party === undefined || party === 'none' ? undefined : party;
  };
  // 我的 holds what waits on the member's party in the ledger, as on the phone. Minutes' action items
  // and care visits are a member's own, in documents this does not read: a member joining has none,
  // a member on a new phone may (the phone's count adds them once its copies are in).
  const todos = member.party === 'none' ? 0 : ledgerTodos(ledger, member.party, partyOf).length;
  const counts = { ...opening.counts, mine: opening.counts.mine + todos };
  return { v: 1, from: 'relay', memberId: member.memberId, savedAt, ...opening, counts, names };
}
