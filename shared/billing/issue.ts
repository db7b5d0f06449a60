/**
 * Issuing a month's invoices without gaps or repeats in their numbers, even when two runs of
 * the same month overlap. Each transaction holds, for up to INVOICES_PER_TRANSACTION invoices:
 * the year's sequence moved from `last` to `last + n` (conditional on `last`), each invoice
 * (new), each invoice's (account, month) guard (new), each credit taken (conditional on enough
 * credit), each audit event, and the month's totals. If another run got there first, a condition
 * fails, nothing of the transaction is written and no number is used: the sequence, the guards
 * and the credits are read again, invoices already issued by the other run are dropped, and the
 * rest are numbered from the new `last`.
 */
import type { Account } from '../accounts/fields';
import { type Actor, auditPut } from '../audit/events';
import type { Db } from '../db/client';
import { batchGet } from '../db/items';
import { keys } from '../db/keys';
import { type TransactItem, TransactionCancelled, transactWrite } from '../db/transact';
import { logger } from '../logger';
import type { Charge } from './charge';
import type { Invoice } from './fields';
import {
  auditView,
  buildInvoice,
  invoiceItem,
  invoiceNumber,
  type NewInvoice,
} from './invoice-record';
import {
  creditUpdate,
  readCredits,
  readSequence,
  sequenceUpdate,
  totalsUpdate,
} from './ledger-items';
import { BILLING_AUDIT_PATH } from './scope';

/** 4 items an invoice at most, plus the sequence and the totals: within DynamoDB's 100. */
export const INVOICES_PER_TRANSACTION = 24;
/** Lost races in a row, for one group, before the run gives up (a rerun completes it). */
const MAX_LOST_RACES = 50;

export interface IssueRequest {
  account: Pick<Account, 'id' | 'name' | 'taxCode'>;
  charge: Charge;
}

export interface IssueContext {
  runId: string;
  issuedOn: string;
  now: string;
  actor: Actor;
}

export interface IssueResult {
  issued: Invoice[];
  /** Accounts another run invoiced for the month while this one was working. */
  alreadyInvoiced: string[];
}

/** The item that holds an account's invoice of a month. */
export const guardRecord = (month: string, invoice: Invoice) => ({
  ...keys.invoiceGuard(month, invoice.accountId),
  accountId: invoice.accountId,
  invoiceNumber: invoice.number,
});

const guardItem = (tableName: string, month: string, invoice: Invoice): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: guardRecord(month, invoice),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

const issueItems = (db: Db, invoice: Invoice, context: IssueContext): TransactItem[] => [
  {
    Put: {
      TableName: db.tableName,
      Item: invoiceItem(invoice),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  guardItem(db.tableName, invoice.month, invoice),
  ...(invoice.creditApplied > 0
    ? [creditUpdate(db.tableName, invoice.accountId, -invoice.creditApplied)]
    : []),
  auditPut(
    db.tableName,
    context.actor,
    {
      resource: 'invoices',
      recordId: invoice.number,
      action: 'create',
      unitPath: BILLING_AUDIT_PATH,
      after: auditView(invoice),
    },
    context.now,
  ),
];

/** Accounts of the group that already have an invoice for the month (strongly consistent). */
const guarded = async (db: Db, month: string, accountIds: string[]): Promise<Set<string>> => {
  const items = await batchGet(
    db,
    accountIds.map((id) => keys.invoiceGuard(month, id)),
    true,
  );

  return new Set(items.map((item) => String(item.accountId)));
};

export const issueInvoices = async (
  db: Db,
  month: string,
  requests: IssueRequest[],
  context: IssueContext,
): Promise<IssueResult> => {
  if (requests.length === 0) return { issued: [], alreadyInvoiced: [] };
  const year = month.slice(0, 4);
  const issued: Invoice[] = [];
  const alreadyInvoiced: string[] = [];
  let last = await readSequence(db, year);
  let credits = await readCredits(
    db,
    requests.map((r) => r.account.id),
  );
  let pending = [...requests];

  let lostRaces = 0;
  while (pending.length > 0) {
    if (lostRaces >= MAX_LOST_RACES) {
      throw new Error('billing: gave up after repeated write conflicts');
    }
    const group = pending.slice(0, INVOICES_PER_TRANSACTION);
    const invoices = group.map((request, index) => {
      const credit = credits.get(request.account.id) ?? 0;
      const spec: NewInvoice = {
        number: invoiceNumber(year, last + index + 1),
        account: request.account,
        charge: request.charge,
        creditApplied: Math.min(credit, request.charge.line.total),
        issuedOn: context.issuedOn,
        runId: context.runId,
        now: context.now,
      };

      return buildInvoice(spec);
    });
    const items = [
      sequenceUpdate(db.tableName, year, last, last + invoices.length),
      ...invoices.flatMap((invoice) => issueItems(db, invoice, context)),
      totalsUpdate(db.tableName, month, {
        invoiced: invoices.reduce((sum, invoice) => sum + invoice.total, 0),
        invoiceCount: invoices.length,
      }),
    ];

    try {
      await transactWrite(db, items);
    } catch (error) {
      if (!(error instanceof TransactionCancelled)) throw error;
      // Another writer moved the sequence, issued one of these accounts or spent a credit.
      lostRaces += 1;
      logger.info('billing transaction lost a race; re-reading', { month, lostRaces });
      const ids = group.map((request) => request.account.id);
      const done = await guarded(db, month, ids);
      alreadyInvoiced.push(...ids.filter((id) => done.has(id)));
      pending = pending.filter((request) => !done.has(request.account.id));
      last = await readSequence(db, year);
      credits = new Map([...credits, ...(await readCredits(db, ids))]);
      continue;
    }

    lostRaces = 0;
    last += invoices.length;
    issued.push(...invoices);
    for (const invoice of invoices) {
      credits.set(invoice.accountId, (credits.get(invoice.accountId) ?? 0) - invoice.creditApplied);
    }
    pending = pending.slice(group.length);
  }

  return { issued, alreadyInvoiced };
};
