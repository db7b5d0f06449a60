/**
 * The monthly billing run for a month that has ended (Vietnam time): one invoice per account
 * with a billable day, none for the others. Rerunning a month issues only what is still missing
 * (an account whose guard exists is skipped), so a second run of a finished month issues nothing
 * and changes no number; a run that stopped half-way is completed by running it again.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { accountsUnder } from '../accounts/store';
import { type Actor, SYSTEM_ACTOR } from '../audit/events';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { getItem, queryAll } from '../db/items';
import { keys, stripInternal } from '../db/keys';
import { NotFoundError, ValidationError } from '../errors';
import { logger } from '../logger';
import { isMonth } from '../time/days';
import { ictDate, ictMonth } from '../time/ict';
import { chargeFor } from './charge';
import type { BillingRun, RunTrigger } from './fields';
import { type IssueRequest, issueInvoices } from './issue';
import { allPricePlans } from './plan-store';

export interface RunOptions {
  trigger: RunTrigger;
  /** The run's moment: the issue date is its day in Vietnam. */
  now?: string;
  caller?: Principal;
}

/** Accounts already invoiced for the month: one query of the month's guards. */
export const invoicedAccounts = async (db: Db, month: string): Promise<Set<string>> => {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.invoiceGuard(month, '').pk },
    ConsistentRead: true,
  });

  return new Set(items.map((item) => String(item.accountId)));
};

export const checkBillableMonth = (month: string, now: string): void => {
  if (!isMonth(month)) {
    throw new ValidationError('Tháng phải có dạng YYYY-MM', { month: 'Không hợp lệ' });
  }
  if (month >= ictMonth(now)) {
    throw new ValidationError(
      `Chỉ lập hóa đơn cho tháng đã kết thúc; tháng ${month} chưa kết thúc`,
      { month: 'Tháng chưa kết thúc' },
      'billing.month_not_ended',
    );
  }
};

const runId = (now: string) =>
  `${now.replace(/\D/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;

const actorOf = (caller?: Principal): Actor =>
  caller
    ? { userId: caller.userId, username: caller.username, accountId: caller.accountId }
    : SYSTEM_ACTOR;

const putRun = async (db: Db, run: BillingRun) => {
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: { ...keys.billingRun(run.id), ...run } }),
  );
};

export const runBilling = async (
  db: Db,
  month: string,
  options: RunOptions,
): Promise<BillingRun> => {
  const now = options.now ?? new Date().toISOString();
  const started = Date.now();
  checkBillableMonth(month, now);
  const actor = actorOf(options.caller);
  const run: BillingRun = {
    id: runId(now),
    month,
    trigger: options.trigger,
    startedBy: actor.username,
    startedAt: now,
    finishedAt: now,
    status: 'completed',
    accounts: 0,
    issued: 0,
    alreadyInvoiced: 0,
    notBillable: 0,
    issuedTotal: 0,
    firstNumber: null,
    lastNumber: null,
    error: null,
  };

  try {
    const accounts = (await accountsUnder(db, '/')).filter((a) => a.kind !== 'operator');
    const [plans, invoiced] = await Promise.all([allPricePlans(db), invoicedAccounts(db, month)]);
    const requests: IssueRequest[] = [];
    for (const account of accounts) {
      if (invoiced.has(account.id)) {
        run.alreadyInvoiced += 1;
        continue;
      }
      const charge = chargeFor(account, plans.get(account.id) ?? [], month);
      if (charge) requests.push({ account, charge });
      else run.notBillable += 1;
    }
    run.accounts = accounts.length;

    const result = await issueInvoices(db, month, requests, {
      runId: run.id,
      issuedOn: ictDate(now),
      now,
      actor,
    });
    run.issued = result.issued.length;
    run.alreadyInvoiced += result.alreadyInvoiced.length;
    run.issuedTotal = result.issued.reduce((sum, invoice) => sum + invoice.total, 0);
    run.firstNumber = result.issued[0]?.number ?? null;
    run.lastNumber = result.issued.at(-1)?.number ?? null;
  } catch (error) {
    run.status = 'failed';
    run.error = (error as Error)?.name ?? 'Error';
    throw error;
  } finally {
    // Measured from `now`, so a run dated in the past (the demo seed) ends when it began.
    run.finishedAt = new Date(Date.parse(now) + Date.now() - started).toISOString();
    // The invoices are what counts; a run whose record cannot be written is only logged.
    await putRun(db, run).catch((error: Error) =>
      logger.warn('billing run record not written', { runId: run.id, error: error.name }),
    );
    logger.info('billing run', {
      runId: run.id,
      month,
      trigger: run.trigger,
      status: run.status,
      accounts: run.accounts,
      issued: run.issued,
      alreadyInvoiced: run.alreadyInvoiced,
      notBillable: run.notBillable,
    });
  }

  return run;
};

export const listRuns = async (db: Db): Promise<BillingRun[]> =>
  (
    await queryAll(db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.billingRun('').pk },
    })
  ).map((item) => stripInternal<BillingRun>(item));

export const getRun = async (db: Db, id: string): Promise<BillingRun> => {
  const item = await getItem(db, keys.billingRun(id));
  if (!item) throw new NotFoundError('Không tìm thấy lần lập hóa đơn', 'billing_run.not_found');

  return stripInternal<BillingRun>(item);
};
