import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { usePhone } from './support/browser.ts';
import { fieldNamed } from './support/fields.ts';
import { lookAtPart } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const POINTER = '请看上面标出的一项，改好后再提交。';

const hasFocus = (control: Locator) => control.evaluate((el) => el === document.activeElement);

/** Whether all of `el` is on the phone's screen (not scrolled off above or below). */
const onScreen = (el: Locator) =>
  el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });

/**
 * The sentence about the field named `name` is inside that field, tied to its control
 * (aria-invalid, aria-describedby), and the control has the focus, on screen.
 */
async function expectMarked(scope: Page | Locator, name: string, message: string): Promise<void> {
  const { field, control, error } = fieldNamed(scope, name);
  await expect.poll(() => error.textContent()).toBe(message);
  const errorId = await error.getAttribute('id');
  expect(errorId).toBeTruthy();
  await expect
    .poll(() => field.getAttribute('aria-invalid').then((a) => a ?? control.getAttribute('aria-invalid')))
    .toBe('true');
  await expect.poll(() => control.getAttribute('aria-describedby')).toContain(errorId);
  await expect.poll(() => hasFocus(control)).toBe(true);
  await expect.poll(() => onScreen(field)).toBe(true);
}

describe('a form says what is wrong beside the field it is about', () => {
  const app = useServer();
  const phone = usePhone();

  it('on a page: the empty title is marked and focused, the button says to look above, typing clears it', async () => {
    const { page } = phone;
    await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const agenda = new AgendaPage(page);
    await agenda.openForm();
    const form = page.getByTestId('raise-form');
    // Tapped from the bottom of the page, where the title is scrolled off the top.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const title = fieldNamed(form, 'title');
    await expect.poll(() => onScreen(title.field)).toBe(false);
    await form.getByTestId('raise-submit').click();

    await expectMarked(form, 'title', '请填写「想说的事」。');
    // Said once: one alert, the pointer above the button; the field's own sentence is read with its focus.
    await expect.poll(() => page.getByRole('alert').allTextContents()).toEqual([POINTER]);
    await expect(title.field.evaluate((el) => getComputedStyle(el.querySelector('.input')!).borderColor)).resolves.toBe(
      'rgb(164, 22, 26)',
    );
    await lookAtPart(title.field, 'form-field-error-page');

    await page.keyboard.type('路灯不亮');
    await expect.poll(() => title.error.count()).toBe(0);
    await expect.poll(() => title.control.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => title.control.getAttribute('aria-describedby')).toBeNull();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);

    // The next field that is wrong, a choice, is marked the same way; choosing clears it.
    await form.getByTestId('raise-submit').click();
    await expectMarked(form, 'category', '请选一个类别。');
    await form.getByTestId('category-choices').getByText('路灯照明', { exact: true }).click();
    await expect.poll(() => fieldNamed(form, 'category').error.count()).toBe(0);
    await form.getByTestId('raise-submit').click();
    await page.getByTestId('raise-request').waitFor();
    await expect.poll(() => agenda.titles()).toEqual(['路灯不亮']);
  });

  it('in a sheet: the empty reason is marked and focused inside the sheet, typing clears it', async () => {
    const { page } = phone;
    const agenda = new AgendaPage(page);
    await agenda.openRequest('路灯不亮');
    const request = new RequestPage(page);
    const sheet = await request.openAction('withdraw');
    await sheet.getByTestId('sheet-submit').click();

    await expectMarked(sheet, 'reason', '请填写「撤回的原因」。');
    await expect.poll(() => page.getByRole('alert').allTextContents()).toEqual([POINTER]);
    await lookAtPart(fieldNamed(sheet, 'reason').field, 'form-field-error-sheet');

    const reason = fieldNamed(sheet, 'reason');
    await page.keyboard.type('重复了');
    await expect.poll(() => reason.error.count()).toBe(0);
    await expect.poll(() => reason.control.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => sheet.getByRole('alert').count()).toBe(0);
    await request.submitSheet();
    await expect.poll(() => request.stage()).toBe('withdrawn');
  });
});
