/**
 * The payments family: household fee payments (list, read), cash receipts, bank statement
 * imports, finance's resolution of what needs review, and daily totals per method. Thin: every
 * rule lives in shared/payments. Gateway payments have no route here: webhooks write them.
 */
import { defaultDb } from '../../shared/db/client';
import { logger } from '../../shared/logger';
import { parseListParams } from '../../shared/list/params';
import { importBankStatement } from '../../shared/payments/bank-statement';
import { recordCash } from '../../shared/payments/cash';
import { parseResolveInput, resolvePayment } from '../../shared/payments/reconcile';
import { dailyTotals } from '../../shared/payments/reports';
import { feePaymentResource } from '../../shared/payments/resource';
import { getPayment, listPayments } from '../../shared/payments/store';
import { asObject, rejectUnknownFields } from '../../shared/validation';
import { contentRange } from '../http/crud';
import { routedHandler } from '../http/handler';
import { jsonBody, pathParam, queryOf } from '../http/request';
import { json } from '../http/types';

const db = () => defaultDb();

/** A list answer in the ra-data-simple-rest form. */
const listAnswer = (resource: string, records: unknown[], start: number, total: number) =>
  json(200, records, {
    'content-range': contentRange(resource, start, records.length, total),
    'access-control-expose-headers': 'Content-Range',
  });

export const handler = routedHandler({
  'GET /api/payments': async (event, caller) => {
    const params = parseListParams(queryOf(event), feePaymentResource);
    const page = await listPayments(db(), params, caller);

    return listAnswer('payments', page.records, page.start, page.total);
  },
  'GET /api/payments/daily': async (event, caller) => {
    const query = queryOf(event);
    rejectUnknownFields(query, ['from', 'to', 'unitId']);
    const totals = await dailyTotals(
      db(),
      { from: query.from, to: query.to, unitId: query.unitId || undefined },
      caller,
    );

    return listAnswer('payments-daily', totals, 0, totals.length);
  },
  'GET /api/payments/{id}': async (event, caller) =>
    json(200, await getPayment(db(), pathParam(event, 'id'), caller)),
  'POST /api/payments/cash': async (event, caller) => {
    const recorded = await recordCash(db(), jsonBody(event), new Date().toISOString(), caller);

    return json(201, recorded);
  },
  'POST /api/payments/bank-statement': async (event, caller) => {
    const body = asObject(jsonBody(event));
    rejectUnknownFields(body, ['accountId', 'rows', 'dryRun']);
    const statement = await importBankStatement(
      db(),
      { accountId: body.accountId as string, rows: body.rows, dryRun: body.dryRun as boolean },
      new Date().toISOString(),
      caller,
    );
    logger.info('bank statement import', { dryRun: statement.dryRun, ...statement.counts });

    return json(statement.dryRun ? 200 : 201, statement);
  },
  'POST /api/payments/{id}/resolve': async (event, caller) => {
    const input = parseResolveInput(asObject(jsonBody(event)));
    const payment = await resolvePayment(
      db(),
      pathParam(event, 'id'),
      input,
      new Date().toISOString(),
      caller,
    );

    return json(200, payment);
  },
});
