import { A } from '@solidjs/router';
import { usePage } from '../../domain/usePage.ts';
import { useAccount } from '../../domain/usePoints.ts';
import { t } from '../../i18n/index.ts';
import { IconChevron, IconStar } from '../../ui/icons.tsx';

/** The More page's 积分 entry: the member's own balance, a tap away from history, rules and the supermarket. */
export function MyPointsLink() {
  const { path } = usePage();
  const mine = useAccount();
  return (
    <A href={path('points')} class="link-row" data-testid="more-points">
      <IconStar size={28} />
      <span>{t('more.points')}</span>
      <span class="points-link-balance" data-testid="more-points-balance">
        {t('points.balanceShort', { n: mine()?.balance ?? 0 })}
      </span>
      <IconChevron size={24} />
    </A>
  );
}
