import QRCode from 'qrcode';
import { createEffect, createResource, createSignal, Match, on, Show, Switch } from 'solid-js';
import type { Party } from '../../../shared/roles.ts';
import { parties } from '../../../shared/roles.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { online } from '../../domain/network.ts';
import { useSession } from '../../domain/session.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { IconCopy, IconShare } from '../../ui/icons.tsx';
import { Modal, ModalClose } from '../../ui/Modal.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { createInvite } from './actions.ts';

type Made = Awaited<ReturnType<typeof createInvite>>;

const usesOptions = ['1', '10', '50', '200'] as const;
const ttlOptions = ['24', '72', '168', '720'] as const;

export type InviteRole = 'resident' | 'committee' | 'partner';
/** What the dialog starts from when it opens: a committee invite for a party still missing, say. */
export interface InvitePreset {
  role: InviteRole;
  party?: Party;
}
/** A resident invite goes to a building's WeChat group; a committee or partner one to one person. */
const defaults: Record<InviteRole, { uses: (typeof usesOptions)[number]; ttl: (typeof ttlOptions)[number] }> = {
  resident: { uses: '10', ttl: '168' },
  committee: { uses: '1', ttl: '72' },
  partner: { uses: '1', ttl: '72' },
};

/** Invite creation (role, party, uses, expiry), then the link as a QR code with copy and share. */
export function InviteDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; preset?: InvitePreset }) {
  const session = useSession();
  // The server refuses a committee member's committee invite for another party, so it is not offered.
  const isAdmin = () => session.account.role === 'admin';
  const partyChoices = () => parties.filter((p) => isAdmin() || p === session.account.party);
  const [role, setRole] = createSignal<InviteRole>('resident');
  const [unit, setUnit] = createSignal('');
  const [party, setParty] = createSignal<Party>(
    partyChoices().includes('owners') ? 'owners' : (partyChoices()[0] ?? 'owners'),
  );
  const [uses, setUses] = createSignal<(typeof usesOptions)[number]>(defaults.resident.uses);
  const [ttl, setTtl] = createSignal<(typeof ttlOptions)[number]>(defaults.resident.ttl);
  // A committee or partner invite gives one person rights over others' data: choosing the role sets
  // one person and three days (a resident's, ten people and a week); the member may change them after.
  const chooseRole = (next: InviteRole) => {
    setRole(next);
    setUses(defaults[next].uses);
    setTtl(defaults[next].ttl);
  };
  createEffect(
    on(
      () => props.open,
      (open) => {
        const preset = props.preset;
        if (!open || !preset) return;
        chooseRole(preset.role);
        if (preset.party && partyChoices().includes(preset.party)) setParty(preset.party);
      },
    ),
  );
  const [made, setMade] = createSignal<Made>();
  const make = createSubmit(
    async () => {
      if (role() === 'partner' && !unit().trim())
        return { field: 'unit', message: t('form.fillRequired', { field: t('invite.unit') }) };
      setMade(
        await createInvite(session, {
          role: role(),
          party: role() === 'committee' ? party() : undefined,
          unit: role() === 'partner' ? unit() : undefined,
          maxUses: Number(uses()),
          ttlHours: Number(ttl()),
        }),
      );
    },
    { failed: (err) => (online() ? errorMessage(err) : t('invite.needOnline')) },
  );

  return (
    <Modal
      settled={made() !== undefined}
      open={props.open}
      onOpenChange={(open) => {
        props.onOpenChange(open);
        if (!open) {
          setMade(undefined);
          chooseRole('resident');
        }
      }}
      title={made() ? t('invite.ready') : t('invite.title')}
      class="dialog-tall"
      testId="invite-dialog"
    >
      <Switch>
        <Match when={made()}>
          {(m) => (
            <InviteResult
              invite={m()}
              uses={uses()}
              onAnother={() => {
                setMade();
                chooseRole(role());
              }}
            />
          )}
        </Match>
        <Match when={!made()}>
          <Form submit={make}>
            <ChoiceGroup
              label={t('invite.role')}
              name="role"
              options={[
                { value: 'resident', label: t('role.resident') },
                { value: 'committee', label: t('role.committee') },
                { value: 'partner', label: t('role.partner') },
              ]}
              value={role()}
              onChange={chooseRole}
            />
            <Show when={role() === 'committee'}>
              <ChoiceGroup
                label={t('invite.party')}
                name="party"
                options={partyChoices().map((p) => ({ value: p, label: t(`party.${p}` as MessageKey) }))}
                value={party()}
                onChange={setParty}
              />
              <Show when={!isAdmin()}>
                <p class="muted">{t('invite.ownPartyOnly')}</p>
              </Show>
              <p class="field-hint" data-testid="invite-committee-warning">
                {t('invite.committeeWarning')}
              </p>
            </Show>
            <Show when={role() === 'partner'}>
              <TextField
                label={t('invite.unit')}
                value={unit()}
                onInput={setUnit}
                required
                maxLength={100}
                name="unit"
                hint={t('invite.unitHint')}
              />
            </Show>
            <ChoiceGroup
              label={t('invite.uses')}
              name="uses"
              options={usesOptions.map((u) => ({ value: u, label: t(`invite.uses${u}` as MessageKey) }))}
              value={uses()}
              onChange={setUses}
            />
            <ChoiceGroup
              label={t('invite.ttl')}
              name="ttl"
              options={ttlOptions.map((h) => ({ value: h, label: t(`invite.ttl${h}` as MessageKey) }))}
              value={ttl()}
              onChange={setTtl}
            />
            <FormError error={make.error()} />
            <div class="dialog-actions">
              <button type="submit" class="btn btn-primary" disabled={make.busy()}>
                {make.busy() ? t('invite.creating') : t('invite.create')}
              </button>
              <ModalClose label={t('form.cancel')} />
            </div>
          </Form>
        </Match>
      </Switch>
    </Modal>
  );
}

