import { For, Match, Show, Switch } from 'solid-js';
import { formatArea } from '../../../shared/area.ts';
import { type AssemblyMatter, assemblyMatters } from '../../../shared/events/meeting.ts';
import { ownerKey } from '../../../shared/folds/assemblyQuorum.ts';
import type { AssemblyVote, VotingOwner } from '../../../shared/folds/assemblyTally.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { assemblyResultText } from './assemblyResultText.ts';
import { type AssemblyDraft, type AssemblyTallyMode, totalFields } from './createAssemblyDraft.ts';

const voteChoices: readonly AssemblyVote[] = ['for', 'against', 'abstain'];
const modes: readonly AssemblyTallyMode[] = ['owners', 'totals'];

/** An owners' assembly's 双过半 count: the matter class, then a vote per owner taking part or the four totals. */
export function AssemblyTallyForm(props: {
  draft: AssemblyDraft;
  owners: readonly VotingOwner[];
  nameOf: (memberId: string) => string;
}) {
  const d = props.draft;
  const ownerLabel = (o: VotingOwner) => {
    const names = new Map<string, string>();
    for (const u of o.units)
      for (const x of u.owners) names.set(ownerKey(x), 'memberId' in x ? props.nameOf(x.memberId) : x.name);
    const rooms = o.units.map((u) => [u.building, u.unit, u.room].filter(Boolean).join(' '));
    return `${[...names.values()].join(t('minutes.listSeparator'))} · ${rooms.join(t('minutes.listSeparator'))}`;
  };
  const resultText = () => {
    const v = d.value();
    return v === undefined ? undefined : v === 'invalid' ? t('minutes.assemblyTallyInvalid') : assemblyResultText(v);
  };
  return (
    <fieldset class="minutes-assembly-tally" data-testid="assembly-tally">
      <legend class="field-label">{t('minutes.assemblyLegend')}</legend>
      <Show when={props.owners.length > 0} fallback={<p class="muted">{t('minutes.assemblyNobody')}</p>}>
        <ChoiceGroup
          label={t('minutes.assemblyMatter')}
          name="assembly-matter"
          layout="rows"
          options={assemblyMatters.map((m) => ({ value: m, label: t(`minutes.assemblyMatter.${m}` as MessageKey) }))}
          value={d.matter()}
          onChange={(m: AssemblyMatter) => d.setMatter(m)}
          testId="assembly-matter"
        />
        <ChoiceGroup
          label={t('minutes.assemblyMode')}
          name="assembly-mode"
          options={modes.map((m) => ({ value: m, label: t(`minutes.assemblyMode.${m}` as MessageKey) }))}
          value={d.mode()}
          onChange={d.setMode}
          testId="assembly-mode"
        />
        <p class="field-hint">
          {t('minutes.assemblyTakingPart', {
            area: formatArea(d.takingPart().areaTakingPart),
            owners: d.takingPart().ownersTakingPart,
          })}
        </p>
        <Switch>
          <Match when={d.mode() === 'owners'}>
            <ul class="minutes-assembly-owners">
              <For each={props.owners}>
                {(o) => (
                  <li class="minutes-assembly-owner" data-testid="assembly-owner" data-key={o.key}>
                    <p>
                      {ownerLabel(o)} <span class="muted">{t('units.area', { area: formatArea(o.area) })}</span>
                    </p>
                    <div class="minutes-vote-buttons">
                      <For each={voteChoices}>
                        {(choice) => (
                          <button
                            type="button"
                            class="btn btn-secondary"
                            aria-pressed={d.votes()[o.key] === choice}
                            data-vote={choice}
                            onClick={() => d.vote(o.key, choice)}
                          >
                            {t(`minutes.tally.${choice}` as MessageKey)}
                          </button>
                        )}
                      </For>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Match>
          <Match when={d.mode() === 'totals'}>
            <div class="minutes-tally-fields">
              <For each={totalFields}>
                {(f) => (
                  <label class="minutes-tally-field">
                    <span>{t(`minutes.assemblyTotal.${f}` as MessageKey)}</span>
                    <input
                      class="input"
                      inputMode={f.startsWith('area') ? 'decimal' : 'numeric'}
                      name={`assembly-${f}`}
                      value={d.totals()[f]}
                      onInput={(e) => d.setTotal(f, e.currentTarget.value)}
                      data-testid={`assembly-${f}`}
                    />
                  </label>
                )}
              </For>
            </div>
          </Match>
        </Switch>
        <Show when={resultText()}>
          {(text) => (
            <p class="minutes-quorum" role="status" data-testid="assembly-result" data-valid={d.value() !== 'invalid'}>
              {text()}
            </p>
          )}
        </Show>
      </Show>
    </fieldset>
  );
}
