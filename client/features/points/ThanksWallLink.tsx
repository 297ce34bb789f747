import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { thanksWallOn } from '../../../shared/folds/index.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePoints } from '../../domain/usePoints.ts';
import { t } from '../../i18n/index.ts';
import { IconChevron, IconHeart } from '../../ui/icons.tsx';

/** The entry to the thanks wall, shown only while the compound has it on; `wrap` puts it in a list item. */
export function ThanksWallLink(props: { wrap?: boolean; class?: string }) {
  const { path } = usePage();
  const points = usePoints();
  const link = () => (
    <A href={path('points', 'thanks')} class={props.class ?? 'link-row'} data-testid="thanks-wall-link">
      <IconHeart size={28} />
      <span>{t('points.wall.title')}</span>
      <IconChevron size={24} />
    </A>
  );
  return (
    <Show when={thanksWallOn(points())}>
      <Show when={props.wrap} fallback={link()}>
        <li>{link()}</li>
      </Show>
    </Show>
  );
}
