import { createSignal, Show } from 'solid-js';
import { type ReporterKind, reporterKinds } from '../../../../shared/folds/index.ts';
import { setReporterKind, useMyReporter } from '../../../domain/reporterTag.ts';
import { usePage } from '../../../domain/usePage.ts';
import { type MessageKey, t } from '../../../i18n/index.ts';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';

export const reporterLabel = (kind: ReporterKind) => t(`snap.kind.${kind}` as MessageKey);

/** "Reporting as …": the member's reporter tag from their profile, changed here in one tap. */
export function ReporterChoice() {
  const { session } = usePage();
  const me = useMyReporter();
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
          options={reporterKinds.map((k) => ({ value: k, label: reporterLabel(k) }))}
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
