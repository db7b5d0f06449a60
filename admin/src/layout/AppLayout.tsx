import type { ReactNode } from 'react';
import { AppBar, Layout, TitlePortal } from 'react-admin';
import { AppMenu } from './AppMenu';
import { AppUserMenu } from './AppUserMenu';

/**
 * On a phone the bar holds the menu button, the title and four icons in about 390 px. The title
 * takes what is left and ends in "…" rather than running under the icons: its text is made
 * inline (react-admin wraps it in boxes that would be clipped mid-letter instead), it may
 * shrink to nothing, and keeps a gap before the icons. The language button shows only its
 * icon there; its menu still names each language.
 */
const AppAppBar = () => (
  <AppBar
    userMenu={<AppUserMenu />}
    sx={(theme) => ({
      [theme.breakpoints.down('sm')]: {
        '& .RaAppBar-toolbar .MuiButton-root': {
          fontSize: 0,
          minWidth: 0,
          '& .MuiButton-startIcon': { mr: 0.25 },
        },
      },
    })}
  >
    <TitlePortal
      sx={(theme) => ({
        minWidth: 0,
        mr: 1,
        '& *, & .RaConfigurable-root': { display: 'inline' },
        [theme.breakpoints.down('sm')]: { fontSize: '1.05rem' },
      })}
    />
  </AppBar>
);

/** react-admin's layout with the role's own menu and a user menu that says who is signed in. */
export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppAppBar} menu={AppMenu}>
    {children}
  </Layout>
);
