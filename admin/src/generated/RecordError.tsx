import { Alert, Box, Button } from '@mui/material';
import {
  HttpError,
  useCreatePath,
  useEditContext,
  useResourceContext,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router';

/**
 * What a record page shows when its record cannot be loaded. The API answers 404 both for a
 * record that does not exist and for one outside the reader's area (it never confirms that a
 * record exists elsewhere), so the message covers both.
 */
const RecordError = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  const resource = useResourceContext() ?? '';
  const createPath = useCreatePath();
  const notFound = error instanceof HttpError && error.status === 404;
  const name = translate(`resources.${resource}.name`, { smart_count: 1 }).toLowerCase();

  return (
    <Box sx={{ p: 2 }}>
      <Alert severity={notFound ? 'warning' : 'error'} sx={{ mb: 2 }}>
        {notFound
          ? translate('nguon.not_found', { name })
          : error instanceof Error
            ? error.message
            : translate('ra.notification.http_error')}
      </Alert>
      <Button component={RouterLink} to={createPath({ resource, type: 'list' })}>
        {translate('nguon.back_to_list')}
      </Button>
    </Box>
  );
};

export const ShowError = () => <RecordError error={useShowContext().error} />;

export const EditError = () => <RecordError error={useEditContext().error} />;
