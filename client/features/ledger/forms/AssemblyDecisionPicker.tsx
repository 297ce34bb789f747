import { Show } from 'solid-js';
import { formatDate } from '../../../../shared/time.ts';
import type { AssemblyDecision } from '../../../domain/useAssemblyDecisions.ts';
import { intlLocale, t } from '../../../i18n/index.ts';
import { PickField } from './fields.tsx';

/** Key of a decision in the picker: the meeting and the decision's event id. */
export const decisionKey = (d: AssemblyDecision) => `${d.meetingId}/${d.decisionId}`;

/** Which owners' assembly decision that passed an expense carries out; says so when there is none yet. */
export function AssemblyDecisionPicker(props: {
  decisions: readonly AssemblyDecision[];
  value: string;
  onChange: (key: string) => void;
  required?: boolean;
}) {
  const passed = () => props.decisions.filter((d) => d.passed);
  return (
    <div data-testid="assembly-picker">
      <Show when={passed().length > 0} fallback={<p class="field-hint">{t('ledger.assembly.noneYet')}</p>}>
        <PickField
          label={t('ledger.assembly.decision')}
          name="assembly"
          value={props.value}
          onChange={props.onChange}
          options={passed().map((d) => ({
            value: decisionKey(d),
            label: `${formatDate(d.at, intlLocale())} ${d.text}`,
          }))}
          placeholder={t('ledger.assembly.pick')}
          required={props.required}
        />
      </Show>
    </div>
  );
}
