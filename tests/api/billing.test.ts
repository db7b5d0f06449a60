/**
 * Billing end to end on DynamoDB Local: proration through the accounts store's status history,
 * partial payment, overpayment carried as credit to the next invoice, void and replace, the
 * statement, the printable invoice and the finance views.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LocalStack } from '../../infra/local/stack';
import { getAccount, updateAccount } from '../../shared/accounts/store';
import type { Invoice } from '../../shared/billing/fields';
import { getInvoice, listInvoices } from '../../shared/billing/invoice-store';
import { recordPayment } from '../../shared/billing/payments';
import { ageing, freePeriods, monthlyTotals } from '../../shared/billing/reports';
import { runBilling } from '../../shared/billing/run';
import { accountStatement } from '../../shared/billing/statement';
import { assertApiError, request } from '../support/api';
import { billedAccount, FINANCE, ict } from '../support/billing';
import { bearer, signIn, startTestStack } from '../support/stack';

let stack: LocalStack;
let finance: string;
let operator: string;

const api = (token: string, method: string, path: string, body?: unknown) =>
  request(stack.url, method, path, body, bearer(token));

const invoicesOf = async (accountId: string, month: string): Promise<Invoice[]> =>
  (
    await listInvoices(stack.db, {
      sort: { field: 'number', order: 'ASC' },
      range: { start: 0, end: 99 },
      filter: { accountId, month },
    })
  ).records;

const pay = (invoiceId: string, amount: number, paidOn: string, reference: string) =>
  recordPayment(
    stack.db,
    { invoiceId, amount, paidOn, method: 'bank-transfer', reference, note: null },
    ict(paidOn),
    FINANCE,
  );

before(async () => {
  stack = await startTestStack(0);
  finance = await signIn(stack, 'ketoan');
  operator = await signIn(stack, 'vanhanh');
  // A: 300,000 + 10% VAT a month, no free months, with a tax code.
  await billedAccount(
    stack.db,
    'bill-a',
    '2023-01-15',
    { freeMonths: 0, vatRate: 10 },
    {
      taxCode: '0312345678',
    },
  );
  // B is suspended from 10 to 19 March 2024; C is closed on 16 March 2024.
  await billedAccount(stack.db, 'bill-b', '2023-01-15', { freeMonths: 0 });
  await billedAccount(stack.db, 'bill-c', '2023-01-15', { freeMonths: 0 });
  // D activates mid-March 2024 with the default 12 free months.
  await billedAccount(stack.db, 'bill-d', '2024-03-15');
});

after(async () => {
  await stack?.stop();
});

describe('billing with payments, credit and voiding', () => {
  let first: Invoice;

  test('January 2024 is invoiced on 1 February, due 30 days later', async () => {
    const run = await runBilling(stack.db, '2024-01', {
      trigger: 'cli',
      now: ict('2024-02-01', '00:15'),
    });
    assert.equal(run.issued, 3, JSON.stringify(run));
    [first] = await invoicesOf('bill-a', '2024-01');
    assert.equal(first.number, 'NG-2024-000001');
    assert.deepEqual(
      [first.subtotal, first.vat, first.total, first.balanceDue, first.status],
      [300_000, 30_000, 330_000, 330_000, 'issued'],
    );
    assert.deepEqual([first.issuedOn, first.dueDate], ['2024-02-01', '2024-03-02']);
    assert.equal(first.buyerTaxCode, '0312345678');
  });

  test('a partial payment leaves the invoice partly paid, then the rest pays it', async () => {
    const partial = await pay(first.number, 100_000, '2024-02-10', 'FT24041 001');
    assert.deepEqual(
      [partial.invoice.status, partial.invoice.paidAmount, partial.invoice.balanceDue],
      ['partly-paid', 100_000, 230_000],
    );
    assert.equal(partial.payment.allocated, 100_000);
  });

  test('the same transfer reference cannot be recorded twice, whatever its spacing', async () => {
    const response = await api(finance, 'POST', '/api/invoice-payments', {
      invoiceId: first.number,
      amount: 5_000,
      paidOn: '2024-02-11',
      reference: 'ft24041001',
    });
    assertApiError(response, 409, { code: 'payment.duplicate_reference', fields: ['reference'] });
    assert.equal((await getInvoice(stack.db, first.number)).paidAmount, 100_000);
  });

  test('an overpayment pays the invoice and leaves the rest as credit', async () => {
    const response = await api(finance, 'POST', '/api/invoice-payments', {
      invoiceId: first.number,
      amount: 300_000,
      paidOn: '2024-02-20',
      reference: 'FT24051002',
      note: 'Chuyển khoản dư',
    });
    assert.equal(response.status, 201, response.text);
    assert.deepEqual(
      [response.body.allocated, response.body.creditAdded, response.body.invoice.status],
      [230_000, 70_000, 'paid'],
    );
    const statement = await accountStatement(stack.db, 'bill-a', {}, FINANCE);
    assert.equal(statement.credit, 70_000);
    assert.equal(statement.closingBalance, -70_000);
  });

  test('the credit is taken off the next invoice, shown in its settlement', async () => {
    await runBilling(stack.db, '2024-02', { trigger: 'cli', now: ict('2024-03-01', '00:15') });
    const [february] = await invoicesOf('bill-a', '2024-02');
    assert.deepEqual(
      [february.total, february.creditApplied, february.balanceDue, february.status],
      [330_000, 70_000, 260_000, 'partly-paid'],
    );
    const printed = await api(finance, 'GET', `/api/invoices/${february.number}/print`);
    assert.equal(printed.status, 200, printed.text);
    assert.equal(printed.body.amountInWords, 'Ba trăm ba mươi nghìn đồng');
    assert.deepEqual(printed.body.settlement, [
      { label: 'Tổng cộng tiền thanh toán', amount: 330_000 },
      { label: 'Trừ tiền thừa các kỳ trước', amount: -70_000 },
      { label: 'Còn phải thanh toán', amount: 260_000 },
    ]);
    assert.equal(printed.body.buyer.taxCode, '0312345678');
    assert.equal(printed.body.seller.name, 'Nguồn — đơn vị vận hành');
    assert.equal(printed.body.lines[0].quantity, '29/29');
    assert.equal(printed.body.printed.dueDate, '31/03/2024');
    const statement = await accountStatement(stack.db, 'bill-a', {}, FINANCE);
    assert.equal(statement.credit, 0);
    assert.deepEqual(
      statement.lines.map((line) => [line.kind, line.debit, line.credit, line.balance]),
      [
        ['invoice', 330_000, 0, 330_000],
        ['payment', 0, 100_000, 230_000],
        ['payment', 0, 300_000, -70_000],
        ['invoice', 330_000, 0, 260_000],
      ],
    );
    assert.equal(statement.closingBalance, statement.outstanding - statement.credit);
  });

  test('voiding needs a reason and replaces the invoice with the next number', async () => {
    const [february] = await invoicesOf('bill-a', '2024-02');
    assertApiError(await api(finance, 'POST', `/api/invoices/${february.number}/void`, {}), 400, {
      fields: ['reason'],
    });
    const response = await api(finance, 'POST', `/api/invoices/${february.number}/void`, {
      reason: 'Sai thuế suất',
    });
    assert.equal(response.status, 200, response.text);
    const { voided, replacement } = response.body as { voided: Invoice; replacement: Invoice };
    assert.equal(voided.status, 'void');
    assert.equal(voided.voidReason, 'Sai thuế suất');
    assert.equal(voided.voidedBy?.username, 'ketoan');
    assert.equal(voided.replacedBy, replacement.number);
    assert.equal(replacement.replaces, february.number);
    // Three January invoices, three February ones: the replacement is the seventh number.
    assert.equal(replacement.number, 'NG-2024-000007');
    // The credit the voided invoice took comes back and is taken again by its replacement.
    assert.deepEqual([replacement.creditApplied, replacement.balanceDue], [70_000, 260_000]);
    const stored = await getInvoice(stack.db, february.number);
    assert.equal(stored.status, 'void');
    assert.equal(stored.total, february.total, 'a voided invoice keeps its amounts');

    assertApiError(
      await api(finance, 'POST', `/api/invoices/${february.number}/void`, { reason: 'Lần hai' }),
      409,
      { code: 'invoice.already_void' },
    );
    const rerun = await runBilling(stack.db, '2024-02', { trigger: 'cli' });
    assert.equal(rerun.issued, 0);
    const statement = await accountStatement(stack.db, 'bill-a', {}, FINANCE);
    assert.equal(statement.closingBalance, 260_000);
    assert.equal(statement.closingBalance, statement.outstanding - statement.credit);
  });

  test('money paid to a void invoice becomes credit', async () => {
    const [january] = await invoicesOf('bill-b', '2024-01');
    const { voided } = (
      await api(finance, 'POST', `/api/invoices/${january.number}/void`, { reason: 'Thử' })
    ).body as { voided: Invoice };
    const late = await pay(voided.number, 50_000, '2024-03-01', 'FT-VOID-1');
    assert.deepEqual([late.payment.allocated, late.payment.creditAdded], [0, 50_000]);
  });

  test('status changes through the accounts store prorate the month', async () => {
    const suspend = async (id: string, status: 'active' | 'suspended' | 'closed', day: string) => {
      const account = await getAccount(stack.db, id);
      await updateAccount(stack.db, id, { ...account, status }, account.version, ict(day));
    };
    await suspend('bill-b', 'suspended', '2024-03-10');
    await suspend('bill-b', 'active', '2024-03-20');
    await suspend('bill-c', 'closed', '2024-03-16');

    await runBilling(stack.db, '2024-03', { trigger: 'cli', now: ict('2024-04-01', '00:15') });
    const [b] = await invoicesOf('bill-b', '2024-03');
    const [c] = await invoicesOf('bill-c', '2024-03');
    // B: days 1–9 and 20–31 = 21; 300000 × 21 / 31 = 203225.8 → 203226.
    assert.deepEqual([b.lines[0].billableDays, b.total], [21, 203_226]);
    // C: days 1–15; 300000 × 15 / 31 = 145161.3 → 145161.
    assert.deepEqual([c.lines[0].billableDays, c.total], [15, 145_161]);
    await runBilling(stack.db, '2024-04', { trigger: 'cli', now: ict('2024-05-01', '00:15') });
    assert.deepEqual(await invoicesOf('bill-c', '2024-04'), [], 'closed: nothing billable');
    assert.deepEqual(await invoicesOf('bill-d', '2024-04'), [], 'still in its free year');
  });

  test('ageing buckets the balances open on a day by days past due', async () => {
    const report = await ageing(stack.db, '2024-06-15');
    const a = report.accounts.find((row) => row.accountId === 'bill-a');
    // February was voided today, long after 15 June 2024: on that day it was still owed (less
    // the credit it took); its replacement, issued today, was not.
    assert.deepEqual(
      a?.invoices.map((row) => [row.month, row.daysPastDue, row.bucket, row.outstanding]),
      [
        ['2024-02', 76, 'days61to90', 260_000],
        ['2024-03', 45, 'days31to60', 330_000],
        ['2024-04', 15, 'days0to30', 330_000],
      ],
    );
    const c = report.accounts.find((row) => row.accountId === 'bill-c');
    assert.ok(c, JSON.stringify(report.accounts));
    // C: January due 2024-03-02 (105 days), February due 03-31 (76), March due 05-01 (45).
    assert.deepEqual(
      c.invoices.map((row) => [row.month, row.daysPastDue, row.bucket, row.outstanding]),
      [
        ['2024-01', 105, 'over90', 300_000],
        ['2024-02', 76, 'days61to90', 300_000],
        ['2024-03', 45, 'days31to60', 145_161],
      ],
    );
    assert.equal(c.total, 745_161);
    const response = await api(finance, 'GET', '/api/finance/ageing?asOf=2024-06-15');
    assert.equal(response.status, 200);
    assert.equal(response.body.totals.total, report.totals.total);
  });

  test('monthly totals: invoiced by billed month, collected by day paid', async () => {
    const months = await monthlyTotals(stack.db, '2024-01', '2024-03');
    const january = months[0];
    // A 330,000 + C 300,000 (B's January invoice was voided without a different amount: its
    // replacement, issued today, is 300,000 again).
    assert.deepEqual([january.invoiceCount, january.invoiced], [3, 930_000]);
    assert.equal(months[1].collected, 100_000 + 300_000 + 0);
    assert.equal(months[2].collected, 50_000);
  });

  test('the free-period view says when billing starts', async () => {
    const rows = await freePeriods(stack.db, '2024-06-01');
    const d = rows.find((row) => row.accountId === 'bill-d');
    assert.deepEqual(
      [d?.billingStartsOn, d?.inFreePeriod, d?.daysUntilBilling, d?.freeMonths],
      ['2025-03-15', true, 287, 12],
    );
    assert.equal(
      rows.find((row) => row.accountId === 'bill-a'),
      undefined,
    );
  });

  test('a month that has not ended is not billed', async () => {
    const month = new Date().toISOString().slice(0, 7);
    assertApiError(await api(operator, 'POST', '/api/billing-runs', { month }), 400, {
      code: 'billing.month_not_ended',
    });
  });

  test("an account's own users list only their account's invoices", async () => {
    const official = await signIn(stack, 'vinhhai.admin');
    const response = await api(
      official,
      'GET',
      '/api/invoices?filter=%7B%22year%22%3A%222024%22%7D',
    );
    assert.equal(response.status, 200);
    assert.ok(response.body.every((invoice: Invoice) => invoice.accountId === 'ubnd-22330-2409'));
    const other = await api(official, 'GET', `/api/invoices/${first.number}`);
    assertApiError(other, 404, { code: 'invoice.not_found' });
    const statement = await api(official, 'GET', '/api/accounts/bill-a/statement');
    assertApiError(statement, 404);
  });
});
