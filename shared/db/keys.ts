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
  /**
   * Requests of one client (a hash of its address) in one fixed window of a named rate limit,
   * counted in the table so every Lambda instance sees the same count; removed by TTL.
   */
  rateWindow: (limit: string, client: string, windowStart: number) => ({
    pk: `RATE#${limit}#${client}`,
    sk: `WINDOW#${windowStart}`,
  }),
  /** One version of an account's price plan, by the first day of the month it prices from. */
  pricePlan: (accountId: string, effectiveFrom: string) => ({
    pk: `PRICE_PLAN#${accountId}`,
    sk: effectiveFrom,
  }),
  /** Invoices live in the partition of their number's year, in number order. */
  invoice: (year: string, number: string) => ({ pk: `INVOICES#${year}`, sk: number }),
  /** The last invoice number of a year; moved in the same transaction that issues. */
  invoiceSequence: (year: string) => ({ pk: `INVOICE_SEQ#${year}`, sk: 'SEQ' }),
  /** Holds an account's invoice of a month, so no second run can issue another. */
  invoiceGuard: (month: string, accountId: string) => ({
    pk: `INVOICE_MONTH#${month}`,
    sk: accountId,
  }),
  /** Overpayments of an account not yet applied to an invoice. */
  accountCredit: (accountId: string) => ({ pk: `CREDIT#${accountId}`, sk: 'CREDIT' }),
  payment: (month: string, id: string) => ({ pk: `PAYMENTS#${month}`, sk: id }),
  /** Holds a payment's reference (bank transfer, gateway transaction), so it counts once. */
  paymentReference: (method: string, reference: string) => ({
    pk: `PAYMENT_REF#${method}#${reference}`,
    sk: 'REF',
  }),
  /**
   * An online payment attempt, by its gateway and order id: a gateway's notification names both,
   * so it finds its attempt with one read.
   */
  paymentAttempt: (gateway: string, orderId: string) => ({
    pk: `ATTEMPT#${gateway}#${orderId}`,
    sk: 'ATTEMPT',
  }),
  /** A household fee payment (issue 5): gateway, cash or bank transfer, by its id. */
  feePayment: (id: string) => ({ pk: `FEE_PAYMENT#${id}`, sk: 'FEE_PAYMENT' }),
  /**
   * Holds a fee payment's (method, reference): a gateway transaction, a cash receipt or a bank
   * statement line is recorded once, whoever sends it again and however often.
   */
  feePaymentReference: (method: string, reference: string) => ({
    pk: `FEE_PAYMENT_REF#${method}#${reference}`,
    sk: 'REF',
  }),
  /** Invoiced (by billed month) and collected (by payment day) totals of a Vietnam month. */
  billingTotals: (month: string) => ({ pk: `BILLING_TOTALS#${month}`, sk: 'TOTALS' }),
  billingRun: (id: string) => ({ pk: 'BILLING_RUN', sk: id }),
  /** Register counters of one unit; `*` is the whole platform. */
  householdCounter: (unitId: string) => ({ pk: `COUNTER#${unitId}`, sk: 'HOUSEHOLD' }),
  /**
   * How much a unit's register counters moved during one Vietnam month (deltas, not totals):
   * the value at the end of a month is the counter minus the moves of the months after it.
   */
  householdCounterMonth: (unitId: string, month: string) => ({
    pk: `COUNTER#${unitId}`,
    sk: `HOUSEHOLD#${month}`,
  }),
  collection: (id: string) => ({ pk: `COLLECTION#${id}`, sk: 'COLLECTION' }),
  /**
   * How many collections name a household. Deleting the household requires it to be absent or
   * zero, in the same transaction, so a pickup recorded at the same moment cannot be orphaned.
   */
  householdCollections: (householdId: string) => ({
    pk: `HOUSEHOLD#${householdId}`,
    sk: 'COLLECTIONS',
  }),
  /** One household's pickups of one Vietnam month, tallied by sorting status. */
  householdPickups: (householdId: string, month: string) => ({
    pk: `HOUSEHOLD#${householdId}`,
    sk: `PICKUPS#${month}`,
  }),
  /** Monthly collection aggregates of a unit (`*` is the whole platform). */
  kpiMonth: (unitId: string, month: string) => ({ pk: `KPI#${unitId}`, sk: `MONTH#${month}` }),
  target: (unitId: string, year: number) => ({ pk: `TARGET#${unitId}`, sk: `YEAR#${year}` }),
  emissionFactors: (unitId: string) => ({
    pk: `EMISSION_FACTORS#${unitId}`,
    sk: 'EMISSION_FACTORS',
  }),
  /**
   * One line of a unit's fee schedule (issue 5): the version's first day, then the household
   * kind and fee class it prices (`all` for any). A unit's every version is one query.
   */
  feeSchedule: (unitId: string, effectiveFrom: string, kind: string, feeClass: string) => ({
    pk: `FEE_SCHEDULE#${unitId}`,
    sk: `${effectiveFrom}#${kind}#${feeClass}`,
  }),
  /**
   * A household's fee bill of one Vietnam month, in the household's partition. The key is the
   * run's guard: a second bill for the same household and month fails its condition.
   */
  bill: (householdId: string, month: string) => ({
    pk: `HOUSEHOLD#${householdId}`,
    sk: `BILL#${month}`,
  }),
  /**
   * How many bills name a household. Deleting the household requires it to be absent or zero,
   * in the same transaction, like its collection count.
   */
  householdBills: (householdId: string) => ({ pk: `HOUSEHOLD#${householdId}`, sk: 'BILLS' }),
  /** Holds a bill's transfer reference, so no two bills share one; finds the bill by it. */
  billReference: (reference: string) => ({ pk: `BILL_REF#${reference}`, sk: 'BILL_REF' }),
};

