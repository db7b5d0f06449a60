import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import { useCanAccess, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';

/**
 * The collection list's own button: a batch of pickups from Excel or CSV, for those who may
 * record pickups (the import also corrects pickups it imported before, so updating too).
 */
export const CollectionListActions = () => {
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ resource: 'collections', action: 'create' });
  const { canAccess: canUpdate } = useCanAccess({ resource: 'collections', action: 'edit' });
  if (!canCreate || !canUpdate) return null;

  return (
    <Button
      size="small"
      component={RouterLink}
      to="/collections/import"
      startIcon={<UploadFileIcon />}
    >
      {translate('nguon.import.open')}
    </Button>
  );
};
