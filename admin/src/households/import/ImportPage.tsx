import { householdImportTargets } from '../../../../shared/import/columns';
import type { ImportKind } from './importKind';
import { ImportWizard } from './ImportWizard';

/** A register from Excel or CSV: rows become households, named by code and owner. */
export const householdImport: ImportKind = {
  path: '/households/import',
  resource: 'households',
  targets: householdImportTargets,
  texts: {},
  identity: [
    {
      label: 'resources.households.fields.code',
      value: (record, result) => result.code ?? record?.code,
    },
    { label: 'resources.households.fields.ownerName', value: (record) => record?.ownerName },
  ],
  resultsFile: 'ket-qua-nhap-so-ho',
};

const ImportPage = () => <ImportWizard kind={householdImport} />;

export default ImportPage;
