import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ictDate, ictMonth } from './ict';
import {
  addDays,
  addMonths,
  addMonthsClamped,
  daysBetween,
  daysInMonth,
  isDay,
  isMonth,
  lastDayOf,
} from './days';

describe('calendar days and months', () => {
  test('months have 28, 29, 30 and 31 days; 2000 is a leap year, 2100 is not', () => {
    assert.deepEqual(
      ['2026-02', '2028-02', '2026-11', '2026-12', '2000-02', '2100-02'].map(daysInMonth),
      [28, 29, 30, 31, 29, 28],
    );
    assert.equal(lastDayOf('2024-02'), '2024-02-29');
  });

  test('the same day months later, or the last day of that month when it does not exist', () => {
    assert.equal(addMonthsClamped('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonthsClamped('2024-02-29', 48), '2028-02-29');
    assert.equal(addMonthsClamped('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonthsClamped('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonthsClamped('2025-03-31', 1), '2025-04-30');
    assert.equal(addMonthsClamped('2025-11-16', 12), '2026-11-16');
    assert.equal(addMonths('2026-12', 1), '2027-01');
    assert.equal(addMonths('2026-01', -1), '2025-12');
  });

  test('day arithmetic crosses months and years', () => {
    assert.equal(addDays('2026-12-01', 30), '2026-12-31');
    assert.equal(addDays('2026-12-15', 30), '2027-01-14');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(daysBetween('2026-12-31', '2027-03-31'), 90);
    assert.equal(daysBetween('2027-01-01', '2026-12-31'), -1);
  });

  test('only real days and months are accepted', () => {
    assert.equal(isDay('2026-02-29'), false);
    assert.equal(isDay('2028-02-29'), true);
    assert.equal(isDay('2026-04-31'), false);
    assert.equal(isDay('26-04-01'), false);
    assert.equal(isMonth('2026-13'), false);
    assert.equal(isMonth('2026-11'), true);
  });

  test('Vietnam days and months do not depend on the server TZ', () => {
    // 17:15 UTC on 30 November is 00:15 on 1 December in Vietnam.
    assert.equal(ictDate('2026-11-30T17:15:00Z'), '2026-12-01');
    assert.equal(ictMonth('2026-11-30T16:59:59Z'), '2026-11');
  });
});
