import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { scopeOf } from '../auth/principal';
import type { Db } from '../db/client';
import { getItem } from '../db/items';
import { keys } from '../db/keys';
import { TransactionCancelled, transactWrite } from '../db/transact';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { ictMonth } from '../time/ict';
import { isUnder } from '../units/fields';
import { staleVersion } from '../units/store';
import type { Collection, CollectionInput, StoredCollection } from './fields';
import { collectionOf, nextCollection, storedOf } from './record';
import { readForWrites, resolveCollection } from './references';
import { type CollectionChange, CollectionWrites } from './writes';

export const collectionNotFound = () =>
  new NotFoundError('Không tìm thấy lượt thu gom', 'collection.not_found');

/** Another write moved the same household-month between our read and our transaction. */
export class TallyConflict extends Error {
  constructor() {
    super('household-month tally changed concurrently');
    this.name = 'TallyConflict';
  }
}

const busy = () =>
  new ConflictError(
    'Đang có lượt thu gom khác được ghi cùng lúc cho cùng hộ hoặc địa bàn; hãy thử lại',
    'collection.busy',
  );

/** Tries a write a few times when a household's tally moved under it, then answers 409. */
const ATTEMPTS = 4;

/**
 * Writes a set of changes in one transaction. On a failed condition it throws the domain
 * error of what failed: a stale collection, a household deleted meanwhile, or a tally conflict
 * (for the caller to retry with fresh reads).
 */
export const writeCollectionSet = async (
  db: Db,
  writes: CollectionWrites,
  caller?: Principal,
): Promise<void> => {
  const tagged = writes.items(db.tableName, caller, new Date().toISOString());
  try {
    await transactWrite(
      db,
      tagged.map((entry) => entry.item),
    );
    writes.commit();
  } catch (error) {
    if (!(error instanceof TransactionCancelled)) throw error;
    const guard = tagged[error.failedCondition()]?.guard;
    if (guard?.kind === 'tally') throw new TallyConflict();
    if (guard?.kind === 'household') {
      throw new ValidationError(
        'Hộ không tồn tại',
        { householdId: 'Hộ không tồn tại' },
        'collection.invalid',
      );
    }
    if (guard?.kind === 'collection') {
      if (writes.changes[guard.change]?.before) throw staleVersion();
      throw new ConflictError('Lượt thu gom đã tồn tại', 'collection.exists');
    }
    // Still colliding with other writes of the same aggregates after every retry.
    if (error.reasons.includes('TransactionConflict')) throw busy();
    throw error;
  }
};

/** The household-months a set of changes moves: each must be read before the write. */
export const tallyKeysOf = (changes: CollectionChange[]) =>
  changes.flatMap((change) =>
    [change.before, change.after].flatMap((c) =>
      c?.householdId ? [{ householdId: c.householdId, month: c.month }] : [],
    ),
  );

/** Runs `attempt` again with fresh reads while a concurrent pickup of the same household wins. */
export const withRetry = async <T>(attempt: () => Promise<T>): Promise<T> => {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof TallyConflict)) throw error;
      if (i >= ATTEMPTS) throw busy();
    }
  }
};

export const getStoredCollection = async (
  db: Db,
  id: string,
  consistent = false,
): Promise<StoredCollection | undefined> => {
  const item = await getItem(db, keys.collection(id), consistent);

  return item ? storedOf(item) : undefined;
};

const getVisible = async (db: Db, id: string, caller?: Principal, consistent = false) => {
  const stored = await getStoredCollection(db, id, consistent);
  if (!stored || !isUnder(stored.unitPath, scopeOf(caller))) throw collectionNotFound();

  return stored;
};

export const getCollection = async (db: Db, id: string, caller?: Principal): Promise<Collection> =>
  collectionOf(await getVisible(db, id, caller));

/** A collector changes only its own company's pickups; other roles any in their area. */
const checkOwnPickup = (stored: StoredCollection, caller?: Principal): void => {
  if (caller?.role === 'collector' && stored.collectorId !== caller.accountId) {
    throw new ForbiddenError(
      'Chỉ sửa hoặc xóa được lượt thu gom của đơn vị mình',
      'collection.not_own',
    );
  }
};

export const createCollection = async (
  db: Db,
  input: CollectionInput,
  now: string,
  caller?: Principal,
  id: string = randomUUID(),
): Promise<Collection> =>
  withRetry(async () => {
    const pending = input.householdId
      ? [{ householdId: input.householdId, month: ictMonth(input.at) }]
      : [];
    const { references, book } = await readForWrites(db, [input], pending);
    const resolved = resolveCollection(input, references, now, caller);
    const after = nextCollection(input, resolved, { id, createdAt: now, version: 1 }, now);
    const writes = new CollectionWrites(book);
    writes.add({ after });
    await writeCollectionSet(db, writes, caller);

    return collectionOf(after);
  });

export const updateCollection = async (
  db: Db,
  id: string,
  input: CollectionInput,
  version: number,
  now: string,
  caller?: Principal,
): Promise<Collection> =>
  withRetry(async () => {
    const before = await getVisible(db, id, caller, true);
    if (before.version !== version) throw staleVersion();
    checkOwnPickup(before, caller);
    const pending = tallyKeysOf([{ before }]);
    if (input.householdId)
      pending.push({ householdId: input.householdId, month: ictMonth(input.at) });
    const { references, book } = await readForWrites(db, [input], pending);
    const resolved = resolveCollection(input, references, now, caller);
    const after = nextCollection(input, resolved, { ...before, version: version + 1 }, now);
    const writes = new CollectionWrites(book);
    writes.add({ before, after });
    await writeCollectionSet(db, writes, caller);

    return collectionOf(after);
  });

export const deleteCollection = async (
  db: Db,
  id: string,
  caller?: Principal,
): Promise<Collection> =>
  withRetry(async () => {
    const before = await getVisible(db, id, caller, true);
    checkOwnPickup(before, caller);
    const { book } = await readForWrites(db, [], tallyKeysOf([{ before }]));
    const writes = new CollectionWrites(book);
    writes.add({ before });
    await writeCollectionSet(db, writes, caller);

    return collectionOf(before);
  });
