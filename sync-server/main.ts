import { readConfig } from './config.ts';
import { createDemoCompound } from './demo.ts';
import { releaseMemory } from './releaseMemory.ts';
import { startServer } from './server.ts';

const config = readConfig();
const server = await startServer(config);
console.log(`小板凳议事 Little Stool listening on ${server.url}`);
server.relay.onIdle = releaseMemory();
if (config.demo) {
  const demo = await createDemoCompound(server.services);
  console.log(`demo compound ready: open ${server.url}/join/${demo.inviteCode}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
