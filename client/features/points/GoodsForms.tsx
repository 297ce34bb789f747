import { createSignal } from 'solid-js';
import * as v from 'valibot';
import type { GoodsState } from '../../../shared/folds/index.ts';
import { changedFields, changedFrom, draftText, useFormDraft, withDraft } from '../../domain/formDraft.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { t } from '../../i18n/index.ts';
import { SheetForm } from '../../ui/SheetForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { countShelf, listGoods, restock } from './actions.ts';

/** A whole number typed in a field; an empty field is none (Number('') would read as 0). */
const whole = (s: string, min: number, max: number) => {
  if (s.trim() === '') return undefined;
  const n = Number(s.trim());
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** What half-listed goods keep across a reload (a switch to WeChat may kill the tab). */
const GoodsDraft = v.partial(v.object({ name: draftText(60), price: draftText(10), stock: draftText(10) }));

/** The committee puts goods on the shelf: a name, a price in points and how many. */
export function ListGoodsForm(props: { session: CompoundSession; visit: string; done: () => void }) {
  const opening = { name: '', price: '', stock: '' };
  const draft = useFormDraft('draft-goods', props.session.compoundId, GoodsDraft, props.visit);
  const kept = withDraft(opening, draft.initial);
  const [name, setName] = createSignal(kept.name);
  const [price, setPrice] = createSignal(kept.price);
  const [stock, setStock] = createSignal(kept.stock);
  draft.keep(() => changedFields(opening, { name: name(), price: price(), stock: stock() }));
  return (
    <SheetForm
      submitLabel={t('points.listGoods')}
      submit={() => {
        if (!name().trim()) return { field: 'name', message: t('form.fillRequired', { field: t('points.goodsName') }) };
        const p = whole(price(), 1, 100_000);
        const s = whole(stock(), 0, 100_000);
        if (p === undefined || s === undefined)
          return { field: p === undefined ? 'price' : 'stock', message: t('points.numberInvalid') };
        listGoods(props.session, name(), p, s);
        draft.clear();
      }}
      done={props.done}
      testId="goods-form"
    >
      <TextField label={t('points.goodsName')} value={name()} onInput={setName} required maxLength={60} name="name" />
      <TextField
        label={t('points.goodsPrice')}
        value={price()}
        onInput={setPrice}
        required
        inputMode="numeric"
        name="price"
      />
      <TextField
        label={t('points.goodsStock')}
        value={stock()}
        onInput={setStock}
        required
        inputMode="numeric"
        name="stock"
      />
    </SheetForm>
  );
}

/** Goods came in: the stock goes up by this many. */
export function RestockForm(props: { session: CompoundSession; goodsId: string; visit: string; done: () => void }) {
  const draft = useFormDraft('draft-restock', props.session.compoundId, draftText(10), props.visit);
  const [quantity, setQuantity] = createSignal(draft.initial ?? '');
  draft.keep(() => changedFrom('', quantity()));
  return (
    <SheetForm
      submitLabel={t('points.restock')}
      submit={() => {
        const q = whole(quantity(), 1, 100_000);
        if (q === undefined) return { field: 'quantity', message: t('points.numberInvalid') };
        restock(props.session, props.goodsId, q);
        draft.clear();
      }}
      done={props.done}
      testId="restock-form"
    >
      <TextField
        label={t('points.restockQuantity')}
        value={quantity()}
        onInput={setQuantity}
        required
        inputMode="numeric"
        name="quantity"
      />
    </SheetForm>
  );
}

/**
 * 盘点: the committee counts the shelf and enters what is there. The stock the phone shows when the
 * count is saved is what it is measured against, so it follows the shelf from then on.
 */
export function CountForm(props: {
  session: CompoundSession;
  goods: GoodsState | undefined;
  visit: string;
  done: () => void;
}) {
  // What was counted on the shelf is not counted twice for a reload.
  const draft = useFormDraft('draft-count', props.session.compoundId, draftText(10), props.visit);
  const [counted, setCounted] = createSignal(draft.initial ?? '');
  draft.keep(() => changedFrom('', counted()));
  return (
    <SheetForm
      submitLabel={t('points.count')}
      submit={() => {
        const goods = props.goods;
        if (!goods) return t('points.noSuchGoods');
        const n = whole(counted(), 0, 100_000);
        if (n === undefined) return { field: 'counted', message: t('points.numberInvalid') };
        countShelf(props.session, goods.id, n, goods.stock);
        draft.clear();
      }}
      done={props.done}
      testId="count-form"
    >
      <p class="muted" data-testid="count-expected">
        {t('points.countHint', { n: props.goods?.stock ?? 0 })}
      </p>
      <TextField
        label={t('points.countedQuantity')}
        value={counted()}
        onInput={setCounted}
        required
        inputMode="numeric"
        name="counted"
      />
    </SheetForm>
  );
}
