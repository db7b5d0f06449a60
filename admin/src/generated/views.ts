import type { ComponentType } from 'react';
import type { ResourceDef } from '../../../shared/resources/types';
import { createCreate } from './create';
import { createEdit } from './edit';
import { createList, type ListOptions } from './list';
import { createShow } from './show';

export interface ResourceViews {
  list: ComponentType;
  show: ComponentType;
  edit: ComponentType;
  create: ComponentType;
}

/** All four views of a resource, generated from its definition. */
export const generateViews = (def: ResourceDef, listOptions?: ListOptions): ResourceViews => ({
  list: createList(def, listOptions),
  show: createShow(def),
  edit: createEdit(def),
  create: createCreate(def),
});
