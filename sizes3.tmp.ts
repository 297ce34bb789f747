import { deflateRawSync } from 'node:zlib';
import * as Y from 'yjs';
import { generateCompound } from './shared/sample/generate.ts';
const s = generateCompound({ seed: 5, scale: 'five-years', founderName: 'x' });
const d = new Y.Doc(); d.getArray('events').push([...s.publicEvents]);
const v1 = Y.encodeStateAsUpdate(d);
for (const [wb, ml] of [[15, 8], [15, 4], [14, 6], [13, 6], [12, 5], [11, 4], [10, 3]]) {
  const t = performance.now(); const b = deflateRawSync(v1, { windowBits: wb, memLevel: ml });
  console.log(`wb ${wb} ml ${ml} mem ${((1 << (wb + 2)) + (1 << (ml + 9))) / 1024} KB -> ${b.byteLength} ${Math.round(performance.now() - t)} ms`);
}
