/**
 * The billing family: price plans, invoices (list, read, print, void), payments, statements,
 * billing runs and the finance views. Thin: every rule lives in shared/billing.
 */
import type { Principal } from '../../shared/auth/principal';
import { defaultDb } from '../../shared/db/client';
import { ValidationError } from '../../shared/errors';
import { invoiceResource } from '../../shared/billing/invoice-resource';
import { getInvoice, listInvoices } from '../../shared/billing/invoice-store';
import { paymentResource } from '../../shared/billing/payment-resource';
import { getPayment, listPayments } from '../../shared/billing/payment-store';
import { type PaymentInput, recordPayment } from '../../shared/billing/payments';
import { pricePlanResource } from '../../shared/billing/plan-resource';
import {
  createPricePlan,
  deletePricePlan,
  getPricePlan,
  listPricePlans,
  updatePricePlan,
} from '../../shared/billing/plan-store';
import { printableInvoice } from '../../shared/billing/print';
import { ageing, freePeriods, monthlyTotals } from '../../shared/billing/reports';
import { billingRunResource } from '../../shared/billing/run-resource';
import { getRun, listRuns, runBilling } from '../../shared/billing/run';
import {
  PRICE_PLAN_INPUT_FIELDS,
  PRICE_PLAN_SERVER_OWNED,
  paymentInputSchema,
  pricePlanInputSchema,
  runInputSchema,
  voidInputSchema,
} from '../../shared/billing/schema';
import { accountStatement } from '../../shared/billing/statement';
import { voidInvoice } from '../../shared/billing/void';
import {
  checkFilterKeys,
  filterValues,
  parseListParams,
  type Page,
} from '../../shared/list/params';
import { pageInMemory } from '../../shared/list/memory';
import { addMonths, isDay } from '../../shared/time/days';
import { ictDate, ictMonth } from '../../shared/time/ict';
import { asObject, parseOrThrow } from '../../shared/validation';
import { contentRange, crudRoutes } from '../http/crud';
import { routedHandler } from '../http/handler';
import { jsonBody, pathParam, queryOf } from '../http/request';
import { type HttpEvent, json } from '../http/types';

const db = () => defaultDb();

const pricePlans = crudRoutes({
  def: pricePlanResource,
  schema: pricePlanInputSchema,
  inputFields: PRICE_PLAN_INPUT_FIELDS,
  serverOwned: PRICE_PLAN_SERVER_OWNED,
  list: (params, caller) => listPricePlans(db(), params, caller),
  get: (id, caller) => getPricePlan(db(), id, caller),
  create: (input, now, caller) => createPricePlan(db(), input, now, caller),
  update: (id, input, version, now, caller) =>
    updatePricePlan(db(), id, input, version, now, caller),
  remove: (id, caller) => deletePricePlan(db(), id, caller),
});

/** A list answer in the ra-data-simple-rest form. */
const page = (resource: string, result: Page<unknown>) =>
  json(200, result.records, {
    'content-range': contentRange(resource, result.start, result.records.length, result.total),
    'access-control-expose-headers': 'Content-Range',
  });

/** An optional `YYYY-MM-DD` query parameter; today in Vietnam when absent. */
const dayParam = (event: HttpEvent, name: string): string => {
  const value = queryOf(event)[name] || ictDate(new Date());
  if (!isDay(value)) {
    throw new ValidationError(`${name} phải là ngày dạng YYYY-MM-DD`, { [name]: 'Không hợp lệ' });
  }

  return value;
};

const listBillingRuns = async (event: HttpEvent) => {
  const params = parseListParams(queryOf(event), billingRunResource);
  checkFilterKeys(params.filter, ['month', 'id']);
  const months = filterValues(params.filter.month, 'month');
  const ids = filterValues(params.filter.id, 'id');
  const runs = (await listRuns(db())).filter(
    (run) => (!months || months.includes(run.month)) && (!ids || ids.includes(run.id)),
  );

  return page(
    'billing-runs',
    pageInMemory(runs as unknown as Array<Record<string, unknown>>, params),
  );
};

export const handler = routedHandler({
  ...pricePlans,
  'GET /api/invoices': async (event, caller) =>
    page(
      'invoices',
      await listInvoices(db(), parseListParams(queryOf(event), invoiceResource), caller),
    ),
  'GET /api/invoices/{id}': async (event, caller) =>
    json(200, await getInvoice(db(), pathParam(event, 'id'), caller)),
  'GET /api/invoices/{id}/print': async (event, caller) =>
    json(200, await printableInvoice(db(), pathParam(event, 'id'), caller)),
  'POST /api/invoices/{id}/void': async (event, caller) => {
    const { reason } = parseOrThrow(voidInputSchema, asObject(jsonBody(event)));
    const now = new Date().toISOString();

    return json(200, await voidInvoice(db(), pathParam(event, 'id'), reason, now, caller));
  },
  'GET /api/accounts/{id}/statement': async (event, caller) => {
    const { from, to } = queryOf(event);
    const range = { from: from || undefined, to: to || undefined };

    return json(200, await accountStatement(db(), pathParam(event, 'id'), range, caller));
  },
  'GET /api/invoice-payments': async (event, caller) =>
    page(
      'invoice-payments',
      await listPayments(db(), parseListParams(queryOf(event), paymentResource), caller),
    ),
  'GET /api/invoice-payments/{id}': async (event, caller) =>
    json(200, await getPayment(db(), pathParam(event, 'id'), caller)),
  'POST /api/invoice-payments': async (event, caller: Principal) => {
    const input: PaymentInput = parseOrThrow(paymentInputSchema, asObject(jsonBody(event)));
    const { payment, invoice } = await recordPayment(db(), input, new Date().toISOString(), caller);

    return json(201, { ...payment, invoice });
  },
  'GET /api/billing-runs': async (event) => listBillingRuns(event),
  'GET /api/billing-runs/{id}': async (event) =>
    json(200, await getRun(db(), pathParam(event, 'id'))),
  'POST /api/billing-runs': async (event, caller) => {
    const { month } = parseOrThrow(runInputSchema, asObject(jsonBody(event)));

    return json(201, await runBilling(db(), month, { trigger: 'admin', caller }));
  },
  'GET /api/finance/ageing': async (event) =>
    json(200, await ageing(db(), dayParam(event, 'asOf'))),
  'GET /api/finance/monthly': async (event) => {
    const query = queryOf(event);
    const to = query.to || ictMonth(new Date());
    const from = query.from || addMonths(to, -11);

    return json(200, { from, to, months: await monthlyTotals(db(), from, to) });
  },
  'GET /api/finance/free-period': async (event) => {
    const asOf = dayParam(event, 'asOf');
    const all = queryOf(event).all === 'true';

    return json(200, { asOf, accounts: await freePeriods(db(), asOf, all) });
  },
});
