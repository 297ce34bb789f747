import { Show } from 'solid-js';
import type { ProfileState } from '../../../../shared/folds/index.ts';
import { usePublicView } from '../../../domain/usePublicView.ts';
import { t } from '../../../i18n/index.ts';
import { postTitle } from './postTitle.ts';
import { registrationText } from './registrationText.ts';

/** A member's 报到 and the posts they hold, on their profile. */
export function GridProfile(props: { memberId: string }) {
  const view = usePublicView();
  const profile = (): ProfileState | undefined => {
    const p = view().compound.practice.profiles[props.memberId];
    return p?.building ? p : undefined;
  };
  const posts = () => Object.values(view().compound.grid.posts).filter((p) => p.holder?.memberId === props.memberId);
  const parts = () => [
    ...(profile() ? [t('grid.profile', { place: registrationText(profile() as ProfileState) })] : []),
    ...posts().map(postTitle),
  ];
  return (
    <Show when={parts().length > 0}>
      <p class="grid-profile" data-testid="grid-profile">
        {parts().join(' · ')}
      </p>
    </Show>
  );
}
