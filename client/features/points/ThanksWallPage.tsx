import { For, Show } from 'solid-js';
import { thanksWallOn } from '../../../shared/folds/index.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePoints } from '../../domain/usePoints.ts';
import { t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { thanksWallNames } from './thanksWallNames.ts';

/** 感谢墙: this month's thanked neighbours by name, with no numbers and no order of merit; or that it is off. */
export default function ThanksWallPage() {
  const { path } = usePage();
  const points = usePoints();
  const members = useMembers();
  const month = () => shanghaiDay(now()).slice(0, 7);
  const names = () => thanksWallNames(points(), members(), month());
  const monthName = () => {
    const [year, n] = month().split('-');
    return t('notice.periodName.month', { year: Number(year), n: Number(n) });
  };
  return (
    <>
      <PageHeader title={t('points.wall.title')} back={path('points')} />
      <Show
        when={thanksWallOn(points())}
        fallback={
          <p class="empty" data-testid="thanks-wall-off">
            {t('points.wall.off')}
          </p>
        }
      >
        <section class="section card" aria-labelledby="thanks-wall-heading" data-testid="thanks-wall">
          <h2 id="thanks-wall-heading">{t('points.wall.thisMonth', { month: monthName() })}</h2>
          <Show when={names().length > 0} fallback={<p class="empty">{t('points.wall.empty')}</p>}>
            <ul class="thanks-names">
              <For each={names()}>{(name) => <li data-testid="thanks-name">{name}</li>}</For>
            </ul>
          </Show>
          <p class="muted">{t('points.wall.order')}</p>
        </section>
      </Show>
    </>
  );
}
