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
  const names: Record<string, string> = {};
  for (const card of opening.cards) {
    if (card.raisedFor !== null || card.raisedBy in names) continue;
    const raiser = await s.storage.accounts.getMember(card.raisedBy);
    // A log may name anyone (the relay refuses that now, an old log or a bug may hold it): only this
    // compound's members are named, as the phone's own members document would.
    if (raiser?.compoundId === member.compoundId) names[card.raisedBy] = raiser.name;
  }
  const counts = { ...opening.counts, mine: opening.counts.mine + (await ledgerTodoCount(s, state, member)) };
  return { v: 1, from: 'relay', memberId: member.memberId, savedAt, ...opening, counts, names };
}

/**
 * What waits on the member's party in the ledger, which the phone counts under 我的 too. (Minutes'
 * action items and care visits are a member's own: a member joining has none.)
 */
async function ledgerTodoCount(s: Services, state: CompoundState, member: Member): Promise<number> {
  if (member.party === 'none') return 0;
  // An approved expense waits on its proposer's party, as the phone reads it from the members document.
  const parties = new Map<string, Party | undefined>();
  for (const x of Object.values(state.ledger.expenses)) {
    if (x.status !== 'approved' || parties.has(x.by)) continue;
    const proposer = await s.storage.accounts.getMember(x.by);
    const party = proposer?.compoundId === member.compoundId ? proposer.party : 'none';
    parties.set(x.by, party === 'none' ? undefined : party);
  }
  return ledgerTodos(state.ledger, member.party, (id) => parties.get(id)).length;
}
