import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { IssuedNumbers } from '../../domain/issuedTickets.ts';

/**
 * The redemption code typed at the counter when its camera cannot read the member's QR (a cracked
 * or dim screen): ten digits, shown 4-3-3. The first three are a random number the member's phone
 * picks (`nonce`), the last seven a check of member, goods and nonce: SHA-256 of the nonce and of
 * each id's own hash, so the counter hashes each id once and each pair in one block. The code is
 * the QR's one-time id (`ticket`) itself: a typed code and a scan of its QR are one redemption.
 *
 * Nothing is written before the counter records the redemption, so the counter's copy holds no
 * ticket to look up: it finds the member and the goods by trying the check against every pair its
 * copy holds (members x goods), and the code works with no network, as the QR does. A mistyped
 * code matches some pair by chance with odds pairs / 10^7 (a few hundred members, tens of goods:
 * about 1 in 1,000); two matches are said as such, never guessed between.
 */
export const SHORT_CODE_DIGITS = 10;
const NONCE_DIGITS = 3;
const NONCES = 10 ** NONCE_DIGITS;
const CHECK_DIGITS = SHORT_CODE_DIGITS - NONCE_DIGITS;
const CHECKS = 10 ** CHECK_DIGITS;
const ID_PART = 16;

/** 16 bytes of an id's hash: what the check of a pair hashes, so the counter hashes each id once. */
function idPart(kind: 'member' | 'goods', id: string): Uint8Array {
  return sha256(utf8ToBytes(`ls-redeem:${kind}:${id}`)).subarray(0, ID_PART);
}

/** One pair's input to the check: member part, goods part, nonce (two bytes); one SHA-256 block. */
class CheckInput {
  readonly bytes = new Uint8Array(2 * ID_PART + 2);
  constructor(nonce: number) {
    this.bytes[2 * ID_PART] = nonce >> 8;
    this.bytes[2 * ID_PART + 1] = nonce & 255;
  }
  member(part: Uint8Array): void {
    this.bytes.set(part, 0);
  }
  goods(part: Uint8Array): void {
    this.bytes.set(part, ID_PART);
  }
  /** The check: 48 bits of the hash (exact in a double; no bias worth the name) modulo 10^7. */
  check(): number {
    const digest = sha256(this.bytes);
    let n = 0;
    for (let i = 0; i < 6; i++) n = n * 256 + (digest[i] as number);
    return n % CHECKS;
  }
}

/** The code of member, goods and a nonce from 0 to 999. */
export function shortCode(memberId: string, goodsId: string, nonce: number): string {
  const input = new CheckInput(nonce);
  input.member(idPart('member', memberId));
  input.goods(idPart('goods', goodsId));
  return String(nonce).padStart(NONCE_DIGITS, '0') + String(input.check()).padStart(CHECK_DIGITS, '0');
}

/** A QR's one-time id: its digits (`digits`), or a random id shown as the QR alone. */
export interface Ticket {
  ticket: string;
  digits: boolean;
}

/**
 * A fresh one-time id for the member's QR of these goods: a code no redemption in the member's
 * copy holds (`used`), since the account counts a ticket once, and whose number this phone never
 * showed (`issued`, which it is added to): a scan not yet in the copy, or the code open in another
 * tab. When all 1,000 numbers are taken, a random id the QR carries without digits, which counters
 * of every version read. `random` is 0 <= r < 1.
 */
export function newTicket(
  memberId: string,
  goodsId: string,
  used: (ticket: string) => boolean,
  issued: IssuedNumbers,
  random: () => number = randomFraction,
): Ticket {
  const start = Math.floor(random() * NONCES);
  for (let i = 0; i < NONCES; i++) {
    const nonce = (start + i) % NONCES;
    if (issued.has(nonce)) continue;
    const code = shortCode(memberId, goodsId, nonce);
    if (used(code)) continue;
    issued.add(nonce);
    return { ticket: code, digits: true };
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return { ticket: `q${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`, digits: false };
}

function randomFraction(): number {
  return (crypto.getRandomValues(new Uint32Array(1))[0] as number) / 2 ** 32;
}

/** The digits typed, whatever was typed between them (spaces, dashes) and in whichever width (１２３). */
export function typedDigits(typed: string): string {
  return typed.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/\D/g, '');
}

/** The code in its groups, as the member's phone shows it: 4821 937 106. */
export function codeGroups(code: string): string[] {
  return [code.slice(0, 4), code.slice(4, 7), code.slice(7)].filter((g) => g !== '');
}

/** What a typed code names in the counter's copy. */
export type CodeLookup =
  | { kind: 'found'; memberId: string; goodsId: string; ticket: string }
  /** No member and goods of this copy give these digits: mistyped, or not in this copy yet. */
  | { kind: 'unknown' }
  /** Two pairs give them (rare): the member opens the code again, for a fresh one. */
  | { kind: 'ambiguous' };

/** The redemption a code of `SHORT_CODE_DIGITS` digits names among the members and goods of the copy. */
export function findShortCode(code: string, memberIds: Iterable<string>, goodsIds: readonly string[]): CodeLookup {
  if (!/^\d+$/.test(code) || code.length !== SHORT_CODE_DIGITS) return { kind: 'unknown' };
  const input = new CheckInput(Number(code.slice(0, NONCE_DIGITS)));
  const want = Number(code.slice(NONCE_DIGITS));
  const goods = goodsIds.map((id) => ({ id, part: idPart('goods', id) }));
  let found: { memberId: string; goodsId: string } | undefined;
  for (const memberId of memberIds) {
    input.member(idPart('member', memberId));
    for (const g of goods) {
      input.goods(g.part);
      if (input.check() !== want) continue;
      if (found) return { kind: 'ambiguous' };
      found = { memberId, goodsId: g.id };
    }
  }
  return found ? { kind: 'found', ...found, ticket: code } : { kind: 'unknown' };
}
