import type { ComponentType } from 'react';
import type { ResourceDef } from '../../../shared/resources/types';
import { createCreate } from './create';
import { createEdit } from './edit';
import { createList, type ListOptions } from './list';
import { createShow, type RecordOptions } from './show';

export interface ResourceViews {
  list: ComponentType;
  show: ComponentType;
  /** Undefined for a read-only resource: react-admin then offers no route or button for it. */
  edit?: ComponentType;
  create?: ComponentType;
}

export type ViewOptions = ListOptions & RecordOptions;

/** The views of a resource, generated from its definition. */
export const generateViews = (def: ResourceDef, options: ViewOptions = {}): ResourceViews => ({
  list: createList(def, options),
  show: createShow(def, options),
  edit: def.readOnly ? undefined : createEdit(def, options),
  create: def.readOnly ? undefined : createCreate(def),
});
