import { useEffect, useRef } from 'react';
import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { referenceSort, type ReferenceRule } from './referenceRules';

interface Props {
  source: string;
  reference: string;
  rule?: ReferenceRule;
  label?: string;
  readOnly?: boolean;
  validate?: Validator;
  alwaysOn?: boolean;
  helperText?: string | false;
}

const searchFilter = (text: string) => (text ? { q: text } : {});

/**
 * A reference picked by typing (the API searches `q`). With `parentFrom`, only children of the
 * parent picked in another input are offered, and changing that parent clears this choice.
 */
export const ReferenceAutocomplete = (props: Props) => {
  // `alwaysOn` is read by the filter form from this element; the autocomplete must not get it.
  const { source, reference, rule, label, alwaysOn: _alwaysOn, ...rest } = props;
  const { setValue } = useFormContext();
  // Hooks run unconditionally: without a parent, a name no input has is watched instead.
  const parentSource = rule?.parentFrom ?? `__none_${source}`;
  const parentId = useWatch({ name: parentSource }) as string | null | undefined;
  const previousParent = useRef(parentId);

  useEffect(() => {
    if (!rule?.parentFrom || previousParent.current === parentId) return;
    previousParent.current = parentId;
    setValue(source, null, { shouldDirty: true });
  }, [parentId, rule?.parentFrom, setValue, source]);

  const filter = rule?.parentFrom && parentId ? { parentId } : (rule?.filter ?? {});

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
