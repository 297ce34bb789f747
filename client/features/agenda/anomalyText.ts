import type { Stage } from '../../../shared/folds/index.ts';

/** Why an event did not take effect, as a catalog key and its values (the fold speaks English to developers). */
export type AnomalyWords =
  | { key: 'anomaly.stage'; stage: Stage }
  | {
      key: `anomaly.${'decided' | 'confirmed' | 'answered' | 'notRaiser' | 'noMeeting' | 'noTarget' | 'schema' | 'duplicate' | 'nothingToRate'}`;
    }
  | { key: 'anomaly.other'; reason: string };

const stages = new Set<string>([
  'raised',
  'classified',
  'scheduled',
  'decided',
  'assigned',
  'completed',
  'reopened',
  'closed',
  'withdrawn',
  'merged',
]);

export function anomalyWords(reason: string): AnomalyWords {
  const stage = /^(?:not allowed when|cannot merge when|cannot merge into a request that is) (\w+)$/.exec(reason)?.[1];
  if (stage && stages.has(stage)) return { key: 'anomaly.stage', stage: stage as Stage };
  if (reason === 'already decided') return { key: 'anomaly.decided' };
  if (reason === 'already confirmed') return { key: 'anomaly.confirmed' };
  if (reason === 'escalation already answered') return { key: 'anomaly.answered' };
  if (/^only the raiser/.test(reason)) return { key: 'anomaly.notRaiser' };
  if (reason === 'no such meeting') return { key: 'anomaly.noMeeting' };
  if (/^no such (request|escalation)/.test(reason)) return { key: 'anomaly.noTarget' };
  if (reason === 'nothing completed to rate') return { key: 'anomaly.nothingToRate' };
  if (reason === 'duplicate event id') return { key: 'anomaly.duplicate' };
  if (reason.startsWith('schema:')) return { key: 'anomaly.schema' };
  return { key: 'anomaly.other', reason };
}
