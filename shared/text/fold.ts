/** Text rules shared by search, import header matching and validation. */

/** NFC-normalises and trims; collapses runs of whitespace to one space. */
export const cleanText = (value: string): string =>
  value.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Folds case and accents for search: "Nguyễn Văn Đức" → "nguyen van duc". Đ/đ is a separate
 * letter in Vietnamese, not an accented D, so NFD leaves it alone and it is mapped by hand.
 */
export const fold = (value: string): string =>
  value.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

/** Splits folded text into words of letters and digits. */
export const words = (value: string): string[] => fold(value).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The searchable form of some fields: every word once, each preceded by a space, so that
 * "a word starts with w" is the substring test `contains(search, ' ' + w)`.
 */
export const searchText = (fields: Array<string | null | undefined>): string => {
  const unique = new Set(fields.flatMap((field) => (field ? words(field) : [])));

  return unique.size === 0 ? '' : ` ${[...unique].join(' ')}`;
};

/** The words a query must find at the start of some word of the searchable text. */
export const queryWords = (query: string): string[] => [...new Set(words(query))];

/** True when every query word starts some word of the record's search text. */
export const matchesQuery = (search: string, query: string): boolean =>
  queryWords(query).every((word) => search.includes(` ${word}`));
