import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { Identity } from '../auth/authProvider';
import { formatDateTime } from '../format/dates';
import { formatVnd } from '../format/money';
import { type LineResult, sendStatement } from './paymentsApi';
import { readStatementFile } from './statementFile';

type Phase = 'idle' | 'previewing' | 'preview' | 'importing' | 'done';

const STATUS_COLOR: Record<string, 'success' | 'warning' | 'error' | 'default' | 'info'> = {
  paid: 'success',
  flagged: 'warning',
  overpayment: 'warning',
  unmatched: 'info',
  duplicate: 'default',
  skipped: 'default',
  invalid: 'error',
};

const countsOf = (results: LineResult[]) => {
  const counts = new Map<string, number>();
  for (const result of results) counts.set(result.status, (counts.get(result.status) ?? 0) + 1);

  return [...counts.entries()];
};

/**
 * A ward official imports their account's bank statement: the file is read here, every line
 * checked by the API without writing (a preview of what matches), then recorded on request.
 */
const BankStatementPage = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const me = identity as Identity | undefined;
  const [fileName, setFileName] = useState<string | null>(null);
  const [rows, setRows] = useState<Array<Record<string, string>>>([]);
  const [results, setResults] = useState<LineResult[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [done, setDone] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const t = (key: string, options?: Record<string, unknown>) =>
    translate(`payments.statement.${key}`, options);

  const run = async (lines: Array<Record<string, string>>, dryRun: boolean) => {
    if (!me) return;
    setError(null);
    setDone(0);
    setPhase(dryRun ? 'previewing' : 'importing');
    try {
      setResults(await sendStatement(me.accountId, lines, dryRun, setDone));
      setPhase(dryRun ? 'preview' : 'done');
    } catch (failure) {
      setError((failure as Error).message || t('failed'));
      setPhase('idle');
    }
  };

  const choose = async (file: File) => {
    setFileName(file.name);
    setResults([]);
    try {
      const read = await readStatementFile(file);
      setRows(read);
      await run(read, true);
    } catch (failure) {
      setRows([]);
      setError((failure as Error).message || t('failed'));
    }
  };

  const busy = phase === 'previewing' || phase === 'importing';

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2">
            {t('explain', { account: me?.accountName ?? '' })}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button
              variant="outlined"
              component="label"
              startIcon={<UploadFileIcon />}
              disabled={busy}
            >
              {t(phase === 'done' ? 'again' : 'choose_file')}
              <input
                type="file"
                hidden
                accept=".csv,.xlsx"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void choose(file);
                }}
              />
            </Button>
            <Typography variant="body2" color="text.secondary">
              {fileName
                ? `${fileName} — ${t('lines', { smart_count: rows.length })}`
                : t('file_types')}
            </Typography>
          </Stack>
          {error && <Alert severity="error">{error}</Alert>}
          {busy && (
            <>
              <LinearProgress
                variant="determinate"
                value={rows.length > 0 ? (100 * done) / rows.length : 0}
              />
              <Typography variant="body2">
                {t(phase === 'previewing' ? 'previewing' : 'importing', {
                  done,
                  total: rows.length,
                })}
              </Typography>
            </>
          )}
          {results.length > 0 && !busy && (
            <Alert severity={phase === 'done' ? 'success' : 'info'}>
              {t(phase === 'done' ? 'imported' : 'preview_done')}{' '}
              <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }} useFlexGap>
                {countsOf(results).map(([status, count]) => (
                  <Chip
                    key={status}
                    size="small"
                    color={STATUS_COLOR[status]}
                    label={`${t(`statuses.${status}`)}: ${count}`}
                  />
                ))}
              </Stack>
            </Alert>
          )}
          {phase === 'preview' && (
            <Stack direction="row">
              <Button variant="contained" onClick={() => void run(rows, false)}>
                {t('import')}
              </Button>
            </Stack>
          )}
          {results.length > 0 && <LineTable results={results} />}
        </Stack>
      </CardContent>
    </Card>
  );
};

const LineTable = ({ results }: { results: LineResult[] }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`payments.statement.${key}`);

  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {['line', 'paid_at', 'reference', 'amount', 'bill', 'status'].map((key) => (
            <TableCell key={key}>{t(key)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {results.map((result) => (
          <TableRow key={result.line}>
            <TableCell>{result.line}</TableCell>
            <TableCell>{formatDateTime(result.paidAt)}</TableCell>
            <TableCell>{result.reference}</TableCell>
            <TableCell align="right">{formatVnd(result.amount)}</TableCell>
            <TableCell>{result.billReference ?? ''}</TableCell>
            <TableCell>
              <Chip
                size="small"
                color={STATUS_COLOR[result.status]}
                label={t(`statuses.${result.status}`)}
              />
              {Object.values(result.errors).map((message) => (
                <Typography key={message} variant="caption" color="error" sx={{ display: 'block' }}>
                  {message}
                </Typography>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export default BankStatementPage;
