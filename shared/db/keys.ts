/** Key shapes of the single table. One place, so no two concepts can collide. */
export const keys = {
  unit: (id: string) => ({ pk: `UNIT#${id}`, sk: 'UNIT' }),
  account: (id: string) => ({ pk: `ACCOUNT#${id}`, sk: 'ACCOUNT' }),
  household: (id: string) => ({ pk: `HOUSEHOLD#${id}`, sk: 'HOUSEHOLD' }),
  /** Holds a household code within its ward, so a second one fails its condition. */
  householdCode: (wardId: string, codeKey: string) => ({
    pk: `HOUSEHOLD_CODE#${wardId}#${codeKey}`,
    sk: 'HOUSEHOLD_CODE',
  }),
  user: (id: string) => ({ pk: `USER#${id}`, sk: 'USER' }),
  /** Holds a username, so two users can never share one. */
  username: (username: string) => ({ pk: `USERNAME#${username}`, sk: 'USERNAME' }),
  /** A signed-in session; it lives under its user so all of them can be ended at once. */
  session: (userId: string, sessionId: string) => ({
    pk: `USER#${userId}`,
    sk: `SESSION#${sessionId}`,
  }),
  /** Failed sign-ins of one username, counted in the table so every instance sees them. */
  signInAttempts: (username: string) => ({ pk: `SIGNIN#${username}`, sk: 'ATTEMPTS' }),
  /** Register counters of one unit; `*` is the whole platform. */
  householdCounter: (unitId: string) => ({ pk: `COUNTER#${unitId}`, sk: 'HOUSEHOLD' }),
};

/** Partition values of the path-level indexes for households. */
export const householdPathKey = (unitId: string): string => `HOUSEHOLD#${unitId}`;
export const PLATFORM = '*';

export const TREE_UNITS = 'UNIT';
export const TREE_ACCOUNTS = 'ACCOUNT';
export const TREE_USERS = 'USER';

/** Attributes that exist for the table, never for the API. */
export const INTERNAL_ATTRIBUTES = [
  'pk',
  'sk',
  'p0',
  'p1',
  'p2',
  'p3',
  'p4',
  'nameKey',
  'search',
  'sortingState',
  'treePk',
  'treeSk',
  'codeKey',
  'passwordHash',
  'passwordChangedAt',
  'ttl',
];

export const stripInternal = <T>(item: object): T => {
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const attribute of INTERNAL_ATTRIBUTES) delete copy[attribute];

  return copy as T;
};
