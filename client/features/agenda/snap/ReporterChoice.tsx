import { createSignal, Show } from 'solid-js';
import { type ReporterKind, reporterKinds } from '../../../../shared/folds/index.ts';
import { isCommittee } from '../../../../shared/roles.ts';
import { setReporterKind, useMyReporter } from '../../../domain/reporterTag.ts';
import { usePage } from '../../../domain/usePage.ts';
import { type MessageKey, t } from '../../../i18n/index.ts';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';

export const reporterLabel = (kind: ReporterKind) => t(`snap.kind.${kind}` as MessageKey);

/**
 * "Reporting as …": the member's reporter tag from their profile, changed here in one tap. 网格员 is a
 * post the community gives: offered to committee members and to whoever holds it already, not taken
 * by a resident in one tap (the community's counts of reports by grid workers would be anyone's).
 */
export function ReporterChoice() {
  const { session } = usePage();
  const me = useMyReporter();
  const kinds = () =>
    reporterKinds.filter((k) => k !== 'grid-worker' || isCommittee(session.member) || me().kind === 'grid-worker');
  const [open, setOpen] = createSignal(false);
  return (
    <div class="field snap-reporter" data-testid="snap-reporter">
      <Show
        when={open()}
        fallback={
          <p class="snap-reporter-line">
            <span data-testid="snap-reporter-kind">{t('snap.reportingAs', { kind: reporterLabel(me().kind) })}</span>
            <button type="button" class="btn btn-small btn-secondary" onClick={() => setOpen(true)}>
              {t('snap.changeKind')}
            </button>
          </p>
        }
      >
        <ChoiceGroup
          label={t('snap.kindLabel')}
          name="reporter"
          options={kinds().map((k) => ({ value: k, label: reporterLabel(k) }))}
          value={me().kind}
          onChange={(kind) => {
            setReporterKind(session, session.member.memberId, me().profile, kind);
            setOpen(false);
          }}
          testId="snap-kind-choices"
        />
      </Show>
    </div>
  );
}
