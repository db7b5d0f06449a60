import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/principal';
import type { TransactItem } from '../db/transact';
import { ictMonth } from '../time/ict';
import { SYSTEM_USER } from './system';

export type AuditAction = 'create' | 'update' | 'delete';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface AuditEvent {
  id: string;
  at: string;
  resource: string;
  recordId: string;
  action: AuditAction;
  userId: string;
  username: string;
  accountId: string;
  /** The unit path of the record, so the trail is scoped like the record itself. */
  unitPath: string;
  changes: FieldChange[];
}

/** Who acts, as the audit trail records it; seed data and jobs act as the system. */
export type Actor = Pick<Principal, 'userId' | 'username' | 'accountId'>;
export const SYSTEM_ACTOR: Actor = {
  userId: SYSTEM_USER,
  username: SYSTEM_USER,
  accountId: 'operator',
};

/** Never recorded, even as a changed field. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'passwordChangedAt', 'token']);
/** Kept by the server; their change says nothing a reader needs. */
const NOISE_FIELDS = new Set(['updatedAt', 'createdAt', 'version', 'completeness', 'unitPath']);

export const diff = (before: object | undefined, after: object | undefined): FieldChange[] => {
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter(
    (field) => !SECRET_FIELDS.has(field) && !NOISE_FIELDS.has(field) && field !== 'id',
  );

  return fields
    .filter((field) => JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null))
    .map((field) => ({ field, from: from[field] ?? null, to: to[field] ?? null }));
};

export const auditKeys = (event: Pick<AuditEvent, 'resource' | 'recordId' | 'at' | 'id'>) => ({
  pk: `AUDIT#${event.resource}#${event.recordId}`,
  sk: `${event.at}#${event.id}`,
});

export const auditTreePk = (month: string) => `AUDIT#${month}`;

/** The audit event of one change, as an item of the transaction that makes the change. */
export const auditPut = (
  tableName: string,
  actor: Actor,
  change: {
    resource: string;
    recordId: string;
    action: AuditAction;
    unitPath: string;
    before?: object;
    after?: object;
  },
  at = new Date().toISOString(),
): TransactItem => {
  const event: AuditEvent = {
    // The month in the id lets one event be found again from its id alone.
    id: `${ictMonth(at)}.${randomBytes(6).toString('hex')}`,
    at,
    resource: change.resource,
    recordId: change.recordId,
    action: change.action,
    userId: actor.userId,
    username: actor.username,
    accountId: actor.accountId,
    unitPath: change.unitPath,
    changes: diff(change.before, change.after),
  };

  return {
    Put: {
      TableName: tableName,
      Item: {
        ...auditKeys(event),
        ...event,
        treePk: auditTreePk(ictMonth(at)),
        treeSk: `${at}#${event.id}`,
      },
    },
  };
};
