import type { z } from 'zod';
import { ValidationError } from '../../shared/errors';
import { type ListParams, type Page, parseListParams } from '../../shared/list/params';
import type { Principal } from '../../shared/auth/principal';
import type { ResourceDef } from '../../shared/resources/types';
import { asObject, parseOrThrow, rejectUnknownFields } from '../../shared/validation';
import type { RouteHandler } from './handler';
import { jsonBody, pathParam, queryOf } from './request';
import { json } from './types';

/** What a resource's store provides; the routes around it are the same for every resource. */
export interface ResourceStore<Input, Output> {
  def: ResourceDef;
  schema: z.ZodType<Input>;
  inputFields: readonly string[];
  /** Fields the server keeps; a client may echo them back, they are ignored. */
  serverOwned: readonly string[];
  list(params: ListParams, caller: Principal): Promise<Page<Output>>;
  get(id: string, caller: Principal): Promise<Output>;
  create(
    input: Input,
    now: string,
    caller: Principal,
    body: Record<string, unknown>,
  ): Promise<Output>;
  update(
    id: string,
    input: Input,
    version: number,
    now: string,
    caller: Principal,
  ): Promise<Output>;
  remove(id: string, caller: Principal): Promise<Output>;
  /** Fields a client sends on create only and that are not stored as given (a password). */
  createOnlyFields?: readonly string[];
}

// `households 0-24/5012`; an empty page is `households */0` (nothing to range over).
export const contentRange = (resource: string, start: number, count: number, total: number) =>
  count === 0 ? `${resource} */${total}` : `${resource} ${start}-${start + count - 1}/${total}`;

const parseInput = <Input>(
  store: ResourceStore<Input, unknown>,
  body: Record<string, unknown>,
  creating: boolean,
): Input => {
  const extra = creating ? (store.createOnlyFields ?? []) : [];
  rejectUnknownFields(body, [...store.inputFields, ...store.serverOwned, ...extra, 'version']);
  const input = Object.fromEntries(
    Object.entries(body).filter(([key]) => store.inputFields.includes(key)),
  );

  return parseOrThrow(store.schema, input);
};

const versionOf = (body: Record<string, unknown>): number => {
  const { version } = body;
  if (!Number.isInteger(version) || (version as number) < 1) {
    throw new ValidationError(
      'Thiếu phiên bản (version) của bản ghi đang sửa; hãy tải lại bản ghi rồi sửa',
      { version: 'Thiếu hoặc không hợp lệ' },
      'record.version_missing',
    );
  }

  return version as number;
};

export const crudRoutes = <Input, Output>(
  store: ResourceStore<Input, Output>,
): Record<string, RouteHandler> => {
  const name = store.def.name;

  return {
    [`GET /api/${name}`]: async (event, caller) => {
      const params = parseListParams(queryOf(event), store.def);
      const page = await store.list(params, caller);

      return json(200, page.records, {
        'content-range': contentRange(name, page.start, page.records.length, page.total),
        'access-control-expose-headers': 'Content-Range',
      });
    },
    [`GET /api/${name}/{id}`]: async (event, caller) =>
      json(200, await store.get(pathParam(event, 'id'), caller)),
    [`POST /api/${name}`]: async (event, caller) => {
      const body = asObject(jsonBody(event));
      if ('id' in body && body.id !== undefined && body.id !== null) {
        throw new ValidationError(
          'Mã bản ghi (id) do hệ thống cấp, không gửi khi tạo mới',
          { id: 'Không được gửi' },
          'record.id_not_allowed',
        );
      }

      const input = parseInput(store, body, true);

      return json(201, await store.create(input, new Date().toISOString(), caller, body));
    },
    [`PUT /api/${name}/{id}`]: async (event, caller) => {
      const id = pathParam(event, 'id');
      const body = asObject(jsonBody(event));
      if ('id' in body && body.id !== id) {
        throw new ValidationError(
          'Mã bản ghi (id) trong nội dung khác với đường dẫn',
          { id: 'Không khớp đường dẫn' },
          'record.id_mismatch',
        );
      }
      const version = versionOf(body);
      const input = parseInput(store, body, false);

      return json(200, await store.update(id, input, version, new Date().toISOString(), caller));
    },
    [`DELETE /api/${name}/{id}`]: async (event, caller) =>
      json(200, await store.remove(pathParam(event, 'id'), caller)),
  };
};
