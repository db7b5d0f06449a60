import { Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/**
 * The sign-in page says what it signs in to: the product's name and what it is for, above the
 * usual username and password form.
 */
export const LoginPage = () => {
  const translate = useTranslate();

  return (
    <Login>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography component="h1" variant="h5" sx={{ fontWeight: 600 }}>
          Nguồn
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('nguon.login.tagline')}
        </Typography>
      </Box>
      <LoginForm />
    </Login>
  );
};
