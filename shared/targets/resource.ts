import type { ResourceDef } from '../resources/types';
import { ROLLOUT_TARGET } from './fields';

const pct = (vi: string, en: string) => ({ vi: `${vi} (%)`, en: `${en} (%)` });

/**
 * Targets per unit and year. The KPI page compares each month with them; the annual review
 * (`GET/POST /api/kpis/review`) proposes next year's from this year's results.
 */
export const targetResource: ResourceDef = {
  name: 'targets',
  label: {
    one: { vi: 'Chỉ tiêu năm', en: 'Yearly targets' },
    many: { vi: 'Chỉ tiêu', en: 'Targets' },
  },
  recordRepresentation: 'id',
  defaultSort: { field: 'year', order: 'DESC' },
  sortableFields: ['year', 'unitId'],
  canDelete: true,
  audited: true,
  fields: [
    {
      source: 'unitId',
      label: { vi: 'Đơn vị', en: 'Unit' },
      kind: 'reference',
      reference: 'units',
      list: true,
      sortable: true,
      required: true,
      createOnly: true,
    },
    {
      source: 'year',
      label: { vi: 'Năm', en: 'Year' },
      kind: 'number',
      list: true,
      sortable: true,
      required: true,
      createOnly: true,
    },
    {
      source: 'baselineMonth',
      label: { vi: 'Tháng gốc (YYYY-MM)', en: 'Baseline month (YYYY-MM)' },
      kind: 'text',
      list: true,
      required: true,
      helper: {
        vi: 'Các thay đổi được so với tháng này; mặc định là tháng 12 năm trước',
        en: 'Changes are measured against this month; by default December of the year before',
      },
    },
    {
      source: 'sortingSharePct',
      label: pct('Hộ phân loại tại nguồn', 'Households sorting at source'),
      kind: 'number',
      list: true,
      required: true,
      defaultValue: ROLLOUT_TARGET.sortingSharePct,
      helper: {
        vi: 'Tỷ lệ hộ đang hoạt động có ≥ 80% lượt thu trong tháng đã phân loại (một phần tính nửa)',
        en: 'Share of active households with ≥ 80% of the month’s pickups sorted (partly counts half)',
      },
    },
    {
      source: 'recyclablesChangePct',
      label: pct('Rác tái chế thu hồi, thay đổi', 'Recyclables recovered, change'),
      kind: 'number',
      list: true,
      required: true,
      defaultValue: ROLLOUT_TARGET.recyclablesChangePct,
    },
    {
      source: 'landfillChangePct',
      label: pct('Rác chôn lấp, thay đổi', 'Waste to landfill, change'),
      kind: 'number',
      list: true,
      required: true,
      defaultValue: ROLLOUT_TARGET.landfillChangePct,
    },
    {
      source: 'ghgChangePct',
      label: pct('Phát thải khí nhà kính, thay đổi', 'Greenhouse gas, change'),
      kind: 'number',
      list: true,
      required: true,
      defaultValue: ROLLOUT_TARGET.ghgChangePct,
    },
    {
      source: 'completeSharePct',
      label: pct('Hộ đủ 10/10 thông tin', 'Households complete (10/10)'),
      kind: 'number',
      list: true,
      required: true,
      defaultValue: ROLLOUT_TARGET.completeSharePct,
    },
    { source: 'note', label: { vi: 'Ghi chú', en: 'Note' }, kind: 'longText' },
    {
      source: 'updatedAt',
      label: { vi: 'Cập nhật', en: 'Updated' },
      kind: 'dateTime',
      serverOwned: true,
    },
  ],
  filters: [
    {
      source: 'unitId',
      label: { vi: 'Đơn vị', en: 'Unit' },
      kind: 'reference',
      reference: 'units',
      alwaysOn: true,
    },
    { source: 'year', label: { vi: 'Năm', en: 'Year' }, kind: 'text', alwaysOn: true },
  ],
};
