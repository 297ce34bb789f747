import { createSignal } from 'solid-js';
import { thanksWallOn } from '../../../shared/folds/index.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePoints } from '../../domain/usePoints.ts';
import { t } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { setThanksWall } from './actions.ts';

/** The committee's switch for the thanks wall: what it shows now, and a button to change it (on asks once more). */
export function ThanksWallSwitch() {
  const { session } = usePage();
  const points = usePoints();
  const on = () => thanksWallOn(points());
  const toggle = createSubmit((to: boolean) => {
    setThanksWall(session, to);
    return undefined;
  });
  // Turning it on shows names to the whole compound: asked once more; turning it off is not.
  const [asking, setAsking] = createSignal(false);
  return (
    <section class="section" aria-labelledby="thanks-wall-setting-heading" data-testid="thanks-wall-setting">
      <h2 id="thanks-wall-setting-heading">{t('points.wall.setting')}</h2>
      <p class="muted" data-testid="thanks-wall-state">
        {on() ? t('points.wall.isOn') : t('points.wall.isOff')}
      </p>
      <button
        type="button"
        class="btn btn-secondary btn-block"
        onClick={() => (on() ? toggle.run(false) : setAsking(true))}
        data-testid="thanks-wall-toggle"
      >
        {on() ? t('points.wall.turnOff') : t('points.wall.turnOn')}
      </button>
      <FormError error={toggle.error()} />
      <ConfirmDialog
        open={asking()}
        onOpenChange={setAsking}
        title={t('points.wall.askTitle')}
        confirmLabel={t('points.wall.askConfirm')}
        onConfirm={() => toggle.run(true)}
      >
        <p data-testid="thanks-wall-ask">{t('points.wall.askBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
