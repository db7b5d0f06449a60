import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { UnitTreeRows } from './UnitTreeRows';

/**
 * Province → city → wards and communes → hamlets, each level fetched when opened, with the
 * household count the API keeps for every unit.
 */
export const UnitTree = () => {
  const translate = useTranslate();

  return (
    <Table size="small" aria-label={translate('nguon.units.tree')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.units.fields.name')}</TableCell>
          <TableCell>{translate('resources.units.fields.level')}</TableCell>
          <TableCell>{translate('resources.units.fields.code')}</TableCell>
          <TableCell align="right">{translate('resources.units.fields.householdCount')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        <UnitTreeRows parentId={null} depth={0} />
      </TableBody>
    </Table>
  );
};
