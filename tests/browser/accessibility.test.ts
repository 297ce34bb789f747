import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const variants = [
  { name: 'zh-CN', locale: 'zh-CN', textSize: 'normal' },
  { name: 'en', locale: 'en', textSize: 'normal' },
  { name: 'zh-CN-large', locale: 'zh-CN', textSize: 'large' },
] as const;

interface Finding {
  page: string;
  problems: unknown[];
}

/** Audits the page as it stands (axe serious/critical, elder-friendly sizes) and saves a screenshot. */
async function audit(page: Page, variant: string, name: string, findings: Finding[]): Promise<void> {
  await page.locator('h1').first().waitFor();
  // Let fonts and lazy routes settle before judging contrast and sizes.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const violations = await seriousViolations(page);
  const sizes = await sizeProblems(page);
  if (violations.length || sizes.length)
    findings.push({ page: `${variant}/${name}`, problems: [...violations, ...sizes] });
  await page.screenshot({ path: screenshotPath(`${variant}-${name}.png`) });
}

describe('every main page is accessible and elder-friendly', () => {
  const app = useServer();
  let wang: Phone;
  let li: Phone;
  let compoundId: string;

  beforeAll(async () => {
    [wang, li] = await Promise.all([launchPhone(), launchPhone()]);
    compoundId = await new OnboardingPages(wang.page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const agenda = new AgendaPage(wang.page);
    await agenda.raise('5号楼门口路灯不亮，晚上回家看不见路', '路灯照明');
    await agenda.raise('东门消防通道被私家车占用', '消防通道');
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    const link = await members.createInvite();
    await members.closeDialog();
    await new OnboardingPages(li.page).joinByLink(link, '3号楼李叔');
    await eventually(async () => expect(await members.names()).toEqual(['3号楼李叔', '王阿姨']), { timeout: 20_000 });
  });
  afterAll(async () => {
    await Promise.all([wang?.dispose(), li?.dispose()]);
  });

  for (const variant of variants) {
    it(`has no serious or critical axe violations and large enough targets in ${variant.name}`, async () => {
      const page = wang.page;
      await page.evaluate(
        ([locale, textSize]) =>
          localStorage.setItem(
            'little-stool:prefs',
            JSON.stringify({ ...JSON.parse(localStorage.getItem('little-stool:prefs') ?? '{}'), locale, textSize }),
          ),
        [variant.locale, variant.textSize] as const,
      );
      const findings: Finding[] = [];
      const base = `${app.url}/c/${compoundId}`;
      const visit = async (path: string, name: string) => {
        await page.goto(path);
        await audit(page, variant.name, name, findings);
      };
      await visit(`${base}/agenda`, 'agenda');
      await expect.poll(() => page.getByTestId('request-item').count()).toBe(2);
      await new AppShell(page).waitSynced();
      await audit(page, variant.name, 'agenda', findings);
      await visit(`${base}/agenda/new`, 'agenda-new');
      await page.getByTestId('category-choices').locator('.choice-label').nth(5).click();
      await audit(page, variant.name, 'agenda-new', findings);
      await visit(`${base}/rosters`, 'rosters');
      await visit(`${base}/ledger`, 'ledger');
      await visit(`${base}/meetings`, 'meetings');
      await visit(`${base}/more`, 'more');
      await visit(`${base}/members`, 'members');
      await expect.poll(() => page.getByTestId('member-item').count()).toBe(2);
      await audit(page, variant.name, 'members', findings);
      await page.getByTestId('open-invite').click();
      await page.getByTestId('invite-dialog').waitFor();
      await audit(page, variant.name, 'invite-form', findings);
      await page.getByTestId('invite-dialog').locator('button[type="submit"]').click();
      await page.getByTestId('invite-dialog').locator('.qr svg').waitFor();
      await audit(page, variant.name, 'invite-qr', findings);
      await page.keyboard.press('Escape');
      await visit(`${base}/settings`, 'settings');
      await page.getByTestId('storage-usage').waitFor();
      await audit(page, variant.name, 'settings', findings);
      await visit(`${base}/compounds`, 'compounds');
      await visit(`${app.url}/welcome`, 'welcome');
      await visit(`${app.url}/create`, 'create');
      await visit(`${app.url}/join/SAMPLECODE`, 'join');
      await visit(`${app.url}/join`, 'join-code');
      await visit(`${app.url}/no-such-page`, 'not-found');
      expect(findings).toEqual([]);
    });
  }

  it('has an accessible “please join again” screen and WeChat notice', async () => {
    const findings: Finding[] = [];
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    await wang.page.evaluate(() =>
      localStorage.setItem(
        'little-stool:prefs',
        JSON.stringify({
          ...JSON.parse(localStorage.getItem('little-stool:prefs') ?? '{}'),
          locale: 'zh-CN',
          textSize: 'normal',
        }),
      ),
    );
    await members.revoke('3号楼李叔');
    await li.page.getByTestId('rejoin-screen').waitFor({ timeout: 20_000 });
    await audit(li.page, 'zh-CN', 'rejoin', findings);

    const wechat = await launchPhone(undefined, {
      userAgent:
        'Mozilla/5.0 (Linux; Android 13; V2148A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2308 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64',
    });
    try {
      await wechat.page.goto(`${app.url}/join/SAMPLECODE`);
      await wechat.page.getByTestId('wechat-notice').waitFor();
      await audit(wechat.page, 'zh-CN', 'wechat', findings);
      await wechat.page.getByRole('button', { name: '仍然在微信里继续' }).click();
      await wechat.page.getByTestId('join-form').waitFor();
    } finally {
      await wechat.dispose();
    }
    expect(findings).toEqual([]);
  });
});
