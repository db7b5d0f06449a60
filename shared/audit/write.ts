import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { type TransactItem, TransactionCancelled, transactWrite } from '../db/transact';
import { type AuditAction, auditPut, SYSTEM_ACTOR } from './events';

/** The write's own condition failed (an existing record, a stale version). */
export class ConditionFailed extends Error {
  constructor() {
    super('condition failed');
    this.name = 'ConditionFailed';
  }
}

export interface AuditedChange {
  resource: string;
  recordId: string;
  action: AuditAction;
  unitPath: string;
  before?: object;
  after?: object;
}

/** Writes one record and its audit event in one transaction. */
export const writeAudited = async (
  db: Db,
  item: TransactItem,
  change: AuditedChange,
  caller?: Principal,
): Promise<void> => {
  try {
    await transactWrite(db, [item, auditPut(db.tableName, caller ?? SYSTEM_ACTOR, change)]);
  } catch (error) {
    if (error instanceof TransactionCancelled && error.reasons[0] === 'ConditionalCheckFailed') {
      throw new ConditionFailed();
    }
    throw error;
  }
};

export interface AuditedPut {
  resource: string;
  /** The stored item, keys included. */
  item: Record<string, unknown>;
  recordId: string;
  unitPath: string;
  /** The stored record this one replaces (its version must still be current); none on create. */
  before?: { version: number };
  /** What the trail shows of each side, when it is not the records themselves. */
  shown?: { before?: object; after: object };
  /** The errors to answer with: the record already exists; the replaced one has moved on. */
  exists: () => Error;
  stale: () => Error;
}

/**
 * Creates a record that must not exist yet, or replaces one whose stored version is still
 * `before.version`, together with its audit event, in one transaction.
 */
export const putAudited = async (db: Db, put: AuditedPut, caller?: Principal): Promise<void> => {
  const { before } = put;
  try {
    await writeAudited(
      db,
      {
        Put: {
          TableName: db.tableName,
          Item: put.item,
          ConditionExpression: before ? 'version = :version' : 'attribute_not_exists(pk)',
          ExpressionAttributeValues: before ? { ':version': before.version } : undefined,
        },
      },
      {
        resource: put.resource,
        recordId: put.recordId,
        action: before ? 'update' : 'create',
        unitPath: put.unitPath,
        before: put.shown ? put.shown.before : before,
        after: put.shown ? put.shown.after : put.item,
      },
      caller,
    );
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    throw before ? put.stale() : put.exists();
  }
};

export interface AuditedDelete {
  resource: string;
  key: { pk: string; sk: string };
  /** The stored record; it is deleted only while its version is still this one. */
  record: { id: string; unitPath: string; version: number };
  /** What the trail shows of the deleted record, when it is not the record itself. */
  shown?: object;
  stale: () => Error;
}

/** Deletes a record whose stored version has not moved on, with its audit event, in one transaction. */
export const deleteAudited = async (db: Db, del: AuditedDelete, caller?: Principal) => {
  try {
    await writeAudited(
      db,
      {
        Delete: {
          TableName: db.tableName,
          Key: del.key,
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': del.record.version },
        },
      },
      {
        resource: del.resource,
        recordId: del.record.id,
        action: 'delete',
        unitPath: del.record.unitPath,
        before: del.shown ?? del.record,
      },
      caller,
    );
  } catch (error) {
    if (error instanceof ConditionFailed) throw del.stale();
    throw error;
  }
};
