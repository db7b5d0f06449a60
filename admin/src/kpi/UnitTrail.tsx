import { Breadcrumbs, Link, Typography } from '@mui/material';
import { useGetIdentity, useGetMany, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { PLATFORM_ROLES } from '../../../shared/auth/roles';
import type { Identity } from '../auth/authProvider';
import { PLATFORM_ID, type ReportUnit } from './kpiData';

const idsOf = (unitPath: string) => unitPath.split('/').filter(Boolean);

/**
 * Where the unit shown sits: the platform (for the operator and finance), then each ancestor the
 * user may see, each a link to its own page (`to` builds it). The unit itself ends the trail.
 */
export const UnitTrail = ({ unit, to }: { unit: ReportUnit; to: (unitId: string) => string }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const ancestors = idsOf(unit.unitPath).filter((id) => id !== unit.id);
  // Ancestors outside the user's area are not answered: the trail starts at their own area.
  const { data = [] } = useGetMany<{ id: string; name: string }>(
    'units',
    { ids: ancestors },
    { enabled: ancestors.length > 0 },
  );
  const platform =
    unit.id !== PLATFORM_ID &&
    PLATFORM_ROLES.includes((identity as Identity | undefined)?.role ?? 'viewer');
  const visible = ancestors.flatMap((id) => data.filter((u) => u.id === id));

  return (
    <Breadcrumbs aria-label={translate('nguon.kpi.trail')} sx={{ mb: 1 }}>
      {platform && (
        <Link component={RouterLink} to={to(PLATFORM_ID)} underline="hover">
          {translate('nguon.kpi.platform')}
        </Link>
      )}
      {visible.map((ancestor) => (
        <Link key={ancestor.id} component={RouterLink} to={to(ancestor.id)} underline="hover">
          {ancestor.name}
        </Link>
      ))}
      <Typography color="text.primary" component="span">
        {unit.id === PLATFORM_ID ? translate('nguon.kpi.platform') : unit.name}
      </Typography>
    </Breadcrumbs>
  );
};
