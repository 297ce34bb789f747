import * as v from 'valibot';
import { type AgendaFirstScreenBody, AgendaFirstScreenSchema } from '../../shared/api/firstScreen.ts';
import { apiFetch } from './apiFetch.ts';

/**
 * The agenda's first screen from the relay, for a phone that holds nothing of the compound yet
 * (docs/PROTOCOL.md). A few kB where the whole public document is megabytes on a first join;
 * undefined when the relay has none to give (204), answers anything else, or cannot be reached:
 * the agenda then waits for the phone's own copy, as it always did.
 */
export async function fetchFirstScreen(
  compoundId: string,
  memberId: string,
  token: string,
): Promise<AgendaFirstScreenBody | undefined> {
  try {
    const res = await apiFetch('GET', `/api/compounds/${encodeURIComponent(compoundId)}/agenda/first-screen`, {
      token,
      timeoutMs: 15_000,
    });
    if (res.status !== 200) return undefined;
    const parsed = v.safeParse(AgendaFirstScreenSchema, await res.json());
    return parsed.success && parsed.output.memberId === memberId ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}
