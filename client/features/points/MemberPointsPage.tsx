import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import type { PointsEntry } from '../../../shared/folds/index.ts';
import { correctableEntry } from '../../../shared/folds/pointsQueries.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { createUrlSheet } from '../../domain/urlSheet.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useAccount, usePoints } from '../../domain/usePoints.ts';
import { useRosters } from '../../domain/useRosters.ts';
import { t } from '../../i18n/index.ts';
import { IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AwardSheet } from './AwardSheet.tsx';
import { CorrectDialog } from './CorrectDialog.tsx';
import { HistoryList } from './HistoryList.tsx';

/** The page's sheets: points given by hand (记分), or the correction of a line. */
type MemberSheet = { id: 'award' } | { id: 'correct'; entry: PointsEntry };

/**
 * A committee member looks at one member's points to give points by hand (记分, under a 手动记分
 * rule or none) or to correct a line (an award to the wrong person, goods returned).
 */
export default function MemberPointsPage() {
  const { session, path } = usePage();
  const params = useParams<{ memberId: string }>();
  const members = useMembers();
  const points = usePoints();
  const rosters = useRosters();
  const account = useAccount(() => params.memberId);
  // Points given by hand to oneself wait for another party's member (the relay refuses them: award_to_self).
  const own = () => params.memberId === session.member.memberId;
  const mayAward = () => mayAppend('points.awarded', session.member) && !own();
  // Nor are one's own lines corrected by oneself (the relay refuses them: own_line).
  const mayCorrect = () => mayAppend('points.corrected', session.member) && !own();
  // An award or a correction half typed comes back after a reload, while the committee may still make it.
  const { sheet, visit, restored, open } = createUrlSheet<MemberSheet>({
    toUrl: (s) => (s.id === 'award' ? { sheet: 'award' } : { sheet: 'correct', of: s.entry.eventId }),
    fromUrl: (named, of) => {
      if (named === 'award') return mayAward() ? { id: 'award' } : undefined;
      const entry =
        named === 'correct' && typeof of === 'string' && mayCorrect()
          ? correctableEntry(points(), of, params.memberId)
          : undefined;
      return entry && { id: 'correct', entry };
    },
    ready: session.doc('public').ready,
  });
  const correcting = () => {
    const s = sheet();
    return s?.id === 'correct' ? s.entry : undefined;
  };
  const name = () => members().byId.get(params.memberId)?.name ?? t('agenda.unknownMember');
  return (
    <>
      <PageHeader title={t('points.memberTitle', { name: name() })} back={path('points')} />
      <p class="points-member-balance" data-testid="member-balance">
        {t('points.balanceIs', { n: account()?.balance ?? 0 })}
      </p>
      <Show when={mayAward()}>
        <button
          type="button"
          class="btn btn-primary btn-block"
          onClick={() => open({ id: 'award' })}
          data-testid="award-points"
        >
          <IconPlus size={24} />
          <span>{t('points.award')}</span>
        </button>
      </Show>
      <Show when={own() && mayAppend('points.awarded', session.member)}>
        <p class="muted" data-testid="award-not-self">
          {t('points.awardNotSelf')}
        </p>
      </Show>
      <HistoryList
        points={points()}
        rosters={rosters()}
        memberId={params.memberId}
        onCorrect={mayCorrect() ? (entry) => open({ id: 'correct', entry }) : undefined}
      />
      <AwardSheet
        session={session}
        points={points()}
        memberId={params.memberId}
        name={name()}
        open={sheet()?.id === 'award'}
        visit={visit()}
        restored={restored()}
        done={() => open(undefined)}
      />
      <CorrectDialog
        session={session}
        points={points()}
        entry={correcting()}
        visit={visit()}
        restored={restored()}
        done={() => open(undefined)}
      />
    </>
  );
}
