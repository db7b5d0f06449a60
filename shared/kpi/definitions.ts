/**
 * What each KPI means, in words the admin and the open-data consumers show next to the numbers.
 * The code that computes them is shared/kpi/figures.ts, sorting.ts and status.ts; a change
 * there changes these sentences in the same commit.
 */
import type { Label } from '../resources/types';
import type { KpiKey, KpiState } from './status';

export interface KpiDefinition {
  key: KpiKey;
  label: Label;
  unit: 'share' | 'kg' | 'kgCO2e';
  definition: Label;
}

export const KPI_DEFINITIONS: KpiDefinition[] = [
  {
    key: 'sortingShare',
    label: { vi: 'Hộ phân loại tại nguồn', en: 'Households sorting at source' },
    unit: 'share',
    definition: {
      vi:
        'Một hộ được tính là phân loại tại nguồn trong tháng (giờ Việt Nam) khi các lượt thu gom của riêng hộ ' +
        'trong tháng đạt ít nhất 80% điểm phân loại: lượt đã phân loại tính 1, phân loại một phần tính ½, ' +
        'chưa phân loại và bị từ chối vì chưa phân loại/sai túi tính 0; lượt "không để rác ra" không tính; ' +
        'lượt thu theo tổ/tuyến không gắn với hộ nào nên không tính. Tỷ lệ = số hộ đạt ÷ số hộ đang hoạt ' +
        'trong sổ hộ cuối tháng.',
      en:
        'A household counts as sorting at source in a month (Vietnam time) when its own pickups that month ' +
        'score at least 80%: sorted scores 1, partly sorted ½, unsorted and refusals for unsorted waste or a ' +
        'wrong bag 0; "not put out" refusals are not scored; hamlet and route pickups belong to no household ' +
        'and are not counted. Share = qualifying households ÷ active registered households at month end.',
    },
  },
  {
    key: 'recyclables',
    label: { vi: 'Rác tái chế thu hồi', en: 'Recyclables recovered' },
    unit: 'kg',
    definition: {
      vi: 'Khối lượng rác tái chế của các lượt đã phân loại hoặc phân loại một phần; so với tháng gốc.',
      en: 'Recyclable weight of sorted and partly sorted pickups; compared with the baseline month.',
    },
  },
  {
    key: 'landfill',
    label: { vi: 'Rác đem chôn lấp', en: 'Waste to landfill' },
    unit: 'kg',
    definition: {
      vi:
        'Khối lượng các nhóm có nơi xử lý là chôn lấp (mặc định: rác khác và cồng kềnh) của các lượt đã ' +
        'phân loại, cộng toàn bộ khối lượng của các lượt chưa phân loại (rác lẫn đi theo nhóm "rác khác").',
      en:
        'Weight of the groups whose destination is landfill (by default other and bulky) from sorted ' +
        'pickups, plus all weight of unsorted pickups (mixed waste goes where "other" goes).',
    },
  },
  {
    key: 'ghg',
    label: { vi: 'Phát thải khí nhà kính (ước tính)', en: 'Greenhouse gas (estimate)' },
    unit: 'kgCO2e',
    definition: {
      vi:
        'Tổng theo nơi xử lý của (tấn rác × hệ số phát thải, kg CO2e/tấn) theo hệ số của tỉnh, hoặc hệ ' +
        'số mặc định (IPCC 2006, GWP theo AR5) khi tỉnh chưa nhập.',
      en:
        "Sum over destinations of tonnes × emission factor (kg CO2e per tonne), with the province's " +
        'factors, or the defaults (IPCC 2006, AR5 GWPs) when it has entered none.',
    },
  },
  {
    key: 'completeShare',
    label: { vi: 'Sổ hộ đủ thông tin', en: 'Register completeness' },
    unit: 'share',
    definition: {
      vi: 'Tỷ lệ hộ trong sổ có đủ 10/10 trường cơ bản, cuối tháng.',
      en: 'Share of registered households with all ten basic fields, at month end.',
    },
  },
];

export const STATUS_DEFINITIONS: Record<KpiState, Label> = {
  'on-track': {
    vi: 'Đúng hướng: đã đạt chỉ tiêu, hoặc đạt ít nhất mức dự kiến của tháng trên đường thẳng từ tháng gốc đến chỉ tiêu cuối năm',
    en: "On track: target reached, or at least this month's point on the straight path from baseline to the year-end target",
  },
  'at-risk': {
    vi: 'Có nguy cơ: chưa đến mức dự kiến nhưng đã đi được ít nhất nửa chặng dự kiến',
    en: 'At risk: short of the expected point but at least halfway there',
  },
  'off-track': {
    vi: 'Chệch hướng: chưa được nửa chặng dự kiến, hoặc đi ngược hướng',
    en: 'Off track: less than half the expected progress, or moving the wrong way',
  },
  'no-data': {
    vi: 'Chưa có số liệu: tháng này hoặc tháng gốc chưa có lượt thu gom',
    en: 'No data: no pickups this month or in the baseline month',
  },
};
