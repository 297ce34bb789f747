import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { storageProblem } from '../../domain/accounts.ts';
import { setLocale, setTextSize, type TextSize, textSize } from '../../domain/preferences.ts';
import { storageError, storageInfo } from '../../domain/storage.ts';
import { usePage } from '../../domain/usePage.ts';
import { type Locale, locale, t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { checkForUpdate } from '../../ui/UpdatePrompt.tsx';
import { RenewKey } from './RenewKey.tsx';
import './settings.css';

function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

export default function SettingsPage() {
  const { path } = usePage();
  const [info] = createResource(storageInfo);
  const [update, setUpdate] = createSignal<'idle' | 'checking' | 'none'>('idle');
  const check = async () => {
    setUpdate('checking');
    const found = await checkForUpdate();
    setUpdate(found ? 'idle' : 'none');
  };
  return (
    <>
      <PageHeader title={t('settings.title')} back={path('more')} />
      <section class="section">
        <ChoiceGroup<Locale>
          label={t('lang.label')}
          name="locale"
          options={[
            { value: 'zh-CN', label: t('lang.zh'), lang: 'zh-CN' },
            { value: 'en', label: t('lang.en'), lang: 'en' },
          ]}
          value={locale()}
          onChange={(next) => void setLocale(next)}
          testId="locale-choices"
        />
      </section>
      <section class="section">
        <ChoiceGroup<TextSize>
          label={t('settings.textSize')}
          name="text-size"
          options={[
            { value: 'normal', label: t('settings.textNormal') },
            { value: 'large', label: t('settings.textLarge') },
          ]}
          value={textSize()}
          onChange={setTextSize}
          testId="text-size-choices"
        />
        <p class="sample">{t('settings.textSample')}</p>
      </section>
      <section class="section" aria-labelledby="storage-heading" data-testid="storage-section">
        <h2 id="storage-heading">{t('settings.storage')}</h2>
        <Show when={info()}>
          {(i) => (
            <>
              <p>
                <Switch>
                  <Match when={i().persisted === true}>{t('settings.persisted')}</Match>
                  <Match when={i().persisted === false}>{t('settings.notPersisted')}</Match>
                  <Match when={i().persisted === undefined}>{t('settings.persistUnknown')}</Match>
                </Switch>
              </p>
              <p data-testid="storage-usage">
                <Show when={i().usage !== undefined && i().quota !== undefined} fallback={t('settings.usageUnknown')}>
                  {t('settings.usage', { used: formatBytes(i().usage ?? 0), quota: formatBytes(i().quota ?? 0) })}
                </Show>
              </p>
            </>
          )}
        </Show>
        <Show when={storageError() ?? storageProblem()} fallback={<p>{t('settings.storageOk')}</p>}>
          {(detail) => <FormError error={t('settings.storageError', { detail: detail() })} />}
        </Show>
      </section>
      <RenewKey />
      <section class="section">
        <p>{t('settings.version', { version: __APP_VERSION__ })}</p>
        <button type="button" class="btn btn-secondary" onClick={check} disabled={update() === 'checking'}>
          {update() === 'checking' ? t('update.checking') : t('update.check')}
        </button>
        <Show when={update() === 'none'}>
          <p role="status">{t('update.none')}</p>
        </Show>
      </section>
    </>
  );
}
