import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { usePhone } from './support/browser.ts';
import { useServer } from './support/server.ts';

describe('Chinese input', () => {
  const app = useServer();
  const phone = usePhone();

  it('takes a pinyin composition into the raise form and stores only the committed characters', async () => {
    const { page } = phone;
    await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '物业');
    const agenda = new AgendaPage(page);
    await agenda.openForm();
    await agenda.titleInput.click();
    const cdp = await page.context().newCDPSession(page);
    // Type "lu deng" with an input method: composition updates, then the candidate is committed.
    for (const text of ['l', 'lu', 'lu d', 'lu de', 'lu den', 'lu deng']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await expect.poll(() => agenda.titleInput.inputValue()).toBe('lu deng');
    await cdp.send('Input.insertText', { text: '路灯' });
    for (const text of ['b', 'bu', 'bu l', 'bu li', 'bu lia', 'bu liang']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await cdp.send('Input.insertText', { text: '不亮' });
    await expect.poll(() => agenda.titleInput.inputValue()).toBe('路灯不亮');
    await agenda.chooseCategory('路灯照明');
    await agenda.submit();
    await expect.poll(() => agenda.titles()).toEqual(['路灯不亮']);
    await new AppShell(page).waitSynced();
    // The log holds exactly the committed characters: no pinyin reached the document or the relay.
    await expect(page.getByTestId('request-list').textContent()).resolves.not.toMatch(/[a-z]{2,}/);
  });
});
