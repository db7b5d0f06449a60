import { accountResource } from '../accounts/resource';
import { auditResource } from '../audit/resource';
import { householdResource } from '../households/resource';
import { unitResource } from '../units/resource';
import { userResource } from '../users/resource';
import type { ResourceDef } from './types';

/** Every resource of the register, in menu order. */
export const resources: ResourceDef[] = [
  householdResource,
  unitResource,
  accountResource,
  userResource,
  auditResource,
];

export const resourceByName = (name: string): ResourceDef | undefined =>
  resources.find((resource) => resource.name === name);
