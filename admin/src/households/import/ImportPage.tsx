import { Alert, Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useMemo, useState, type ReactNode } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import {
  guessColumnMapping,
  householdImportTargets,
  missingRequired,
  rowsToRecords,
  type ColumnMapping,
} from '../../../../shared/import/columns';
import { parseSpreadsheet, type ParsedSheet } from '../../../../shared/import/parse';
import { formatCount } from '../../format/numbers';
import { ColumnMappingTable } from './ColumnMappingTable';
import { FilePicker } from './FilePicker';
import { ImportRunStep } from './ImportRunStep';
import { useImportRun } from './useImportRun';
import { WardPicker } from './WardPicker';

const Step = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="section" sx={{ mb: 3 }}>
    <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

/**
 * Import a register from Excel or CSV: pick the ward, map the columns, preview with a dry run,
 * then import. The server decides every row's fate; this page only sends and shows.
 */
const ImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const run = useImportRun();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [sheet, setSheet] = useState<ParsedSheet | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [reading, setReading] = useState(false);
  const records = useMemo(() => (sheet ? rowsToRecords(sheet, mapping) : []), [sheet, mapping]);
  const missing = missingRequired(mapping, householdImportTargets);
  const needsWard = unitId === null && !mapping.includes('unitId');
  const busy = reading || run.phase === 'previewing' || run.phase === 'importing';

  const readFile = async (file: File) => {
    setReading(true);
    run.reset();
    try {
      const parsed = await parseSpreadsheet(file.name, await file.arrayBuffer());
      setSheet(parsed);
      setFileName(file.name);
      setMapping(guessColumnMapping(parsed.headers, householdImportTargets));
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setReading(false);
    }
  };

  // A preview holds only for the ward and mapping it was made with.
  const changeWard = (next: string | null) => {
    setUnitId(next);
    run.reset();
  };
  const changeMapping = (next: ColumnMapping) => {
    setMapping(next);
    run.reset();
  };

  const canPreview = sheet !== null && missing.length === 0 && !needsWard && !busy;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('nguon.import.title')} />
      <CardContent>
        <Step title={translate('nguon.import.step_ward')}>
          <WardPicker value={unitId} onChange={changeWard} disabled={busy} />
        </Step>
        <Step title={translate('nguon.import.step_file')}>
          <FilePicker fileName={fileName} onFile={readFile} disabled={busy} />
          {reading && <LinearProgress sx={{ mt: 2 }} />}
        </Step>
        {sheet && (
          <Step
            title={translate('nguon.import.step_mapping', {
              count: formatCount(sheet.rows.length),
            })}
          >
            <ColumnMappingTable
              sheet={sheet}
              mapping={mapping}
              targets={householdImportTargets}
              missing={missing}
              onChange={changeMapping}
              disabled={busy}
            />
            {needsWard && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                {translate('nguon.import.needs_ward')}
              </Alert>
            )}
          </Step>
        )}
        {sheet && (
          <Step title={translate('nguon.import.step_run')}>
            <ImportRunStep run={run} records={records} unitId={unitId} canPreview={canPreview} />
          </Step>
        )}
      </CardContent>
    </Card>
  );
};

export default ImportPage;
