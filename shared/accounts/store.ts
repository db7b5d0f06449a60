import { randomBytes } from 'node:crypto';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, stripInternal, TREE_ACCOUNTS } from '../db/keys';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { pageInMemory } from '../list/memory';
import { matchesQuery, searchText } from '../text/fold';
import { getStoredUnit, staleVersion } from '../units/store';
import type { Account, AccountInput } from './fields';

const toItem = (account: Account) => ({
  ...keys.account(account.id),
  ...account,
  treePk: TREE_ACCOUNTS,
  treeSk: `${account.unitPath}#${account.id}`,
});

const accountNotFound = () => new NotFoundError('Không tìm thấy tài khoản', 'account.not_found');

export const getAccount = async (db: Db, id: string): Promise<Account> => {
  const item = await getItem(db, keys.account(id));
  if (!item) throw accountNotFound();

  return stripInternal<Account>(item);
};

/** Accounts whose area lies under `path`: one key-range query of the tree index. */
export const accountsUnder = async (db: Db, path: string): Promise<Account[]> => {
  const items = await queryAll(db, {
    IndexName: 'byTree',
    KeyConditionExpression: 'treePk = :pk AND begins_with(treeSk, :path)',
    ExpressionAttributeValues: { ':pk': TREE_ACCOUNTS, ':path': path },
  });

  return items.map((item) => stripInternal<Account>(item));
};

const ACCOUNT_FILTERS = ['q', 'id', 'kind', 'status', 'unitId'];

export const listAccounts = async (db: Db, params: ListParams): Promise<Page<Account>> => {
  const { filter } = params;
  checkFilterKeys(filter, ACCOUNT_FILTERS);

  const ids = filterValues(filter.id, 'id');
  const candidates = ids
    ? (await batchGet(db, ids.map(keys.account))).map((item) => stripInternal<Account>(item))
    : await accountsUnder(db, '/');
  const kinds = filterValues(filter.kind, 'kind');
  const statuses = filterValues(filter.status, 'status');
  const unitIds = filterValues(filter.unitId, 'unitId');
  const query = typeof filter.q === 'string' ? filter.q : '';
  const matching = candidates.filter(
    (account) =>
      (!kinds || kinds.includes(account.kind)) &&
      (!statuses || statuses.includes(account.status)) &&
      (!unitIds || unitIds.includes(String(account.unitId))) &&
      (!query || matchesQuery(searchText([account.name, account.contactName, account.email]), query)),
  );

  return pageInMemory(matching as unknown as Array<Record<string, unknown>>, params) as unknown as Page<Account>;
};

const areaPath = async (db: Db, input: AccountInput): Promise<string> => {
  if (input.kind === 'operator') {
    if (input.unitId) {
      throw new ValidationError('Tài khoản vận hành bao trùm toàn hệ thống, không gắn địa bàn', {
        unitId: 'Để trống cho tài khoản vận hành',
      });
    }

    return '/';
  }
  const unit = input.unitId ? await getStoredUnit(db, input.unitId) : undefined;
  if (!unit) throw new ValidationError('Địa bàn không tồn tại', { unitId: 'Không tồn tại' });

  return unit.unitPath;
};

const put = async (db: Db, account: Account, expectedVersion?: number): Promise<void> => {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: toItem(account),
        ConditionExpression: expectedVersion ? 'version = :version' : 'attribute_not_exists(pk)',
        ExpressionAttributeValues: expectedVersion ? { ':version': expectedVersion } : undefined,
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') {
      throw expectedVersion ? staleVersion() : new ValidationError('Tài khoản đã tồn tại');
    }
    throw error;
  }
};

export const createAccount = async (
  db: Db,
  input: AccountInput,
  now: string,
  id = `acc-${randomBytes(5).toString('hex')}`,
): Promise<Account> => {
  const account: Account = {
    id,
    ...input,
    unitPath: await areaPath(db, input),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await put(db, account);

  return account;
};

export const updateAccount = async (
  db: Db,
  id: string,
  input: AccountInput,
  version: number,
  now: string,
): Promise<Account> => {
  const current = await getAccount(db, id);
  if (current.version !== version) throw staleVersion();
  const account: Account = {
    ...current,
    ...input,
    unitPath: await areaPath(db, input),
    updatedAt: now,
    version: version + 1,
  };
  await put(db, account, version);

  return account;
};

export const deleteAccount = async (db: Db, id: string): Promise<Account> => {
  const account = await getAccount(db, id);
  // An account that has been in use carries history (households it collects for, later its
  // invoices); it is closed, not deleted. Deleting is for seats entered by mistake.
  if (account.activatedOn) {
    throw new ConflictError(
      'Tài khoản đã kích hoạt không xóa được; hãy chuyển trạng thái sang "Đã đóng"',
      'account.in_use',
    );
  }
  await db.doc.send(
    new DeleteCommand({
      TableName: db.tableName,
      Key: keys.account(id),
      ConditionExpression: 'version = :version',
      ExpressionAttributeValues: { ':version': account.version },
    }),
  );

  return account;
};
