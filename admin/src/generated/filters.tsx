import type { ReactElement } from 'react';
import { SearchInput, SelectInput, TextInput } from 'react-admin';
import type { FilterDef, ResourceDef } from '../../../shared/resources/types';
import { translatedChoices } from './fields';
import { ReferenceAutocomplete } from './ReferenceAutocomplete';

/**
 * When a list is filtered by a parent unit (a ward) and offers a filter on its children
 * (hamlets), the child filter offers only that parent's children.
 */
const PARENT_FILTERS: Record<string, string> = { hamletId: 'unitId' };

const filterFor = (def: ResourceDef, filter: FilterDef, sources: string[]): ReactElement => {
  const { source, alwaysOn } = filter;
  const label = `resources.${def.name}.filters.${source}`;

  switch (filter.kind) {
    case 'search':
      return <SearchInput key={source} source={source} alwaysOn={alwaysOn} />;
    case 'choice':
      return (
        <SelectInput
          key={source}
          source={source}
          label={label}
          alwaysOn={alwaysOn}
          choices={translatedChoices(def.name, filter)}
        />
      );
    case 'reference': {
      const parentFrom = PARENT_FILTERS[source];
      const rule = {
        filter: filter.referenceFilter,
        parentFrom: parentFrom && sources.includes(parentFrom) ? parentFrom : undefined,
      };

      return (
        <ReferenceAutocomplete
          key={source}
          source={source}
          label={label}
          alwaysOn={alwaysOn}
          reference={filter.reference ?? ''}
          rule={rule}
          helperText={false}
        />
      );
    }
    default:
      return <TextInput key={source} source={source} label={label} alwaysOn={alwaysOn} />;
  }
};

/** The list filters of a definition; `alwaysOn` ones are shown, the rest under "Add filter". */
export const filtersFor = (def: ResourceDef): ReactElement[] => {
  const sources = def.filters.map((filter) => filter.source);

  return def.filters.map((filter) => filterFor(def, filter, sources));
};
