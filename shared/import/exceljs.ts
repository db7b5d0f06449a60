/**
 * Loads exceljs on first use. It is large (~1 MB), so the server bundle and the admin's first
 * page must not carry it: everything that needs it goes through this dynamic import.
 */
type ExcelJs = typeof import('exceljs');

let loading: Promise<ExcelJs> | undefined;

export const loadExcelJs = (): Promise<ExcelJs> => {
  loading ??= import('exceljs').then(
    (module) => {
      // exceljs is CommonJS (its browser build is UMD): Node and bundlers expose module.exports
      // as `default`, while its typings only declare named exports. Prefer `default` when present.
      const loaded = module as ExcelJs & { default?: ExcelJs };

      return loaded.default ?? loaded;
    },
    (error: unknown) => {
      // A failed chunk download in the browser must not poison every later attempt.
      loading = undefined;
      throw error;
    },
  );

  return loading;
};
