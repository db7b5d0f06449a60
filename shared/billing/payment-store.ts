/**
 * Reading payments: by id (its month names its partition), by invoice or account (the account's
 * ledger), or all payments received in a Vietnam month (the month's partition).
 */
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, stripInternal } from '../db/keys';
import { NotFoundError, ValidationError } from '../errors';
import { pageInMemory } from '../list/memory';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { isMonth } from '../time/days';
import { ictMonth } from '../time/ict';
import type { Payment } from './fields';
import { getInvoice, ledgerOf } from './invoice-store';
import { seesAccount, seesAllAccounts } from './scope';

const paymentNotFound = () =>
  new NotFoundError('Không tìm thấy khoản thanh toán', 'payment.not_found');

const keyOf = (id: string) => {
  const month = /^(\d{4}-\d{2})\./.exec(id)?.[1];

  return month && isMonth(month) ? keys.payment(month, id) : undefined;
};

export const getPayment = async (db: Db, id: string, caller?: Principal): Promise<Payment> => {
  const key = keyOf(id);
  const item = key ? await getItem(db, key) : undefined;
  const payment = item ? stripInternal<Payment>(item) : undefined;
  if (!payment || !seesAccount(payment.accountId, caller)) throw paymentNotFound();

  return payment;
};

const PAYMENT_FILTERS = ['id', 'invoiceId', 'accountId', 'month'];

/**
 * Payments the caller may see. Filters: `id`, `invoiceId`, `accountId`, `month` (the month
 * paid, in Vietnam; the current month when neither an invoice nor an account is named).
 */
export const listPayments = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<Payment>> => {
  const { filter } = params;
  checkFilterKeys(filter, PAYMENT_FILTERS);
  const ids = filterValues(filter.id, 'id');
  const invoiceIds = filterValues(filter.invoiceId, 'invoiceId');
  const accounts = filterValues(filter.accountId, 'accountId');
  const months = filterValues(filter.month, 'month');
  if (months && !months.every(isMonth)) {
    throw new ValidationError('Tháng phải có dạng YYYY-MM', { month: 'Không hợp lệ' });
  }

  let payments: Payment[];
  if (ids) {
    const wanted = ids.flatMap((id) => keyOf(id) ?? []);
    payments = (await batchGet(db, wanted)).map((item) => stripInternal<Payment>(item));
  } else if (invoiceIds?.length === 1) {
    const invoice = await getInvoice(db, invoiceIds[0], caller).catch(() => undefined);
    payments = invoice ? (await ledgerOf(db, invoice.accountId)).payments : [];
  } else if (!seesAllAccounts(caller)) {
    payments = (await ledgerOf(db, caller?.accountId ?? '')).payments;
  } else if (accounts?.length === 1) {
    payments = (await ledgerOf(db, accounts[0])).payments;
  } else {
    const month = months?.[0] ?? ictMonth(new Date());
    payments = (
      await queryAll(db, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.payment(month, '').pk },
      })
    ).map((item) => stripInternal<Payment>(item));
  }

  const matching = payments.filter(
    (payment) =>
      seesAccount(payment.accountId, caller) &&
      (!invoiceIds || invoiceIds.includes(payment.invoiceId)) &&
      (!accounts || accounts.includes(payment.accountId)) &&
      (!months || months.includes(payment.paidOn.slice(0, 7))),
  );

  return pageInMemory(
    matching as unknown as Array<Record<string, unknown>>,
    params,
  ) as unknown as Page<Payment>;
};
