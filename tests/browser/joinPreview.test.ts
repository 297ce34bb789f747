import { beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../helpers/apiCall.ts';
import { createCompound, type Session } from '../helpers/clients.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { usePhone } from './support/browser.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('join');

describe('the join page names the compound and the role before joining', () => {
  const app = useServer();
  const phone = usePhone();
  let admin: Session;
  const mint = async (body: Record<string, unknown>): Promise<string> => {
    const r = await apiCall(app.url, 'POST', `/api/compounds/${admin.compoundId}/invites`, {
      body,
      token: admin.token,
    });
    expect(r.status).toBe(201);
    return r.json.url;
  };

  beforeAll(async () => {
    admin = await createCompound(app.url, { name: '阳光花园', founderName: '王书记', party: 'community' });
  });

  it('shows which compound and as what from the link before a name is typed, and the one use is still there to join with', async () => {
    const page = phone.page;
    const onboarding = new OnboardingPages(page);
    const link = await mint({ role: 'committee', party: 'owners', maxUses: 1 });
    await page.goto(link);
    await expect
      .poll(() => onboarding.preview())
      .toEqual({ invitedTo: '您受邀加入「阳光花园」', compound: '阳光花园', kind: '身份：三方成员 · 业委会' });
    expect(await page.getByLabel('您的称呼').inputValue()).toBe('');
    expect(await page.getByTestId('invite-compound').evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
    await lookAt(page, 'preview');

    // Looking did not use the invite up: its one use lets this phone join.
    await page.getByLabel('您的称呼').fill('业委会老陈');
    await page.getByRole('button', { name: '加入', exact: true }).click();
    await page.waitForURL(/\/c\/[^/]+\/agenda$/);
  });

  it('says a revoked or used-up invite cannot be used as the link opens, with no name to fill in', async () => {
    const page = phone.page;
    const onboarding = new OnboardingPages(page);
    const revoked = await mint({ role: 'resident' });
    const code = new URL(revoked).pathname.split('/').at(-1)!;
    const r = await apiCall(app.url, 'DELETE', `/api/compounds/${admin.compoundId}/invites/${code}`, {
      token: admin.token,
    });
    expect(r.status).toBe(204);
    await page.goto(revoked);
    await expect
      .poll(() => onboarding.refusal())
      .toBe('这个邀请已被撤销，或者发出邀请的人已不是成员。请向管理员要一个新的。');
    expect(await page.getByLabel('您的称呼').count()).toBe(0);
    expect(await page.getByRole('button', { name: '加入', exact: true }).count()).toBe(0);
    await lookAt(page, 'revoked');

    const usedUp = await mint({ role: 'resident', maxUses: 1 });
    const joined = await apiCall(app.url, 'POST', '/api/join', {
      body: { code: new URL(usedUp).pathname.split('/').at(-1), name: '3号楼李叔' },
    });
    expect(joined.status).toBe(201);
    await page.goto(usedUp);
    await expect.poll(() => onboarding.refusal()).toBe('这个邀请的名额已经用完，请向管理员要一个新的。');

    // A new link from the inviter can be pasted right here.
    await page.getByTestId('join-new-link').click();
    await page.waitForURL(/\/join$/);
    await onboarding.pasteCode(await mint({ role: 'partner', unit: '阳光物业服务中心' }));
    await expect.poll(() => onboarding.preview().then((p) => p?.kind)).toBe('身份：共建单位 · 阳光物业服务中心');
    expect(await onboarding.refusal()).toBeUndefined();
  });

  it('waits for the network to look a pasted link up, and a look-up that fails holds joining back not at all', async () => {
    const page = phone.page;
    const onboarding = new OnboardingPages(page);
    await page.goto(`${app.url}/join`);
    await page.getByLabel('邀请码或邀请链接').waitFor();
    await phone.context.setOffline(true);
    try {
      await onboarding.pasteCode(await mint({ role: 'resident' }));
      await expect
        .poll(() => page.getByTestId('invite-preview-offline').textContent())
        .toContain('现在没有联网，还看不到这是哪个小区的邀请。');
    } finally {
      await phone.context.setOffline(false);
    }
    await expect.poll(() => onboarding.preview().then((p) => p?.kind)).toBe('身份：居民');

    // The relay answers joining but not the preview: the page says so and joining goes through.
    await page.route('**/api/invites/**', (route) => route.abort('connectionrefused'));
    try {
      await page.goto(await mint({ role: 'resident' }));
      await expect
        .poll(() => page.getByTestId('invite-preview-failed').textContent())
        .toContain('暂时看不到这是哪个小区的邀请，您仍然可以加入。');
      await page.getByLabel('您的称呼').fill('5号楼张阿姨');
      await page.getByRole('button', { name: '加入', exact: true }).click();
      await page.waitForURL(/\/c\/[^/]+\/agenda$/);
    } finally {
      await page.unroute('**/api/invites/**');
    }
  });
});
