import { createSignal, Show } from 'solid-js';
import { useMembers } from '../../domain/useMembers.ts';
import { usePoints } from '../../domain/usePoints.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { TextField } from '../../ui/TextField.tsx';
import type { RedemptionRequest } from './redemptionCode.ts';
import { codeGroups, findShortCode, SHORT_CODE_DIGITS, typedDigits } from './shortCode.ts';

/**
 * 输入兑换码: the digits under the member's QR, typed at the counter when its camera cannot read
 * the code. `found` gets the same request a scan of that QR gives (`shortCode.ts`).
 */
export function TypedCode(props: { found: (r: RedemptionRequest) => void }) {
  const points = usePoints();
  const members = useMembers();
  const [open, setOpen] = createSignal(false);
  const [typed, setTyped] = createSignal('');
  let area: HTMLDivElement | undefined;
  const digits = () => typedDigits(typed());
  const find = createSubmit(() => {
    const code = digits();
    if (code.length !== SHORT_CODE_DIGITS)
      return { field: 'code', message: t('points.codeLength', { n: SHORT_CODE_DIGITS }) };
    // Whoever this copy knows: the members' list, and accounts whose member it has not heard of yet.
    const memberIds = new Set([...members().byId.keys(), ...Object.keys(points().accounts)]);
    const found = findShortCode(code, memberIds, Object.keys(points().goods));
    if (found.kind === 'unknown')
      return { field: 'code', message: t('points.codeUnknown', { code: codeGroups(code).join(' ') }) };
    if (found.kind === 'ambiguous') return { field: 'code', message: t('points.codeAmbiguous') };
    props.found({
      ticket: found.ticket,
      memberId: found.memberId,
      goodsId: found.goodsId,
      quantity: 1,
      points: points().goods[found.goodsId]?.pricePoints ?? 0,
    });
    return undefined;
  });
  const start = () => {
    setOpen(true);
    // The number pad opens at once: one tap from the counter page to typing.
    area?.querySelector('input')?.focus();
  };
  return (
    <div class="points-code-entry" ref={area}>
      <Show
        when={open()}
        fallback={
          <button type="button" class="btn btn-secondary btn-block" onClick={start} data-testid="type-code">
            {t('points.typeCode')}
          </button>
        }
      >
        <Form submit={find} testId="code-form">
          <TextField
            label={t('points.typeCode')}
            hint={t('points.typeCodeHint', { n: SHORT_CODE_DIGITS })}
            value={typed()}
            onInput={setTyped}
            required
            inputMode="numeric"
            maxLength={24}
            name="code"
            echo={digits() ? codeGroups(digits()).join(' ') : undefined}
          />
          <FormError error={find.error()} />
          <button type="submit" class="btn btn-primary btn-block" data-testid="code-find">
            {t('points.findCode')}
          </button>
        </Form>
      </Show>
    </div>
  );
}
