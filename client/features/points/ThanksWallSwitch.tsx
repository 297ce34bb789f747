import { thanksWallOn } from '../../../shared/folds/index.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePoints } from '../../domain/usePoints.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { setThanksWall } from './actions.ts';

/** The committee's switch for the thanks wall: what it shows now, and one button to change it. */
export function ThanksWallSwitch() {
  const { session } = usePage();
  const points = usePoints();
  const on = () => thanksWallOn(points());
  const toggle = createSubmit(() => {
    setThanksWall(session, !on());
    return undefined;
  });
  return (
    <section class="section" aria-labelledby="thanks-wall-setting-heading" data-testid="thanks-wall-setting">
      <h2 id="thanks-wall-setting-heading">{t('points.wall.setting')}</h2>
      <p class="muted" data-testid="thanks-wall-state">
        {on() ? t('points.wall.isOn') : t('points.wall.isOff')}
      </p>
      <button
        type="button"
        class="btn btn-secondary btn-block"
        onClick={() => toggle.run()}
        data-testid="thanks-wall-toggle"
      >
        {on() ? t('points.wall.turnOff') : t('points.wall.turnOn')}
      </button>
      <FormError error={toggle.error()} />
    </section>
  );
}
