import { AppShell } from '../pages/AppShell.ts';
import { MembersPage } from '../pages/MembersPage.ts';
import { OnboardingPages, type PartyLabel } from '../pages/OnboardingPages.ts';
import type { Phone } from './browser.ts';

export interface Founder {
  phone: Phone;
  compound: string;
  name: string;
  party: PartyLabel;
}

export interface Joiner {
  phone: Phone;
  name: string;
  invite: Parameters<MembersPage['createInvite']>[0];
}

/**
 * The founder creates a compound and invites each joiner through the members page, as a committee
 * would; every joiner opens their link. Resolves with the compound's id once every phone has synced.
 */
export async function setUpCompound(baseUrl: string, founder: Founder, joiners: readonly Joiner[]): Promise<string> {
  const compoundId = await new OnboardingPages(founder.phone.page).createCompound(
    baseUrl,
    founder.compound,
    founder.name,
    founder.party,
  );
  const members = new MembersPage(founder.phone.page);
  await members.open(baseUrl, compoundId);
  const links: string[] = [];
  for (const joiner of joiners) {
    links.push(await members.createInvite(joiner.invite));
    await members.closeDialog();
  }
  for (const [i, joiner] of joiners.entries())
    await new OnboardingPages(joiner.phone.page).joinByLink(links[i]!, joiner.name);
  await Promise.all([founder, ...joiners].map((p) => new AppShell(p.phone.page).waitSynced()));
  return compoundId;
}

/** The three parties and a resident, as the ledger's tests need them. */
export function threePartiesAndResident(
  community: Phone,
  owners: Phone,
  property: Phone,
  resident: Phone,
): [Founder, Joiner[]] {
  return [
    { phone: community, compound: '幸福里小区', name: '王阿姨', party: '社区' },
    [
      { phone: owners, name: '张主任', invite: { role: '三方成员', party: '业委会' } },
      { phone: property, name: '物业小刘', invite: { role: '三方成员', party: '物业' } },
      { phone: resident, name: '李叔', invite: { role: '居民' } },
    ],
  ];
}
