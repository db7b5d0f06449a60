import LockResetIcon from '@mui/icons-material/LockReset';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { PasswordBox } from '../auth/PasswordBox';
import { generalMessage, passwordErrorsOf, type PasswordErrors } from '../auth/passwordErrors';
import { useCan } from '../auth/useCan';
import { httpClient } from '../data/api';
import { API_URL } from '../data/httpClient';

const NO_ERRORS: PasswordErrors = { message: '', fields: {} };

/**
 * "Đặt lại mật khẩu" on a user's page, for roles that may update users. The API checks the
 * rest (the target's role must be one the caller may give) and its message is shown as is.
 */
export const ResetPasswordButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const record = useRecordContext();
  const canUpdate = useCan('users', 'update');
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  if (!record || !canUpdate) return null;

  const close = () => {
    setOpen(false);
    setPassword('');
    setErrors(NO_ERRORS);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const { json } = await httpClient(
        `${API_URL}/users/${encodeURIComponent(String(record.id))}/password`,
        { method: 'POST', body: JSON.stringify({ password }) },
      );
      notify((json as { message: string }).message, { type: 'success' });
      close();
      // The reset raised the user's version: an edit form still holding the old one would fail.
      refresh();
    } catch (error) {
      setErrors(passwordErrorsOf(error, translate('nguon.reset_password.failed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button label="nguon.reset_password.open" onClick={() => setOpen(true)}>
        <LockResetIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>
            {translate('nguon.reset_password.title', { name: String(record.fullName ?? '') })}
          </DialogTitle>
          <DialogContent>
            <Stack spacing={2}>
              <DialogContentText>{translate('nguon.reset_password.explain')}</DialogContentText>
              {generalMessage(errors) && <Alert severity="error">{generalMessage(errors)}</Alert>}
              <PasswordBox
                label={translate('nguon.reset_password.new')}
                value={password}
                onChange={setPassword}
                error={errors.fields.password}
                autoComplete="new-password"
                autoFocus
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={saving || !password}>
              {translate('nguon.reset_password.submit')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
