import { createMemo, createSignal, For, Show } from 'solid-js';
import { registerChanges, saveRegister, type UnitState } from '../../domain/unitRegister.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { registerFromCsv } from './registerFromCsv.ts';

/** Import of the register from CSV (a file or pasted text): a preview of what changes, then one tap to save. */
export function UnitImport(props: { current: UnitState[] }) {
  const { session } = usePage();
  const members = useMembers();
  const [text, setText] = createSignal('');
  const [saved, setSaved] = createSignal<number>();
  const parsed = createMemo(() => (text().trim() ? registerFromCsv(text(), members().active) : undefined));
  const changes = createMemo(() => {
    const p = parsed();
    return p ? registerChanges(props.current, p.units) : undefined;
  });
  const readFile = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };
  const save = createSubmit(() => {
    const c = changes();
    if (!c || c.register.length + c.remove.length === 0) return t('units.nothingToSave');
    saveRegister(session, c);
    setSaved(c.register.length + c.remove.length);
    setText('');
  });
  return (
    <section class="section" aria-labelledby="units-import-heading" data-testid="units-import">
      <h2 id="units-import-heading">{t('units.import')}</h2>
      <p class="field-hint">{t('units.importHint')}</p>
      <div class="field">
        <label class="field-label" for="units-file">
          {t('units.file')}
        </label>
        <input
          id="units-file"
          class="input"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => void readFile(e.currentTarget.files?.[0])}
          data-testid="units-file"
        />
      </div>
      <div class="field">
        <label class="field-label" for="units-csv">
          {t('units.paste')}
        </label>
        <textarea
          id="units-csv"
          class="input"
          rows={6}
          spellcheck={false}
          placeholder={t('units.pastePlaceholder')}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          data-testid="units-csv"
        />
      </div>
      <Show when={changes()}>
        {(c) => (
          <div class="units-preview" data-testid="units-preview">
            <p class="lead" data-testid="units-changes">
              {t('units.changes', { register: c().register.length, remove: c().remove.length })}
            </p>
            <Show when={(parsed()?.problems.length ?? 0) > 0}>
              <ul class="rows" data-testid="units-problems">
                <For each={parsed()?.problems}>
                  {(p) => (
                    <li class="row" data-testid="units-problem">
                      <span class="row-main">
                        <span class="row-title">
                          {p.line ? t('units.line', { line: p.line }) : ''}
                          {t(`units.problem.${p.code}` as MessageKey)}
                        </span>
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
      <FormError error={save.error()} />
      <button
        type="button"
        class="btn btn-primary btn-block"
        disabled={!changes()}
        onClick={() => save.run()}
        data-testid="units-save"
      >
        {t('units.save')}
      </button>
      <p class="capture-status" role="status" aria-live="polite" data-testid="units-saved">
        <Show when={saved() !== undefined}>{t('units.saved', { n: saved() ?? 0 })}</Show>
      </p>
    </section>
  );
}