function InviteResult(props: { invite: Made; uses: string; onAnother: () => void }) {
  const [svg] = createResource(
    () => props.invite.link,
    (link) => QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  );
  const [copied, setCopied] = createSignal<'ok' | 'failed'>();
  let linkInput: HTMLTextAreaElement | undefined;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.invite.link);
      setCopied('ok');
    } catch {
      linkInput?.select();
      setCopied(document.execCommand?.('copy') ? 'ok' : 'failed');
    }
  };
  const expires = () => {
    const at = typeof props.invite.expiresAt === 'number' ? props.invite.expiresAt : Date.parse(props.invite.expiresAt);
    return Number.isNaN(at) ? '' : formatDateTime(at, intlLocale());
  };
  return (
    <div class="invite-result" data-testid="invite-result">
      <div class="qr" role="img" aria-label={t('invite.qr')} innerHTML={svg() ?? ''} />
      <label class="field-label" for="invite-link">
        {t('invite.link')}
      </label>
      <textarea
        id="invite-link"
        ref={linkInput}
        class="input link-text"
        rows={2}
        readOnly
        value={props.invite.link}
        data-testid="invite-link"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p class="muted">{t('invite.expires', { time: expires(), uses: t(`invite.uses${props.uses}` as MessageKey) })}</p>
      <div class="dialog-actions">
        <button type="button" class="btn btn-primary" onClick={copy}>
          <IconCopy size={24} />
          <span>{copied() === 'ok' ? t('invite.copied') : t('invite.copy')}</span>
        </button>
        <Show when={typeof navigator.share === 'function'}>
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() =>
              void navigator.share({ title: t('app.name'), url: props.invite.link }).catch(() => undefined)
            }
          >
            <IconShare size={24} />
            <span>{t('invite.share')}</span>
          </button>
        </Show>
        <button type="button" class="btn btn-secondary" onClick={() => props.onAnother()}>
          {t('invite.another')}
        </button>
        <ModalClose label={t('invite.done')} />
      </div>
      <FormError error={copied() === 'failed' && t('invite.copyFailed')} />
    </div>
  );
}
