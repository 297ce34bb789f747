import { type Accessor, createMemo } from 'solid-js';
import type { AssemblyTally } from '../../shared/events/meeting.ts';
import { assemblyOutcome } from '../../shared/folds/assemblyTally.ts';
import { useMeetingMinutes } from './useMeetingMinutes.ts';
import { usePublicView } from './usePublicView.ts';

/** An owners' assembly decision with its 双过半 count, as its meeting's minutes hold it. */
export interface AssemblyDecision {
  meetingId: string;
  decisionId: string;
  text: string;
  at: number;
  tally: AssemblyTally;
  passed: boolean;
}

/** Every decision of the owners' assemblies held (not cancelled) with a 双过半 count, newest first. */
export function useAssemblyDecisions(): Accessor<AssemblyDecision[]> {
  const view = usePublicView();
  const ids = createMemo(
    () =>
      Object.values(view().compound.meetings.meetings)
        .filter((m) => m.kind === 'owners-assembly' && m.status !== 'cancelled')
        .map((m) => m.meetingId)
        .sort(),
    [],
    { equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]) },
  );
  const minutes = useMeetingMinutes(ids);
  return createMemo(() =>
    minutes()
      .flatMap((m) =>
        m.state().decisions.flatMap((d) =>
          d.assembly && !d.supersededBy
            ? [
                {
                  meetingId: m.meetingId,
                  decisionId: d.eventId,
                  text: d.text,
                  at: d.at,
                  tally: d.assembly,
                  passed: assemblyOutcome(d.assembly).passed,
                },
              ]
            : [],
        ),
      )
      .sort((a, b) => b.at - a.at),
  );
}
