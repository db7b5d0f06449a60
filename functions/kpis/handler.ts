import { defaultDb } from '../../shared/db/client';
import { emissionFactorsResource } from '../../shared/emissions/resource';
import { EMISSION_SERVER_OWNED } from '../../shared/emissions/fields';
import { EMISSION_INPUT_FIELDS, emissionFactorsInputSchema } from '../../shared/emissions/schema';
import {
  createEmissionFactors,
  deleteEmissionFactors,
  getEmissionFactors,
  listEmissionFactors,
  updateEmissionFactors,
} from '../../shared/emissions/store';
import { ValidationError } from '../../shared/errors';
import { kpiReport } from '../../shared/kpi/report';
import { annualReview, applyAnnualReview } from '../../shared/kpi/review';
import { TARGET_SERVER_OWNED } from '../../shared/targets/fields';
import { targetResource } from '../../shared/targets/resource';
import { TARGET_INPUT_FIELDS, targetInputSchema } from '../../shared/targets/schema';
import {
  createTarget,
  deleteTarget,
  getTarget,
  listTargets,
  updateTarget,
} from '../../shared/targets/store';
import { asObject, rejectUnknownFields } from '../../shared/validation';
import { crudRoutes } from '../http/crud';
import { routedHandler } from '../http/handler';
import { jsonBody, queryOf } from '../http/request';
import { json } from '../http/types';

const db = () => defaultDb();

/** Open figures may be a few minutes old; caches (CloudFront, the IOC's) keep them 5 minutes. */
const PUBLIC_CACHE = 'public, max-age=300';

const targets = crudRoutes({
  def: targetResource,
  schema: targetInputSchema,
  inputFields: TARGET_INPUT_FIELDS,
  serverOwned: TARGET_SERVER_OWNED,
  list: (params, caller) => listTargets(db(), params, caller),
  get: (id, caller) => getTarget(db(), id, caller),
  create: (input, now, caller) => createTarget(db(), input, now, caller),
  update: (id, input, version, now, caller) => updateTarget(db(), id, input, version, now, caller),
  remove: (id, caller) => deleteTarget(db(), id, caller),
});

const emissionFactors = crudRoutes({
  def: emissionFactorsResource,
  schema: emissionFactorsInputSchema,
  inputFields: EMISSION_INPUT_FIELDS,
  serverOwned: EMISSION_SERVER_OWNED,
  list: (params, caller) => listEmissionFactors(db(), params, caller),
  get: (id, caller) => getEmissionFactors(db(), id, caller),
  create: (input, now, caller) => createEmissionFactors(db(), input, now, caller),
  update: (id, input, version, now, caller) =>
    updateEmissionFactors(db(), id, input, version, now, caller),
  remove: (id, caller) => deleteEmissionFactors(db(), id, caller),
});

const yearOf = (value: unknown): number => {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2020 || year > 2100) {
    throw new ValidationError(
      'Năm phải là số từ 2020 đến 2100',
      { year: 'Không hợp lệ' },
      'kpi.bad_year',
    );
  }

  return year;
};

const unitIdOf = (value: unknown): string | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new ValidationError('unitId phải là chuỗi', { unitId: 'Không hợp lệ' });
  }

  return value;
};

export const handler = routedHandler(
  {
    ...targets,
    ...emissionFactors,
    'GET /api/kpis': async (event, caller) => {
      const { unitId, month } = queryOf(event);

      return json(200, await kpiReport(db(), { unitId, month }, caller));
    },
    'GET /api/kpis/review': async (event, caller) => {
      const query = queryOf(event);

      return json(200, await annualReview(db(), query.unitId, yearOf(query.year), caller));
    },
    'POST /api/kpis/review': async (event, caller) => {
      const body = asObject(jsonBody(event));
      rejectUnknownFields(body, ['unitId', 'year']);
      const unitId = unitIdOf(body.unitId);
      if (!unitId) {
        throw new ValidationError('Cần đơn vị (unitId)', { unitId: 'Cần chọn đơn vị' });
      }
      const result = await applyAnnualReview(
        db(),
        unitId,
        yearOf(body.year),
        new Date().toISOString(),
        caller,
      );

      return json(result.created ? 201 : 200, result);
    },
  },
  {
    'GET /api/public/stats': async (event) => {
      const { unitId, month } = queryOf(event);
      if (!unitId) {
        throw new ValidationError('Cần mã đơn vị (unitId)', { unitId: 'Cần nhập' }, 'kpi.no_unit');
      }
      // As the platform: any unit, aggregates only.
      const report = await kpiReport(db(), { unitId, month });

      return json(200, report, { 'cache-control': PUBLIC_CACHE });
    },
  },
);
