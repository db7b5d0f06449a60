import type { Role } from '../auth/roles';

export interface UserInput {
  username: string;
  fullName: string;
  accountId: string;
  role: Role;
  phone: string | null;
  email: string | null;
  active: boolean;
}

/** A user as the API returns it: never the password hash. */
export interface User extends UserInput {
  id: string;
  lastSignInAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const USER_SERVER_OWNED = ['id', 'lastSignInAt', 'createdAt', 'updatedAt'] as const;

/** Attributes stored with a user that no response may carry. */
export const USER_SECRETS = ['passwordHash', 'passwordChangedAt'] as const;
