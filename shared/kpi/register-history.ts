import type { Db } from '../db/client';
import { queryAll } from '../db/items';
import { keys } from '../db/keys';
import { countOf, type HouseholdCount } from '../households/counters';

/** A unit's register counter now, and how much it moved in each Vietnam month. */
export interface RegisterHistory {
  current: HouseholdCount;
  moves: Map<string, HouseholdCount>;
}

const FIELDS = ['total', 'active', 'complete', 'incomplete'] as const;

/**
 * One query: the counter (`sk` HOUSEHOLD) and its months (`sk` HOUSEHOLD#YYYY-MM) share a key
 * prefix. A unit has one month item per month its register changed.
 */
export const registerHistory = async (db: Db, unitId: string): Promise<RegisterHistory> => {
  const key = keys.householdCounter(unitId);
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': key.pk, ':sk': key.sk },
  });
  const history: RegisterHistory = { current: countOf(undefined), moves: new Map() };
  for (const item of items) {
    if (item.sk === key.sk) history.current = countOf(item);
    else history.moves.set(String(item.sk).slice(`${key.sk}#`.length), countOf(item));
  }

  return history;
};

/**
 * The register at the end of a month: the counter minus what moved after that month. Counting
 * back from the counter keeps it exact for registers older than the month items.
 */
export const registerAt = (history: RegisterHistory, month: string): HouseholdCount => {
  const at = { ...history.current };
  for (const [moved, delta] of history.moves) {
    if (moved <= month) continue;
    for (const field of FIELDS) at[field] -= delta[field];
  }

  return at;
};
