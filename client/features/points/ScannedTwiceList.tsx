import { For, Show } from 'solid-js';
import type { PointsEntry } from '../../../shared/folds/index.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePoints, useScannedTwice } from '../../domain/usePoints.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { ConflictItem, ConflictNote } from '../../ui/ConflictNote.tsx';

/**
 * Codes scanned at two counters at once (one offline): the points and the stock moved once, but
 * both counters may have handed the goods over, so the committee counts the shelf.
 */
export function ScannedTwiceList() {
  const list = useScannedTwice();
  const points = usePoints();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const what = (scan: PointsEntry) =>
    scan.delta !== 0
      ? t('points.scanCounted', { who: nameOf(scan.by), n: -scan.delta })
      : t('points.scanNotCounted', { who: nameOf(scan.by) });
  return (
    <Show when={list().length > 0}>
      <section class="section" aria-labelledby="scanned-twice-heading" data-testid="scanned-twice">
        <h2 id="scanned-twice-heading" class="turns-heading">
          {t('points.scannedTwice')}
        </h2>
        <For each={list()}>
          {(x) => (
            <ConflictNote
              testid="scanned-twice-code"
              text={t('points.scannedTwiceNote', {
                name: nameOf(x.memberId),
                goods: points().goods[x.goodsId ?? '']?.name ?? '',
                n: x.quantity,
              })}
            >
              <For each={x.scans}>
                {(scan) => (
                  <ConflictItem who={formatDateTime(scan.at, intlLocale())}>
                    <p data-testid="scanned-twice-scan">{what(scan)}</p>
                  </ConflictItem>
                )}
              </For>
              <p class="muted" data-testid="scanned-twice-count-hint">
                {t('points.scannedTwiceCount', { goods: points().goods[x.goodsId ?? '']?.name ?? '' })}
              </p>
            </ConflictNote>
          )}
        </For>
      </section>
    </Show>
  );
}
