import { can } from '../../shared/auth/roles';
import { SERVER_OWNED } from '../../shared/collections/fields';
import {
  collectionImportCounts,
  importCollections,
  MAX_COLLECTION_IMPORT_ROWS,
} from '../../shared/collections/import';
import { listCollections } from '../../shared/collections/list';
import { collectionResource } from '../../shared/collections/resource';
import { COLLECTION_INPUT_FIELDS, collectionInputSchema } from '../../shared/collections/schema';
import { sortingRecord } from '../../shared/collections/sorting-record';
import {
  createCollection,
  deleteCollection,
  getCollection,
  updateCollection,
} from '../../shared/collections/store';
import { defaultDb } from '../../shared/db/client';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import { asObject } from '../../shared/validation';
import { crudRoutes } from '../http/crud';
import { routedHandler } from '../http/handler';
import { jsonBody, pathParam } from '../http/request';
import { json } from '../http/types';

const db = () => defaultDb();

const collections = crudRoutes({
  def: collectionResource,
  schema: collectionInputSchema,
  inputFields: COLLECTION_INPUT_FIELDS,
  serverOwned: SERVER_OWNED,
  list: (params, caller) => listCollections(db(), params, caller),
  get: (id, caller) => getCollection(db(), id, caller),
  create: (input, now, caller) => createCollection(db(), input, now, caller),
  update: (id, input, version, now, caller) =>
    updateCollection(db(), id, input, version, now, caller),
  remove: (id, caller) => deleteCollection(db(), id, caller),
});

export const handler = routedHandler({
  ...collections,
  'POST /api/collections/import': async (event, caller) => {
    // A corrected row updates the pickup it corrects; the route's rule checked creating.
    if (!can(caller.role, 'collections', 'update')) throw new ForbiddenError();
    const body = asObject(jsonBody(event));
    const unknown = Object.keys(body).filter((key) => !['rows', 'unitId', 'dryRun'].includes(key));
    if (unknown.length > 0) {
      throw new ValidationError(
        `Trường không được phép: ${unknown.join(', ')}`,
        Object.fromEntries(unknown.map((key) => [key, 'Trường không được phép'])),
        'validation.unknown_fields',
      );
    }
    const { rows, unitId, dryRun } = body;
    if (!Array.isArray(rows) || rows.length === 0) {
      throw new ValidationError(
        'Cần danh sách dòng (rows) để nhập',
        { rows: 'Trống' },
        'import.no_rows',
      );
    }
    if (rows.length > MAX_COLLECTION_IMPORT_ROWS) {
      throw new ValidationError(
        `Mỗi lần gửi tối đa ${MAX_COLLECTION_IMPORT_ROWS} dòng`,
        { rows: 'Quá nhiều dòng' },
        'import.too_many_rows',
      );
    }
    if (unitId !== undefined && unitId !== null && typeof unitId !== 'string') {
      throw new ValidationError('unitId phải là chuỗi', { unitId: 'Không hợp lệ' });
    }
    const results = await importCollections(
      db(),
      { rows, unitId: unitId || undefined, dryRun: dryRun === true },
      new Date().toISOString(),
      caller,
    );
    const counts = collectionImportCounts(results);
    logger.info('collection import batch', {
      rows: rows.length,
      dryRun: dryRun === true,
      ...counts,
    });

    return json(200, { results, counts });
  },
  'GET /api/households/{id}/sorting-record': async (event, caller) =>
    json(200, await sortingRecord(db(), pathParam(event, 'id'), caller)),
});
