import { orderTopics, type TopicOrder } from '../../../shared/folds/index.ts';

/** Requests taken up, in the committee's topic order; any the order does not name follow, by time. */
export function itemsInTopicOrder<T extends { requestId: string }>(items: readonly T[], order: TopicOrder | null): T[] {
  return orderTopics(
    items.map((item) => ({ id: item.requestId, item })),
    order,
  ).map((x) => x.item);
}
