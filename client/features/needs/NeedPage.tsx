import { useParams } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { isCommittee, isPartner } from '../../../shared/roles.ts';
import { formatDate } from '../../../shared/time.ts';
import { acceptDelivery, claimNeed, useNeeds } from '../../domain/useNeeds.ts';
import { usePage } from '../../domain/usePage.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { anomalyText } from '../../i18n/reasons.ts';
import { PhotoGrid } from '../../media/PhotoGrid.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ConflictNote } from '../../ui/ConflictNote.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { listText } from '../../ui/listText.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ReportDeliveryForm } from './ReportDeliveryForm.tsx';

/** One need: what and for whom; a partner claims it in one tap and reports back; the committee accepts. */
export default function NeedPage() {
  const params = useParams<{ listingId: string }>();
  const { session, path } = usePage();
  const { state, rivals, loaded } = useNeeds();
  const listing = () => state().practice.listings[params.listingId];
  const me = session.member;
  // Claimed or accepted on another phone since the button showed: the relay refuses a claim or an
  // acceptance of what this phone holds taken, and the phone would reset its copy.
  // Claiming puts the unit's name to the work (there is no un-claim): asked once more, in words.
  const [confirmingClaim, setConfirmingClaim] = createSignal(false);
  const claim = createSubmit(() => {
    if (listing()?.status !== 'open') return anomalyText({ code: 'already_claimed' });
    claimNeed(session, params.listingId);
    return undefined;
  });
  const accept = createSubmit(() => {
    const l = listing();
    if (l?.status === 'done') return anomalyText({ code: 'already_accepted' });
    if (l) acceptDelivery(session, l);
    return undefined;
  });
  // Claims kept beside the one holding this need (two units claimed it offline at once).
  const rivalsHere = () => rivals().filter((r) => r.listingId === params.listingId);
  const rivalUnits = () => listText([...new Set(rivalsHere().map((r) => r.unitName))]);
  const lostMine = () => rivalsHere().some((r) => r.by === me.memberId);

  return (
    <>
      <PageHeader title={t('needs.one')} back={path('needs')} />
      <Show when={listing()} fallback={<p class="empty">{loaded() ? t('needs.notFound') : t('app.loading')}</p>}>
        {(l) => (
          <article class="need" data-testid="need" data-status={l().status}>
            <h2 class="need-title">{l().wish?.title}</h2>
            <p class="status-line" data-testid="need-status">
              <span class="stage" data-stage={l().status === 'done' ? 'closed' : 'open'}>
                {t(`needs.status.${l().status}`)}
              </span>
            </p>
            <dl class="need-facts">
              <Show when={l().wish?.forName}>
                {(name) => (
                  <>
                    <dt>{t('needs.forWhom')}</dt>
                    <dd>{name()}</dd>
                  </>
                )}
              </Show>
              <Show when={l().wish?.due}>
                {(due) => (
                  <>
                    <dt>{t('needs.byWhen')}</dt>
                    <dd>{formatDate(due(), intlLocale())}</dd>
                  </>
                )}
              </Show>
              <Show when={l().wish?.contact}>
                {(contact) => (
                  <>
                    <dt>{t('needs.contactPerson')}</dt>
                    <dd data-testid="need-contact">{contact()}</dd>
                  </>
                )}
              </Show>
              <Show when={l().claim}>
                {(c) => (
                  <>
                    <dt>{t('needs.claimedByLabel')}</dt>
                    <dd data-testid="need-unit">
                      {c().unitName}
                      {/* The contact moves to a line of its own whole, never split inside a name. */}
                      <span class="need-contact">{t('needs.contact', { contact: c().contact })}</span>
                    </dd>
                  </>
                )}
              </Show>
              <Show when={l().claim?.accepted}>
                {(a) => (
                  <>
                    <dt>{t('needs.acceptedOn')}</dt>
                    <dd>{formatDate(a().at, intlLocale())}</dd>
                  </>
                )}
              </Show>
            </dl>
            <Show when={l().wish?.detail}>{(d) => <p class="need-detail">{d()}</p>}</Show>
            <PhotoGrid hashes={l().wish?.photos ?? []} />
            <Show when={rivalsHere().length > 0 && l().claim}>
              {(holder) => (
                <Switch>
                  <Match when={lostMine()}>
                    <ConflictNote testid="need-claim-lost" text={t('needs.claimLost', { holder: holder().unitName })} />
                  </Match>
                  <Match when={holder().by === me.memberId}>
                    <ConflictNote testid="need-claim-beside" text={t('needs.claimBeside', { units: rivalUnits() })} />
                  </Match>
                  <Match when={isCommittee(me)}>
                    <ConflictNote
                      testid="need-rivals"
                      text={t('needs.rivalsHere', { units: rivalUnits(), holder: holder().unitName })}
                    />
                  </Match>
                </Switch>
              )}
            </Show>
            <Show when={l().claim?.report}>
              {(r) => (
                <section class="section" aria-labelledby="report-heading">
                  <h3 id="report-heading">{t('needs.report')}</h3>
                  <p data-testid="need-report">{r().note}</p>
                  <PhotoGrid hashes={r().photos} label={t('needs.reportPhotos')} />
                </section>
              )}
            </Show>
            <Show when={l().status === 'open' && isPartner(me)}>
              <button
                type="button"
                class="btn btn-primary btn-block"
                onClick={() => setConfirmingClaim(true)}
                data-testid="claim"
              >
                {t('needs.claim')}
              </button>
              <ConfirmDialog
                open={confirmingClaim() && l().status === 'open'}
                onOpenChange={setConfirmingClaim}
                title={t('needs.claimTitle')}
                confirmLabel={t('needs.claimYes')}
                onConfirm={() => claim.run()}
              >
                <p>{t('needs.claimHint')}</p>
              </ConfirmDialog>
              <FormError error={claim.error()} />
            </Show>
            <Show when={l().status === 'claimed' && l().claim?.by === me.memberId}>
              <ReportDeliveryForm listing={l()} />
            </Show>
            <Show when={l().status === 'reported' && isCommittee(me)}>
              <button type="button" class="btn btn-primary btn-block" onClick={() => accept.run()} data-testid="accept">
                {t('needs.accept')}
              </button>
              <FormError error={accept.error()} />
            </Show>
          </article>
        )}
      </Show>
    </>
  );
}
