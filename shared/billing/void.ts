/**
 * Voiding an invoice: it is never edited, only marked void with a reason and the user who
 * voided it, and replaced in the same transaction by a new invoice with the next number of the
 * billed month's year, computed from the account and price plan as they are now (finance corrects
 * those first, then voids). What the voided invoice had received (payments and credit) becomes
 * the account's credit and is taken off the replacement at once. When nothing is billable any
 * more, there is no replacement and the month's guard is removed.
 */
import { getAccount } from '../accounts/store';
import { type Actor, auditPut } from '../audit/events';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { keys } from '../db/keys';
import { type TransactItem, TransactionCancelled, transactWrite } from '../db/transact';
import { ConflictError } from '../errors';
import { ictDate } from '../time/ict';
import { chargeFor } from './charge';
import type { Invoice } from './fields';
import { guardRecord } from './issue';
import { auditView, buildInvoice, invoiceItem, invoiceNumber } from './invoice-record';
import { getLatestInvoice } from './invoice-store';
import {
  creditUpdate,
  readCredits,
  readSequence,
  sequenceUpdate,
  totalsUpdate,
} from './ledger-items';
import { pricePlansOf } from './plan-store';
import { BILLING_AUDIT_PATH } from './scope';

export interface VoidResult {
  voided: Invoice;
  replacement: Invoice | null;
}

const ATTEMPTS = 10;

const audit = (
  tableName: string,
  actor: Actor,
  now: string,
  before: Invoice | undefined,
  after: Invoice,
) =>
  auditPut(
    tableName,
    actor,
    {
      resource: 'invoices',
      recordId: after.number,
      action: before ? 'update' : 'create',
      unitPath: BILLING_AUDIT_PATH,
      before: before ? auditView(before) : undefined,
      after: auditView(after),
    },
    now,
  );

/** The guard of the month now names the replacement, or goes with the voided invoice. */
const guardChange = (
  tableName: string,
  voided: Invoice,
  replacement: Invoice | null,
): TransactItem => {
  const condition = {
    ConditionExpression: 'invoiceNumber = :voided',
    ExpressionAttributeValues: { ':voided': voided.number },
  };
  if (!replacement) {
    return {
      Delete: {
        TableName: tableName,
        Key: keys.invoiceGuard(voided.month, voided.accountId),
        ...condition,
      },
    };
  }

  return {
    Put: { TableName: tableName, Item: guardRecord(voided.month, replacement), ...condition },
  };
};

export const voidInvoice = async (
  db: Db,
  number: string,
  reason: string,
  now: string,
  caller: Principal,
): Promise<VoidResult> => {
  const actor: Actor = {
    userId: caller.userId,
    username: caller.username,
    accountId: caller.accountId,
  };

  for (let attempt = 1; ; attempt += 1) {
    const invoice = await getLatestInvoice(db, number, caller);
    if (invoice.status === 'void') {
      throw new ConflictError('Hóa đơn này đã bị hủy', 'invoice.already_void');
    }
    const account = await getAccount(db, invoice.accountId);
    const charge = chargeFor(account, await pricePlansOf(db, account.id), invoice.month);
    const year = invoice.month.slice(0, 4);
    const last = await readSequence(db, year);
    const returned = invoice.creditApplied + invoice.paidAmount;
    const credit = (await readCredits(db, [account.id])).get(account.id) ?? 0;

    const replacement = charge
      ? buildInvoice({
          number: invoiceNumber(year, last + 1),
          account,
          charge,
          creditApplied: Math.min(credit + returned, charge.line.total),
          issuedOn: ictDate(now),
          runId: null,
          now,
          replaces: invoice.number,
        })
      : null;
    const voided: Invoice = {
      ...invoice,
      status: 'void',
      balanceDue: 0,
      replacedBy: replacement?.number ?? null,
      voidReason: reason,
      voidedOn: ictDate(now),
      voidedBy: { userId: caller.userId, username: caller.username },
      updatedAt: now,
      version: invoice.version + 1,
    };
    const creditDelta = returned - (replacement?.creditApplied ?? 0);

    const items: TransactItem[] = [
      {
        Put: {
          TableName: db.tableName,
          Item: invoiceItem(voided),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': invoice.version },
        },
      },
      guardChange(db.tableName, invoice, replacement),
      ...(creditDelta !== 0 ? [creditUpdate(db.tableName, account.id, creditDelta)] : []),
      totalsUpdate(db.tableName, invoice.month, {
        invoiced: (replacement?.total ?? 0) - invoice.total,
        invoiceCount: replacement ? 0 : -1,
      }),
      audit(db.tableName, actor, now, invoice, voided),
      ...(replacement
        ? [
            sequenceUpdate(db.tableName, year, last, last + 1),
            {
              Put: {
                TableName: db.tableName,
                Item: invoiceItem(replacement),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            audit(db.tableName, actor, now, undefined, replacement),
          ]
        : []),
    ];

    try {
      await transactWrite(db, items);

      return { voided, replacement };
    } catch (error) {
      // A payment, a run or another void moved something this one read: read again.
      if (!(error instanceof TransactionCancelled) || attempt >= ATTEMPTS) throw error;
    }
  }
};
