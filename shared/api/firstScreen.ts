import * as v from 'valibot';
import { categories } from '../events/request.ts';
import { stages, turns } from '../folds/index.ts';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const text = v.pipe(v.string(), v.maxLength(2000));
const ListedRequestSchema = v.object({
  id: text,
  title: text,
  stage: v.picklist(stages),
  category: v.picklist(categories),
  snap: v.boolean(),
  building: v.nullable(text),
  photoCount: count,
  turn: v.nullable(v.picklist(turns)),
  raisedBy: text,
  raisedFor: v.nullable(text),
  raisedAt: v.number(),
  deadline: v.nullable(v.pipe(v.string(), v.isoDate())),
});
/**
 * The agenda's first screen: the unfiltered 进行中 tab's first cards, the main tabs' counts and the
 * names on those cards. A phone keeps the one it showed for its next visit (client/domain/
 * agendaFirstScreen.ts); a phone on its first join gets one from the relay (GET
 * /api/compounds/:compoundId/agenda/first-screen, `from: 'relay'`).
 */
export const AgendaFirstScreenSchema = v.object({
  v: v.literal(1),
  /** Made by the relay for a first join; absent when the phone kept it itself. */
  from: v.optional(v.literal('relay')),
  memberId: text,
  savedAt: v.number(),
  counts: v.object({ open: count, mine: count, overdue: count, all: count }),
  turnTotals: v.object({ community: count, owners: count, property: count }),
  cards: v.pipe(v.array(ListedRequestSchema), v.maxLength(50)),
  names: v.record(v.string(), text),
});

export type AgendaFirstScreenBody = v.InferOutput<typeof AgendaFirstScreenSchema>;
