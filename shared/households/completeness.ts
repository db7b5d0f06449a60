import {
  BASIC_FIELDS,
  COMPLETE_AT,
  INCOMPLETE_BELOW,
  type CompletenessBand,
  type HouseholdInput,
  NOT_SORTING,
  type SortingState,
} from './fields';

const filled = (value: unknown): boolean =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');

/** How many of the ten basic fields are filled; an unknown sorting state counts as missing. */
export const completenessOf = (household: Partial<HouseholdInput>): number =>
  BASIC_FIELDS.filter((field) => filled(household[field])).length;

export const bandOf = (completeness: number): CompletenessBand => {
  if (completeness >= COMPLETE_AT) return 'complete';

  return completeness < INCOMPLETE_BELOW ? 'incomplete' : 'partial';
};

export const sortingStateOf = (sortingSince: string | null | undefined): SortingState => {
  if (!sortingSince) return 'unknown';

  return sortingSince === NOT_SORTING ? 'no' : 'yes';
};
