import { useParams } from '@solidjs/router';
import type { PointsEntry } from '../../../shared/folds/index.ts';
import { correctableEntry } from '../../../shared/folds/pointsQueries.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { createUrlSheet } from '../../domain/urlSheet.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useAccount, usePoints } from '../../domain/usePoints.ts';
import { useRosters } from '../../domain/useRosters.ts';
import { t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CorrectDialog } from './CorrectDialog.tsx';
import { HistoryList } from './HistoryList.tsx';

/** A committee member looks at one member's points to correct a line (an award to the wrong person, goods returned). */
export default function MemberPointsPage() {
  const { session, path } = usePage();
  const params = useParams<{ memberId: string }>();
  const members = useMembers();
  const points = usePoints();
  const rosters = useRosters();
  const account = useAccount(() => params.memberId);
  // A correction half typed comes back after a reload, while the line can still be corrected.
  const correcting = createUrlSheet<PointsEntry>({
    toUrl: (entry) => ({ sheet: 'correct', of: entry.eventId }),
    fromUrl: (named, of) =>
      named === 'correct' && typeof of === 'string' && mayAppend('points.corrected', session.member)
        ? correctableEntry(points(), of, params.memberId)
        : undefined,
    ready: session.doc('public').ready,
  });
  const name = () => members().byId.get(params.memberId)?.name ?? t('agenda.unknownMember');
  return (
    <>
      <PageHeader title={t('points.memberTitle', { name: name() })} back={path('points')} />
      <p class="points-member-balance" data-testid="member-balance">
        {t('points.balanceIs', { n: account()?.balance ?? 0 })}
      </p>
      <HistoryList points={points()} rosters={rosters()} memberId={params.memberId} onCorrect={correcting.open} />
      <CorrectDialog
        session={session}
        points={points()}
        entry={correcting.sheet()}
        visit={correcting.visit()}
        restored={correcting.restored()}
        done={() => correcting.open(undefined)}
      />
    </>
  );
}
