import { shanghaiDay } from '../time.ts';
import type { CompoundState } from './CompoundState.ts';
import type { RequestState } from './RequestState.ts';

/** Who reported, for the community's counts: read from the raiser's profile tags, never from the report. */
export const reporterKinds = ['grid-worker', 'delivery-rider', 'resident'] as const;
export type ReporterKind = (typeof reporterKinds)[number];

/** Steps by which the committee takes a request up (分类理事 and after). */
const takenUp = new Set([
  'request.classified',
  'request.scheduled',
  'request.decided',
  'request.assigned',
  'request.completed',
]);

/** Ends that mean the report was not accepted: rejected (closed), taken back, or a duplicate merged away. */
const refused = new Set<RequestState['stage']>(['closed', 'withdrawn', 'merged']);

/** An accepted snap report: the award key is the request's id. */
export interface AcceptedSnap {
  requestId: string;
  memberId: string;
  raisedAt: number;
  /** When the committee first took it up. */
  acceptedAt: number;
}

/** The member's reporter kind now: a grid worker before a delivery rider; anyone else is a resident. */
export function reporterKind(state: CompoundState, memberId: string): ReporterKind {
  const tags = state.practice.profiles[memberId]?.tags ?? [];
  if (tags.includes('grid-worker')) return 'grid-worker';
  if (tags.includes('delivery-rider')) return 'delivery-rider';
  return 'resident';
}

/** Every snap report (随手拍) of the agenda, oldest first. */
export function snapReports(state: CompoundState): RequestState[] {
  return Object.values(state.agenda.requests)
    .filter((r) => r.snap)
    .sort((a, b) => a.raisedAt - b.raisedAt || a.id.localeCompare(b.id));
}

/**
 * When the committee accepted a snap report, or null: accepted once it was classified (or moved on
 * by any later step) and it was not rejected, withdrawn or merged into another request.
 */
export function snapAcceptedAt(request: RequestState): number | null {
  if (!request.snap || refused.has(request.stage)) return null;
  return request.timeline.find((x) => takenUp.has(x.type))?.at ?? null;
}

/** Accepted snap reports, oldest first: what the points module suggests awards for. */
export function acceptedSnapReports(state: CompoundState): AcceptedSnap[] {
  const out: AcceptedSnap[] = [];
  for (const r of snapReports(state)) {
    const acceptedAt = snapAcceptedAt(r);
    if (acceptedAt !== null) out.push({ requestId: r.id, memberId: r.raisedBy, raisedAt: r.raisedAt, acceptedAt });
  }
  return out;
}

export interface SnapCounts {
  reported: number;
  accepted: number;
  completed: number;
}

/** One month's snap reports by reporter kind; counts only. */
export interface SnapMonth {
  /** "YYYY-MM" in Asia/Shanghai, of the day the reports were raised. */
  month: string;
  byKind: Record<ReporterKind, SnapCounts>;
  total: SnapCounts;
}

const zero = (): SnapCounts => ({ reported: 0, accepted: 0, completed: 0 });

/** Snap reports per month (newest first) by reporter kind, with how many were accepted and completed. */
export function snapCountsByMonth(state: CompoundState): SnapMonth[] {
  const months = new Map<string, SnapMonth>();
  for (const r of snapReports(state)) {
    const month = shanghaiDay(r.raisedAt).slice(0, 7);
    let m = months.get(month);
    if (!m) {
      m = { month, byKind: { 'grid-worker': zero(), 'delivery-rider': zero(), resident: zero() }, total: zero() };
      months.set(month, m);
    }
    const accepted = snapAcceptedAt(r) !== null;
    const completed = accepted && r.completion !== null;
    for (const c of [m.byKind[reporterKind(state, r.raisedBy)], m.total]) {
      c.reported += 1;
      if (accepted) c.accepted += 1;
      if (completed) c.completed += 1;
    }
  }
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
}
