import { expect } from 'vitest';
import { AppShell } from '../pages/AppShell.ts';
import { PointsPage } from '../pages/PointsPage.ts';
import type { Phone } from './browser.ts';

/**
 * The love supermarket with no network: the committee's phone puts goods on the shelf, the
 * member's phone sees them, the counter page opens, and both phones go offline once synced.
 * Resolves with the counter's and the member's points pages (the member's on the shop).
 */
export async function offlineAtTheCounter(
  baseUrl: string,
  compoundId: string,
  counterPhone: Phone,
  memberPhone: Phone,
  goods: { name: string; price: number; stock: number },
): Promise<{ counter: PointsPage; member: PointsPage }> {
  const counter = new PointsPage(counterPhone.page);
  await counter.open(baseUrl, compoundId, 'shop');
  await counter.listGoods(goods.name, goods.price, goods.stock);
  const member = new PointsPage(memberPhone.page);
  await member.open(baseUrl, compoundId, 'shop');
  await expect.poll(() => member.stock(goods.name), { timeout: 20_000 }).toBe(`库存 ${goods.stock}`);
  await counterPhone.page.getByTestId('open-counter').click();
  await counterPhone.page.getByTestId('scan-panel').waitFor();
  await Promise.all([new AppShell(counterPhone.page).waitSynced(), new AppShell(memberPhone.page).waitSynced()]);
  await Promise.all([counterPhone.context.setOffline(true), memberPhone.context.setOffline(true)]);
  return { counter, member };
}
