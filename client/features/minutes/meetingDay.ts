import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';

/**
 * True before the meeting's day (Asia/Shanghai): the minutes are neither signed in to nor signed off
 * until then, so attendance (which earns points) and signatures are not dated to a meeting not yet held.
 */
export function beforeMeetingDay(startsAt: number): boolean {
  return shanghaiDay(now()) < shanghaiDay(startsAt);
}
