import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ictDate, ictDayStart, ictMonth, ictMonthRange, monthsBetween, parseInstant } from './ict';

describe('Vietnam time', () => {
  test('23:30 on 31 March ICT is March; 00:30 on 1 April ICT is April, though both are 31 March in UTC', () => {
    assert.equal(ictMonth('2025-03-31T16:30:00.000Z'), '2025-03');
    assert.equal(ictMonth('2025-03-31T17:30:00.000Z'), '2025-04');
    assert.equal(ictDate('2025-03-31T17:30:00.000Z'), '2025-04-01');
  });

  test('a month covers its Vietnam days: from 17:00 UTC the day before the 1st', () => {
    assert.deepEqual(ictMonthRange('2025-03'), {
      from: '2025-02-28T17:00:00.000Z',
      to: '2025-03-31T17:00:00.000Z',
    });
    assert.equal(ictDayStart('2025-01-01'), '2024-12-31T17:00:00.000Z');
    assert.deepEqual(monthsBetween('2024-11', '2025-02'), [
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });

  test('an instant with a zone is taken as given; without one it is Vietnam time', () => {
    assert.equal(parseInstant('2025-03-31T23:30:00+07:00'), '2025-03-31T16:30:00.000Z');
    assert.equal(parseInstant('2025-03-31T16:30:00Z'), '2025-03-31T16:30:00.000Z');
    assert.equal(parseInstant('2025-03-31T23:30'), '2025-03-31T16:30:00.000Z');
    assert.equal(parseInstant('31/03/2025 23:30'), '2025-03-31T16:30:00.000Z');
    assert.equal(parseInstant('1/4/2025 0:30'), '2025-03-31T17:30:00.000Z');
    assert.equal(parseInstant('31/03/2025'), '2025-03-30T17:00:00.000Z');
    assert.equal(parseInstant('2025-03-31T23:30:00.250-05:00'), '2025-04-01T04:30:00.250Z');
  });

  test('impossible dates and times, and other text, are not instants', () => {
    for (const text of ['31/02/2025', '2025-13-01', '2025-03-31T24:10', 'hôm qua', '', '12345']) {
      assert.equal(parseInstant(text), undefined, text);
    }
  });
});
