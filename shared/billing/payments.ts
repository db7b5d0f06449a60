/**
 * Recording money received for an invoice. Finance records bank transfers and cash by hand;
 * the online payment of issue 5 will call the same `recordPayment` from its webhook, with the
 * gateway as method and the gateway's transaction id as reference, so a payment is counted once
 * whatever the gateway resends (the reference guard), and partial payments and overpayments are
 * handled the same way:
 * - the payment goes to the invoice up to its balance due;
 * - the rest becomes the account's credit, taken off the next invoice issued (issue.ts);
 * - money for a void or already paid invoice becomes credit in full.
 * The payment, its reference guard, the invoice, the credit, the month's collected total and the
 * audit events are one transaction; the invoice is conditional on its version, so two payments
 * at once are applied one after the other.
 */
import { randomBytes } from 'node:crypto';
import { type Actor as AuditActor, auditPut, SYSTEM_ACTOR } from '../audit/events';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { getItem } from '../db/items';
import { keys, ledgerTreePk } from '../db/keys';
import { type TransactItem, TransactionCancelled, transactWrite } from '../db/transact';
import { ConflictError, ValidationError } from '../errors';
import { isDay, monthOf } from '../time/days';
import { ictDate } from '../time/ict';
import type { Invoice, Payment, PaymentMethod } from './fields';
import { auditView, invoiceItem, statusAfter } from './invoice-record';
import { getLatestInvoice } from './invoice-store';
import { creditUpdate, totalsUpdate } from './ledger-items';
import { BILLING_AUDIT_PATH } from './scope';

export interface PaymentInput {
  invoiceId: string;
  amount: number;
  paidOn: string;
  method: PaymentMethod;
  reference: string;
  note: string | null;
}

export interface RecordedPayment {
  payment: Payment;
  invoice: Invoice;
}

/** References compare without case and spaces: "ft 2612 01" and "FT261201" are one transfer. */
export const referenceKey = (method: string, reference: string) =>
  keys.paymentReference(method, reference.toUpperCase().replace(/\s+/g, ''));

/** The payment already recorded under a reference, if any: for a webhook that is called again. */
export const findPaymentIdByReference = async (
  db: Db,
  method: PaymentMethod,
  reference: string,
): Promise<string | undefined> => {
  const item = await getItem(db, referenceKey(method, reference), true);

  return item ? String(item.paymentId) : undefined;
};

export const paymentItem = (payment: Payment) => ({
  ...keys.payment(monthOf(payment.paidOn), payment.id),
  ...payment,
  treePk: ledgerTreePk(payment.accountId),
  treeSk: `${payment.paidOn}#P#${payment.id}`,
});

const checkInput = (input: PaymentInput, now: string) => {
  if (!isDay(input.paidOn) || input.paidOn > ictDate(now)) {
    throw new ValidationError(
      'Ngày thanh toán phải là một ngày đã qua hoặc hôm nay',
      { paidOn: 'Không hợp lệ' },
      'payment.bad_date',
    );
  }
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new ValidationError('Số tiền phải lớn hơn 0', { amount: 'Không hợp lệ' });
  }
};

const ATTEMPTS = 10;

/**
 * Records a payment for an invoice the caller may see. Without a caller (a gateway's webhook) it
 * acts for the platform, recorded as the system; the method names the gateway.
 */
export const recordPayment = async (
  db: Db,
  input: PaymentInput,
  now: string,
  caller?: Principal,
): Promise<RecordedPayment> => {
  checkInput(input, now);
  const by: AuditActor = caller
    ? { userId: caller.userId, username: caller.username, accountId: caller.accountId }
    : SYSTEM_ACTOR;
  const id = `${monthOf(input.paidOn)}.${randomBytes(6).toString('hex')}`;

  for (let attempt = 1; ; attempt += 1) {
    const invoice = await getLatestInvoice(db, input.invoiceId, caller);
    const due = invoice.status === 'void' ? 0 : invoice.balanceDue;
    const allocated = Math.min(input.amount, due);
    const payment: Payment = {
      id,
      invoiceId: invoice.number,
      accountId: invoice.accountId,
      amount: input.amount,
      allocated,
      creditAdded: input.amount - allocated,
      paidOn: input.paidOn,
      method: input.method,
      reference: input.reference,
      note: input.note,
      recordedBy: { userId: by.userId, username: by.username },
      createdAt: now,
    };
    const after = applied(invoice, payment, now);

    const items: TransactItem[] = [
      {
        Put: {
          TableName: db.tableName,
          Item: paymentItem(payment),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: { ...referenceKey(payment.method, payment.reference), paymentId: payment.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...(allocated > 0 ? invoiceUpdate(db.tableName, invoice, after, by, now) : []),
      ...(payment.creditAdded > 0
        ? [creditUpdate(db.tableName, payment.accountId, payment.creditAdded)]
        : []),
      totalsUpdate(db.tableName, monthOf(payment.paidOn), {
        collected: payment.amount,
        paymentCount: 1,
      }),
      auditPut(
        db.tableName,
        by,
        {
          resource: 'invoice-payments',
          recordId: payment.id,
          action: 'create',
          unitPath: BILLING_AUDIT_PATH,
          after: payment,
        },
        now,
      ),
    ];

    try {
      await transactWrite(db, items);

      return { payment, invoice: allocated > 0 ? after : invoice };
    } catch (error) {
      if (!(error instanceof TransactionCancelled)) throw error;
      if (error.reasons[1] === 'ConditionalCheckFailed') {
        throw new ConflictError(
          'Giao dịch có mã này đã được ghi nhận trước đó',
          'payment.duplicate_reference',
          { reference: 'Đã ghi nhận' },
        );
      }
      // The invoice moved (another payment, a void): read it again and apply this one after.
      if (attempt >= ATTEMPTS) throw error;
    }
  }
};

/** The invoice after a payment's allocated part reaches it. */
const applied = (invoice: Invoice, payment: Payment, now: string): Invoice => {
  const paidAmount = invoice.paidAmount + payment.allocated;
  const next = { ...invoice, paidAmount, balanceDue: invoice.balanceDue - payment.allocated };

  return {
    ...next,
    status: statusAfter(next),
    payments: [
      ...invoice.payments,
      { paymentId: payment.id, paidOn: payment.paidOn, amount: payment.allocated },
    ],
    updatedAt: now,
    version: invoice.version + 1,
  };
};

const invoiceUpdate = (
  tableName: string,
  before: Invoice,
  after: Invoice,
  by: AuditActor,
  now: string,
): TransactItem[] => [
  {
    Put: {
      TableName: tableName,
      Item: invoiceItem(after),
      ConditionExpression: 'version = :version',
      ExpressionAttributeValues: { ':version': before.version },
    },
  },
  auditPut(
    tableName,
    by,
    {
      resource: 'invoices',
      recordId: after.number,
      action: 'update',
      unitPath: BILLING_AUDIT_PATH,
      before: auditView(before),
      after: auditView(after),
    },
    now,
  ),
];
