/**
 * Reading invoices. An invoice is found by its number (its year names its partition); an
 * account's invoices and payments are one query of its ledger in the tree index; all accounts'
 * invoices of a year are one query of the year's partition.
 *
 * Known limit: the finance list without an account reads the whole year's partition and filters
 * and sorts in memory: twelve invoices per account a year, so thousands for a province. At tens
 * of thousands of accounts, an index by billed month would be the next step.
 */
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, ledgerTreePk, stripInternal } from '../db/keys';
import { ValidationError } from '../errors';
import { pageInMemory } from '../list/memory';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { ictDate } from '../time/ict';
import { isMonth } from '../time/days';
import type { Invoice, Payment } from './fields';
import { invoiceKey, yearOfNumber } from './invoice-record';
import { invoiceNotFound, seesAccount, seesAllAccounts } from './scope';

export const getStoredInvoice = async (
  db: Db,
  number: string,
  consistent = false,
): Promise<Invoice | undefined> => {
  if (!yearOfNumber(number)) return undefined;
  const item = await getItem(db, invoiceKey(number), consistent);

  return item ? stripInternal<Invoice>(item) : undefined;
};

const findInvoice = async (
  db: Db,
  number: string,
  consistent: boolean,
  caller?: Principal,
): Promise<Invoice> => {
  const invoice = await getStoredInvoice(db, number, consistent);
  if (!invoice || !seesAccount(invoice.accountId, caller)) throw invoiceNotFound();

  return invoice;
};

/** One invoice the caller may see; another account's does not exist for them. */
export const getInvoice = (db: Db, number: string, caller?: Principal) =>
  findInvoice(db, number, false, caller);

/** The same, strongly consistent: what a write that changes the invoice starts from. */
export const getLatestInvoice = (db: Db, number: string, caller?: Principal) =>
  findInvoice(db, number, true, caller);

export interface Ledger {
  invoices: Invoice[];
  payments: Payment[];
}

/** An account's invoices and payments, in date order. */
export const ledgerOf = async (db: Db, accountId: string): Promise<Ledger> => {
  const items = await queryAll(db, {
    IndexName: 'byTree',
    KeyConditionExpression: 'treePk = :pk',
    ExpressionAttributeValues: { ':pk': ledgerTreePk(accountId) },
  });
  const ledger: Ledger = { invoices: [], payments: [] };
  for (const item of items) {
    if (String(item.pk).startsWith('INVOICES#')) ledger.invoices.push(stripInternal(item));
    else if (String(item.pk).startsWith('PAYMENTS#')) ledger.payments.push(stripInternal(item));
  }

  return ledger;
};

/** Every invoice of a year's numbers (the billed months of that year). */
export const invoicesOfYear = async (db: Db, year: string): Promise<Invoice[]> =>
  (
    await queryAll(db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.invoice(year, '').pk },
    })
  ).map((item) => stripInternal<Invoice>(item));

const INVOICE_FILTERS = ['id', 'accountId', 'month', 'year', 'status'];

const yearFilter = (filter: Record<string, unknown>): string => {
  const month = filterValues(filter.month, 'month')?.[0];
  const year = filterValues(filter.year, 'year')?.[0];
  if (month && !isMonth(month)) {
    throw new ValidationError('Tháng phải có dạng YYYY-MM', { month: 'Không hợp lệ' });
  }
  if (year && !/^\d{4}$/.test(year)) {
    throw new ValidationError('Năm phải có dạng YYYY', { year: 'Không hợp lệ' });
  }

  return year ?? month?.slice(0, 4) ?? ictDate(new Date()).slice(0, 4);
};

/**
 * Invoices the caller may see. Filters: `id` (numbers), `accountId`, `month` (billed month),
 * `year` (of the billed month; the current year in Vietnam when neither it nor an account or
 * month is given), `status`.
 */
export const listInvoices = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<Invoice>> => {
  const { filter } = params;
  checkFilterKeys(filter, INVOICE_FILTERS);
  const ids = filterValues(filter.id, 'id');
  const accounts = filterValues(filter.accountId, 'accountId');
  const months = filterValues(filter.month, 'month');
  const years = filterValues(filter.year, 'year');
  const statuses = filterValues(filter.status, 'status');
  const year = yearFilter(filter);

  let invoices: Invoice[];
  if (ids) {
    const wanted = ids.filter((id) => yearOfNumber(id)).map(invoiceKey);
    invoices = (await batchGet(db, wanted)).map((item) => stripInternal<Invoice>(item));
  } else if (!seesAllAccounts(caller)) {
    // Outside the platform, only one's own account's ledger is ever read.
    invoices = (await ledgerOf(db, caller?.accountId ?? '')).invoices;
  } else if (accounts?.length === 1) {
    invoices = (await ledgerOf(db, accounts[0])).invoices;
  } else {
    invoices = await invoicesOfYear(db, year);
  }

  const matching = invoices.filter(
    (invoice) =>
      seesAccount(invoice.accountId, caller) &&
      (!accounts || accounts.includes(invoice.accountId)) &&
      (!months || months.includes(invoice.month)) &&
      (!years || years.includes(invoice.month.slice(0, 4))) &&
      (!statuses || statuses.includes(invoice.status)),
  );

  return pageInMemory(
    matching as unknown as Array<Record<string, unknown>>,
    params,
  ) as unknown as Page<Invoice>;
};
