import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { IconButton, LinearProgress, Link, TableCell, TableRow } from '@mui/material';
import { Fragment, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useCanAccess, useCreatePath, useGetList, useTranslate, type RaRecord } from 'react-admin';
import { viCollator } from '../../../shared/text/collation';
import { formatCount } from '../format/numbers';
import { choiceKey } from '../i18n/resourceMessages';

/** The API's page size limit; a parent has far fewer children than this. */
const CHILDREN_PAGE = 1000;
/** Province and city are opened at first so that the wards are in view. */
const OPEN_BELOW_DEPTH = 2;
const INDENT_PX = 24;

interface Unit extends RaRecord {
  code: string;
  name: string;
  level: string;
  householdCount?: number;
}

const byName = (a: Unit, b: Unit) => viCollator.compare(a.name, b.name);

interface RowsProps {
  parentId: string | null;
  depth: number;
}

/** The children of one unit (the top-level units when parentId is null), fetched when shown. */
export const UnitTreeRows = ({ parentId, depth }: RowsProps) => {
  const translate = useTranslate();
  const filter = parentId === null ? { root: true } : { parentId };
  const { data, isPending, error } = useGetList<Unit>('units', {
    filter,
    sort: { field: 'code', order: 'ASC' },
    pagination: { page: 1, perPage: CHILDREN_PAGE },
  });

  if (isPending || error) {
    return (
      <TableRow>
        <TableCell colSpan={5} sx={{ pl: `${depth * INDENT_PX + 16}px` }}>
          {error ? translate('ra.notification.http_error') : <LinearProgress />}
        </TableCell>
      </TableRow>
    );
  }

  return (
    <>
      {[...data].sort(byName).map((unit) => (
        <UnitTreeRow key={unit.id} unit={unit} depth={depth} />
      ))}
    </>
  );
};

const UnitTreeRow = ({ unit, depth }: { unit: Unit; depth: number }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [open, setOpen] = useState(depth < OPEN_BELOW_DEPTH);
  const { canAccess: canEdit } = useCanAccess({ resource: 'units', action: 'edit' });
  const hasChildren = unit.level !== 'hamlet';
  const showPath = createPath({ resource: 'units', type: 'show', id: unit.id });
  const editPath = createPath({ resource: 'units', type: 'edit', id: unit.id });
  const toggleLabel = translate(open ? 'nguon.units.collapse' : 'nguon.units.expand', {
    name: unit.name,
  });

  return (
    <Fragment>
      <TableRow hover>
        <TableCell sx={{ pl: `${depth * INDENT_PX}px`, whiteSpace: 'nowrap' }}>
          {hasChildren ? (
            <IconButton size="small" aria-label={toggleLabel} onClick={() => setOpen(!open)}>
              {open ? <ExpandMoreIcon /> : <ChevronRightIcon />}
            </IconButton>
          ) : (
            <IconButton size="small" disabled sx={{ visibility: 'hidden' }} aria-hidden />
          )}
          <Link component={RouterLink} to={showPath} underline="hover">
            {unit.name}
          </Link>
        </TableCell>
        <TableCell>{translate(choiceKey('units', 'level', unit.level))}</TableCell>
        <TableCell>{unit.code}</TableCell>
        <TableCell align="right">{formatCount(unit.householdCount ?? 0)}</TableCell>
        <TableCell align="right">
          {canEdit && (
            <Link component={RouterLink} to={editPath} underline="hover">
              {translate('ra.action.edit')}
            </Link>
          )}
        </TableCell>
      </TableRow>
      {open && hasChildren && <UnitTreeRows parentId={String(unit.id)} depth={depth + 1} />}
    </Fragment>
  );
};
