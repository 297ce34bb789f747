import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { ExpenseState } from '../../../shared/folds/index.ts';
import { expenseConflicts, needsAssembly } from '../../../shared/folds/ledgerQueries.ts';
import { formatFen } from '../../../shared/money.ts';
import { isCommittee, type Member } from '../../../shared/roles.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDate, formatDay } from '../../../shared/time.ts';
import { signExpense } from '../../domain/ledgerWrites.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { useLedger } from '../../domain/useLedger.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { PhotoGrid } from '../../media/PhotoGrid.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { AssemblyLinks } from './AssemblyLinks.tsx';
import { EntryAmount } from './EntryAmount.tsx';
import { EntryQuestions } from './EntryQuestions.tsx';
import type { LedgerSheet } from './forms/context.ts';
import { conflictText, partyLabel, shownName, statusLabel } from './ledgerText.ts';
import { ReversalNote } from './ReversalNote.tsx';
import { SignatureBadges } from './SignatureBadges.tsx';

/** One expense: amount, payee, purpose, status, the three signatures, quotes, payments and their reversals. */
export function ExpenseEntry(props: {
  expense: ExpenseState;
  session: CompoundSession;
  nameOf: (memberId: string) => string;
  request?: { title: string; href: string };
  onSheet: (sheet: LedgerSheet) => void;
}) {
  const x = () => props.expense;
  const viewer = (): Member => props.session.member;
  const party = () => (viewer().party === 'none' ? undefined : (viewer().party as Exclude<Member['party'], 'none'>));
  const mySignature = () => {
    const p = party();
    return p && isCommittee(viewer()) && x().status === 'proposed' && !x().approvals[p] ? p : undefined;
  };
  const ledger = useLedger();
  /** Payment records not reversed: one, or several recorded on phones offline at once (each reversible). */
  const standing = () => x().payments.filter((p) => !p.reversal);
  const mayReverse = () => mayAppend('ledger.reversed', viewer());
  const blocked = () => (x().status === 'proposed' || x().status === 'approved') && needsAssembly(ledger(), x());
  // Approving signs for the whole party and cannot be taken back: it is asked once more, with the sums.
  const [confirming, setConfirming] = createSignal(false);
  const approve = createSubmit(() => {
    const p = mySignature();
    if (p) signExpense(props.session, x().id, p, 'approve');
    return undefined;
  });
  return (
    <li
      class="card ledger-entry"
      id={`entry-${x().id}`}
      data-testid="expense"
      data-id={x().id}
      data-status={x().status}
    >
      <p class="entry-head">
        <span class="entry-kind">{t('ledger.expense')}</span>
        <EntryAmount fen={x().amount} reversed={x().status === 'reversed'} />
      </p>
      <h3 class="card-title">{x().purpose}</h3>
      <p class="card-meta">
        <span data-testid="payee">{t('ledger.payee', { name: shownName(x().payee, viewer()) })}</span>
        <span>{t('ledger.proposedBy', { name: props.nameOf(x().by) })}</span>
        <time dateTime={new Date(x().at).toISOString()}>{formatDate(x().at, intlLocale())}</time>
      </p>
      <Show when={props.request}>
        {(r) => (
          <p class="card-meta">
            <A href={r().href}>{t('ledger.linkedRequest', { title: r().title })}</A>
          </p>
        )}
      </Show>
      <p class="status-line">
        <span class="stage entry-status" data-status={x().status} data-testid="expense-status">
          {x().status === 'approved' && blocked() ? t('ledger.status.awaitingAssembly') : statusLabel(x().status)}
        </span>
      </p>
      <SignatureBadges expense={x()} nameOf={props.nameOf} />
      <AssemblyLinks expense={x()} blocked={blocked()} />
      <Show when={x().refusal?.note}>
        {(note) => <p class="entry-note">{t('ledger.refusedBecause', { note: note() })}</p>}
      </Show>
      <Show when={expenseConflicts(ledger(), x()).length > 0}>
        <div class="entry-conflicts" data-testid="expense-conflicts" role="note" aria-label={t('ledger.conflicts')}>
          <For each={expenseConflicts(ledger(), x())}>
            {(c) => (
              <p class="conflict-line" data-code={c.code}>
                <span aria-hidden="true">⚠ </span>
                {conflictText(c)}
              </p>
            )}
          </For>
        </div>
      </Show>
      <Show when={x().quotes.length > 0}>
        <p class="entry-caption">{t('ledger.quotes')}</p>
        <PhotoGrid hashes={x().quotes} label={t('ledger.quotes')} />
      </Show>
      <For each={x().payments}>
        {(paid) => (
          <>
            <div class="entry-payment" data-testid="payment" data-id={paid.eventId}>
              <p class="entry-caption">{t('ledger.paidOn', { day: formatDay(paid.day, intlLocale()) })}</p>
              <p class="entry-recorder">{t('ledger.paidBy', { name: props.nameOf(paid.by) })}</p>
              <PhotoGrid hashes={paid.receipts} label={t('ledger.receipts')} />
              {/* Recorded on two phones at once: each record's reverse button sits under it, so it needs no date or name. */}
              <Show when={mayReverse() && standing().length > 1 && !paid.reversal}>
                <button
                  type="button"
                  class="btn btn-secondary btn-block entry-reverse"
                  data-testid="reverse"
                  aria-label={t('ledger.reversePaymentOf', {
                    day: formatDay(paid.day, intlLocale()),
                    name: props.nameOf(paid.by),
                  })}
                  onClick={() => props.onSheet({ id: 'reverse', targetEventId: paid.eventId, kind: 'payment' })}
                >
                  {t('ledger.reverseThisRecord')}
                </button>
              </Show>
            </div>
            <Show when={paid.reversal}>{(r) => <ReversalNote reversal={r()} nameOf={props.nameOf} />}</Show>
          </>
        )}
      </For>
      <div class="entry-actions">
        <Show when={mySignature()}>
          {(p) => (
            <>
              <button type="button" class="btn btn-primary" data-testid="approve" onClick={() => setConfirming(true)}>
                {t('ledger.approve', { party: partyLabel(p()) })}
              </button>
              <ConfirmDialog
                open={confirming()}
                onOpenChange={setConfirming}
                title={t('ledger.approveTitle', { party: partyLabel(p()) })}
                confirmLabel={t('ledger.approveYes')}
                onConfirm={() => approve.run()}
              >
                <p class="strong" data-testid="approve-amount">
                  {formatFen(x().amount, intlLocale())} · {shownName(x().payee, viewer())}
                </p>
                <p>{x().purpose}</p>
                <p>{t('ledger.approveHint')}</p>
              </ConfirmDialog>
              <button
                type="button"
                class="btn btn-secondary"
                data-testid="refuse"
                onClick={() => props.onSheet({ id: 'refuse', expense: x() })}
              >
                {t('ledger.refuse', { party: partyLabel(p()) })}
              </button>
            </>
          )}
        </Show>
        <Show when={blocked() && mayAppend('ledger.expense.assembly-linked', viewer())}>
          <button
            type="button"
            class="btn btn-secondary"
            data-testid="link-assembly"
            onClick={() => props.onSheet({ id: 'link', expense: x() })}
          >
            {t('ledger.assembly.link')}
          </button>
        </Show>
        <Show when={x().status === 'approved' && !blocked() && mayAppend('ledger.expense.paid', viewer())}>
          <button
            type="button"
            class="btn btn-primary"
            data-testid="record-payment"
            onClick={() => props.onSheet({ id: 'pay', expense: x() })}
          >
            {t('ledger.recordPayment')}
          </button>
        </Show>
        <Show when={mayReverse() && standing().length === 1 && standing()[0]}>
          {(paid) => (
            <button
              type="button"
              class="btn btn-secondary"
              data-testid="reverse"
              onClick={() => props.onSheet({ id: 'reverse', targetEventId: paid().eventId, kind: 'payment' })}
            >
              {t('ledger.reversePayment')}
            </button>
          )}
        </Show>
      </div>
      <FormError error={approve.error()} />
      <EntryQuestions entry={{ kind: 'expense', id: x().id }} />
    </li>
  );
}
