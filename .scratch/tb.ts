import * as Y from 'yjs';
const d = new Y.Doc();
const a = d.getArray('events');
d.transact(() => { for (let i = 0; i < 24000; i++) a.push([{ id: 'e' + i, type: 'request.raised', at: Date.now(), by: 'm1', title: 'x'.repeat(40), category: 'lighting' }]); });
const u = Y.encodeStateAsUpdate(d);
console.log(u.byteLength);
for (let k = 0; k < 5; k++) {
let t = performance.now(); const dec = Y.decodeUpdate(u); console.log('decode', performance.now() - t, dec.structs.length);
t = performance.now(); const m = Y.parseUpdateMeta(u); console.log('meta', performance.now() - t, m.to);
}
