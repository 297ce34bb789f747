import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { usePhone } from './support/browser.ts';
import { drafts } from './support/drafts.ts';
import { fieldNamed } from './support/fields.ts';
import { imeType } from './support/ime.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('agenda');

describe('the raiser corrects a request', () => {
  const app = useServer();
  const phone = usePhone();
  let compoundId: string;

  it('edits the words before a decision, in Chinese, and the record says so', async () => {
    const { page } = phone;
    compoundId = await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const agenda = new AgendaPage(page);
    const request = new RequestPage(page);
    const shell = new AppShell(page);
    await agenda.raise('5号楼路灯不亮', '路灯照明');
    await agenda.openRequest('5号楼路灯不亮');
    expect(await request.actions()).toContain('edit');

    // Saving unchanged words says so and writes nothing.
    let sheet = await request.openAction('edit');
    await expect(sheet.locator('input[name="title"]').inputValue()).resolves.toBe('5号楼路灯不亮');
    await sheet.getByTestId('sheet-submit').click();
    await expect(sheet.getByRole('alert').textContent()).resolves.toContain('还没有改动。');
    await lookAt(page, 'edit');

    const cdp = await page.context().newCDPSession(page);
    await sheet.locator('input[name="title"]').click();
    await page.keyboard.press('Control+A');
    await imeType(cdp, 'wu liu hao lou', '5号楼和6号楼');
    await imeType(cdp, 'lu deng bu liang', '路灯不亮');
    await expect.poll(() => sheet.locator('input[name="title"]').inputValue()).toBe('5号楼和6号楼路灯不亮');
    await sheet.locator('input[name="location"]').click();
    await imeType(cdp, 'bei men', '北门');
    // The tab is discarded mid-edit (a switch to WeChat): the sheet comes back with the words typed.
    await request.reloadSheet();
    await expect.poll(() => sheet.locator('input[name="title"]').inputValue()).toBe('5号楼和6号楼路灯不亮');
    await expect(sheet.locator('input[name="location"]').inputValue()).resolves.toBe('北门');
    await request.submitSheet();
    await expect.poll(() => page.locator('h1').textContent()).toBe('5号楼和6号楼路灯不亮');
    await expect.poll(() => request.timelineText()).toContain('修改了诉求');
    // The record keeps the words the edit replaced.
    const edited = request.root.locator('.timeline-entry[data-type="request.edited"] .timeline-detail');
    await expect(edited.innerText()).resolves.toBe(
      '想说的事：“5号楼路灯不亮”改为“5号楼和6号楼路灯不亮”\n在哪里：“（空）”改为“北门”',
    );
    await expect(request.root.locator('.facts').textContent()).resolves.toContain('北门');

    // A place once given can be changed, not emptied.
    sheet = await request.openAction('edit');
    await sheet.locator('input[name="location"]').fill('');
    await sheet.getByTestId('sheet-submit').click();
    const location = fieldNamed(sheet, 'location');
    await expect(location.error.textContent()).resolves.toContain('在哪里不能清空');
    await expect(location.control.getAttribute('aria-invalid')).resolves.toBe('true');
    await sheet.getByRole('button', { name: '取消' }).click();
    await sheet.waitFor({ state: 'detached' });

    // Once decided it is the committee's record: no more editing.
    await request.classify('路灯照明', '较急');
    await request.decide('通过', '下周修');
    await expect.poll(() => request.actions()).not.toContain('edit');

    await shell.waitSynced();
    await page.reload();
    await agenda.open(app.url, compoundId);
    await expect.poll(() => agenda.titles()).toEqual(['5号楼和6号楼路灯不亮']);
  });

  it('a half-typed reason to withdraw survives a reload, and is gone once sent', async () => {
    const { page } = phone;
    const agenda = new AgendaPage(page);
    const request = new RequestPage(page);
    await agenda.open(app.url, compoundId);
    await agenda.raise('东门垃圾桶满了', '其他');
    await agenda.openRequest('东门垃圾桶满了');
    const sheet = await request.openAction('withdraw');
    await sheet.locator('textarea[name="reason"]').fill('物业已经清走了，不用再议');
    await request.reloadSheet();
    await expect.poll(() => sheet.locator('textarea[name="reason"]').inputValue()).toBe('物业已经清走了，不用再议');
    // Brought back with a draft, it asks before a tap beside it or the back gesture throws that away.
    await page.evaluate(() => history.back());
    await page.getByRole('alertdialog').getByRole('button', { name: '继续填写' }).click();
    await request.submitSheet();
    await expect.poll(() => request.stage()).toBe('withdrawn');
    await expect(drafts(page, 'withdraw')).resolves.toEqual([]);
    expect(new URL(page.url()).search).toBe('');
  });
});
