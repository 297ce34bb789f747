import { Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { IconAlert } from './icons.tsx';

/**
 * Removing a compound from this phone: what goes (this phone's copy), what stays (everything sent),
 * that coming back takes a new invite, and, when this phone still holds changes it never sent,
 * that those are lost for good, with the way to keep them (go online and wait for 已同步); for an
 * admin, that only another admin can invite them back (there is no other way back in).
 */
export function RemoveCompoundDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  name: string;
  /** Documents holding changes not yet sent. */
  unsent: number;
  /** This phone's member is an admin there: only another admin could invite them back. */
  admin: boolean;
  onConfirm: () => void;
}) {
  return (
    <ConfirmDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('compounds.removeTitle')}
      confirmLabel={props.unsent > 0 ? t('compounds.removeAnyway') : t('compounds.removeYes')}
      danger
      onConfirm={props.onConfirm}
    >
      <Show when={props.unsent > 0}>
        <p class="note-warn" data-testid="remove-unsent">
          <IconAlert size={24} />
          <span>{t('compounds.removeUnsent')}</span>
        </p>
      </Show>
      <Show when={props.admin}>
        <p class="note-warn" data-testid="remove-admin">
          <IconAlert size={24} />
          <span>{t('compounds.removeAdmin')}</span>
        </p>
      </Show>
      <p>{t('compounds.removeConfirm', { name: props.name })}</p>
    </ConfirmDialog>
  );
}
