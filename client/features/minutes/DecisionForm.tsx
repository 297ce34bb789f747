import { createSignal, For } from 'solid-js';
import type { Tally } from '../../../shared/events/envelope.ts';
import type { RequestState } from '../../../shared/folds/index.ts';
import type { Minutes } from '../../domain/useMinutes.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { DecisionRequestPicker } from './DecisionRequestPicker.tsx';

const tallyKeys = ['for', 'against', 'abstain'] as const;

/** Records a decision: what was decided, on which request, and a show of hands if one was counted. */
export function DecisionForm(props: { minutes: Minutes; choices: RequestState[]; defaultRequest: string }) {
  const [text, setText] = createSignal('');
  const [requestId, setRequestId] = createSignal<string>();
  const [tally, setTally] = createSignal<Record<(typeof tallyKeys)[number], string>>({
    for: '',
    against: '',
    abstain: '',
  });
  const request = () => requestId() ?? props.defaultRequest;

  const record = createSubmit(() => {
    if (!text().trim()) return t('form.fillRequired', { field: t('minutes.decisionText') });
    const counts = tallyKeys.map((k) => tally()[k].trim());
    let given: Tally | undefined;
    if (counts.some((c) => c !== '')) {
      const n = counts.map((c) => (c === '' ? 0 : Number(c)));
      if (n.some((x) => !Number.isInteger(x) || x < 0)) return t('minutes.tallyInvalid');
      given = { for: n[0]!, against: n[1]!, abstain: n[2]! };
    }
    props.minutes.recordDecision({ text: text(), tally: given, requestId: request() || undefined });
    setText('');
    setTally({ for: '', against: '', abstain: '' });
  });

  return (
    <form class="form minutes-form" onSubmit={record.onSubmit} novalidate data-testid="decision-form">
      <DecisionRequestPicker
        label={t('minutes.decisionAbout')}
        choices={props.choices}
        value={request()}
        onChange={setRequestId}
        testId="decision-request"
      />
      <TextField
        label={t('minutes.decisionText')}
        required
        value={text()}
        onInput={setText}
        multiline
        maxLength={2000}
      />
      <fieldset class="minutes-tally-fields">
        <legend class="field-label">{t('minutes.tallyLegend')}</legend>
        <For each={tallyKeys}>
          {(k) => (
            <label class="minutes-tally-field">
              <span>{t(`minutes.tally.${k}` as MessageKey)}</span>
              <input
                class="input"
                inputMode="numeric"
                name={`tally-${k}`}
                value={tally()[k]}
                onInput={(e) => setTally({ ...tally(), [k]: e.currentTarget.value })}
                data-testid={`tally-${k}`}
              />
            </label>
          )}
        </For>
      </fieldset>
      <FormError error={record.error()} />
      <button type="submit" class="btn btn-primary btn-block" data-testid="decision-add">
        {t('minutes.decisionAdd')}
      </button>
    </form>
  );
}
