import { accountInputSchema, ACCOUNT_INPUT_FIELDS, ACCOUNT_SERVER_OWNED } from '../../shared/accounts/schema';
import { accountResource } from '../../shared/accounts/resource';
import {
  createAccount,
  deleteAccount,
  getAccount,
  listAccounts,
  updateAccount,
} from '../../shared/accounts/store';
import { defaultDb } from '../../shared/db/client';
import { ValidationError, NotFoundError } from '../../shared/errors';
import { SERVER_OWNED } from '../../shared/households/fields';
import { importCounts, importHouseholds, MAX_IMPORT_ROWS } from '../../shared/households/import';
import { listHouseholds } from '../../shared/households/list';
import { householdResource } from '../../shared/households/resource';
import { householdInputSchema, HOUSEHOLD_INPUT_FIELDS } from '../../shared/households/schema';
import { registerStats } from '../../shared/households/stats';
import {
  createHousehold,
  deleteHousehold,
  getHousehold,
  householdNotFound,
  updateHousehold,
} from '../../shared/households/store';
import { logger } from '../../shared/logger';
import { unitResource } from '../../shared/units/resource';
import { unitInputSchema, UNIT_INPUT_FIELDS, UNIT_SERVER_OWNED } from '../../shared/units/schema';
import { createUnit, deleteUnit, getUnit, listUnits, updateUnit } from '../../shared/units/store';
import { asObject } from '../../shared/validation';
import { crudRoutes } from '../http/crud';
import { routedHandler } from '../http/handler';
import { jsonBody, queryOf } from '../http/request';
import { json } from '../http/types';

const db = () => defaultDb();

const households = crudRoutes({
  def: householdResource,
  schema: householdInputSchema,
  inputFields: HOUSEHOLD_INPUT_FIELDS,
  serverOwned: SERVER_OWNED,
  list: (params) => listHouseholds(db(), params),
  get: async (id) => (await getHousehold(db(), id)) ?? Promise.reject(householdNotFound()),
  create: (input, now) => createHousehold(db(), input, now),
  update: (id, input, version, now) => updateHousehold(db(), id, input, version, now),
  remove: (id) => deleteHousehold(db(), id),
});

const units = crudRoutes({
  def: unitResource,
  schema: unitInputSchema,
  inputFields: UNIT_INPUT_FIELDS,
  serverOwned: UNIT_SERVER_OWNED,
  list: (params) => listUnits(db(), params),
  get: (id) => getUnit(db(), id),
  create: (input, now) => createUnit(db(), input, now),
  update: (id, input, version, now) => updateUnit(db(), id, input, version, now),
  remove: (id) => deleteUnit(db(), id),
});

const accounts = crudRoutes({
  def: accountResource,
  schema: accountInputSchema,
  inputFields: ACCOUNT_INPUT_FIELDS,
  serverOwned: ACCOUNT_SERVER_OWNED,
  list: (params) => listAccounts(db(), params),
  get: (id) => getAccount(db(), id),
  create: (input, now) => createAccount(db(), input, now),
  update: (id, input, version, now) => updateAccount(db(), id, input, version, now),
  remove: (id) => deleteAccount(db(), id),
});

export const handler = routedHandler({
  ...households,
  ...units,
  ...accounts,
  'POST /api/households/import': async (event) => {
    const body = asObject(jsonBody(event));
    const { rows, unitId, dryRun } = body;
    const unknown = Object.keys(body).filter((key) => !['rows', 'unitId', 'dryRun'].includes(key));
    if (unknown.length > 0) {
      throw new ValidationError(`Trường không được phép: ${unknown.join(', ')}`);
    }
    if (!Array.isArray(rows) || rows.length === 0) {
      throw new ValidationError('Cần danh sách dòng (rows) để nhập', { rows: 'Trống' }, 'import.no_rows');
    }
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new ValidationError(`Mỗi lần gửi tối đa ${MAX_IMPORT_ROWS} dòng`, { rows: 'Quá nhiều dòng' }, 'import.too_many_rows');
    }
    if (unitId !== undefined && typeof unitId !== 'string') {
      throw new ValidationError('unitId phải là chuỗi', { unitId: 'Không hợp lệ' });
    }
    const results = await importHouseholds(
      db(),
      { rows, unitId: unitId || undefined, dryRun: dryRun === true },
      new Date().toISOString(),
    );
    const counts = importCounts(results);
    logger.info('household import batch', { rows: rows.length, dryRun: dryRun === true, ...counts });

    return json(200, { results, counts });
  },
  'GET /api/stats/register': async (event) => {
    const parentId = queryOf(event).parentId || undefined;
    const stats = await registerStats(db(), parentId);
    if (!stats) throw new NotFoundError('Không tìm thấy đơn vị hành chính', 'unit.not_found');

    return json(200, stats);
  },
});
