import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { usePhone } from './support/browser.ts';
import { makeJpeg } from './support/images.ts';
import { useServer } from './support/server.ts';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

describe('the built app under its Content-Security-Policy', () => {
  const app = useServer();
  const phone = usePhone();

  it('creates a compound, shows an invite QR code, syncs and shows a photo without a single violation', async () => {
    const { page } = phone;
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const logged: string[] = [];
    page.on('console', (m) => {
      if (/content security policy/i.test(m.text())) logged.push(m.text());
    });

    const compoundId = await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    await new AppShell(page).waitSynced();
    const members = new MembersPage(page);
    await members.open(app.url, compoundId);
    await members.createInvite({ role: '居民' });
    await members.closeDialog();

    const agenda = new AgendaPage(page);
    await agenda.open(app.url, compoundId);
    await agenda.openForm();
    await agenda.titleInput.fill('3号楼电梯异响');
    await agenda.chooseCategory('路灯照明');
    const form = page.getByTestId('raise-form');
    const photo = await makeJpeg(page, 800, 600);
    await form.getByTestId('photo-camera').setInputFiles({ name: 'lift.jpg', mimeType: 'image/jpeg', buffer: photo });
    await form.locator('[data-testid="photo-chosen"] img[data-state="ready"]').waitFor();
    await agenda.submit();
    await agenda.openRequest('3号楼电梯异响');
    await expect.poll(() => new RequestPage(page).photoStates()).toEqual(['ready']);
    await new AppShell(page).waitSynced();

    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(logged).toEqual([]);
  });
});
