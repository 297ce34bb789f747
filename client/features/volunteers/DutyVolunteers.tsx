import { createMemo, For, Show } from 'solid-js';
import { type DutyState, memberSignup, type Signup } from '../../../shared/folds/index.ts';
import { formatDateTime } from '../../../shared/time.ts';
import type { UrlSheet } from '../../domain/urlSheet.ts';
import { usePage } from '../../domain/usePage.ts';
import type { DutyAnomaly } from '../../domain/useRosters.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { anomalyText } from '../../i18n/reasons.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { IconAlert } from '../../ui/icons.tsx';
import { raisePlaces, setStandby } from './actions.ts';
import { CorrectAttendanceDialog } from './CorrectAttendanceDialog.tsx';
import { SignupRow } from './SignupRow.tsx';
import { raiseOffer } from './selectors.ts';

/** The duty page's sheets, named in its URL so that a reload opens the one open again. */
export type DutySheet = { id: 'cancel' } | { id: 'correct'; memberId: string };

/** Who holds a slot (in the order they signed up) and where each stands; then what the fold set aside. */
export function DutyVolunteers(props: {
  duty: DutyState;
  anomalies: readonly DutyAnomaly[];
  nameOf: (id: string) => string;
  /** The capacity this member corrects check-in times in, if they may. */
  corrector?: 'lead' | 'committee';
  /** The page's open sheet (`createUrlSheet`): a correction is one. */
  sheets: UrlSheet<DutySheet>;
}) {
  const { session } = usePage();
  const signups = createMemo(() =>
    Object.entries(props.duty.signups).sort((a, b) => a[1].at - b[1].at || (a[0] < b[0] ? -1 : 1)),
  );
  const correcting = () => {
    const s = props.sheets.sheet();
    return s?.id === 'correct' ? s.memberId : undefined;
  };
  // Over-full sign-ups are the duty's to show: which ones follows (at, id), not the log's order.
  const overfull = createMemo(() =>
    Object.entries(props.duty.overfull).sort((a, b) => a[1].at - b[1].at || (a[0] < b[0] ? -1 : 1)),
  );
  const standby = createMemo(() =>
    Object.entries(props.duty.standby ?? {}).sort((a, b) => a[1].at - b[1].at || (a[0] < b[0] ? -1 : 1)),
  );
  const others = () => props.anomalies;
  // 改为候补 only for one over-full, 取消候补 only for one on standby, as the duty stands when tapped;
  // each says so beside its own buttons.
  const settle = (standby: boolean) =>
    createSubmit((memberId: string) => {
      const as = props.corrector;
      const now = memberSignup(props.duty, memberId)?.as;
      if (!as || now !== (standby ? 'overfull' : 'standby')) return t('volunteers.listChanged');
      setStandby(session, props.duty, memberId, as, standby);
      return undefined;
    });
  const toStandby = settle(true);
  const fromStandby = settle(false);
  // 增加名额: as many more places as there are over-full sign-ups when tapped, up to the most allowed.
  const offer = () => raiseOffer(props.duty);
  const raise = createSubmit(() => {
    const to = offer()?.to;
    if (!props.corrector || to === undefined) return t('volunteers.listChanged');
    raisePlaces(session, props.duty, to, props.corrector);
    return undefined;
  });

  /**
   * The volunteers holding a place, or those on standby: one row each, correctable by the lead or
   * committee, who may also take a standby back.
   */
  const SignupRows = (p: { list: [string, Signup][]; testId: string }) => (
    <ul class="rows" data-testid={p.testId}>
      <For each={p.list}>
        {([memberId, s]) => (
          <SignupRow
            duty={props.duty}
            memberId={memberId}
            signup={s}
            nameOf={props.nameOf}
            onCorrect={props.corrector ? () => props.sheets.open({ id: 'correct', memberId }) : undefined}
            onUndoStandby={props.corrector && s.standby ? () => fromStandby.run(memberId) : undefined}
          />
        )}
      </For>
    </ul>
  );

  return (
    <>
      <section class="section" aria-labelledby="volunteers-heading">
        <h2 id="volunteers-heading">{t('volunteers.whoIsComing')}</h2>
        <Show when={signups().length > 0} fallback={<p class="empty">{t('volunteers.nobodyYet')}</p>}>
          <SignupRows list={signups()} testId="signups" />
        </Show>
        <Show when={standby().length > 0}>
          <h3 class="standby-heading">{t('volunteers.standbyHeading', { n: standby().length })}</h3>
          <SignupRows list={standby()} testId="standby" />
        </Show>
        <FormError error={fromStandby.error()} />
      </section>
      <Show when={props.corrector && correcting()}>
        {(memberId) => (
          <CorrectAttendanceDialog
            duty={props.duty}
            memberId={memberId()}
            name={props.nameOf(memberId())}
            as={props.corrector ?? 'committee'}
            visit={props.sheets.visit()}
            restored={props.sheets.restored()}
            onClose={() => props.sheets.open(undefined)}
          />
        )}
      </Show>
      <Show when={overfull().length > 0}>
        <section class="section duty-alert" aria-labelledby="overfull-heading" data-testid="duty-overfull">
          <h2 id="overfull-heading" class="with-icon">
            <IconAlert size={24} />
            {t('volunteers.overfull', { n: overfull().length })}
          </h2>
          <p>{props.corrector ? t('volunteers.overfullLead') : t('volunteers.overfullHint')}</p>
          <ul class="duty-alert-list">
            <For each={overfull()}>
              {([memberId, s]) => (
                <li data-testid="overfull-item" data-member={memberId} class="overfull-item">
                  <span>
                    <span class="strong">{props.nameOf(memberId)}</span>
                    <span class="muted"> · {formatDateTime(s.at, intlLocale())}</span>
                  </span>
                  <Show when={props.corrector}>
                    <button
                      type="button"
                      class="btn btn-secondary"
                      data-testid="make-standby"
                      onClick={() => toStandby.run(memberId)}
                    >
                      {t('volunteers.makeStandby')}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <FormError error={toStandby.error()} />
          <Show when={props.corrector && offer()}>
            {(o) => (
              <button
                type="button"
                class="btn btn-primary btn-block"
                data-testid="raise-places"
                onClick={() => raise.run()}
              >
                {t('volunteers.raisePlaces', { n: o().more, to: o().to })}
              </button>
            )}
          </Show>
          <FormError error={raise.error()} />
        </section>
      </Show>
      <Show when={others().length > 0}>
        <section class="section duty-alert" aria-labelledby="duty-anomalies-heading" data-testid="duty-anomalies">
          <h2 id="duty-anomalies-heading" class="with-icon">
            <IconAlert size={24} />
            {t('request.anomalies', { n: others().length })}
          </h2>
          <ul class="duty-alert-list">
            <For each={others()}>
              {(a) => (
                <li>
                  <span class="strong">
                    {props.nameOf(a.by)}：{t(`event.${a.type}` as MessageKey)}
                  </span>{' '}
                  — {anomalyText(a.reason)}
                  <span class="muted"> · {formatDateTime(a.at, intlLocale())}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
