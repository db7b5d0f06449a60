import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Title, useNotify, useRedirect, useTranslate } from 'react-admin';
import { httpClient } from '../data/api';
import { API_URL } from '../data/httpClient';
import { PasswordBox } from './PasswordBox';
import { generalMessage, passwordErrorsOf, type PasswordErrors } from './passwordErrors';
import { saveToken } from './session';

const NO_ERRORS: PasswordErrors = { message: '', fields: {} };

/**
 * "Đổi mật khẩu": the signed-in user changes their own password. The API ends every session of
 * the user and answers with a fresh token, which replaces this browser's; other browsers and
 * devices are signed out.
 */
export const ChangePasswordPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      const mismatch = translate('nguon.password.mismatch');
      setErrors({ message: mismatch, fields: { repeat: mismatch } });

      return;
    }
    setSaving(true);
    try {
      const { json } = await httpClient(`${API_URL}/auth/password`, {
        method: 'POST',
        body: JSON.stringify({ currentPassword: current, newPassword: next }),
      });
      const answer = json as { message: string; token: string };
      saveToken(answer.token);
      notify(answer.message, { type: 'success' });
      redirect('/');
    } catch (error) {
      setErrors(passwordErrorsOf(error, translate('nguon.password.failed')));
    } finally {
      setSaving(false);
    }
  };

  // The API names the new password `password` when its rules refuse it, `newPassword` otherwise.
  const newError = errors.fields.newPassword ?? errors.fields.password;

  return (
    <Card sx={{ mt: 2, maxWidth: 560 }}>
      <Title title={translate('nguon.password.title')} />
      <CardContent>
        <Box component="form" onSubmit={submit} noValidate>
          <Stack spacing={1}>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {translate('nguon.password.explain')}
            </Typography>
            {generalMessage(errors) && <Alert severity="error">{generalMessage(errors)}</Alert>}
            <PasswordBox
              label={translate('nguon.password.current')}
              value={current}
              onChange={setCurrent}
              error={errors.fields.currentPassword}
              autoComplete="current-password"
              autoFocus
            />
            <PasswordBox
              label={translate('nguon.password.new')}
              value={next}
              onChange={setNext}
              error={newError}
              autoComplete="new-password"
            />
            <PasswordBox
              label={translate('nguon.password.repeat')}
              value={repeat}
              onChange={setRepeat}
              error={errors.fields.repeat}
              autoComplete="new-password"
            />
            <Box>
              <Button
                type="submit"
                variant="contained"
                disabled={saving || !current || !next || !repeat}
              >
                {translate('nguon.password.submit')}
              </Button>
            </Box>
          </Stack>
        </Box>
      </CardContent>
    </Card>
  );
};
