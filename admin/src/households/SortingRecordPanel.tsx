import {
  Alert,
  Box,
  Chip,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { SortingRecord } from '../../../shared/collections/sorting-record';
import { refusalReasonChoices, sortingStatusChoices } from '../../../shared/collections/resource';
import { useCan } from '../auth/useCan';
import { httpClient } from '../data/api';
import { API_URL } from '../data/httpClient';
import { formatDate, formatDateTime } from '../format/dates';
import { formatCount, formatPercent } from '../format/numbers';

const STATUSES = ['sorted', 'partly', 'unsorted', 'refused'] as const;
const COLOURS = {
  sorted: 'success.main',
  partly: 'warning.light',
  unsorted: 'error.main',
  refused: 'grey.500',
} as const;

/** Read with `GET /api/households/{id}/sorting-record`; undefined while it loads. */
const useSortingRecord = (householdId: string | undefined, enabled: boolean) => {
  const [state, setState] = useState<{ data?: SortingRecord; error?: Error }>({});

  useEffect(() => {
    if (!householdId || !enabled) return undefined;
    const controller = new AbortController();
    setState({});
    httpClient(`${API_URL}/households/${encodeURIComponent(householdId)}/sorting-record`, {
      signal: controller.signal,
    })
      .then(({ json }) => setState({ data: json as SortingRecord }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ error });
      });

    return () => controller.abort();
  }, [householdId, enabled]);

  return state;
};

/** The pickups of a period as one bar, split by status, for the eye before the numbers. */
const StatusBar = ({
  counts,
  total,
}: {
  counts: Record<(typeof STATUSES)[number], number>;
  total: number;
}) => (
  <Box
    sx={{ display: 'flex', height: 8, borderRadius: 1, overflow: 'hidden', bgcolor: 'grey.200' }}
  >
    {total > 0 &&
      STATUSES.map((status) => (
        <Box
          key={status}
          sx={{ width: `${(100 * counts[status]) / total}%`, bgcolor: COLOURS[status] }}
        />
      ))}
  </Box>
);

/**
 * "Phân loại tại nguồn": the household's own pickups over the last 30 and 90 days, sorted,
 * partly sorted, unsorted and refused, with the score the monthly rule uses, and whether it
 * counted as sorting in each of the last three months.
 */
export const SortingRecordPanel = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = locale === 'en' ? 'en' : 'vi';
  const record = useRecordContext();
  // The route's rule: who may read the household may read its record.
  const canRead = useCan('households', 'read');
  const { data, error } = useSortingRecord(record?.id ? String(record.id) : undefined, canRead);
  if (!canRead || !record) return null;

  const statusName = (status: string) =>
    sortingStatusChoices.find((c) => c.id === status)?.name[language] ?? status;
  const reasonName = (reason: string) =>
    refusalReasonChoices.find((c) => c.id === reason)?.name[language] ?? reason;

  return (
    <Box component="section" aria-labelledby="sorting-record" sx={{ px: 2, pb: 2 }}>
      <Typography id="sorting-record" variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('nguon.sorting_record.title')}
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      {!data && !error && <LinearProgress />}
      {data && (
        <>
          <Table size="small" aria-labelledby="sorting-record" sx={{ maxWidth: 720 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('nguon.sorting_record.period')}</TableCell>
                <TableCell align="right">{translate('nguon.sorting_record.pickups')}</TableCell>
                {STATUSES.map((status) => (
                  <TableCell key={status} align="right">
                    {statusName(status)}
                  </TableCell>
                ))}
                <TableCell align="right">{translate('nguon.sorting_record.score')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.periods.map((period) => (
                <TableRow key={period.days} data-testid={`sorting-period-${period.days}`}>
                  <TableCell sx={{ minWidth: 170 }}>
                    <Typography variant="body2">
                      {translate('nguon.sorting_record.last_days', { days: period.days })}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {`${formatDate(period.from)} – ${formatDate(period.to)}`}
                    </Typography>
                    <StatusBar counts={period} total={period.pickups} />
                  </TableCell>
                  <TableCell align="right">{formatCount(period.pickups)}</TableCell>
                  {STATUSES.map((status) => (
                    <TableCell key={status} align="right">
                      {formatCount(period[status])}
                    </TableCell>
                  ))}
                  <TableCell align="right">
                    {period.score === null ? '—' : formatPercent(100 * period.score)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {data.periods.some((period) => period.refused > 0) && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('nguon.sorting_record.refusals', {
                reasons: Object.entries(data.periods.at(-1)?.refusals ?? {})
                  .filter(([, count]) => count > 0)
                  .map(([reason, count]) => `${reasonName(reason)}: ${formatCount(count)}`)
                  .join(', '),
                days: data.periods.at(-1)?.days ?? 90,
              })}
            </Typography>
          )}
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1.5 }}>
            {data.months.map((month) => (
              <Chip
                key={month.month}
                size="small"
                variant="outlined"
                color={month.sorting ? 'success' : 'default'}
                label={translate(
                  month.sorting
                    ? 'nguon.sorting_record.month_yes'
                    : 'nguon.sorting_record.month_no',
                  { month: `${month.month.slice(5, 7)}/${month.month.slice(0, 4)}` },
                )}
              />
            ))}
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {data.lastPickupAt
              ? translate('nguon.sorting_record.last_pickup', {
                  at: formatDateTime(data.lastPickupAt),
                })
              : translate('nguon.sorting_record.none')}
          </Typography>
        </>
      )}
    </Box>
  );
};
