/**
 * The fees family: fee schedules (CRUD), household bills (list, read, waive, cancel), bill runs
 * and the unpaid-per-hamlet report. Thin: every rule lives in shared/fees and shared/bills.
 */
import { billResource } from '../../shared/bills/resource';
import { listBills } from '../../shared/bills/list';
import { runBills } from '../../shared/bills/run';
import { closeInputSchema, runInputSchema } from '../../shared/bills/schema';
import { closeBill, getVisibleBill } from '../../shared/bills/store';
import { unpaidByHamlet } from '../../shared/bills/unpaid';
import { defaultDb } from '../../shared/db/client';
import { feeScheduleResource } from '../../shared/fees/resource';
import {
  FEE_SCHEDULE_INPUT_FIELDS,
  FEE_SCHEDULE_SERVER_OWNED,
  feeScheduleInputSchema,
} from '../../shared/fees/schema';
import {
  createFeeSchedule,
  deleteFeeSchedule,
  getFeeSchedule,
  listFeeSchedules,
  updateFeeSchedule,
} from '../../shared/fees/store';
import { parseListParams } from '../../shared/list/params';
import { asObject, parseOrThrow } from '../../shared/validation';
import { contentRange, crudRoutes } from '../http/crud';
import { routedHandler, type RouteHandler } from '../http/handler';
import { jsonBody, pathParam, queryOf } from '../http/request';
import { json } from '../http/types';

const db = () => defaultDb();

const feeSchedules = crudRoutes({
  def: feeScheduleResource,
  schema: feeScheduleInputSchema,
  inputFields: FEE_SCHEDULE_INPUT_FIELDS,
  serverOwned: FEE_SCHEDULE_SERVER_OWNED,
  list: (params, caller) => listFeeSchedules(db(), params, caller),
  get: (id, caller) => getFeeSchedule(db(), id, caller),
  create: (input, now, caller) => createFeeSchedule(db(), input, now, caller),
  update: (id, input, version, now, caller) =>
    updateFeeSchedule(db(), id, input, version, now, caller),
  remove: (id, caller) => deleteFeeSchedule(db(), id, caller),
});

/** Waive or cancel: the reason is required; the caller is recorded. */
const closing =
  (action: 'waive' | 'cancel'): RouteHandler =>
  async (event, caller) => {
    const { reason } = parseOrThrow(closeInputSchema, asObject(jsonBody(event)));
    const id = pathParam(event, 'id');

    return json(200, await closeBill(db(), id, action, reason, new Date().toISOString(), caller));
  };

export const handler = routedHandler({
  ...feeSchedules,
  'GET /api/bills': async (event, caller) => {
    const page = await listBills(db(), parseListParams(queryOf(event), billResource), caller);

    return json(200, page.records, {
      'content-range': contentRange('bills', page.start, page.records.length, page.total),
      'access-control-expose-headers': 'Content-Range',
    });
  },
  'GET /api/bills/unpaid-by-hamlet': async (event, caller) => {
    const { unitId, month } = queryOf(event);

    return json(
      200,
      await unpaidByHamlet(db(), { unitId, month }, new Date().toISOString(), caller),
    );
  },
  'GET /api/bills/{id}': async (event, caller) =>
    json(200, await getVisibleBill(db(), pathParam(event, 'id'), caller)),
  'POST /api/bills/run': async (event, caller) => {
    const input = parseOrThrow(runInputSchema, asObject(jsonBody(event)));

    return json(201, await runBills(db(), input, new Date().toISOString(), caller));
  },
  'POST /api/bills/{id}/waive': closing('waive'),
  'POST /api/bills/{id}/cancel': closing('cancel'),
});
