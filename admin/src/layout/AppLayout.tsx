import type { ReactNode } from 'react';
import { AppBar, Layout } from 'react-admin';
import { AppMenu } from './AppMenu';
import { AppUserMenu } from './AppUserMenu';

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} />;

/** react-admin's layout with the role's own menu and a user menu that says who is signed in. */
export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppAppBar} menu={AppMenu}>
    {children}
  </Layout>
);
