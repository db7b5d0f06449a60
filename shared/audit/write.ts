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
