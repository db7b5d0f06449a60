import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Why a transaction was cancelled, one entry per item, in item order. */
export class TransactionCancelled extends Error {
  constructor(readonly reasons: Array<string | undefined>) {
    super(`transaction cancelled: ${reasons.join(',')}`);
    this.name = 'TransactionCancelled';
  }

  /** Index of the first item whose condition failed, or -1. */
  failedCondition(): number {
    return this.reasons.indexOf('ConditionalCheckFailed');
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes items atomically. Transactions touching the same counter at the same moment are
 * cancelled with TransactionConflict; those are retried with jitter, condition failures are not.
 */
export const transactWrite = async (db: Db, items: TransactItem[], attempts = 8): Promise<void> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));

      return;
    } catch (error) {
      const err = error as { name?: string; CancellationReasons?: Array<{ Code?: string }> };
      if (err.name !== 'TransactionCanceledException') throw error;

      const reasons = (err.CancellationReasons ?? []).map((r) => r.Code);
      const conflictOnly = reasons.every((r) => !r || r === 'None' || r === 'TransactionConflict');
      if (!conflictOnly || attempt >= attempts) throw new TransactionCancelled(reasons);

      await sleep(20 * 2 ** attempt * Math.random());
    }
  }
};

export type { TransactItem };
