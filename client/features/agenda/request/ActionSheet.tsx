import { Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { t } from '../../../i18n/index.ts';
import { Modal } from '../../../ui/Modal.tsx';
import type { ActionContext } from '../forms/context.ts';
import { type OpenSheet, requestAction } from './requestActions.tsx';

/** A bottom sheet holding the open action's form, titled with the action's name. */
export function ActionSheet(props: {
  open: OpenSheet | undefined;
  onClose: () => void;
  ctx: ActionContext;
  /** The sheet came back from the URL after a reload, with its draft. */
  restored?: boolean;
}) {
  return (
    <Modal
      open={props.open !== undefined}
      filled={props.restored}
      onOpenChange={(open) => !open && props.onClose()}
      title={props.open ? t(requestAction(props.open.id).label) : ''}
      testId="action-sheet"
    >
      <Show when={props.open} keyed>
        {(open) => <Dynamic component={requestAction(open.id).form} ctx={props.ctx} escalationId={open.escalationId} />}
      </Show>
    </Modal>
  );
}
