import { Card, CardHeader, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { SortingStatus } from '../../../shared/collections/fields';
import { sortingStatusChoices } from '../../../shared/collections/resource';
import { formatDateTime } from '../format/dates';

/** A pickup as the API answered its creation, with what the list of this session shows. */
export interface RecentEntry {
  id: string;
  at: string;
  totalKg: number;
  sortingStatus: SortingStatus;
  householdId: string | null;
  householdsCovered: number;
}

/**
 * The pickups saved from this page since it opened, newest first: a collector entering a round
 * sees at a glance what went in, and can open one to correct it.
 */
export const RecentEntries = ({ entries }: { entries: RecentEntry[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (entries.length === 0) return null;
  const status = (id: SortingStatus) =>
    sortingStatusChoices.find((choice) => choice.id === id)?.name[locale === 'en' ? 'en' : 'vi'] ??
    id;

  return (
    <Card sx={{ mt: 2 }}>
      <CardHeader
        title={translate('nguon.collections.entry.recent', { smart_count: entries.length })}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
      />
      <List dense aria-label={translate('nguon.collections.entry.recent_list')}>
        {entries.map((entry) => (
          <ListItem key={entry.id} divider>
            <ListItemText
              primary={
                <Link component={RouterLink} to={`/collections/${entry.id}/show`}>
                  {`${formatDateTime(entry.at)} · ${entry.totalKg.toLocaleString('vi-VN')} kg`}
                </Link>
              }
              secondary={
                <Typography variant="body2" color="text.secondary" component="span">
                  {status(entry.sortingStatus)}
                  {entry.householdId
                    ? ''
                    : ` · ${translate('nguon.collections.entry.covered', {
                        smart_count: entry.householdsCovered,
                      })}`}
                </Typography>
              }
            />
          </ListItem>
        ))}
      </List>
    </Card>
  );
};
