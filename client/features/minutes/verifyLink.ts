/** The path a printed copy's QR opens: the verify page of this meeting, the hash after the '#'. */
export function verifyPath(compoundId: string, meetingId: string, hash: string): string {
  return `/verify/minutes/${encodeURIComponent(compoundId)}/${encodeURIComponent(meetingId)}#${hash}`;
}
