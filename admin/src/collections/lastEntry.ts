import type { EntryMode } from './entryValues';

/**
 * What the fast entry form remembers between pickups and visits: the ward, hamlet, collector and
 * kind of pickup last saved, per user of this browser (a shared phone must not hand one
 * collector's round to the next). Kept in localStorage; a damaged entry is ignored.
 */
export interface LastEntry {
  unitId: string | null;
  hamletId: string | null;
  collectorId: string | null;
  mode: EntryMode;
}

const PREFIX = 'nguon.collections.last';

const keyOf = (username: string) => `${PREFIX}.${username}`;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

export const readLastEntry = (username: string): LastEntry | null => {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(username)) ?? 'null') as Record<
      string,
      unknown
    > | null;
    if (!stored || typeof stored !== 'object') return null;

    return {
      unitId: text(stored.unitId),
      hamletId: text(stored.hamletId),
      collectorId: text(stored.collectorId),
      mode: stored.mode === 'route' ? 'route' : 'household',
    };
  } catch {
    return null;
  }
};

export const saveLastEntry = (username: string, entry: LastEntry): void => {
  try {
    localStorage.setItem(keyOf(username), JSON.stringify(entry));
  } catch {
    // A full or disabled storage only costs the next entry a few clicks.
  }
};
