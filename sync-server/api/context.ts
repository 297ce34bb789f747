// Only sync-server/demo.ts still imports from here; it moves to ../http.ts with the demo's rewrite.
export type { Services } from '../http.ts';
