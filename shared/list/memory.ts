import { viCollator } from '../text/collation';
import type { ListParams, Page } from './params';

/**
 * Sorts and slices records already read from a bounded key range (units of one area,
 * accounts). Text compares in Vietnamese order; missing values sort last.
 */
export const pageInMemory = <T extends Record<string, unknown>>(
  records: T[],
  params: ListParams,
): Page<T> => {
  const { field, order } = params.sort;
  const direction = order === 'ASC' ? 1 : -1;
  const sorted = [...records].sort((a, b) => {
    const x = a[field];
    const y = b[field];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const compared =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : viCollator.compare(String(x), String(y));

    return compared * direction;
  });

  return {
    records: sorted.slice(params.range.start, params.range.end + 1),
    total: sorted.length,
    start: params.range.start,
  };
};
