import { parseDocName } from '../../shared/rooms.ts';
import { type MessageKey, t } from './index.ts';

/** A document as the member knows it: 公开议事, 三方内部资料, 会议纪要... (an unknown name as it is). */
export function docLabel(name: string): string {
  const kind = parseDocName(name)?.kind;
  return kind ? t(`doc.${kind}` as MessageKey) : name;
}
