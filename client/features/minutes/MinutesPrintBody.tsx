import { For, Show } from 'solid-js';
import type { MinutesState } from '../../../shared/folds/foldMinutes.ts';
import type { TopicOrder } from '../../../shared/folds/index.ts';
import { parties } from '../../../shared/roles.ts';
import { formatDateTime, formatDay } from '../../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { ownerText } from './ActionItemList.tsx';
import { assemblyResultText } from './assemblyResultText.ts';
import { decisionCounts, tallyText } from './DecisionList.tsx';
import { itemsInTopicOrder } from './itemsInTopicOrder.ts';

const shownParties = [...parties, 'none'] as const;

/** The minutes as they go on paper: attendance by party, items, decisions, actions, notes, signatures, amendments. */
export function MinutesPrintBody(props: {
  state: MinutesState;
  notes: string;
  nameOf: (memberId: string) => string;
  titleOf: (requestId: string) => string;
  /** The committee's topic order, which the items taken up follow. */
  order: TopicOrder | null;
}) {
  const when = (at: number) => formatDateTime(at, intlLocale());
  const attendees = (party: string) => props.state.attendees.filter((a) => a.party === party);
  const counts = () => decisionCounts(props.state);
  /** More than one decision on the decision's request (two phones offline): the paper says so too. */
  const conflict = (requestId: string | null | undefined) => (requestId ? (counts().get(requestId) ?? 0) : 0);
  return (
    <>
      <section class="print-section">
        <h2>{t('print.attendance', { n: props.state.attendees.length })}</h2>
        <dl class="print-parties" data-testid="print-attendance">
          <For each={shownParties}>
            {(p) => (
              <div>
                <dt>{t(`party.${p}` as MessageKey)}</dt>
                <dd>
                  <Show when={attendees(p).length > 0} fallback={t('print.nobody')}>
                    {attendees(p)
                      .map((a) => {
                        const name = 'memberId' in a ? props.nameOf(a.memberId) : a.name;
                        const assisted = 'memberId' in a ? a.by !== a.memberId : true;
                        return assisted ? `${name}${t('print.assisted')}` : name;
                      })
                      .join(t('minutes.listSeparator'))}
                  </Show>
                </dd>
              </div>
            )}
          </For>
        </dl>
      </section>
      <section class="print-section">
        <h2>{t('print.items')}</h2>
        <Show when={props.state.items.length > 0} fallback={<p>{t('print.none')}</p>}>
          <ol>
            <For each={itemsInTopicOrder(props.state.items, props.order)}>
              {(i) => <li>{props.titleOf(i.requestId)}</li>}
            </For>
          </ol>
        </Show>
      </section>
      <section class="print-section">
        <h2>{t('print.decisions')}</h2>
        <Show when={props.state.decisions.length > 0} fallback={<p>{t('print.none')}</p>}>
          <ol>
            <For each={props.state.decisions}>
              {(d) => (
                <li>
                  <Show when={d.requestId}>{(id) => <span class="print-about">{props.titleOf(id())}：</span>}</Show>
                  <Show when={d.supersededBy} fallback={d.text}>
                    <s>{d.text}</s>
                  </Show>
                  <Show when={d.tally}>{(x) => <span class="print-tally">（{tallyText(x())}）</span>}</Show>
                  <Show when={d.assembly}>
                    {(a) => (
                      <span class="print-tally">
                        {' '}
                        {t('minutes.assemblyDecision', {
                          matter: t(`minutes.assemblyMatterShort.${a().matter}` as MessageKey),
                          result: assemblyResultText(a()),
                        })}
                      </span>
                    )}
                  </Show>
                  <Show when={d.supersededBy}>
                    <span class="print-conflict" data-testid="print-decision-superseded">
                      {t('minutes.supersededAside')}
                    </span>
                  </Show>
                  <Show when={!d.supersededBy && conflict(d.requestId) > 1}>
                    <span class="print-conflict" data-testid="print-decision-conflict">
                      {' '}
                      {t('print.decisionConflict', { n: conflict(d.requestId) })}
                    </span>
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>
      <section class="print-section">
        <h2>{t('print.actions')}</h2>
        <Show when={props.state.actionItems.length > 0} fallback={<p>{t('print.none')}</p>}>
          <ol>
            <For each={props.state.actionItems}>
              {(a) => (
                <li>
                  {a.text}——
                  {t('minutes.actionOwner', {
                    owner: ownerText(a.owner, props.nameOf),
                    date: formatDay(a.deadline, intlLocale()),
                  })}
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>
      <section class="print-section">
        <h2>{t('print.notes')}</h2>
        <div class="print-notes" data-testid="print-notes">
          {props.notes || t('print.none')}
        </div>
      </section>
      <section class="print-section">
        <h2>{t('print.signatures')}</h2>
        <ul class="print-signatures">
          <For each={props.state.signingParties}>
            {(p) => (
              <li>
                <span class="strong">{t(`party.${p}` as MessageKey)}</span>{' '}
                <Show when={props.state.signOffs[p]} fallback={t('minutes.notSigned')}>
                  {(s) => t('minutes.signedBy', { name: props.nameOf(s().by), time: when(s().at) })}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
      <Show when={props.state.amendments.length > 0}>
        <section class="print-section">
          <h2>{t('print.amendments')}</h2>
          <ol>
            <For each={props.state.amendments}>
              {(a) => (
                <li>
                  {a.note}（{t('minutes.amendedBy', { name: props.nameOf(a.by), time: when(a.at) })}）
                </li>
              )}
            </For>
          </ol>
        </section>
      </Show>
    </>
  );
}
