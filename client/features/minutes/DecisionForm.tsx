import { createSignal, For, Show } from 'solid-js';
import type { Tally } from '../../../shared/events/envelope.ts';
import type { AssemblyTally } from '../../../shared/events/meeting.ts';
import { type Outcome, outcomes } from '../../../shared/events/request.ts';
import type { RequestState, VotingOwner } from '../../../shared/folds/index.ts';
import type { Minutes } from '../../domain/useMinutes.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { AssemblyTallyForm } from './AssemblyTallyForm.tsx';
import { createAssemblyDraft } from './createAssemblyDraft.ts';
import { DecisionRequestPicker } from './DecisionRequestPicker.tsx';
import type { RequestChoices } from './requestChoices.ts';
import { createRequestChoice } from './topicDiscussion.ts';

const tallyKeys = ['for', 'against', 'abstain'] as const;

/** The owners by number as a show of hands, so lists and prints that know only `tally` still say it. */
const assemblyShowOfHands = (a: AssemblyTally): Tally => ({
  for: a.ownersFor,
  against: a.ownersAgainst,
  abstain: a.ownersTakingPart - a.ownersFor - a.ownersAgainst,
});

/** Records a decision: what was decided, on which request, and a show of hands if one was counted. */
export function DecisionForm(props: {
  minutes: Minutes;
  choices: RequestChoices;
  requestOf: (requestId: string) => RequestState | undefined;
  /** What the decision is about unless the member chooses: the topic picked or last taken up. */
  defaultRequest: string;
  /** A decision started from a topic: the form takes it and comes into view. */
  picked?: { requestId: string } | undefined;
  /** At an owners' assembly: the owners taking part, counted 双过半 instead of a show of hands. */
  assembly?: { owners: readonly VotingOwner[]; nameOf: (memberId: string) => string };
}) {
  const [text, setText] = createSignal('');
  const { request, choose } = createRequestChoice(
    props,
    () => document.getElementById('decision-form')?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
    () => text().trim() !== '',
  );
  const [tally, setTally] = createSignal<Record<(typeof tallyKeys)[number], string>>({
    for: '',
    against: '',
    abstain: '',
  });
  const [outcome, setOutcome] = createSignal<Outcome>();
  // A request not yet decided is decided by this: its outcome is asked for, and written on the request too.
  const decides = () => props.minutes.decides(request() || undefined);
  const draft = createAssemblyDraft(() => props.assembly?.owners ?? []);

  const record = createSubmit(() => {
    if (!text().trim())
      return { field: 'decision', message: t('form.fillRequired', { field: t('minutes.decisionText') }) };
    const o = decides() ? outcome() : undefined;
    if (decides() && !o) return { field: 'outcome', message: t('decide.choose') };
    const counts = tallyKeys.map((k) => tally()[k].trim());
    let given: Tally | undefined;
    let assembly: AssemblyTally | undefined;
    if (props.assembly) {
      const counted = draft.value();
      if (counted === 'invalid') return t('minutes.assemblyTallyInvalid');
      assembly = counted;
      if (counted) given = assemblyShowOfHands(counted);
    } else if (counts.some((c) => c !== '')) {
      const n = counts.map((c) => (c === '' ? 0 : Number(c)));
      if (n.some((x) => !Number.isInteger(x) || x < 0)) return t('minutes.tallyInvalid');
      given = { for: n[0]!, against: n[1]!, abstain: n[2]! };
    }
    props.minutes.recordDecision({
      text: text(),
      tally: given,
      assembly,
      requestId: request() || undefined,
      outcome: o,
    });
    setText('');
    setOutcome(undefined);
    draft.reset();
    setTally({ for: '', against: '', abstain: '' });
  });

  return (
    <Form submit={record} class="form minutes-form decision-form" id="decision-form" testId="decision-form">
      <DecisionRequestPicker
        label={t('minutes.decisionAbout')}
        choices={props.choices}
        requestOf={props.requestOf}
        value={request()}
        onChange={choose}
        testId="decision-request"
      />
      <Show
        when={decides()}
        fallback={
          <Show when={request()}>
            <p class="field-hint" data-testid="decision-minutes-only">
              {t('minutes.decisionMinutesOnly')}
            </p>
          </Show>
        }
      >
        <ChoiceGroup
          label={t('minutes.decisionOutcome')}
          name="outcome"
          layout="rows"
          options={outcomes.map((x) => ({ value: x, label: t(`outcome.${x}` as MessageKey) }))}
          value={outcome()}
          onChange={setOutcome}
          testId="decision-outcome"
        />
      </Show>
      <TextField
        label={t('minutes.decisionText')}
        required
        value={text()}
        onInput={setText}
        multiline
        maxLength={2000}
        name="decision"
      />
      <Show
        when={props.assembly}
        fallback={
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
        }
      >
        {(a) => <AssemblyTallyForm draft={draft} owners={a().owners} nameOf={a().nameOf} />}
      </Show>
      <FormError error={record.error()} />
      <button type="submit" class="btn btn-primary btn-block" data-testid="decision-add">
        {t('minutes.decisionAdd')}
      </button>
    </Form>
  );
}
