import type { ReactElement } from 'react';
import { SearchInput, SelectInput, TextInput } from 'react-admin';
import type { FilterDef, ResourceDef } from '../../../shared/resources/types';
import { currentMonthInVietnam } from '../format/dates';
import { translatedChoices } from './fields';
import { MonthInput } from './MonthInput';
import { ReferenceAutocomplete } from './ReferenceAutocomplete';

const filterFor = (def: ResourceDef, filter: FilterDef): ReactElement => {
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
    case 'reference':
      return (
        <ReferenceAutocomplete
          key={source}
          source={source}
          label={label}
          alwaysOn={alwaysOn}
          reference={filter.reference ?? ''}
          referenceFilter={filter.referenceFilter}
          helperText={false}
        />
      );
    case 'month':
      return <MonthInput key={source} source={source} label={label} alwaysOn={alwaysOn} />;
    default:
      return (
        <TextInput
          key={source}
          source={source}
          label={label}
          alwaysOn={alwaysOn}
          helperText={false}
        />
      );
  }
};

/** The list filters of a definition; `alwaysOn` ones are shown, the rest under "Add filter". */
export const filtersFor = (def: ResourceDef): ReactElement[] =>
  def.filters.map((filter) => filterFor(def, filter));

/** What a list is filtered by when it opens: a `month` filter starts on the current month. */
export const filterDefaults = (def: ResourceDef, now = new Date()): Record<string, string> =>
  Object.fromEntries(
    def.filters
      .filter((filter) => filter.kind === 'month')
      .map((filter) => [filter.source, currentMonthInVietnam(now)]),
  );
