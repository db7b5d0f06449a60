import { getAuditEvent, listAuditEvents } from '../../shared/audit/store';
import { assignableRoles } from '../../shared/auth/roles';
import { defaultDb } from '../../shared/db/client';
import { ForbiddenError } from '../../shared/errors';
import { parseListParams } from '../../shared/list/params';
import { auditResource } from '../../shared/audit/resource';
import { USER_SERVER_OWNED } from '../../shared/users/fields';
import { userResource } from '../../shared/users/resource';
import { USER_CREATE_ONLY, USER_INPUT_FIELDS, userInputSchema } from '../../shared/users/schema';
import {
  createUser,
  deleteUser,
  getUser,
  listUsers,
  setPassword,
  updateUser,
} from '../../shared/users/store';
import { asObject } from '../../shared/validation';
import { contentRange, crudRoutes } from '../http/crud';
import { routedHandler } from '../http/handler';
import { jsonBody, pathParam, queryOf } from '../http/request';
import { json } from '../http/types';

const db = () => defaultDb();

const users = crudRoutes({
  def: userResource,
  schema: userInputSchema,
  inputFields: USER_INPUT_FIELDS,
  serverOwned: USER_SERVER_OWNED,
  createOnlyFields: USER_CREATE_ONLY,
  list: (params, caller) => listUsers(db(), caller, params),
  get: (id, caller) => getUser(db(), caller, id),
  create: (input, now, caller, body) => createUser(db(), caller, input, body.password, now),
  update: (id, input, version, now, caller) => updateUser(db(), caller, id, input, version, now),
  remove: (id, caller) => deleteUser(db(), caller, id),
});

export const handler = routedHandler({
  ...users,
  'POST /api/users/{id}/password': async (event, caller) => {
    const user = await getUser(db(), caller, pathParam(event, 'id'));
    if (!assignableRoles[caller.role].includes(user.role)) throw new ForbiddenError();
    const body = asObject(jsonBody(event));
    await setPassword(db(), caller, user, body.password, new Date().toISOString());

    return json(200, {
      message: 'Đã đặt lại mật khẩu; mọi phiên đăng nhập của người dùng này đã kết thúc',
    });
  },
  'GET /api/audit-events': async (event, caller) => {
    const page = await listAuditEvents(
      db(),
      caller,
      parseListParams(queryOf(event), auditResource),
    );

    return json(200, page.records, {
      'content-range': contentRange('audit-events', page.start, page.records.length, page.total),
      'access-control-expose-headers': 'Content-Range',
    });
  },
  'GET /api/audit-events/{id}': async (event, caller) =>
    json(200, await getAuditEvent(db(), caller, pathParam(event, 'id'))),
});
