import { accountResource } from '../accounts/resource';
import { householdResource } from '../households/resource';
import { unitResource } from '../units/resource';
import type { ResourceDef } from './types';

/** Every resource of the register, in menu order. */
export const resources: ResourceDef[] = [householdResource, unitResource, accountResource];

export const resourceByName = (name: string): ResourceDef | undefined =>
  resources.find((resource) => resource.name === name);
