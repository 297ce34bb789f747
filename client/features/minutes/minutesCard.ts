import type { MinutesState } from '../../../shared/folds/foldMinutes.ts';
import type { MeetingState, TopicOrder } from '../../../shared/folds/index.ts';
import { groupHash } from '../../../shared/minutesHash.ts';
import { parties } from '../../../shared/roles.ts';
import { formatDateTime, formatDay } from '../../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { ownerText } from './ActionItemList.tsx';
import { assemblyResultText } from './assemblyResultText.ts';
import { decisionCounts, tallyText } from './DecisionList.tsx';
import { itemsInTopicOrder } from './itemsInTopicOrder.ts';

/** One titled list of lines on the shared image. */
export interface CardSection {
  heading: string;
  lines: string[];
  /** A running text (the notes), wrapped as one paragraph per line break instead of numbered lines. */
  text?: string;
  /** Said under the text when it is too long for the image. */
  more?: string;
}

/** The signed minutes in short, as the image for a chat group shows them (words already in the locale). */
export interface MinutesCard {
  title: string;
  subtitle: string;
  sections: CardSection[];
  hashLabel: string;
  hash: string;
  verifyUrl: string;
  footer: string;
}

const shownParties = [...parties, 'none'] as const;

/**
 * Builds the card from the folded minutes: attendance by party, topics, decisions, actions, the notes
 * (what was said: most residents read the minutes only in the chat group) and signatures.
 */
export function minutesCard(input: {
  meeting: MeetingState | undefined;
  state: MinutesState;
  order: TopicOrder | null;
  hash: string;
  /** The notes text (纪要正文), as hashed and printed. */
  notes: string;
  verifyUrl: string;
  nameOf: (memberId: string) => string;
  titleOf: (requestId: string) => string;
}): MinutesCard {
  const { meeting, state, nameOf, titleOf } = input;
  const when = (at: number) => formatDateTime(at, intlLocale());
  const none = [t('print.none')];
  const attendance = shownParties.flatMap((p) => {
    const names = state.attendees
      .filter((a) => a.party === p)
      .map((a) => ('memberId' in a ? nameOf(a.memberId) : a.name));
    return names.length ? [`${t(`party.${p}` as MessageKey)}：${names.join(t('minutes.listSeparator'))}`] : [];
  });
  const counts = decisionCounts(state);
  const decisions = state.decisions.map((d) => {
    const about = d.requestId ? `${titleOf(d.requestId)}：` : '';
    const tally = d.tally ? `（${tallyText(d.tally)}）` : '';
    const assembly = d.assembly ? ` ${assemblyResultText(d.assembly)}` : '';
    // Two decisions on one request (two phones offline) are marked on the shared card as on paper.
    const n = d.requestId ? (counts.get(d.requestId) ?? 0) : 0;
    const conflict = n > 1 ? ` ${t('print.decisionConflict', { n })}` : '';
    // One another was upheld over (以这条为准) says so in words: an image cannot strike it through.
    const superseded = d.supersededBy ? t('minutes.supersededAside') : '';
    return `${about}${d.text}${tally}${assembly}${conflict}${superseded}`;
  });
  const actions = state.actionItems.map(
    (a) =>
      `${a.text}——${t('minutes.actionOwner', { owner: ownerText(a.owner, nameOf), date: formatDay(a.deadline, intlLocale()) })}`,
  );
  const signatures = state.signingParties.map((p) => {
    const s = state.signOffs[p];
    const who = s ? t('minutes.signedBy', { name: nameOf(s.by), time: when(s.at) }) : t('minutes.notSigned');
    return `${t(`party.${p}` as MessageKey)} ${who}`;
  });
  const list = (heading: string, lines: string[]): CardSection => ({ heading, lines: lines.length ? lines : none });
  return {
    title: t('print.heading', {
      name: meeting?.title ?? t(`meetingKind.${meeting?.kind ?? 'council'}` as MessageKey),
    }),
    subtitle: meeting ? `${when(meeting.startsAt)} · ${meeting.place}` : '',
    sections: [
      list(t('print.attendance', { n: state.attendees.length }), attendance),
      list(
        t('print.items'),
        itemsInTopicOrder(state.items, input.order).map((i) => titleOf(i.requestId)),
      ),
      list(t('print.decisions'), decisions),
      list(t('print.actions'), actions),
      { heading: t('print.notes'), lines: [], text: input.notes.trim() || t('print.none'), more: t('share.notesMore') },
      list(t('print.signatures'), signatures),
    ],
    hashLabel: t('print.hashLabel'),
    hash: groupHash(input.hash),
    verifyUrl: input.verifyUrl,
    footer: t('share.footer'),
  };
}
