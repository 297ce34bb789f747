import { createUniqueId } from 'solid-js';
import { groupHash } from '../../../shared/paperHash.ts';
import { t } from '../../i18n/index.ts';

/** The check code as printed on a paper, in groups of four, editable when someone types it from the paper. */
export function HashField(props: { hash: string; onInput: (text: string) => void }) {
  const inputId = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={inputId}>
        {t('verify.hashLabel')}
      </label>
      <input
        id={inputId}
        class="input input-large verify-hash"
        value={props.hash ? groupHash(props.hash) : ''}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        autocomplete="off"
        spellcheck={false}
        data-testid="verify-hash"
      />
    </div>
  );
}
