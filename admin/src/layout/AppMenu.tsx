import { Menu, useGetIdentity, useResourceDefinitions } from 'react-admin';
import type { Identity } from '../auth/authProvider';

/**
 * The sidebar: the resources of the signed-in role's menu, in the server's order (the role
 * table in shared/auth/roles.ts, as `GET /api/auth/me` answers it for this user). A resource
 * the role reads but does not browse (accounts, for a ward) is left out.
 */
export const AppMenu = () => {
  const { identity } = useGetIdentity();
  const registered = useResourceDefinitions();
  const menu = ((identity as Identity | undefined)?.menu ?? []).filter(
    (name) => registered[name]?.hasList,
  );

  return (
    <Menu>
      <Menu.DashboardItem />
      {menu.map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
    </Menu>
  );
};
