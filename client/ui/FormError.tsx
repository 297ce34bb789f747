import { Show } from 'solid-js';

/** Why a form or an action did not go through, announced as it appears. */
export function FormError(props: { error: string | false | null | undefined }) {
  return (
    <Show when={props.error}>
      {(error) => (
        <p class="form-error" role="alert">
          {error()}
        </p>
      )}
    </Show>
  );
}
