import { randomBytes } from 'node:crypto';
import { deleteAudited, putAudited } from '../audit/write';
import { type Principal, scopeOf } from '../auth/principal';
import { PLATFORM_ROLES } from '../auth/roles';
import { isUnder } from '../units/fields';
import type { Db } from '../db/client';
import { batchGet, getItem, queryAll } from '../db/items';
import { keys, stripInternal, TREE_ACCOUNTS } from '../db/keys';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { checkFilterKeys, filterValues, type ListParams, type Page } from '../list/params';
import { pageInMemory } from '../list/memory';
import { matchesQuery, searchText } from '../text/fold';
import { getStoredUnit, staleVersion } from '../units/store';
import type { Account, AccountInput } from './fields';
import { historyAfter, historyOf } from './status-history';

const toItem = (account: Account) => ({
  ...keys.account(account.id),
  ...account,
  treePk: TREE_ACCOUNTS,
  treeSk: `${account.unitPath}#${account.id}`,
});

const accountNotFound = () => new NotFoundError('Không tìm thấy tài khoản', 'account.not_found');

/**
 * Accounts are seats, not areas: the operator and finance see all of them; anyone else sees
 * their own account and the collectors working in their area (so a household's collector can
 * be shown and chosen).
 */
export const accountVisible = (account: Account, caller?: Principal): boolean =>
  !caller ||
  PLATFORM_ROLES.includes(caller.role) ||
  account.id === caller.accountId ||
  (account.kind === 'collector' &&
    (isUnder(caller.scopePath, account.unitPath) || isUnder(account.unitPath, caller.scopePath)));

export const getAccount = async (db: Db, id: string, caller?: Principal): Promise<Account> => {
  const item = await getItem(db, keys.account(id));
  if (!item) throw accountNotFound();
  const account = stripInternal<Account>(item);
  if (!accountVisible(account, caller)) throw accountNotFound();

  return account;
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

export const listAccounts = async (
  db: Db,
  params: ListParams,
  caller?: Principal,
): Promise<Page<Account>> => {
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
      accountVisible(account, caller) &&
      (!kinds || kinds.includes(account.kind)) &&
      (!statuses || statuses.includes(account.status)) &&
      (!unitIds || unitIds.includes(String(account.unitId))) &&
      (!query ||
        matchesQuery(searchText([account.name, account.contactName, account.email]), query)),
  );

  return pageInMemory(
    matching as unknown as Array<Record<string, unknown>>,
    params,
  ) as unknown as Page<Account>;
};

const areaPath = async (db: Db, input: AccountInput, caller?: Principal): Promise<string> => {
  if (input.kind === 'operator') {
    if (input.unitId) {
      throw new ValidationError('Tài khoản vận hành bao trùm toàn hệ thống, không gắn địa bàn', {
        unitId: 'Để trống cho tài khoản vận hành',
      });
    }

    return '/';
  }
  const unit = input.unitId ? await getStoredUnit(db, input.unitId) : undefined;
  if (!unit || !isUnder(unit.unitPath, scopeOf(caller)))
    throw new ValidationError('Địa bàn không tồn tại', { unitId: 'Không tồn tại' });

  return unit.unitPath;
};

/** The audit trail records the status change itself; the history it extends is derived. */
const audited = (account?: Account): Omit<Account, 'statusHistory'> | undefined => {
  if (!account) return undefined;
  const { statusHistory: _history, ...rest } = account;

  return rest;
};

const write = (db: Db, account: Account, caller: Principal | undefined, before?: Account) =>
  putAudited(
    db,
    {
      resource: 'accounts',
      item: toItem(account),
      recordId: account.id,
      unitPath: account.unitPath,
      before,
      shown: { before: audited(before), after: audited(account) as object },
      exists: () => new ConflictError('Tài khoản đã tồn tại', 'account.exists'),
      stale: staleVersion,
    },
    caller,
  );

export const createAccount = async (
  db: Db,
  input: AccountInput,
  now: string,
  id = `acc-${randomBytes(5).toString('hex')}`,
  caller?: Principal,
): Promise<Account> => {
  const account: Account = {
    id,
    ...input,
    unitPath: await areaPath(db, input, caller),
    createdAt: now,
    updatedAt: now,
    version: 1,
    statusHistory: historyOf({ status: input.status, createdAt: now }),
  };
  await write(db, account, caller);

  return account;
};

export const updateAccount = async (
  db: Db,
  id: string,
  input: AccountInput,
  version: number,
  now: string,
  caller?: Principal,
): Promise<Account> => {
  const current = await getAccount(db, id, caller);
  if (current.version !== version) throw staleVersion();
  const account: Account = {
    ...current,
    ...input,
    unitPath: await areaPath(db, input, caller),
    updatedAt: now,
    version: version + 1,
    statusHistory: historyAfter(current, input.status, now),
  };
  await write(db, account, caller, current);

  return account;
};

export const deleteAccount = async (db: Db, id: string, caller?: Principal): Promise<Account> => {
  const account = await getAccount(db, id, caller);
  // An account that has been in use carries history (households it collects for, later its
  // invoices); it is closed, not deleted. Deleting is for seats entered by mistake.
  if (account.activatedOn) {
    throw new ConflictError(
      'Tài khoản đã kích hoạt không xóa được; hãy chuyển trạng thái sang "Đã đóng"',
      'account.in_use',
    );
  }
  await deleteAudited(
    db,
    {
      resource: 'accounts',
      key: keys.account(id),
      record: account,
      shown: audited(account),
      stale: staleVersion,
    },
    caller,
  );

  return account;
};
