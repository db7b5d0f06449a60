import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { queryAll } from '../db/items';
import { NotFoundError, ValidationError } from '../errors';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { pageInMemory } from '../list/memory';
import { ictMonth } from '../time/ict';
import { isUnder } from '../units/fields';
import { type AuditEvent, auditTreePk } from './events';

const AUDIT_FILTERS = ['resource', 'recordId', 'userId', 'action', 'month', 'id'];

const visible = (principal: Principal, event: AuditEvent) =>
  isUnder(event.unitPath, principal.scopePath);

const strip = (item: Record<string, unknown>): AuditEvent => {
  const { pk, sk, treePk, treeSk, ...event } = item;

  return event as unknown as AuditEvent;
};

/**
 * The trail of one record (`resource` + `recordId`: one key), or of a calendar month in Vietnam
 * time (one key, the current month by default), narrowed to what the caller's area covers.
 */
export const listAuditEvents = async (
  db: Db,
  principal: Principal,
  params: ListParams,
): Promise<Page<AuditEvent>> => {
  const { filter } = params;
  checkFilterKeys(filter, AUDIT_FILTERS);
  const resource = filterValues(filter.resource, 'resource')?.[0];
  const recordId = filterValues(filter.recordId, 'recordId')?.[0];
  const month = filterValues(filter.month, 'month')?.[0] ?? ictMonth(new Date());
  if (!/^\d{4}-\d{2}$/.test(month)) {
    throw new ValidationError('Tháng phải có dạng YYYY-MM', { month: 'Không hợp lệ' });
  }

  const items =
    resource && recordId
      ? await queryAll(db, {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `AUDIT#${resource}#${recordId}` },
        })
      : await queryAll(db, {
          IndexName: 'byTree',
          KeyConditionExpression: 'treePk = :pk',
          ExpressionAttributeValues: { ':pk': auditTreePk(month) },
        });

  const ids = filterValues(filter.id, 'id');
  const users = filterValues(filter.userId, 'userId');
  const actions = filterValues(filter.action, 'action');
  const events = items
    .map(strip)
    .filter(
      (event) =>
        visible(principal, event) &&
        (!ids || ids.includes(event.id)) &&
        (!resource || event.resource === resource) &&
        (!recordId || event.recordId === recordId) &&
        (!users || users.includes(event.userId)) &&
        (!actions || actions.includes(event.action)),
    );

  return pageInMemory(
    events as unknown as Array<Record<string, unknown>>,
    params,
  ) as unknown as Page<AuditEvent>;
};

export const getAuditEvent = async (db: Db, principal: Principal, id: string) => {
  const month = /^\d{4}-\d{2}(?=\.)/.exec(id)?.[0];
  if (!month) throw new NotFoundError('Không tìm thấy sự kiện', 'audit.not_found');
  const page = await listAuditEvents(db, principal, {
    sort: { field: 'at', order: 'DESC' },
    range: { start: 0, end: 0 },
    filter: { id, month },
  });
  if (!page.records[0]) throw new NotFoundError('Không tìm thấy sự kiện', 'audit.not_found');

  return page.records[0];
};
