/** A path inside one compound: `compoundPath(id, 'agenda', requestId)` is `/c/<id>/agenda/<requestId>`. */
export function compoundPath(compoundId: string, ...parts: string[]): string {
  return [`/c/${encodeURIComponent(compoundId)}`, ...parts].join('/');
}
