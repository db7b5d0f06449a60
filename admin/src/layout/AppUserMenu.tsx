import PasswordIcon from '@mui/icons-material/Password';
import { Box, Divider, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import {
  Logout,
  UserMenu,
  useGetIdentity,
  useLocaleState,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { Link as RouterLink } from 'react-router';
import { roleLabels } from '../../../shared/auth/roles';
import type { Identity } from '../auth/authProvider';

/** Who is signed in, in full: the app bar has room for name and account, not for the role. */
const WhoIsSignedIn = () => {
  const { identity } = useGetIdentity();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const me = identity as Identity | undefined;
  if (!me) return null;
  const role = roleLabels[me.role]?.[locale === 'en' ? 'en' : 'vi'] ?? me.role;

  return (
    <Box sx={{ px: 2, py: 1, maxWidth: 320 }}>
      <Typography variant="subtitle2">{me.name}</Typography>
      <Typography variant="body2" color="text.secondary">
        {me.accountName}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('nguon.user_menu.signed_in_as', { username: me.username, role })}
      </Typography>
    </Box>
  );
};

const ChangePasswordItem = () => {
  const translate = useTranslate();
  const userMenu = useUserMenu();

  return (
    <MenuItem component={RouterLink} to="/password" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <PasswordIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('nguon.password.menu')}</ListItemText>
    </MenuItem>
  );
};

/** The app bar's user menu: who, then changing one's password, then signing out. */
export const AppUserMenu = () => (
  <UserMenu>
    <WhoIsSignedIn />
    <Divider />
    <ChangePasswordItem />
    <Logout />
  </UserMenu>
);
