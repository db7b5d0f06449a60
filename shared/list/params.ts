import { ValidationError } from '../errors';
import type { ResourceDef } from '../resources/types';

/** A list request in the ra-data-simple-rest form, checked. */
export interface ListParams {
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** Inclusive bounds, as in `Content-Range`. */
  range: { start: number; end: number };
  filter: Record<string, unknown>;
}

export const MAX_PAGE = 1000;

const parseJson = (raw: string, name: string): unknown => {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError(
      `Tham số ${name} không phải JSON hợp lệ`,
      { [name]: 'JSON không hợp lệ' },
      'list.bad_param',
    );
  }
};

export const parseListParams = (
  query: Record<string, string | undefined>,
  resource: ResourceDef,
): ListParams => {
  let sort = resource.defaultSort;
  if (query.sort) {
    const value = parseJson(query.sort, 'sort');
    if (
      !Array.isArray(value) ||
      value.length !== 2 ||
      typeof value[0] !== 'string' ||
      (value[1] !== 'ASC' && value[1] !== 'DESC')
    ) {
      throw new ValidationError(
        'Tham số sort phải có dạng ["trường","ASC"|"DESC"]',
        { sort: 'Không hợp lệ' },
        'list.bad_param',
      );
    }
    // react-admin asks for `id` order when a view names none; the resource's own order stands in.
    const field = value[0] === 'id' ? resource.defaultSort.field : value[0];
    if (!resource.sortableFields.includes(field)) {
      throw new ValidationError(
        `Không thể sắp xếp theo "${value[0]}"; chỉ sắp xếp được theo: ${resource.sortableFields.join(', ')}`,
        { sort: 'Trường không sắp xếp được' },
        'list.unsortable',
      );
    }
    sort = { field, order: value[1] };
  }

  let range = { start: 0, end: 24 };
  if (query.range) {
    const value = parseJson(query.range, 'range');
    const valid =
      Array.isArray(value) &&
      value.length === 2 &&
      value.every((n) => Number.isInteger(n) && n >= 0) &&
      value[1] >= value[0];
    if (!valid) {
      throw new ValidationError(
        'Tham số range phải có dạng [đầu, cuối] với 0 ≤ đầu ≤ cuối',
        { range: 'Không hợp lệ' },
        'list.bad_param',
      );
    }
    if (value[1] - value[0] + 1 > MAX_PAGE) {
      throw new ValidationError(
        `Mỗi trang tối đa ${MAX_PAGE} bản ghi`,
        { range: 'Trang quá lớn' },
        'list.page_too_large',
      );
    }
    range = { start: value[0], end: value[1] };
  }

  let filter: Record<string, unknown> = {};
  if (query.filter) {
    const value = parseJson(query.filter, 'filter');
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ValidationError(
        'Tham số filter phải là một đối tượng JSON',
        { filter: 'Không hợp lệ' },
        'list.bad_param',
      );
    }
    filter = value as Record<string, unknown>;
  }

  return { sort, range, filter };
};

/** Rejects filter keys the resource does not offer, naming them. */
export const checkFilterKeys = (filter: Record<string, unknown>, allowed: string[]): void => {
  const unknown = Object.keys(filter).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Bộ lọc không hỗ trợ: ${unknown.join(', ')}`,
      Object.fromEntries(unknown.map((key) => [key, 'Bộ lọc không hỗ trợ'])),
      'list.unknown_filter',
    );
  }
};

/** A filter value as a list of strings: one value, or an array of values. */
export const filterValues = (value: unknown, name: string): string[] | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new ValidationError(
      `Bộ lọc ${name} không hợp lệ`,
      { [name]: 'Không hợp lệ' },
      'list.bad_filter',
    );
  }

  return list.map(String);
};

export interface Page<T> {
  records: T[];
  total: number;
  start: number;
}
