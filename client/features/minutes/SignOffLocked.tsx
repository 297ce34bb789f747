import { formatDateTime } from '../../../shared/time.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { IconCheck } from '../../ui/icons.tsx';

/** "已签字锁定": said at the top of the minutes, in words, once every present party has signed. */
export function SignOffLocked(props: { lockedAt: number }) {
  return (
    <p class="minutes-locked with-icon" role="status" data-testid="minutes-locked">
      <IconCheck size={26} />
      {t('minutes.locked', { time: formatDateTime(props.lockedAt, intlLocale()) })}
    </p>
  );
}
