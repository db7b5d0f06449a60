import { Alert, Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useMemo, useState, type ReactNode } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import {
  guessColumnMapping,
  missingRequired,
  rowsToRecords,
  type ColumnMapping,
} from '../../../../shared/import/columns';
import { parseSpreadsheet, type ParsedSheet } from '../../../../shared/import/parse';
import { formatCount } from '../../format/numbers';
import { ColumnMappingTable } from './ColumnMappingTable';
import { FilePicker } from './FilePicker';
import { type ImportKind, importText } from './importKind';
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

interface Props {
  kind: ImportKind;
  /** Shown under the file picker, e.g. a template to fill in. */
  fileHelp?: ReactNode;
}

/**
 * Import from Excel or CSV: pick the ward, map the columns, preview with a dry run, then
 * import. The server decides every row's fate; this page only sends and shows. The same steps
 * serve every import; `kind` says where the rows go and what a column can fill.
 */
export const ImportWizard = ({ kind, fileHelp }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const run = useImportRun(kind.path);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [sheet, setSheet] = useState<ParsedSheet | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [reading, setReading] = useState(false);
  const records = useMemo(() => (sheet ? rowsToRecords(sheet, mapping) : []), [sheet, mapping]);
  const missing = missingRequired(mapping, kind.targets);
  const needsWard = unitId === null && !mapping.includes('unitId');
  const busy = reading || run.phase === 'previewing' || run.phase === 'importing';

  const readFile = async (file: File) => {
    setReading(true);
    run.reset();
    try {
      const parsed = await parseSpreadsheet(file.name, await file.arrayBuffer());
      setSheet(parsed);
      setFileName(file.name);
      setMapping(guessColumnMapping(parsed.headers, kind.targets));
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
      <Title title={translate(importText(kind, 'title'))} />
      <CardContent sx={{ overflowX: 'auto' }}>
        <Step title={translate('nguon.import.step_ward')}>
          <WardPicker value={unitId} onChange={changeWard} disabled={busy} />
        </Step>
        <Step title={translate('nguon.import.step_file')}>
          <FilePicker fileName={fileName} onFile={readFile} disabled={busy} />
          {fileHelp}
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
              targets={kind.targets}
              missing={missing}
              onChange={changeMapping}
              disabled={busy}
              texts={{
                mapping: importText(kind, 'mapping'),
                target: importText(kind, 'target'),
              }}
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
            <ImportRunStep
              run={run}
              records={records}
              unitId={unitId}
              canPreview={canPreview}
              kind={kind}
            />
          </Step>
        )}
      </CardContent>
    </Card>
  );
};
