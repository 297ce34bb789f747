import { TestLog } from './TestLog.ts';

/** A log holding one household the community registered (h1, 王奶奶家, weekly, visited by own1). */
export function careHousehold(): TestLog {
  const log = new TestLog();
  log.add(
    'care.household.registered',
    'comm1',
    { label: '王奶奶家', building: '3号楼', reasonCategory: 'elderly-alone', cadence: 'weekly', visitorId: 'own1' },
    'h1',
  );
  return log;
}
