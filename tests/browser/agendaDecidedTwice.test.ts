import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { lookAtPart } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const TITLE = '3号楼电梯经常停在半路';
const WITHDRAWN = '2号楼楼道堆满杂物';

/** The lines of 全部记录 marked as not counting. */
function notCounted(item: RequestPage) {
  return item.root
    .getByTestId('timeline')
    .locator('.timeline-entry')
    .filter({ has: item.page.getByTestId('timeline-not-counted') });
}

describe('a request decided on two phones at once, or decided on one and withdrawn on another', () => {
  const app = useServer();
  const owners = usePhone(); // 王阿姨, owners' committee, created the compound
  const community = usePhone(); // 张主任, community
  let compoundId: string;
  let requestId: string;

  it('two committee members join one compound and a request is classified', async () => {
    compoundId = await setUpCompound(
      app.url,
      { phone: owners, compound: '幸福里小区', name: '王阿姨', party: '业委会' },
      [{ phone: community, name: '张主任', invite: { role: '三方成员', party: '社区' } }],
    );
    const agenda = new AgendaPage(owners.page);
    await agenda.open(app.url, compoundId);
    await agenda.raise(TITLE, '电梯');
    requestId = await agenda.requestId(TITLE);
    const item = new RequestPage(owners.page);
    await item.open(app.url, compoundId, requestId);
    await item.classify('电梯', '紧急');
    await expect.poll(() => item.stage()).toBe('classified');
  });

  it('rejected offline and approved online: both phones show it approved, with the rejection as a note', async () => {
    const offline = new RequestPage(community.page);
    await offline.open(app.url, compoundId, requestId);
    await expect.poll(() => offline.stage(), { timeout: 20_000 }).toBe('classified');
    const shell = new AppShell(community.page);
    await shell.waitSynced();
    // 张主任, downstairs without a signal, records the rejection; 王阿姨, at home, the approval.
    await community.context.setOffline(true);
    await shell.waitOffline();
    // No count was taken: the sheet says so (it does not forbid deciding).
    await expect(offline.decisionBasis()).resolves.toEqual([
      '还没有表决结果。可以先用「记录举手表决」记下会上的表决，再做决定。',
    ]);
    await offline.decide('不通过', '维保合同还没到期，先让维保公司来修。');
    await expect.poll(() => offline.stage()).toBe('closed');
    await expect.poll(() => shell.unsent()).toBeGreaterThanOrEqual(1);
    const online = new RequestPage(owners.page);
    await online.decide('通过', '用维修基金换控制柜。');
    await expect.poll(() => online.stage()).toBe('decided');
    await community.context.setOffline(false);
    await shell.waitSynced();

    for (const item of [online, offline]) {
      await expect.poll(() => item.stage(), { timeout: 20_000 }).toBe('decided');
      await expect(item.stageText()).resolves.toBe('已通过，待分派');
      await expect(item.root.getByTestId('decision').textContent()).resolves.toContain('决定：通过');
      await expect(item.root.getByTestId('decision').textContent()).resolves.toContain('用维修基金换控制柜。');
      const other = item.root.getByTestId('concurrent-decisions');
      await expect.poll(() => other.textContent().catch(() => null), { timeout: 20_000 }).toContain('不通过');
      await expect(other.textContent()).resolves.toContain('维保合同还没到期');
      await expect(other.textContent()).resolves.toContain('张主任');
      // Kept and shown, not set aside: nothing says a record did not count, and nobody was reset.
      await expect(item.root.getByTestId('anomalies').count()).resolves.toBe(0);
      await expect(item.page.locator('.banner-error').count()).resolves.toBe(0);
      // In 全部记录 the rejection says it did not count; the approval reads as any step.
      const marked = notCounted(item);
      await expect(marked.count()).resolves.toBe(1);
      await expect(marked.getAttribute('data-type')).resolves.toBe('request.decided');
      await expect(marked.locator('.timeline-detail').textContent()).resolves.toBe(
        '不通过：维保合同还没到期，先让维保公司来修。',
      );
      await expect(marked.getByTestId('timeline-not-counted').textContent()).resolves.toBe(
        '（没有算数，见上面的说明）',
      );
    }
    // The next step is the approved one's: the committee assigns it.
    await expect.poll(() => offline.actions()).toContain('assign');
    await lookAtPart(offline.root.getByTestId('deliberation'), 'agenda-decided-twice');
    await lookAtPart(notCounted(offline), 'agenda-decided-twice-timeline');
  });

  it('withdrawn by its raiser offline and approved online: both phones show it approved, with the withdrawal as a note', async () => {
    // 王阿姨 raised it; on her phone offline she withdraws it, while 张主任 approves it online.
    const agenda = new AgendaPage(owners.page);
    await agenda.open(app.url, compoundId);
    await agenda.raise(WITHDRAWN, '安全');
    const id = await agenda.requestId(WITHDRAWN);
    const raiser = new RequestPage(owners.page);
    await raiser.open(app.url, compoundId, id);
    await raiser.classify('安全', '较急');
    await expect.poll(() => raiser.stage()).toBe('classified');
    const committee = new RequestPage(community.page);
    await committee.open(app.url, compoundId, id);
    await expect.poll(() => committee.stage(), { timeout: 20_000 }).toBe('classified');
    const shell = new AppShell(owners.page);
    await shell.waitSynced();
    await owners.context.setOffline(true);
    await shell.waitOffline();
    await raiser.openAction('withdraw');
    await raiser.sheet.locator('textarea').fill('物业已经清理了');
    await raiser.submitSheet();
    await expect.poll(() => raiser.stage()).toBe('withdrawn');
    await committee.decide('通过', '请物业一周内清理。');
    await expect.poll(() => committee.stage()).toBe('decided');
    await owners.context.setOffline(false);
    await shell.waitSynced();

    for (const item of [raiser, committee]) {
      await expect.poll(() => item.stage(), { timeout: 20_000 }).toBe('decided');
      await expect(item.root.getByTestId('decision').textContent()).resolves.toContain('决定：通过');
      const note = item.root.getByTestId('concurrent-withdrawal');
      await expect.poll(() => note.textContent().catch(() => null), { timeout: 20_000 }).toContain('物业已经清理了');
      await expect(note.textContent()).resolves.toContain('撤回没有算数');
      await expect(item.root.getByTestId('anomalies').count()).resolves.toBe(0);
      await expect(item.page.locator('.banner-error').count()).resolves.toBe(0);
      const marked = notCounted(item);
      await expect(marked.count()).resolves.toBe(1);
      await expect(marked.getAttribute('data-type')).resolves.toBe('request.withdrawn');
      await expect(marked.locator('.timeline-detail').textContent()).resolves.toBe('物业已经清理了');
    }
    await lookAtPart(raiser.root.getByTestId('concurrent-withdrawal'), 'agenda-withdrawn-beside-decision');
  });
});
