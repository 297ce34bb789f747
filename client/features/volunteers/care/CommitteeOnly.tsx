import { type JSX, Show } from 'solid-js';
import { isCommittee } from '../../../../shared/roles.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';

/**
 * Renders committee pages for committee members only; anyone else sees a plain page that says so.
 * The children are not even built for them, so nothing opens the committee document.
 */
export function CommitteeOnly(props: { children: JSX.Element }) {
  const { session, path } = usePage();
  return (
    <Show
      when={isCommittee(session.member)}
      fallback={
        <div data-testid="not-for-role">
          <PageHeader title={t('care.notForRoleTitle')} back={path('rosters')} />
          <p>{t('care.notForRole')}</p>
        </div>
      }
    >
      {props.children}
    </Show>
  );
}
