import { type Accessor, createMemo, createSignal } from 'solid-js';
import { parseArea } from '../../../shared/area.ts';
import type { AssemblyMatter, AssemblyTally } from '../../../shared/events/meeting.ts';
import { type AssemblyVote, countVotes, type VotingOwner } from '../../../shared/folds/assemblyTally.ts';

/** Votes owner by owner, or the four totals counted on paper. */
export type AssemblyTallyMode = 'owners' | 'totals';
export const totalFields = ['areaFor', 'areaAgainst', 'ownersFor', 'ownersAgainst'] as const;
export type TotalField = (typeof totalFields)[number];

const emptyTotals = (): Record<TotalField, string> => ({
  areaFor: '',
  areaAgainst: '',
  ownersFor: '',
  ownersAgainst: '',
});

/** An area as typed, where "0" (nobody for) is allowed; undefined if it is not one. */
const areaOf = (text: string) => (/^\s*0+(?:\.0*)?\s*$/.test(text) ? 0 : parseArea(text));
const countOf = (text: string) => (/^\s*\d{1,6}\s*$/.test(text) ? Number(text) : undefined);

/**
 * What the committee is entering as an owners' assembly's count: the matter class, and per-owner
 * votes or totals. `value` is the count, 'invalid' when the totals cannot be one, undefined when nothing is entered.
 */
export function createAssemblyDraft(owners: Accessor<readonly VotingOwner[]>) {
  const [matter, setMatter] = createSignal<AssemblyMatter>('ordinary');
  const [mode, setMode] = createSignal<AssemblyTallyMode>('owners');
  const [votes, setVotes] = createSignal<Record<string, AssemblyVote>>({});
  const [totals, setTotals] = createSignal(emptyTotals());
  const takingPart = createMemo(() => countVotes(owners(), {}, matter()));
  const value = createMemo((): AssemblyTally | 'invalid' | undefined => {
    if (mode() === 'owners')
      return Object.keys(votes()).length > 0 ? countVotes(owners(), votes(), matter()) : undefined;
    const typed = totals();
    if (totalFields.every((f) => typed[f].trim() === '')) return undefined;
    const areaFor = areaOf(typed.areaFor || '0');
    const areaAgainst = areaOf(typed.areaAgainst || '0');
    const ownersFor = countOf(typed.ownersFor || '0');
    const ownersAgainst = countOf(typed.ownersAgainst || '0');
    if (areaFor === undefined || areaAgainst === undefined || ownersFor === undefined || ownersAgainst === undefined)
      return 'invalid';
    const all = takingPart();
    if (areaFor + areaAgainst > all.areaTakingPart || ownersFor + ownersAgainst > all.ownersTakingPart)
      return 'invalid';
    return { ...all, areaFor, areaAgainst, ownersFor, ownersAgainst };
  });
  return {
    matter,
    setMatter,
    mode,
    setMode,
    votes,
    /** Tapping the vote an owner already has takes it back. */
    vote: (key: string, choice: AssemblyVote) => {
      const { [key]: held, ...rest } = votes();
      setVotes(held === choice ? rest : { ...rest, [key]: choice });
    },
    totals,
    setTotal: (field: TotalField, text: string) => setTotals({ ...totals(), [field]: text }),
    takingPart,
    value,
    reset: () => {
      setVotes({});
      setTotals(emptyTotals());
    },
  };
}

export type AssemblyDraft = ReturnType<typeof createAssemblyDraft>;
