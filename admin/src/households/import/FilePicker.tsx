import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

interface Props {
  fileName: string | null;
  onFile: (file: File) => void;
  disabled?: boolean;
}

export const FilePicker = ({ fileName, onFile, disabled }: Props) => {
  const translate = useTranslate();

  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Button
        variant="outlined"
        component="label"
        startIcon={<UploadFileIcon />}
        disabled={disabled}
      >
        {translate('nguon.import.choose_file')}
        <input
          type="file"
          hidden
          accept=".csv,.xlsx"
          aria-label={translate('nguon.import.choose_file')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that choosing the same file again (after fixing it) reads it again.
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </Button>
      <Typography variant="body2" color="text.secondary">
        {fileName ?? translate('nguon.import.file_types')}
      </Typography>
    </Stack>
  );
};
