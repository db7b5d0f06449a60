import {
  ACCOUNT_INPUT_FIELDS,
  ACCOUNT_SERVER_OWNED,
  accountInputSchema,
} from '../../shared/accounts/schema';
import { accountResource } from '../../shared/accounts/resource';
import {
  createAccount,
  deleteAccount,
  getAccount,
  listAccounts,
  updateAccount,
} from '../../shared/accounts/store';
import { can } from '../../shared/auth/roles';
import { defaultDb } from '../../shared/db/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors';
import { SERVER_OWNED } from '../../shared/households/fields';
import { importCounts, importHouseholds, MAX_IMPORT_ROWS } from '../../shared/households/import';
import { listHouseholds } from '../../shared/households/list';
import { householdResource } from '../../shared/households/resource';
import { HOUSEHOLD_INPUT_FIELDS, householdInputSchema } from '../../shared/households/schema';
import { registerStats } from '../../shared/households/stats';
import {
  createHousehold,
  deleteHousehold,
  getVisibleHousehold,
  updateHousehold,
} from '../../shared/households/store';
import { logger } from '../../shared/logger';
import { unitResource } from '../../shared/units/resource';
import { UNIT_INPUT_FIELDS, UNIT_SERVER_OWNED, unitInputSchema } from '../../shared/units/schema';
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
  list: (params, caller) => listHouseholds(db(), params, caller),
  get: (id, caller) => getVisibleHousehold(db(), id, caller),
  create: (input, now, caller) => createHousehold(db(), input, now, caller),
  update: (id, input, version, now, caller) =>
    updateHousehold(db(), id, input, version, now, caller),
  remove: (id, caller) => deleteHousehold(db(), id, caller),
});

const units = crudRoutes({
  def: unitResource,
  schema: unitInputSchema,
  inputFields: UNIT_INPUT_FIELDS,
  serverOwned: UNIT_SERVER_OWNED,
  list: (params, caller) => listUnits(db(), params, caller),
  get: (id, caller) => getUnit(db(), id, caller),
  create: (input, now, caller) => createUnit(db(), input, now, undefined, caller),
  update: (id, input, version, now, caller) => updateUnit(db(), id, input, version, now, caller),
  remove: (id, caller) => deleteUnit(db(), id, caller),
});

const accounts = crudRoutes({
  def: accountResource,
  schema: accountInputSchema,
  inputFields: ACCOUNT_INPUT_FIELDS,
  serverOwned: ACCOUNT_SERVER_OWNED,
  list: (params, caller) => listAccounts(db(), params, caller),
  get: (id, caller) => getAccount(db(), id, caller),
  create: (input, now, caller) => createAccount(db(), input, now, undefined, caller),
  update: (id, input, version, now, caller) => updateAccount(db(), id, input, version, now, caller),
  remove: (id, caller) => deleteAccount(db(), id, caller),
});

export const handler = routedHandler({
  ...households,
  ...units,
  ...accounts,
  'POST /api/households/import': async (event, caller) => {
    // An import both creates and updates; the route's rule checked the first.
    if (!can(caller.role, 'households', 'update')) throw new ForbiddenError();
    const body = asObject(jsonBody(event));
    const { rows, unitId, dryRun } = body;
    const unknown = Object.keys(body).filter((key) => !['rows', 'unitId', 'dryRun'].includes(key));
    if (unknown.length > 0) {
      throw new ValidationError(`Trường không được phép: ${unknown.join(', ')}`);
    }
    if (!Array.isArray(rows) || rows.length === 0) {
      throw new ValidationError(
        'Cần danh sách dòng (rows) để nhập',
        { rows: 'Trống' },
        'import.no_rows',
      );
    }
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new ValidationError(
        `Mỗi lần gửi tối đa ${MAX_IMPORT_ROWS} dòng`,
        { rows: 'Quá nhiều dòng' },
        'import.too_many_rows',
      );
    }
    if (unitId !== undefined && typeof unitId !== 'string') {
      throw new ValidationError('unitId phải là chuỗi', { unitId: 'Không hợp lệ' });
    }
    const results = await importHouseholds(
      db(),
      { rows, unitId: unitId || undefined, dryRun: dryRun === true },
      new Date().toISOString(),
      caller,
    );
    const counts = importCounts(results);
    logger.info('household import batch', {
      rows: rows.length,
      dryRun: dryRun === true,
      ...counts,
    });

    return json(200, { results, counts });
  },
  'GET /api/stats/register': async (event, caller) => {
    const parentId = queryOf(event).parentId || undefined;
    const stats = await registerStats(db(), parentId, caller);
    if (!stats) throw new NotFoundError('Không tìm thấy đơn vị hành chính', 'unit.not_found');

    return json(200, stats);
  },
});
