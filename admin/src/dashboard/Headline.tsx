import { Card, CardContent, Grid, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatCount, formatPercent } from '../format/numbers';
import { percentOf, sumStats, type WardStats } from './useRegisterStats';

const Figure = ({ label, value, note }: { label: string; value: string; note?: string }) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4" component="p">
        {value}
      </Typography>
      {note && (
        <Typography variant="body2" color="text.secondary">
          {note}
        </Typography>
      )}
    </CardContent>
  </Card>
);

const BANDS = ['complete', 'partial', 'incomplete'] as const;

/** The city's totals: how many households are registered, and how complete the register is. */
export const Headline = ({ wards }: { wards: WardStats[] }) => {
  const translate = useTranslate();
  const sum = sumStats(wards);

  return (
    <Grid container spacing={2} sx={{ mb: 2 }}>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <Figure
          label={translate('nguon.dashboard.total')}
          value={formatCount(sum.total)}
          note={translate('nguon.dashboard.wards', { count: wards.length })}
        />
      </Grid>
      {BANDS.map((band) => (
        <Grid key={band} size={{ xs: 12, sm: 6, md: 3 }}>
          <Figure
            label={translate(`nguon.dashboard.${band}`)}
            value={formatPercent(percentOf(sum[band], sum.total))}
            note={formatCount(sum[band])}
          />
        </Grid>
      ))}
    </Grid>
  );
};
