import type { AssemblyTally } from '../../../shared/events/meeting.ts';
import { assemblyOutcome, perMille } from '../../../shared/folds/assemblyTally.ts';
import { type MessageKey, t } from '../../i18n/index.ts';

/** Tenths of a percent as "62.3". */
const percent = (pm: number) => `${Math.floor(pm / 10)}.${pm % 10}`;

/** An assembly's count in words: "通过：面积 62.3%，人数 58.0%，均过半" or why it did not pass. */
export function assemblyResultText(tally: AssemblyTally): string {
  const { passed } = assemblyOutcome(tally);
  const outcome = passed ? 'passed' : 'failed';
  return t(`minutes.assemblyResult.${outcome}` as MessageKey, {
    area: percent(perMille(tally.areaFor, tally.areaTakingPart)),
    owners: percent(perMille(tally.ownersFor, tally.ownersTakingPart)),
    rule: t(`minutes.assemblyRule.${tally.matter}.${outcome}` as MessageKey),
  });
}
