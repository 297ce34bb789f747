import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { type PointsEntry, thanksWallOn } from '../../../shared/folds/index.ts';
import { accountOf, correctableEntry, rulesByDay, rulesInForce } from '../../../shared/folds/pointsQueries.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDay, shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { createUrlSheet } from '../../domain/urlSheet.ts';
import { usePage } from '../../domain/usePage.ts';
import { useAccount, usePoints } from '../../domain/usePoints.ts';
import { useRosters } from '../../domain/useRosters.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { IconPlus } from '../../ui/icons.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AwardTurns } from './AwardTurns.tsx';
import { CorrectDialog } from './CorrectDialog.tsx';
import { HistoryList } from './HistoryList.tsx';
import { MemberPicker } from './MemberPicker.tsx';
import { OverdraftList } from './OverdraftList.tsx';
import { RuleForm } from './RuleForm.tsx';
import { ScannedTwiceList } from './ScannedTwiceList.tsx';
import { ThanksWallLink } from './ThanksWallLink.tsx';
import { ThanksWallSwitch } from './ThanksWallSwitch.tsx';

/** The page's sheets: a new rule, or the correction of an overdrawn redemption. */
type PointsSheet = { id: 'rule' } | { id: 'correct'; entry: PointsEntry };

/** 积分: my balance and history, the compound's rules, and for the committee what waits on them. */
export default function PointsPage() {
  const { session, path } = usePage();
  const points = usePoints();
  const rosters = useRosters();
  const mine = useAccount();
  const committee = () => mayAppend('points.awarded', session.member);
  const today = () => shanghaiDay(now());
  const inForce = () => rulesInForce(points(), today());
  const upcoming = () => rulesByDay(points()).filter((r) => r.from > today());
  // A rule or a correction half typed comes back after a reload, while the committee may still do it.
  const { sheet, visit, restored, open } = createUrlSheet<PointsSheet>({
    toUrl: (s) => (s.id === 'rule' ? { sheet: 'rule' } : { sheet: 'correct', of: s.entry.eventId }),
    fromUrl: (named, of) => {
      if (!committee()) return undefined;
      if (named === 'rule') return { id: 'rule' };
      const entry = named === 'correct' && typeof of === 'string' ? correctableEntry(points(), of) : undefined;
      // One's own lines are another committee member's to correct (own_line).
      const own = entry && accountOf(points(), entry.eventId)?.memberId === session.member.memberId;
      return entry && !own ? { id: 'correct', entry } : undefined;
    },
    ready: session.doc('public').ready,
  });
  const correcting = () => {
    const s = sheet();
    return s?.id === 'correct' ? s.entry : undefined;
  };
  const setCorrecting = (entry: PointsEntry) => open({ id: 'correct', entry });
  return (
    <>
      <PageHeader title={t('points.title')} back={path('more')} />
      <Show when={committee()}>
        <AwardTurns />
        <OverdraftList self={session.member.memberId} onCorrect={setCorrecting} />
        <ScannedTwiceList />
      </Show>
      <section class="section card points-balance" aria-labelledby="my-points-heading" data-testid="my-points">
        <h2 id="my-points-heading">{t('points.mine')}</h2>
        <p class="points-big" data-testid="my-balance">
          {mine()?.balance ?? 0}
        </p>
        <A href={path('points', 'shop')} class="btn btn-primary btn-block" data-testid="open-shop">
          {t('points.shop')}
        </A>
      </section>
      <Show when={thanksWallOn(points())}>
        <ul class="link-list">
          <ThanksWallLink wrap />
        </ul>
      </Show>
      <section class="section" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('points.history')}</h2>
        <HistoryList points={points()} rosters={rosters()} memberId={session.member.memberId} />
      </section>
      <section class="section" aria-labelledby="rules-heading" data-testid="points-rules">
        <h2 id="rules-heading">{t('points.rules')}</h2>
        <Show when={inForce().length > 0} fallback={<p class="empty">{t('points.noRules')}</p>}>
          <ul class="link-list">
            <For each={inForce()}>
              {(r) => (
                <li class="row" data-testid="points-rule">
                  <span class="row-main">
                    <span class="row-title">{r.name}</span>
                    <span class="row-sub">{t(`points.kind.${r.kind}`)}</span>
                  </span>
                  <span class="points-delta">{t('points.plus', { n: r.points })}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <For each={upcoming()}>
          {(r) => (
            <p class="muted" data-testid="points-rule-upcoming">
              {t('points.ruleFromDay', { name: r.name, n: r.points, day: formatDay(r.from, intlLocale()) })}
            </p>
          )}
        </For>
        <Show when={committee()}>
          <button
            type="button"
            class="btn btn-secondary btn-block"
            onClick={() => open({ id: 'rule' })}
            data-testid="add-rule"
          >
            <IconPlus size={24} />
            <span>{t('points.addRule')}</span>
          </button>
        </Show>
      </section>
      <Show when={committee()}>
        <section class="section" aria-labelledby="members-points-heading">
          <h2 id="members-points-heading">{t('points.members')}</h2>
          <MemberPicker />
        </section>
      </Show>
      <p class="muted">{t('points.noRanking')}</p>
      <Show when={committee()}>
        <ThanksWallSwitch />
      </Show>
      <Modal
        open={sheet()?.id === 'rule'}
        filled={restored()}
        onOpenChange={(o) => !o && open(undefined)}
        title={t('points.addRule')}
      >
        <RuleForm session={session} visit={visit()} done={() => open(undefined)} />
      </Modal>
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
