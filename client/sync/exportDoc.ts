import * as Y from 'yjs';

/** A document's local copy as files the member can keep: the raw Yjs state and its events as JSON. */
export interface ExportedCopy {
  binName: string;
  jsonName: string;
  bin: Blob;
  json: Blob;
  eventCount: number;
  download(): void;
}

export function exportCopy(doc: Y.Doc, compoundId: string, docName: string): ExportedCopy {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const base = `little-stool-${compoundId}-${docName}-${stamp}`;
  const events = doc.getArray('events').toJSON();
  const notes = doc.share.has('notes') ? doc.getText('notes').toString() : undefined;
  const bin = new Blob([Y.encodeStateAsUpdate(doc) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const json = new Blob([JSON.stringify({ compoundId, docName, exportedAt: Date.now(), events, notes }, null, 2)], {
    type: 'application/json',
  });
  const copy: ExportedCopy = {
    binName: `${base}.bin`,
    jsonName: `${base}.json`,
    bin,
    json,
    eventCount: events.length,
    download() {
      saveBlob(bin, copy.binName);
      saveBlob(json, copy.jsonName);
    },
  };
  return copy;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
