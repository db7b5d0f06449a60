import DownloadIcon from '@mui/icons-material/Download';
import { Button, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { toCsv } from '../../../shared/export/table';
import { CSV_TYPE, downloadFile } from '../households/export/download';
import type { ImportKind } from '../households/import/importKind';
import { ImportWizard } from '../households/import/ImportWizard';
import { collectionImportTargets } from './importTargets';

/** Pickups from a collector's log: rows become collections, named by time and household. */
export const collectionImport: ImportKind = {
  path: '/collections/import',
  resource: 'collections',
  targets: collectionImportTargets,
  texts: {
    title: 'nguon.collections.import.title',
    mapping: 'nguon.collections.import.mapping',
    target: 'nguon.collections.import.target',
    run: 'nguon.collections.import.run',
    totals_preview: 'nguon.collections.import.totals_preview',
    totals_done: 'nguon.collections.import.totals_done',
  },
  identity: [
    { label: 'resources.collections.fields.at', value: (record) => record?.at },
    {
      label: 'nguon.collections.import.where',
      value: (record) => record?.householdCode ?? record?.householdId ?? record?.hamletId,
    },
  ],
  resultsFile: 'ket-qua-nhap-thu-gom',
};

/** The columns of the template, in the order a log is usually kept. */
const TEMPLATE_COLUMNS = [
  'at',
  'hamletId',
  'householdCode',
  'householdsCovered',
  'recyclableKg',
  'foodKg',
  'otherKg',
  'bulkyKg',
  'hazardousKg',
  'sortingStatus',
  'refusalReason',
  'collectorId',
  'note',
];

/** Two example rows: a household's pickup and a whole residential group's. */
const TEMPLATE_ROWS: Array<Record<string, string>> = [
  {
    at: '31/03/2025 07:30',
    hamletId: 'Tổ dân phố 1',
    householdCode: 'VH-0001',
    recyclableKg: '1,5',
    foodKg: '2,3',
    otherKg: '0,8',
    sortingStatus: 'Đã phân loại',
  },
  {
    at: '31/03/2025 18:00',
    hamletId: 'Tổ dân phố 2',
    householdsCovered: '120',
    recyclableKg: '35',
    foodKg: '260',
    otherKg: '180',
    sortingStatus: 'Phân loại một phần',
  },
];

const TemplateButton = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = locale === 'en' ? 'en' : 'vi';
  const columns = TEMPLATE_COLUMNS.map((field) => ({
    header: collectionImportTargets.find((t) => t.field === field)?.label[language] ?? field,
    value: (row: Record<string, string>) => row[field] ?? '',
  }));

  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('nguon.collections.import.help')}
      </Typography>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        sx={{ mt: 1 }}
        onClick={() =>
          downloadFile(toCsv(columns, TEMPLATE_ROWS), 'mau-nhap-thu-gom.csv', CSV_TYPE)
        }
      >
        {translate('nguon.collections.import.template')}
      </Button>
    </>
  );
};

const CollectionImportPage = () => (
  <ImportWizard kind={collectionImport} fileHelp={<TemplateButton />} />
);

export default CollectionImportPage;
