import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { FieldChange } from '../../../shared/audit/events';
import { resourceByName } from '../../../shared/resources';
import type { ResourceDef } from '../../../shared/resources/types';
import { ChangeValue } from './ChangeValue';

interface Props extends FieldProps {
  /** Lines shown at most, the rest counted ("… và 4 thay đổi khác"); all when undefined. */
  limit?: number;
}

/** One line per row of a list: a long value is cut at the column's edge, not wrapped. */
const oneLine = {
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  maxWidth: 480,
};

/** The changes in the order the record's page shows its fields; unknown fields last. */
const inFieldOrder = (def: ResourceDef | undefined, changes: FieldChange[]): FieldChange[] => {
  const order = (field: string) => {
    const index = def?.fields.findIndex((candidate) => candidate.source === field) ?? -1;

    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };

  return [...changes].sort((a, b) => order(a.field) - order(b.field));
};

/**
 * An audit event's changes, "Số điện thoại: 0905 111 222 → 0905 333 444", with the labels and
 * value formats of the changed record's own definition. A created record lists what it was
 * created with and a deleted one what it held: the other side of the arrow would be empty.
 */
export const ChangesField = ({ source, limit }: Props) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const resource = String(record.resource ?? '');
  const def = resourceByName(resource);
  const changes = inFieldOrder(def, (record[source] ?? []) as FieldChange[]);
  const shown = limit === undefined ? changes : changes.slice(0, limit);
  const hidden = changes.length - shown.length;
  const fieldOf = (name: string) => def?.fields.find((field) => field.source === name);

  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {shown.map((change) => {
        const field = fieldOf(change.field);
        const value = (side: unknown) => (
          <ChangeValue resource={resource} field={field} value={side} />
        );

        return (
          <Typography
            key={change.field}
            component="li"
            variant="body2"
            sx={limit === undefined ? undefined : oneLine}
          >
            <Box component="span" sx={{ fontWeight: 500 }}>
              {translate(`resources.${resource}.fields.${change.field}`, { _: change.field })}:
            </Box>{' '}
            {record.action === 'create' && value(change.to)}
            {record.action === 'delete' && value(change.from)}
            {record.action === 'update' && (
              <>
                {value(change.from)} → {value(change.to)}
              </>
            )}
          </Typography>
        );
      })}
      {hidden > 0 && (
        <Typography component="li" variant="body2" color="text.secondary">
          {translate('nguon.audit.more', { smart_count: hidden })}
        </Typography>
      )}
    </Box>
  );
};
