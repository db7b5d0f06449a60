/**
 * The demo billing of `npm start` (infra/local/seed/billing.ts): after seeding, the finance views
 * have something to show, and the demo obeys the billing rules it is made through.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type LocalStack, startLocalStack } from '../../infra/local/stack';
import { seedDemoBilling } from '../../infra/local/seed/billing';
import type { Invoice } from '../../shared/billing/fields';
import { listInvoices } from '../../shared/billing/invoice-store';
import { readSequence } from '../../shared/billing/ledger-items';
import { ageing, freePeriods } from '../../shared/billing/reports';
import { accountStatement } from '../../shared/billing/statement';
import { addMonths } from '../../shared/time/days';
import { ictDate, ictMonth } from '../../shared/time/ict';

let stack: LocalStack;
let invoices: Invoice[];
/** The year of the last month billed: the demo bills up to the month that ended last. */
const year = addMonths(ictMonth(new Date()), -1).slice(0, 4);

before(async () => {
  stack = await startLocalStack({
    port: 0,
    seedPerUnit: 0,
    tableName: 'nguon-test',
    demoBilling: true,
  });
  invoices = (
    await listInvoices(stack.db, {
      sort: { field: 'number', order: 'ASC' },
      range: { start: 0, end: 999 },
      filter: { year },
    })
  ).records;
});

after(async () => {
  await stack?.stop();
});

describe('demo billing', () => {
  test('plans, invoices and payments were seeded once', async () => {
    const seeded = stack.demoBilling;
    assert.ok(seeded && seeded.plans >= 30 && seeded.invoices > 0 && seeded.payments > 0);
    assert.equal(await seedDemoBilling(stack.db), undefined, 'a second seed does nothing');
  });

  test('numbers of the year run without gaps; a voided invoice has its replacement', async () => {
    assert.equal(invoices.length, await readSequence(stack.db, year));
    invoices.forEach((invoice, i) =>
      assert.equal(invoice.number, `NG-${year}-${String(i + 1).padStart(6, '0')}`),
    );
    const voided = invoices.filter((invoice) => invoice.status === 'void');
    assert.ok(voided.length <= 1);
    for (const invoice of voided) {
      assert.ok(invoices.some((other) => other.replaces === invoice.number));
    }
  });

  test('the finance views show paid, partly paid and overdue invoices, credit and free years', async () => {
    const statuses = new Set(invoices.map((invoice) => invoice.status));
    for (const status of ['paid', 'issued']) assert.ok(statuses.has(status as never), status);
    const report = await ageing(stack.db, ictDate(new Date()));
    assert.ok(report.totals.over90 > 0, JSON.stringify(report.totals));
    assert.ok(report.totals.notDue > 0, JSON.stringify(report.totals));
    assert.ok((await freePeriods(stack.db, ictDate(new Date()))).length > 0);
    assert.ok(
      invoices.some((invoice) => invoice.creditApplied > 0),
      'an overpayment was used',
    );
    for (const accountId of new Set(invoices.map((invoice) => invoice.accountId))) {
      const statement = await accountStatement(stack.db, accountId, {});
      assert.equal(statement.closingBalance, statement.outstanding - statement.credit, accountId);
    }
  });
});
