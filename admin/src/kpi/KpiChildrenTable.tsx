import {
  Box,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { viCollator } from '../../../shared/text/collation';
import { formatCount } from '../format/numbers';
import { StateChip } from './KpiCards';
import type { KpiReport, KpiStatus } from './kpiData';
import { definitionOf, formatKg, formatKpi } from './kpiFormat';

const Status = ({ kpi }: { kpi: KpiStatus | undefined }) =>
  kpi ? (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: 0.5 }}>
      <span>{formatKpi(kpi.key, kpi.value)}</span>
      <StateChip state={kpi.status} />
    </Box>
  ) : null;

/**
 * One level down (province → cities, city → wards, ward → residential groups): each child's
 * month with its KPIs and statuses. A name opens the child's own page, so a province drills
 * down to a ward in two clicks.
 */
export const KpiChildrenTable = ({ report }: { report: KpiReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = locale === 'en' ? 'en' : 'vi';
  const children = [...report.children].sort((a, b) =>
    viCollator.compare(a.unit.name, b.unit.name),
  );
  const keys = report.kpis.map((kpi) => kpi.key);
  if (children.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
        {translate('nguon.kpi.no_children')}
      </Typography>
    );
  }

  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('nguon.kpi.children')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('nguon.kpi.unit')}</TableCell>
            <TableCell align="right">{translate('nguon.kpi.pickups_short')}</TableCell>
            <TableCell align="right">{translate('nguon.kpi.tonnage')}</TableCell>
            {keys.map((key) => (
              <TableCell key={key} align="right">
                {definitionOf(key).label[language]}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {children.map((child) => (
            <TableRow key={child.unit.id} hover>
              <TableCell sx={{ minWidth: 150 }}>
                <Link
                  component={RouterLink}
                  to={{
                    pathname: '/kpis',
                    search: `?${new URLSearchParams({ unitId: child.unit.id, month: report.month })}`,
                  }}
                  underline="hover"
                >
                  {child.unit.name}
                </Link>
              </TableCell>
              <TableCell align="right">{formatCount(child.figures.pickups.total)}</TableCell>
              <TableCell align="right">{formatKg(child.figures.weightsKg.total)}</TableCell>
              {keys.map((key) => (
                <TableCell key={key} align="right">
                  <Status kpi={child.kpis.find((kpi) => kpi.key === key)} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
