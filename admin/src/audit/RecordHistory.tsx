import { Box, Typography } from '@mui/material';
import {
  Datagrid,
  Pagination,
  ReferenceManyField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { auditResource } from '../../../shared/audit/resource';
import { useCan } from '../auth/useCan';
import { ChangesField } from '../generated/ChangesField';
import { fieldFor } from '../generated/fields';

const HISTORY_PAGE = 10;

/** When, who and what: the record type and id are the page's own, so they are left out. */
const columns = auditResource.fields
  .filter((field) => ['at', 'username', 'action'].includes(field.source))
  .map((field) => fieldFor(auditResource, field, true));

/**
 * "Lịch sử thay đổi": the audit events of the record on the page, newest first, every change
 * in full. One key read on the API side (`resource` + `recordId`). Left out for a role that may
 * not read the trail, rather than shown as an error.
 */
export const RecordHistory = ({ resource }: { resource: string }) => {
  const translate = useTranslate();
  const record = useRecordContext();
  const canReadTrail = useCan('audit-events', 'list');
  if (!canReadTrail || !record) return null;
  const empty = (
    <Typography variant="body2" color="text.secondary">
      {translate('nguon.history.empty')}
    </Typography>
  );

  return (
    <Box component="section" aria-labelledby="record-history" sx={{ px: 2, pb: 2 }}>
      <Typography id="record-history" variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('nguon.history.title')}
      </Typography>
      <ReferenceManyField
        reference="audit-events"
        target="recordId"
        filter={{ resource }}
        sort={auditResource.defaultSort}
        perPage={HISTORY_PAGE}
        pagination={<Pagination rowsPerPageOptions={[HISTORY_PAGE, 25, 50]} />}
        empty={empty}
      >
        {/* The record's own filter counts as a filter to react-admin, which would otherwise
            answer "nothing matches the current filters" on a record with no history yet. */}
        <Datagrid bulkActionButtons={false} rowClick="show" empty={empty}>
          {columns}
          <ChangesField source="changes" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};
