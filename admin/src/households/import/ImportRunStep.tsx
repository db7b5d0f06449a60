import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { todayInVietnam } from '../../format/dates';
import { formatCount } from '../../format/numbers';
import { CSV_TYPE, downloadFile } from '../export/download';
import { type ImportKind, importText } from './importKind';
import { ImportTotals } from './ImportTotals';
import { resultsCsv } from './resultsCsv';
import { RowResultsTable } from './RowResultsTable';
import type { ImportRun } from './useImportRun';

interface Props {
  run: ImportRun;
  records: Array<Record<string, string>>;
  unitId: string | null;
  canPreview: boolean;
  kind: ImportKind;
}

/**
 * Preview, then import: the import button opens only after a complete preview of the same
 * rows, so nothing is written that the user has not seen the outcome of.
 */
export const ImportRunStep = ({ run, records, unitId, canPreview, kind }: Props) => {
  const translate = useTranslate();
  const running = run.phase === 'previewing' || run.phase === 'importing';
  const isImport = run.phase === 'importing' || run.phase === 'imported';
  const percent = run.total > 0 ? (100 * run.done) / run.total : 0;

  const downloadResults = () =>
    downloadFile(
      resultsCsv(run.results, records, translate, kind),
      `${kind.resultsFile}-${todayInVietnam()}.csv`,
      CSV_TYPE,
    );

  return (
    <>
      <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          disabled={!canPreview}
          onClick={() => run.start(records, unitId, true)}
        >
          {translate('nguon.import.preview')}
        </Button>
        <Button
          variant="contained"
          disabled={run.phase !== 'previewed'}
          onClick={() => run.start(records, unitId, false)}
        >
          {translate(importText(kind, 'run'), { count: formatCount(records.length) })}
        </Button>
        {running && <Button onClick={run.cancel}>{translate('ra.action.cancel')}</Button>}
        {run.phase === 'imported' && (
          <Button onClick={downloadResults}>{translate('nguon.import.download_results')}</Button>
        )}
      </Stack>
      {running && (
        <Box sx={{ mb: 2 }}>
          <LinearProgress
            variant="determinate"
            value={percent}
            aria-label={translate('nguon.import.progress_label')}
          />
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('nguon.import.progress', {
              done: formatCount(run.done),
              total: formatCount(run.total),
            })}
          </Typography>
        </Box>
      )}
      {run.results.length > 0 && (
        <>
          {/* Totals only once a pass is over: mid-way they would read as the outcome. */}
          {!running && <ImportTotals results={run.results} dryRun={!isImport} kind={kind} />}
          <RowResultsTable results={run.results} records={records} dryRun={!isImport} kind={kind} />
        </>
      )}
    </>
  );
};
