import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  LinearProgress,
  Link,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { HttpError, Title, useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { Target, TargetInput } from '../../../shared/targets/fields';
import { targetResource } from '../../../shared/targets/resource';
import { useCan } from '../auth/useCan';
import { httpClient } from '../data/api';
import { API_URL } from '../data/httpClient';
import { currentMonthInVietnam } from '../format/dates';
import { formatCount } from '../format/numbers';
import { StateChip } from './KpiCards';
import { type AnnualReview, PLATFORM_ID, reviewPath, useApi } from './kpiData';
import {
  definitionOf,
  formatKg,
  formatKpi,
  formatCo2e,
  formatShare,
  monthLabel,
} from './kpiFormat';
import { UnitTrail } from './UnitTrail';

const YEARS_OFFERED = 5;

/** The target fields a proposal sets, in the form's order. */
const PROPOSAL_FIELDS = [
  'baselineMonth',
  'sortingSharePct',
  'recyclablesChangePct',
  'landfillChangePct',
  'ghgChangePct',
  'completeSharePct',
] as const;

const fieldLabel = (source: string, language: 'vi' | 'en') =>
  targetResource.fields.find((field) => field.source === source)?.label[language] ?? source;

const pct = (value: number, signed: boolean) =>
  `${signed && value > 0 ? '+' : ''}${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

const proposalValue = (
  field: (typeof PROPOSAL_FIELDS)[number],
  target: Omit<TargetInput, 'note'>,
) =>
  field === 'baselineMonth'
    ? monthLabel(target.baselineMonth)
    : pct(target[field], field.endsWith('ChangePct'));

/**
 * The annual review: a year's results against that year's targets (a status per KPI, judged as
 * of December), its months, and the targets proposed for the next year from them, which a user
 * who sets targets can carry over in one click (`POST /api/kpis/review`; it never overwrites
 * targets already set for that year).
 */
const ReviewPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = locale === 'en' ? 'en' : 'vi';
  const [params, setParams] = useSearchParams();
  const thisYear = Number(currentMonthInVietnam().slice(0, 4));
  const unitId = params.get('unitId') ?? undefined;
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const [reload, setReload] = useState(0);
  const { data, error, loading } = useApi<AnnualReview>(reviewPath(unitId, year), reload);
  const review =
    data && data.year === year && (!unitId || data.unit.id === unitId) ? data : undefined;
  const canSetTargets = useCan('targets', 'create');
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<{ created: boolean; target: Target } | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);

  // What was carried over belongs to the unit and year it was carried for.
  useEffect(() => {
    setApplied(null);
    setApplyError(null);
  }, [unitId, year]);

  const chooseYear = (next: number) => {
    setParams({ ...(unitId ? { unitId } : {}), year: String(next) });
  };
  const pageOf = (id: string) =>
    `/kpis/review?${new URLSearchParams({ unitId: id, year: String(year) })}`;

  const apply = async () => {
    if (!review) return;
    setApplying(true);
    setApplyError(null);
    try {
      const { json } = await httpClient(`${API_URL}/kpis/review`, {
        method: 'POST',
        body: JSON.stringify({ unitId: review.unit.id, year }),
      });
      setApplied(json as { created: boolean; target: Target });
      setReload((n) => n + 1);
    } catch (failure) {
      const body =
        failure instanceof HttpError ? (failure.body as { message?: string }) : undefined;
      setApplyError(body?.message ?? (failure as Error).message);
    } finally {
      setApplying(false);
    }
  };

  return (
    // A grid of one shrinkable column: wide tables scroll inside it instead of widening the page.
    <Box sx={{ mt: 2, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Title title={translate('nguon.kpi.review.title')} />
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 2 }}>
        <TextField
          select
          size="small"
          label={translate('nguon.kpi.review.year')}
          value={year}
          onChange={(event) => chooseYear(Number(event.target.value))}
          fullWidth={false}
          sx={{ width: 140 }}
        >
          {Array.from({ length: YEARS_OFFERED }, (_, i) => thisYear - i).map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        <Button
          size="small"
          component={RouterLink}
          to={`/kpis?${new URLSearchParams(review ? { unitId: review.unit.id } : {})}`}
        >
          {translate('nguon.kpi.review.back')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{error.message}</Alert>}
      {loading && <LinearProgress sx={{ mb: 2 }} />}
      {review && (
        <>
          <UnitTrail unit={review.unit} to={pageOf} />
          <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
            {translate('nguon.kpi.review.heading', {
              unit:
                review.unit.id === PLATFORM_ID ? translate('nguon.kpi.platform') : review.unit.name,
              year,
            })}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('nguon.kpi.review.explain', {
              months: review.monthsWithData,
              baseline: monthLabel(review.target.baselineMonth),
            })}
          </Typography>

          <Card sx={{ mb: 2 }}>
            <CardHeader
              title={translate('nguon.kpi.review.results', { year })}
              slotProps={{ title: { variant: 'h6', component: 'h2' } }}
            />
            {review.kpis.length === 0 ? (
              <CardContent>
                <Typography variant="body2">{translate('nguon.kpi.review.no_months')}</Typography>
              </CardContent>
            ) : (
              <TableContainer>
                <Table size="small" aria-label={translate('nguon.kpi.review.results', { year })}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('nguon.kpi.review.kpi')}</TableCell>
                      <TableCell align="right">{translate('nguon.kpi.review.baseline')}</TableCell>
                      <TableCell align="right">{translate('nguon.kpi.review.target')}</TableCell>
                      <TableCell align="right">{translate('nguon.kpi.review.result')}</TableCell>
                      <TableCell>{translate('nguon.kpi.review.status')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {review.kpis.map((kpi) => (
                      <TableRow key={kpi.key} data-testid={`review-${kpi.key}`}>
                        <TableCell>{definitionOf(kpi.key).label[language]}</TableCell>
                        <TableCell align="right">{formatKpi(kpi.key, kpi.baseline)}</TableCell>
                        <TableCell align="right">{formatKpi(kpi.key, kpi.target)}</TableCell>
                        <TableCell align="right">{formatKpi(kpi.key, kpi.value)}</TableCell>
                        <TableCell>
                          <StateChip state={kpi.status} />
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            )}
          </Card>

          <Card sx={{ mb: 2 }}>
            <CardHeader
              title={translate('nguon.kpi.review.proposal', { year: year + 1 })}
              subheader={translate('nguon.kpi.review.proposal_rule')}
              slotProps={{ title: { variant: 'h6', component: 'h2' } }}
            />
            <TableContainer>
              <Table
                size="small"
                aria-label={translate('nguon.kpi.review.proposal', { year: year + 1 })}
              >
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('nguon.kpi.review.field')}</TableCell>
                    <TableCell align="right">
                      {translate('nguon.kpi.review.in_force', { year })}
                    </TableCell>
                    <TableCell align="right">
                      {translate('nguon.kpi.review.proposed', { year: year + 1 })}
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {PROPOSAL_FIELDS.map((field) => (
                    <TableRow key={field}>
                      <TableCell>{fieldLabel(field, language)}</TableCell>
                      <TableCell align="right">{proposalValue(field, review.target)}</TableCell>
                      <TableCell align="right" data-testid={`proposal-${field}`}>
                        {proposalValue(field, review.proposal)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
            <CardContent>
              {applyError && (
                <Alert severity="error" sx={{ mb: 1 }}>
                  {applyError}
                </Alert>
              )}
              {applied && (
                <Alert severity={applied.created ? 'success' : 'info'} sx={{ mb: 1 }}>
                  {translate(
                    applied.created ? 'nguon.kpi.review.created' : 'nguon.kpi.review.existed',
                    { year: year + 1 },
                  )}{' '}
                  <Link
                    component={RouterLink}
                    to={`/targets/${encodeURIComponent(applied.target.id)}/show`}
                  >
                    {translate('nguon.kpi.review.open_target')}
                  </Link>
                </Alert>
              )}
              {canSetTargets && review.unit.id !== PLATFORM_ID && (
                <Button variant="contained" disabled={applying} onClick={() => void apply()}>
                  {translate('nguon.kpi.review.apply', { year: year + 1 })}
                </Button>
              )}
            </CardContent>
          </Card>

          <Card sx={{ mb: 2 }}>
            <CardHeader
              title={translate('nguon.kpi.review.months')}
              slotProps={{ title: { variant: 'h6', component: 'h2' } }}
            />
            <TableContainer sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label={translate('nguon.kpi.review.months')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('nguon.kpi.month')}</TableCell>
                    <TableCell align="right">{translate('nguon.kpi.pickups_short')}</TableCell>
                    <TableCell align="right">{translate('nguon.kpi.tonnage')}</TableCell>
                    <TableCell align="right">
                      {definitionOf('sortingShare').label[language]}
                    </TableCell>
                    <TableCell align="right">
                      {definitionOf('recyclables').label[language]}
                    </TableCell>
                    <TableCell align="right">{definitionOf('landfill').label[language]}</TableCell>
                    <TableCell align="right">{definitionOf('ghg').label[language]}</TableCell>
                    <TableCell align="right">
                      {definitionOf('completeShare').label[language]}
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {[review.baseline, ...review.months].map((m, index) => (
                    <TableRow key={`${m.month}-${index}`} selected={index === 0}>
                      <TableCell>
                        {index === 0
                          ? translate('nguon.kpi.review.baseline_row', {
                              month: monthLabel(m.month),
                            })
                          : monthLabel(m.month)}
                      </TableCell>
                      <TableCell align="right">{formatCount(m.pickups.total)}</TableCell>
                      <TableCell align="right">{formatKg(m.weightsKg.total)}</TableCell>
                      <TableCell align="right">{formatShare(m.households.sortingShare)}</TableCell>
                      <TableCell align="right">{formatKg(m.recyclablesKg)}</TableCell>
                      <TableCell align="right">{formatKg(m.landfillKg)}</TableCell>
                      <TableCell align="right">{formatCo2e(m.ghgKgCo2e)}</TableCell>
                      <TableCell align="right">{formatShare(m.register.completeShare)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Card>
        </>
      )}
    </Box>
  );
};

export default ReviewPage;
