import {
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatCount } from '../../format/numbers';
import { countByStatus, generalMessage, type RowResult, type RowStatus } from './importApi';
import type { ImportKind } from './importKind';

const PAGE_SIZE = 50;
const STATUSES: RowStatus[] = ['error', 'created', 'updated', 'unchanged'];
const colours = {
  error: 'error',
  created: 'success',
  updated: 'info',
  unchanged: 'default',
} as const;

type Shown = RowStatus | 'all';

interface Props {
  results: readonly RowResult[];
  records: ReadonlyArray<Record<string, string>>;
  /** A preview says what would happen ("sẽ thêm"), an import what did ("đã thêm"). */
  dryRun: boolean;
  kind: ImportKind;
}

/**
 * Every row's outcome, errors first, a page at a time: ten thousand rows as table rows would
 * freeze the page, fifty do not.
 */
export const RowResultsTable = ({ results, records, dryRun, kind }: Props) => {
  const translate = useTranslate();
  const [shown, setShown] = useState<Shown>('all');
  const [page, setPage] = useState(0);
  const counts = useMemo(() => countByStatus(results), [results]);
  const rows = useMemo(() => {
    const chosen = shown === 'all' ? [...results] : results.filter((r) => r.status === shown);

    return chosen.sort(
      (a, b) => Number(b.status === 'error') - Number(a.status === 'error') || a.row - b.row,
    );
  }, [results, shown]);
  const statusLabel = (status: RowStatus) =>
    translate(`nguon.import.status.${dryRun ? 'would' : 'did'}.${status}`);
  const fieldLabel = (field: string) =>
    translate(`resources.${kind.resource}.fields.${field}`, { _: field });

  const choose = (next: Shown | null) => {
    if (!next) return;
    setShown(next);
    setPage(0);
  };

  return (
    <>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={shown}
        onChange={(_, next: Shown | null) => choose(next)}
        aria-label={translate('nguon.import.filter_rows')}
        sx={{ flexWrap: 'wrap', my: 1 }}
      >
        <ToggleButton value="all">
          {translate('nguon.import.all_rows', { count: formatCount(results.length) })}
        </ToggleButton>
        {STATUSES.map((status) => (
          <ToggleButton key={status} value={status}>
            {`${statusLabel(status)} (${formatCount(counts[status])})`}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Table size="small" aria-label={translate('nguon.import.results')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('nguon.import.row')}</TableCell>
            <TableCell>{translate('nguon.import.outcome')}</TableCell>
            {kind.identity.map((column) => (
              <TableCell key={column.label}>{translate(column.label)}</TableCell>
            ))}
            <TableCell>{translate('nguon.import.details')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map((result) => (
            <TableRow key={result.row}>
              <TableCell>{result.row + 1}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={colours[result.status]}
                  label={statusLabel(result.status)}
                />
              </TableCell>
              {kind.identity.map((column) => (
                <TableCell key={column.label}>
                  {column.value(records[result.row], result) ?? ''}
                </TableCell>
              ))}
              <TableCell>
                <Stack spacing={0.5}>
                  {generalMessage(result) && <span>{generalMessage(result)}</span>}
                  {Object.entries(result.errors ?? {}).map(([field, message]) => (
                    <span key={field}>
                      <strong>{fieldLabel(field)}</strong>: {message}
                    </span>
                  ))}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={rows.length}
        page={page}
        rowsPerPage={PAGE_SIZE}
        rowsPerPageOptions={[PAGE_SIZE]}
        onPageChange={(_, next) => setPage(next)}
        getItemAriaLabel={(type) =>
          translate(type === 'next' ? 'ra.navigation.next' : 'ra.navigation.previous')
        }
        labelDisplayedRows={({ from, to, count }) =>
          translate('ra.navigation.page_range_info', {
            offsetBegin: from,
            offsetEnd: to,
            total: count,
          })
        }
      />
    </>
  );
};
