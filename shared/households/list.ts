import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { householdPathKey, PLATFORM } from '../db/keys';
import { pathIndexName, pathKeyAttr } from '../db/table';
import { ValidationError } from '../errors';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { normalizePhone } from '../phone/phone';
import { queryWords } from '../text/fold';
import { type Principal, scopeOf } from '../auth/principal';
import { isUnder, pathIds } from '../units/fields';
import { getStoredUnit } from '../units/store';
import { householdCounts } from './counters';
import {
  COMPLETE_AT,
  FEE_CLASSES,
  type Household,
  HOUSEHOLD_KINDS,
  HOUSEHOLD_STATUSES,
  INCOMPLETE_BELOW,
} from './fields';

const SORTING_STATES = ['yes', 'no', 'unknown'] as const;
import { getHouseholds } from './store';

export const HOUSEHOLD_FILTERS = [
  'q',
  'id',
  'unitId',
  'hamletId',
  'kind',
  'feeClass',
  'sorting',
  'status',
  'completeness',
];

interface Expression {
  conditions: string[];
  values: Record<string, unknown>;
  names: Record<string, string>;
}

/** A choice filter; a value the field never takes is a mistake worth naming, not an empty list. */
const inList = (
  expr: Expression,
  attribute: string,
  values: string[] | undefined,
  allowed: readonly string[],
  filterName = attribute,
): void => {
  if (!values) return;
  const wrong = values.filter((value) => !allowed.includes(value));
  if (wrong.length > 0) {
    throw new ValidationError(
      `Bộ lọc ${filterName} không nhận giá trị ${wrong.join(', ')}; chọn một trong: ${allowed.join(', ')}`,
      { [filterName]: 'Giá trị không hợp lệ' },
      'list.bad_filter',
    );
  }
  const placeholders = values.map((value, i) => {
    const name = `:${attribute}${i}`;
    expr.values[name] = value;

    return name;
  });
  expr.names[`#${attribute}`] = attribute;
  expr.conditions.push(`#${attribute} IN (${placeholders.join(', ')})`);
};

/** Search words: a phone typed with spaces or +84 counts as one word, its national form. */
const searchWords = (q: string): string[] => {
  const phone = /^[\d\s.+()-]+$/.test(q) ? normalizePhone(q) : undefined;

  return phone?.ok ? [phone.phone] : queryWords(q);
};

/** The completeness bands as conditions; each binds only the values it uses. */
const BAND_CONDITIONS: Record<string, { expression: string; values: Record<string, number> }> = {
  complete: { expression: '#completeness >= :complete', values: { ':complete': COMPLETE_AT } },
  partial: {
    expression: '#completeness BETWEEN :incomplete AND :partialTop',
    values: { ':incomplete': INCOMPLETE_BELOW, ':partialTop': COMPLETE_AT - 1 },
  },
  incomplete: {
    expression: '#completeness < :incomplete',
    values: { ':incomplete': INCOMPLETE_BELOW },
  },
};

const filterExpression = (filter: Record<string, unknown>): Expression => {
  const expr: Expression = { conditions: [], values: {}, names: {} };
  inList(expr, 'kind', filterValues(filter.kind, 'kind'), HOUSEHOLD_KINDS);
  inList(expr, 'feeClass', filterValues(filter.feeClass, 'feeClass'), FEE_CLASSES);
  inList(expr, 'status', filterValues(filter.status, 'status'), HOUSEHOLD_STATUSES);
  inList(expr, 'sortingState', filterValues(filter.sorting, 'sorting'), SORTING_STATES, 'sorting');

  const bands = filterValues(filter.completeness, 'completeness');
  if (bands) {
    const parts = bands.map((band) => {
      const condition = BAND_CONDITIONS[band];
      if (!condition) {
        throw new ValidationError(
          'Mức đầy đủ không hợp lệ',
          { completeness: 'Không hợp lệ' },
          'list.bad_filter',
        );
      }
      Object.assign(expr.values, condition.values);

      return condition.expression;
    });
    expr.names['#completeness'] = 'completeness';
    expr.conditions.push(parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`);
  }

  if (typeof filter.q === 'string' && filter.q.trim()) {
    searchWords(filter.q).forEach((word, i) => {
      expr.values[`:q${i}`] = ` ${word}`;
      expr.names['#search'] = 'search';
      expr.conditions.push(`contains(#search, :q${i})`);
    });
  }

  return expr;
};

const scopeUnitIdOf = (scope: string): string | undefined => pathIds(scope).at(-1);

/** A list is read from one unit's key range, so a unit filter takes one value. */
const singleValue = (value: unknown, name: string): string | undefined => {
  const values = filterValues(value, name);
  if (values && values.length > 1) {
    throw new ValidationError(
      `Bộ lọc ${name} chỉ nhận một giá trị`,
      { [name]: 'Chỉ một giá trị' },
      'list.bad_filter',
    );
  }

  return values?.[0];
};

const emptyPage = (params: ListParams): Page<Household> => ({
  records: [],
  total: 0,
  start: params.range.start,
});

/**
 * One page of the register in Vietnamese name order, from the path-level index of the unit
 * asked for (the whole platform when none). Without filters the total is the unit's counter and
 * the query stops at the page's end; with filters one pass over the unit's key range both
 * counts the matches and collects the page. Full records are then read by key.
 */
export const listHouseholds = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<Household>> => {
  const { filter, range } = params;
  checkFilterKeys(filter, HOUSEHOLD_FILTERS);

  const ids = filterValues(filter.id, 'id');
  if (ids) {
    const records = await getHouseholds(db, [...new Set(ids)], caller);

    return { records, total: records.length, start: 0 };
  }

  // The list starts at the unit asked for, or at the caller's own area; units outside that
  // area answer with nothing, as if they did not exist.
  const scope = scopeOf(caller);
  const unitId = singleValue(filter.unitId, 'unitId');
  const hamletId = singleValue(filter.hamletId, 'hamletId');
  const askedId = hamletId ?? unitId ?? scopeUnitIdOf(scope);
  let anchorId = PLATFORM;
  let level = 0;
  if (askedId) {
    const anchor = await getStoredUnit(db, askedId);
    if (!anchor || !isUnder(anchor.unitPath, scope)) return emptyPage(params);
    if (hamletId && unitId && anchor.parentId !== unitId) return emptyPage(params);
    anchorId = anchor.id;
    level = pathIds(anchor.unitPath).length;
  }

  const expr = filterExpression(filter);
  const filtered = expr.conditions.length > 0;
  const wanted = range.end + 1;
  const keysInOrder: string[] = [];
  let matches = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: pathIndexName(level),
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': pathKeyAttr(level), ...expr.names },
        ExpressionAttributeValues: { ':p': householdPathKey(anchorId), ...expr.values },
        ...(filtered ? { FilterExpression: expr.conditions.join(' AND ') } : {}),
        ProjectionExpression: 'pk',
        ScanIndexForward: params.sort.order === 'ASC',
        ExclusiveStartKey: start,
        ...(filtered ? {} : { Limit: wanted - matches }),
      }),
    );
    for (const item of result.Items ?? []) {
      if (matches >= range.start && matches <= range.end) keysInOrder.push(String(item.pk));
      matches += 1;
    }
    start = result.LastEvaluatedKey;
  } while (start && (filtered || matches < wanted));

  const total = filtered
    ? matches
    : ((await householdCounts(db, [anchorId])).get(anchorId)?.total ?? 0);
  const records = await getHouseholds(
    db,
    keysInOrder.map((pk) => pk.slice('HOUSEHOLD#'.length)),
    caller,
  );

  return { records, total, start: range.start };
};
