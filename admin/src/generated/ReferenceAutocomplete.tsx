import { useEffect, useRef } from 'react';
import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { ReferenceFilter } from '../../../shared/resources/types';
import { referenceSort } from './referenceSort';

interface Props {
  source: string;
  reference: string;
  referenceFilter?: ReferenceFilter;
  label?: string;
  readOnly?: boolean;
  validate?: Validator;
  alwaysOn?: boolean;
  helperText?: string | false;
}

const searchFilter = (text: string) => (text ? { q: text } : {});

/**
 * A reference picked by typing (the API searches `q`), narrowed by the definition's
 * `referenceFilter`. Works the same in an edit form and in a list's filter form: both are
 * react-hook-form forms, so the other field is watched the same way.
 */
export const ReferenceAutocomplete = (props: Props) => {
  // `alwaysOn` is read by the filter form from this element; the autocomplete must not get it.
  const { source, reference, referenceFilter, label, alwaysOn: _alwaysOn, ...rest } = props;
  const { setValue } = useFormContext();
  const from = referenceFilter?.fromField;
  // Hooks run unconditionally: without a `fromField`, a name no input has is watched instead.
  const fromValue = useWatch({ name: from?.field ?? `__none_${source}` }) as unknown;
  const previous = useRef(fromValue);

  // A new ward makes the chosen hamlet meaningless; the first render is the record as loaded.
  useEffect(() => {
    if (!from || previous.current === fromValue) return;
    previous.current = fromValue;
    setValue(source, null, { shouldDirty: true });
  }, [fromValue, from, setValue, source]);

  const hasFrom = from && fromValue !== null && fromValue !== undefined && fromValue !== '';
  const filter = { ...referenceFilter?.static, ...(hasFrom ? { [from.as]: fromValue } : {}) };

  return (
    <ReferenceInput
      source={source}
      reference={reference}
      filter={filter}
      sort={referenceSort(reference)}
    >
      <AutocompleteInput
        label={label}
        filterToQuery={searchFilter}
        noOptionsText="nguon.no_options"
        sx={{ minWidth: 240 }}
        {...rest}
      />
    </ReferenceInput>
  );
};
