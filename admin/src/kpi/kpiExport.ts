import { WASTE_GROUPS } from '../../../shared/collections/fields';
import { wasteGroupLabels } from '../../../shared/collections/resource';
import type { ExportColumn } from '../../../shared/export/table';
import { CSV_TYPE, downloadFile, XLSX_TYPE } from '../households/export/download';
import type { KpiReport, KpiStatus, MonthFigures, ReportUnit } from './kpiData';
import { definitionOf } from './kpiFormat';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Language = 'vi' | 'en';

/** One line of the export: a unit in a month, with its statuses when the report judged them. */
export interface KpiRow {
  unit: ReportUnit;
  figures: MonthFigures;
  kpis?: KpiStatus[];
}

/** The unit's twelve months, then each child unit in the month shown. */
export const kpiRows = (report: KpiReport): KpiRow[] => [
  ...report.trend.map((figures) => ({
    unit: report.unit,
    figures,
    kpis: figures.month === report.month ? report.kpis : undefined,
  })),
  ...report.children.map((child) => ({
    unit: child.unit,
    figures: child.figures,
    kpis: child.kpis,
  })),
];

const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? null : Math.round(share * 1000) / 10;

/** A KPI's value in the unit of its column: shares in %, weights in kg. */
const kpiCell = (kpi: KpiStatus | undefined, value: number | null | undefined) => {
  if (!kpi || value === null || value === undefined) return null;

  return definitionOf(kpi.key).unit === 'share' ? percent(value) : Math.round(value * 10) / 10;
};

/**
 * The columns of the figures export. Numbers stay numbers (kg to 0.1, shares in % to 0.1),
 * headers are in the panel's language, and every KPI has its status, baseline and target.
 */
export const kpiColumns = (translate: Translate, language: Language): ExportColumn<KpiRow>[] => {
  const t = (key: string) => translate(`nguon.kpi.export.${key}`);
  const groupLabel = (group: (typeof WASTE_GROUPS)[number]) => wasteGroupLabels[group][language];
  const kpiOf = (row: KpiRow, key: KpiStatus['key']) => row.kpis?.find((kpi) => kpi.key === key);
  const keys = ['sortingShare', 'recyclables', 'landfill', 'ghg', 'completeShare'] as const;
  const unitSuffix = (key: (typeof keys)[number]) =>
    definitionOf(key).unit === 'share'
      ? ' (%)'
      : definitionOf(key).unit === 'kg'
        ? ' (kg)'
        : ' (kg CO2e)';

  return [
    { header: t('unit'), value: (r) => r.unit.name },
    { header: t('unit_id'), value: (r) => r.unit.id },
    {
      header: t('level'),
      value: (r) => translate(`nguon.kpi.level.${r.unit.level}`, { _: r.unit.level }),
    },
    { header: t('month'), value: (r) => r.figures.month },
    { header: t('pickups'), value: (r) => r.figures.pickups.total },
    { header: t('pickups_household'), value: (r) => r.figures.pickups.household },
    { header: t('pickups_route'), value: (r) => r.figures.pickups.route },
    { header: t('sorted'), value: (r) => r.figures.pickups.sorted },
    { header: t('partly'), value: (r) => r.figures.pickups.partly },
    { header: t('unsorted'), value: (r) => r.figures.pickups.unsorted },
    { header: t('refused'), value: (r) => r.figures.pickups.refused },
    { header: t('covered'), value: (r) => r.figures.householdsCovered },
    ...WASTE_GROUPS.map((group): ExportColumn<KpiRow> => ({
      header: groupLabel(group),
      value: (r) => r.figures.weightsKg[group],
    })),
    { header: t('total_kg'), value: (r) => r.figures.weightsKg.total },
    { header: t('unsorted_kg'), value: (r) => r.figures.unsortedKg },
    { header: t('recyclables_kg'), value: (r) => r.figures.recyclablesKg },
    { header: t('recyclables_share'), value: (r) => percent(r.figures.recyclablesShare) },
    { header: t('landfill_kg'), value: (r) => r.figures.landfillKg },
    { header: t('ghg'), value: (r) => r.figures.ghgKgCo2e },
    { header: t('households_active'), value: (r) => r.figures.households.active },
    { header: t('households_with_pickups'), value: (r) => r.figures.households.withPickups },
    { header: t('households_sorting'), value: (r) => r.figures.households.sorting },
    { header: t('sorting_share'), value: (r) => percent(r.figures.households.sortingShare) },
    { header: t('register_total'), value: (r) => r.figures.register.total },
    { header: t('register_complete'), value: (r) => r.figures.register.complete },
    { header: t('register_partial'), value: (r) => r.figures.register.partial },
    { header: t('register_incomplete'), value: (r) => r.figures.register.incomplete },
    { header: t('complete_share'), value: (r) => percent(r.figures.register.completeShare) },
    ...keys.flatMap((key): ExportColumn<KpiRow>[] => {
      const label = definitionOf(key).label[language];

      return [
        {
          header: `${label}: ${t('status')}`,
          value: (r) => {
            const kpi = kpiOf(r, key);

            return kpi ? translate(`nguon.kpi.state.${kpi.status}`) : null;
          },
        },
        {
          header: `${label}: ${t('baseline')}${unitSuffix(key)}`,
          value: (r) => kpiCell(kpiOf(r, key), kpiOf(r, key)?.baseline),
        },
        {
          header: `${label}: ${t('target')}${unitSuffix(key)}`,
          value: (r) => kpiCell(kpiOf(r, key), kpiOf(r, key)?.target),
        },
      ];
    }),
  ];
};

/** Downloads the figures as CSV (Excel-ready, formulas neutralised) or XLSX. */
export const exportKpis = async (
  report: KpiReport,
  format: 'csv' | 'xlsx',
  translate: Translate,
  language: Language,
): Promise<void> => {
  const { toCsv, toXlsx } = await import('../../../shared/export/table');
  const columns = kpiColumns(translate, language);
  const rows = kpiRows(report);
  const fileName = `chi-so-${report.unit.id === '*' ? 'toan-nen-tang' : report.unit.id}-${report.month}.${format}`;
  if (format === 'csv') {
    downloadFile(toCsv(columns, rows), fileName, CSV_TYPE);
  } else {
    const bytes = (await toXlsx(
      columns,
      rows,
      `Chỉ số ${report.month}`,
    )) as Uint8Array<ArrayBuffer>;
    downloadFile(bytes, fileName, XLSX_TYPE);
  }
};