/** Partition values of the path-level indexes for households. */
export const householdPathKey = (unitId: string): string => `HOUSEHOLD#${unitId}`;
export const PLATFORM = '*';

export const TREE_UNITS = 'UNIT';
export const TREE_ACCOUNTS = 'ACCOUNT';
export const TREE_USERS = 'USER';
export const TREE_PRICE_PLANS = 'PRICE_PLAN';
/** An account's invoices and payments by date, in the tree index: its statement is one query. */
export const ledgerTreePk = (accountId: string) => `LEDGER#${accountId}`;
/**
 * Attempts still waiting for their gateway, oldest first, in the tree index; an attempt leaves
 * it when it settles, fails or expires, so the scheduled check reads only what is open.
 */
export const TREE_PENDING_ATTEMPTS = 'ATTEMPT_PENDING';
/** Fee payments of one unit's area in one Vietnam month, in the path-level indexes, by time. */
export const feePaymentPathKey = (unitId: string, month: string): string =>
  `FEE_PAYMENTS#${unitId}#${month}`;
/** Fee payments waiting for finance (flagged, unmatched, overpayment), in the tree index. */
export const TREE_PAYMENT_REVIEW = 'FEE_PAYMENT_REVIEW';
/** Partition of one household's fee payments in the household index. */
export const householdPaymentsPk = (householdId: string) => `FEE_PAYMENTS_OF#${householdId}`;
export const TREE_TARGETS = 'TARGET';
export const TREE_EMISSION_FACTORS = 'EMISSION_FACTORS';
/** Fee schedule lines in the tree index, by the unit path they are set for. */
export const TREE_FEE_SCHEDULES = 'FEE_SCHEDULE';
/** Bills of one ward in one Vietnam month, in the tree index, unpaid first, then by hamlet. */
export const billTreePk = (wardId: string, month: string) => `BILL#${wardId}#${month}`;
/** Collections are listed per ward and Vietnam month, newest first, from the tree index. */
export const collectionTreePk = (wardId: string, month: string) => `COLLECTION#${wardId}#${month}`;
/** Partition of one household's collections in the household index. */
export const householdCollectionsPk = (householdId: string) => `COLLECTION#${householdId}`;

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
  'householdPk',
  'householdSk',
  'passwordHash',
  'passwordChangedAt',
  'ttl',
];

export const stripInternal = <T>(item: object): T => {
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const attribute of INTERNAL_ATTRIBUTES) delete copy[attribute];

  return copy as T;
};
