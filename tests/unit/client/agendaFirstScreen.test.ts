import { describe, expect, it } from 'vitest';
import {
  type AgendaFirstScreen,
  readAgendaFirstScreen,
  saveAgendaFirstScreen,
} from '../../../client/domain/agendaFirstScreen.ts';
import { compoundKey, forgetCompoundKeys } from '../../../client/sync/localKeys.ts';
import { foldEvents, listedRequest } from '../../../shared/folds/index.ts';
import { generateCompound } from '../../../shared/sample/generate.ts';
import { MemoryStorage, useMemoryStorage } from './support/memoryStorage.ts';

const sample = generateCompound({ seed: 3, scale: 'demo' });
const requests = Object.values(foldEvents(sample.publicEvents).agenda.requests).slice(0, 8);
const screen: AgendaFirstScreen = {
  memberId: 'm1',
  savedAt: Date.parse('2026-12-01T02:00:00Z'),
  counts: { open: 40, mine: 3, overdue: 2, all: 116 },
  turnTotals: { community: 4, owners: 20, property: 9 },
  cards: requests.map(listedRequest),
  names: { m1: '张书记' },
};

describe('the agenda first screen a phone keeps', () => {
  useMemoryStorage();

  it('reads back what it kept, for the member who kept it only', () => {
    expect(saveAgendaFirstScreen('c1', screen)).toBe(true);
    expect(readAgendaFirstScreen('c1', 'm1')).toEqual(screen);
    expect(readAgendaFirstScreen('c1', 'm2')).toBeUndefined();
    expect(readAgendaFirstScreen('c2', 'm1')).toBeUndefined();
  });

  it('drops what it cannot read rather than show it', () => {
    const k = compoundKey('first-screen', 'c1', 'agenda');
    for (const bad of [
      '{not json',
      JSON.stringify({ ...screen, v: 2 }),
      JSON.stringify({ v: 1, ...screen, counts: { ...screen.counts, open: -1 } }),
      JSON.stringify({ v: 1, ...screen, cards: [{ ...screen.cards[0], stage: 'lost' }] }),
    ]) {
      localStorage.setItem(k, bad);
      expect(readAgendaFirstScreen('c1', 'm1')).toBeUndefined();
      expect(localStorage.getItem(k)).toBeNull();
    }
  });

  it('says when the phone refused to keep it, and throws nothing', () => {
    globalThis.localStorage = new MemoryStorage(100);
    expect(saveAgendaFirstScreen('c1', screen)).toBe(false);
    expect(readAgendaFirstScreen('c1', 'm1')).toBeUndefined();
  });

  it('goes with its compound when the compound leaves the phone, and only then', () => {
    saveAgendaFirstScreen('c1', screen);
    saveAgendaFirstScreen('c2', screen);
    localStorage.setItem(compoundKey('minutes-late', 'c1', 'meeting-9'), '{}');
    localStorage.setItem('little-stool:clock', '0');
    forgetCompoundKeys('c1');
    expect(readAgendaFirstScreen('c1', 'm1')).toBeUndefined();
    expect(localStorage.getItem(compoundKey('minutes-late', 'c1', 'meeting-9'))).toBeNull();
    expect(readAgendaFirstScreen('c2', 'm1')).toEqual(screen);
    expect(localStorage.getItem('little-stool:clock')).toBe('0');
  });
});
