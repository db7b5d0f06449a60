import { usePermissions } from 'react-admin';
import type { Action } from '../../../shared/auth/roles';
import type { Permissions } from './authProvider';

/**
 * Whether the signed-in role may do `action` on `resource`, by the role table as the server
 * sent it. Unlike react-admin's canAccess for `list`, this ignores the menu: a role may list
 * what it does not browse (a record's history, for one). False while the answer is loading.
 */
export const useCan = (resource: string, action: Action): boolean => {
  const { permissions, isPending } = usePermissions<Permissions>();
  const actions = (permissions as Record<string, Action[] | undefined> | undefined)?.[resource];

  return !isPending && (actions?.includes(action) ?? false);
};
