import type { ImportTarget } from '../../../../shared/import/columns';
import type { RowResult } from './importApi';

/** A column of the results table and CSV that tells which row of the file a result is. */
export interface IdentityColumn {
  /** Translation key of the header. */
  label: string;
  value: (record: Record<string, string> | undefined, result: RowResult) => string | undefined;
}

/** The messages an import may word its own way; the rest are `nguon.import.*`. */
export type ImportText = 'title' | 'mapping' | 'target' | 'run' | 'totals_preview' | 'totals_done';

/**
 * What differs between imports (a register, a batch of pickups): the API route, the fields a
 * column can fill, how rows are named in the results, and a few words. The wizard, its preview
 * then import flow and its results are the same for all.
 */
export interface ImportKind {
  /** The import route under `/api`, taking `{rows, unitId?, dryRun?}` up to 500 rows a call. */
  path: string;
  /** Row errors name fields by `resources.<resource>.fields.<field>`. */
  resource: string;
  targets: ImportTarget[];
  texts: Partial<Record<ImportText, string>>;
  identity: IdentityColumn[];
  /** The results file's name, before the day and `.csv`. */
  resultsFile: string;
}

export const importText = (kind: ImportKind, key: ImportText): string =>
  kind.texts[key] ?? `nguon.import.${key}`;
