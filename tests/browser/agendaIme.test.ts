import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { usePhone } from './support/browser.ts';
import { imeType } from './support/ime.ts';
import { useServer } from './support/server.ts';

describe('raising a request in Chinese', () => {
  const app = useServer();
  const phone = usePhone();

  it('takes the whole raise form through an input method and stores only the chosen characters', async () => {
    const { page } = phone;
    await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const agenda = new AgendaPage(page);
    await agenda.raise('东门消防通道被占', '消防通道');
    await agenda.openForm();
    const cdp = await page.context().newCDPSession(page);
    const form = page.getByTestId('raise-form');

    await agenda.titleInput.click();
    await imeType(cdp, 'wu hao lou', '5号楼');
    await imeType(cdp, 'lu deng', '路灯');
    await imeType(cdp, 'bu liang', '不亮');
    await expect.poll(() => agenda.titleInput.inputValue()).toBe('5号楼路灯不亮');
    await agenda.chooseCategory('路灯照明');
    await form.locator('input[name="building"]').click();
    await imeType(cdp, 'wu hao lou', '5号楼');
    await form.locator('input[name="location"]').click();
    await imeType(cdp, 'dong men', '东门');
    await form.locator('textarea[name="detail"]').click();
    await imeType(cdp, 'wan shang kan bu jian', '晚上看不见');
    await expect(form.locator('input[name="building"]').inputValue()).resolves.toBe('5号楼');
    await expect(form.locator('input[name="location"]').inputValue()).resolves.toBe('东门');
    await agenda.submit();
    await expect.poll(() => agenda.titles()).toEqual(['5号楼路灯不亮', '东门消防通道被占']);
    await new AppShell(page).waitSynced();

    // Search waits for the chosen characters: pinyin being composed filters nothing.
    await page.getByTestId('agenda-search').click();
    for (const text of ['l', 'lu', 'lu d', 'lu de', 'lu den', 'lu deng'])
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await expect.poll(() => agenda.titles()).toHaveLength(2);
    await cdp.send('Input.insertText', { text: '路灯' });
    await expect.poll(() => agenda.titles()).toEqual(['5号楼路灯不亮']);

    await agenda.openRequest('5号楼路灯不亮');
    const item = new RequestPage(page);
    const facts = (await item.root.locator('.facts').textContent()) ?? '';
    for (const words of ['路灯照明', '5号楼', '东门', '晚上看不见']) expect(facts).toContain(words);
    expect(facts).not.toMatch(/[a-z]{2,}/);
    await expect(item.timelineText()).resolves.toContain('王阿姨');
  });
});
