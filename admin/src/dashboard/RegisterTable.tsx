import { Link, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useTranslate } from 'react-admin';
import { formatCount, formatPercent } from '../format/numbers';
import { percentOf, type WardStats } from './useRegisterStats';

/** A ward's households, filtered on the household list. */
const householdsOf = (unitId: string) =>
  `/households?filter=${encodeURIComponent(JSON.stringify({ unitId }))}`;

/** Digitisation progress per ward or commune, already in Vietnamese order. */
export const RegisterTable = ({ wards }: { wards: WardStats[] }) => {
  const translate = useTranslate();
  const share = (part: number, total: number) => formatPercent(percentOf(part, total));

  return (
    <Table size="small" aria-label={translate('nguon.dashboard.table')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('nguon.dashboard.ward')}</TableCell>
          <TableCell align="right">{translate('nguon.dashboard.total')}</TableCell>
          <TableCell align="right">{translate('nguon.dashboard.complete')}</TableCell>
          <TableCell align="right">{translate('nguon.dashboard.partial')}</TableCell>
          <TableCell align="right">{translate('nguon.dashboard.incomplete')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {wards.map((ward) => (
          <TableRow key={ward.unitId} hover>
            <TableCell>
              <Link component={RouterLink} to={householdsOf(ward.unitId)} underline="hover">
                {ward.name}
              </Link>
            </TableCell>
            <TableCell align="right">{formatCount(ward.total)}</TableCell>
            <TableCell align="right">{share(ward.complete, ward.total)}</TableCell>
            <TableCell align="right">{share(ward.partial, ward.total)}</TableCell>
            <TableCell align="right">{share(ward.incomplete, ward.total)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
