import { DeleteButton, EditButton, Show, SimpleShowLayout, TopToolbar } from 'react-admin';
import { householdResource } from '../../../shared/households/resource';
import { RecordHistory } from '../audit/RecordHistory';
import { fieldFor, isDisplayed } from '../generated/fields';
import { ShowError } from '../generated/RecordError';
import { HouseholdBillsPanel } from '../bills/HouseholdBillsPanel';
import { SortingRecordPanel } from './SortingRecordPanel';

const fields = householdResource.fields
  .filter(isDisplayed)
  .map((field) => fieldFor(householdResource, field));

const actions = (
  <TopToolbar>
    <EditButton />
    <DeleteButton mutationMode="pessimistic" />
  </TopToolbar>
);

/**
 * A household's page: the generated one (every field, edit and delete for those who may, the
 * record's history) with its sorting record and its fee bills between the fields and the history.
 */
export const HouseholdShow = () => (
  <Show actions={actions} error={<ShowError />}>
    <SimpleShowLayout>{fields}</SimpleShowLayout>
    <SortingRecordPanel />
    <HouseholdBillsPanel />
    <RecordHistory resource={householdResource.name} />
  </Show>
);
