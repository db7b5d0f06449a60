import { Alert } from '@mui/material';
import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { formatCount } from '../../format/numbers';
import { countByStatus, type RowResult } from './importApi';
import { type ImportKind, importText } from './importKind';

/** One line with the totals: what a preview would do, or what an import did. */
interface Props {
  results: readonly RowResult[];
  dryRun: boolean;
  kind: ImportKind;
}

export const ImportTotals = ({ results, dryRun, kind }: Props) => {
  const translate = useTranslate();
  const counts = useMemo(() => countByStatus(results), [results]);

  return (
    <Alert severity={counts.error > 0 ? 'warning' : 'success'} sx={{ mb: 1 }}>
      {translate(importText(kind, dryRun ? 'totals_preview' : 'totals_done'), {
        created: formatCount(counts.created),
        updated: formatCount(counts.updated),
        unchanged: formatCount(counts.unchanged),
        error: formatCount(counts.error),
      })}
    </Alert>
  );
};
