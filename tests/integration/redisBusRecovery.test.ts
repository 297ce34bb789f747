import { afterEach, describe, expect, it } from 'vitest';
import { RedisBus } from '../../sync-server/bus/RedisBus.ts';
import type { BusListener } from '../../sync-server/relay/types.ts';
import { eventually } from '../helpers/eventually.ts';
import { redisAvailable, startRedis, type TestRedis } from '../helpers/startRedis.ts';

const quiet = () => {};

function listening() {
  const heard = { updates: [] as string[], gaps: 0 };
  const listener: BusListener = {
    update: (u) => heard.updates.push(Buffer.from(u).toString()),
    awareness: quiet,
    gap: () => {
      heard.gaps++;
    },
  };
  return { heard, listener };
}

describe.skipIf(!redisAvailable)('the Redis bus: the rooms it follows, and after Redis went away', () => {
  let redis: TestRedis | undefined;
  let buses: RedisBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.map((b) => b.close()));
    buses = [];
    await redis?.stop();
  });
  const open = (url: string) => {
    const bus = new RedisBus(url, { log: quiet, redis: { retryStrategy: () => 100 } });
    buses.push(bus);
    return bus;
  };

  it('an instance whose reader reconnects to an emptied Redis reads storage for every room it follows', async () => {
    redis = await startRedis();
    const a = open(redis.url);
    const b = open(redis.url);
    const { heard, listener } = listening();
    await eventually(() => b.join('c/public', listener));
    await eventually(() => a.join('c/public', listening().listener));
    a.publish('c/public', 'update', Buffer.from('一'));
    await eventually(() => expect(heard.updates).toEqual(['一']));
    const gaps = heard.gaps;

    await redis.halt('SIGKILL');
    await redis.resume({ empty: true });
    await eventually(() => expect(heard.gaps).toBeGreaterThan(gaps));
    // The streams start again from nothing and still reach the other instance.
    a.publish('c/public', 'update', Buffer.from('二'));
    await eventually(() => expect(heard.updates).toEqual(['一', '二']));
  });

  it('a publish that failed while Redis was down is announced as a skipped number once it is back', async () => {
    redis = await startRedis();
    const a = open(redis.url);
    await eventually(() => a.join('c/public', listening().listener));
    await redis.halt('SIGKILL');
    let failed = false;
    const logging = new RedisBus(redis.url, {
      log: (_level, msg) => {
        if (msg === 'bus publish failed') failed = true;
      },
      // Retries cut short: a command that meets a dead Redis fails at once instead of waiting in a queue.
      redis: { maxRetriesPerRequest: 0, retryStrategy: () => 100 },
    });
    buses.push(logging);
    logging.publish('c/public', 'update', Buffer.from('存了没广播'));
    await eventually(() => expect(failed).toBe(true));
    await redis.resume({ empty: true });
    // Readers know the last number they read; a jump of two tells every one of them to read storage.
    await eventually(async () => {
      const entries = await redis!.client.xrange('ls:{c/public}:u', '-', '+');
      expect(entries.map(([, fields]) => fields)).toContainEqual(['s', '2', 'i', logging.instance]);
    });
  });

  it('a listener that leaves while its join still waits for Redis is not followed after the join', async () => {
    redis = await startRedis();
    const a = open(redis.url);
    const b = open(redis.url);
    await eventually(() => a.join('c/public', listening().listener));
    const gone = listening();
    // A room dropped at once (its phone gone again): the leave comes before Redis answers the join.
    const joining = b.join('c/public', gone.listener);
    b.leave('c/public', gone.listener);
    await joining;
    const stays = listening();
    await b.join('c/public', stays.listener);
    a.publish('c/public', 'update', Buffer.from('后来'));
    await eventually(() => expect(stays.heard.updates).toEqual(['后来']));
    expect(gone.heard.updates).toEqual([]);
  });

  it('word to close a member’s sockets that Redis did not take is sent once it is back, and the other instance hears it', async () => {
    redis = await startRedis();
    const b = open(redis.url);
    const heard: string[] = [];
    b.onDisconnect((memberId, code) => heard.push(`${memberId} ${code}`));
    let failed = false;
    let refused = false;
    const a = new RedisBus(redis.url, {
      log: (_level, msg, fields) => {
        console.log('DBG log', Date.now(), msg, String(fields?.error).slice(0, 60));
        if (msg.startsWith('bus disconnect failed') && fields?.memberId === 'm1') failed = true;
        if (String(fields?.error).includes('ECONNREFUSED')) refused = true;
      },
      redis: { maxRetriesPerRequest: 0, retryStrategy: () => 100 },
    });
    buses.push(a);
    // Both reach Redis, and b reads a's word (once its reader has found its place), before it goes away.
    await eventually(
      () => {
        a.disconnect('m0', 4401, 'revoked');
        expect(heard).toContain('m0 4401');
      },
      { interval: 200 },
    );
    await redis.halt('SIGKILL');
    // Sent once a knows Redis is gone (a command it had already written is sent again by the client).
    await eventually(() => expect(refused).toBe(true));
    console.log('DBG send', Date.now());
    a.disconnect('m1', 4100, 'role changed: committee');
    await eventually(() => expect(failed).toBe(true));
    console.log('DBG resume', Date.now());
    await redis.resume({ empty: true });
    console.log('DBG resumed', Date.now());
    await eventually(() => expect(heard).toContain('m1 4100'));
    console.log('DBG', heard, failed, await redis.client.xrange('ls:control', '-', '+'));
  });

  it('an instance whose reader reconnects hears it may have missed word to close sockets', async () => {
    redis = await startRedis();
    const b = open(redis.url);
    let missed = 0;
    b.onMissed(() => missed++);
    // The first connect counts too: sockets may have been let in before Redis answered.
    await eventually(() => expect(missed).toBe(1));
    await redis.halt('SIGKILL');
    await redis.resume({ empty: true });
    await eventually(() => expect(missed).toBeGreaterThan(1));
  });
});
