import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useCanAccess, useTranslate } from 'react-admin';
import { ExportButtons } from './export/ExportButtons';

/**
 * The household list's own buttons: import a register (for those who may create households,
 * as the API requires), export the filtered one (for those who may list them).
 */
export const HouseholdListActions = () => {
  const translate = useTranslate();
  const { canAccess: canImport } = useCanAccess({ resource: 'households', action: 'create' });
  const { canAccess: canExport } = useCanAccess({ resource: 'households', action: 'export' });

  return (
    <>
      {canImport && (
        <Button
          size="small"
          component={RouterLink}
          to="/households/import"
          startIcon={<UploadFileIcon />}
        >
          {translate('nguon.import.open')}
        </Button>
      )}
      {canExport && <ExportButtons />}
    </>
  );
};
