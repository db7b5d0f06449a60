import type { DataProvider, RaRecord, SortPayload } from 'react-admin';

/** The API's largest page. */
export const EXPORT_PAGE_SIZE = 1000;
/** Ids per getMany call: keeps the query string well under URL length limits. */
const MANY_CHUNK = 100;

export type Progress = (done: number, total: number) => void;

/**
 * Every record of the filtered list, a page of 1000 at a time in the list's own sort. The total
 * of the first answer bounds the loop, so records added meanwhile cannot make it run forever.
 */
export const fetchAllPages = async (
  dataProvider: DataProvider,
  resource: string,
  filter: Record<string, unknown>,
  sort: SortPayload,
  onProgress: Progress,
  signal?: AbortSignal,
): Promise<RaRecord[]> => {
  const records: RaRecord[] = [];
  let total = Infinity;
  for (let page = 1; records.length < total; page += 1) {
    signal?.throwIfAborted();
    const answer = await dataProvider.getList(resource, {
      filter,
      sort,
      pagination: { page, perPage: EXPORT_PAGE_SIZE },
      signal,
    });
    records.push(...answer.data);
    total = answer.total ?? records.length;
    onProgress(records.length, total);
    if (answer.data.length < EXPORT_PAGE_SIZE) break;
  }

  return records;
};

/** Names of the referenced records, by id, for the export's name columns. */
export const fetchNames = async (
  dataProvider: DataProvider,
  resource: string,
  ids: Array<string | null | undefined>,
  nameField: string,
  signal?: AbortSignal,
): Promise<Map<string, string>> => {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const names = new Map<string, string>();
  for (let start = 0; start < unique.length; start += MANY_CHUNK) {
    signal?.throwIfAborted();
    const chunk = unique.slice(start, start + MANY_CHUNK);
    const { data } = await dataProvider.getMany(resource, { ids: chunk, signal });
    for (const record of data) names.set(String(record.id), String(record[nameField] ?? ''));
  }

  return names;
};
