import { Alert } from '@mui/material';
import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { formatCount } from '../../format/numbers';
import { countByStatus, type RowResult } from './importApi';

/** One line with the totals: what a preview would do, or what an import did. */
interface Props {
  results: readonly RowResult[];
  dryRun: boolean;
}

export const ImportTotals = ({ results, dryRun }: Props) => {
  const translate = useTranslate();
  const counts = useMemo(() => countByStatus(results), [results]);

  return (
    <Alert severity={counts.error > 0 ? 'warning' : 'success'} sx={{ mb: 1 }}>
      {translate(dryRun ? 'nguon.import.totals_preview' : 'nguon.import.totals_done', {
        created: formatCount(counts.created),
        updated: formatCount(counts.updated),
        unchanged: formatCount(counts.unchanged),
        error: formatCount(counts.error),
      })}
    </Alert>
  );
};
