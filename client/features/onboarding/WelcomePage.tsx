import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { accounts } from '../../domain/accounts.ts';
import { t } from '../../i18n/index.ts';
import { IconPlus } from '../../ui/icons.tsx';
import { OnboardingFrame } from './OnboardingFrame.tsx';

export default function WelcomePage() {
  return (
    <OnboardingFrame title={t('welcome.title')}>
      <p class="lead">{t('app.tagline')}</p>
      <p>{t('welcome.body')}</p>
      <div class="stack">
        <A href="/create" class="btn btn-primary btn-block" data-testid="welcome-create">
          <IconPlus size={28} />
          <span>{t('welcome.create')}</span>
        </A>
        <A href="/join" class="btn btn-secondary btn-block" data-testid="welcome-join">
          {t('welcome.join')}
        </A>
        <Show when={accounts.length > 0}>
          <A href="/" class="btn btn-secondary btn-block">
            {t('welcome.haveCompounds')}
          </A>
        </Show>
      </div>
    </OnboardingFrame>
  );
}
