import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { isPartner } from '../../../shared/roles.ts';
import { usePage } from '../../domain/usePage.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { IconBoard, IconChevron, IconHome, IconMembers, IconSettings } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { MyPointsLink, ThanksWallLink } from '../points/parts.ts';

export default function MorePage() {
  const { session, path } = usePage();
  const partner = isPartner(session.member);
  // A partner unit sees no member list; everyone else reaches the needs board from here.
  const links = [
    ...(partner ? [] : [{ href: path('members'), label: 'more.members', icon: IconMembers } as const]),
    ...(partner ? [] : [{ href: path('needs'), label: 'more.needs', icon: IconBoard } as const]),
    { href: path('compounds'), label: 'more.compounds', icon: IconHome },
    { href: path('settings'), label: 'more.settings', icon: IconSettings },
  ] as const;
  return (
    <>
      <PageHeader title={t('more.title')} />
      <p class="muted">
        {partner
          ? t('more.youPartner', { name: session.account.name, unit: session.account.unit ?? '' })
          : session.account.party === 'none'
            ? t('more.youNoParty', {
                name: session.account.name,
                role: t(`role.${session.account.role}` as MessageKey),
              })
            : t('more.you', {
                name: session.account.name,
                role: t(`role.${session.account.role}` as MessageKey),
                party: t(`party.${session.account.party}` as MessageKey),
              })}
      </p>
      <ul class="link-list">
        <li>
          <MyPointsLink />
        </li>
        <ThanksWallLink wrap />
        <For each={links}>
          {(l) => (
            <li>
              <A href={l.href} class="link-row">
                <Dynamic component={l.icon} size={28} />
                <span>{t(l.label)}</span>
                <IconChevron size={24} />
              </A>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
