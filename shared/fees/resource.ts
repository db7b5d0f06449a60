import { feeClassChoices, householdKindChoices } from '../households/resource';
import { choicesOf, type ResourceDef } from '../resources/types';
import { PRICING_METHODS } from './fields';

export const pricingChoices = choicesOf(PRICING_METHODS, {
  'household-tiers': { vi: 'Theo hộ, bậc số người', en: 'Per household, by size' },
  'per-person': { vi: 'Theo nhân khẩu', en: 'Per person' },
  fixed: { vi: 'Mức cố định mỗi tháng', en: 'Fixed per month' },
  exempt: { vi: 'Miễn thu', en: 'Exempt' },
});

const tiersOnly = { source: 'pricing', equals: 'household-tiers' };

/**
 * Fee schedules: each record is one line of a unit's schedule, pricing one household kind and
 * fee class (either left empty for all) from the 1st of a month until the unit's next version.
 * Households are priced by the lowest unit above them with a version in force, by its most
 * specific matching line (shared/fees/pricing.ts). The unit, day, kind and class are the line's
 * identity and are set on create only.
 */
export const feeScheduleResource: ResourceDef = {
  name: 'fee-schedules',
  label: {
    one: { vi: 'Mức thu phí rác', en: 'Fee line' },
    many: { vi: 'Biểu giá thu gom', en: 'Fee schedules' },
  },
  recordRepresentation: 'name',
  defaultSort: { field: 'effectiveFrom', order: 'DESC' },
  sortableFields: ['effectiveFrom', 'name', 'amount'],
  canDelete: true,
  audited: true,
  fields: [
    {
      source: 'name',
      label: { vi: 'Tên mức thu', en: 'Name' },
      kind: 'text',
      list: true,
      sortable: true,
      required: true,
      helper: {
        vi: 'Ví dụ: Hộ gia đình 1–4 người, thu gom tận nhà',
        en: 'E.g. Households of 1–4 people, door-to-door',
      },
    },
    {
      source: 'unitName',
      label: { vi: 'Đơn vị áp dụng', en: 'Unit' },
      kind: 'text',
      list: true,
      serverOwned: true,
    },
    {
      source: 'unitId',
      label: { vi: 'Đơn vị áp dụng', en: 'Unit' },
      kind: 'reference',
      reference: 'units',
      required: true,
      createOnly: true,
      helper: {
        vi: 'Áp dụng cho mọi hộ thuộc đơn vị này, trừ nơi cấp dưới đặt biểu giá riêng',
        en: 'Applies to every household below, unless a lower unit sets its own',
      },
    },
    {
      source: 'effectiveFrom',
      label: { vi: 'Áp dụng từ', en: 'Effective from' },
      kind: 'date',
      list: true,
      sortable: true,
      required: true,
      createOnly: true,
      helper: {
        vi: 'Ngày 01 của một tháng; phiên bản mới thay toàn bộ biểu giá cũ của đơn vị',
        en: "The 1st of a month; a new version replaces the unit's previous one whole",
      },
    },
    {
      source: 'kind',
      label: { vi: 'Loại nguồn thải', en: 'Kind' },
      kind: 'choice',
      choices: householdKindChoices,
      list: true,
      createOnly: true,
      helper: { vi: 'Để trống: mọi loại', en: 'Empty: every kind' },
    },
    {
      source: 'feeClass',
      label: { vi: 'Đối tượng thu phí', en: 'Fee class' },
      kind: 'choice',
      choices: feeClassChoices,
      list: true,
      createOnly: true,
      helper: { vi: 'Để trống: mọi đối tượng', en: 'Empty: every class' },
    },
    {
      source: 'pricing',
      label: { vi: 'Cách tính', en: 'Pricing' },
      kind: 'choice',
      choices: pricingChoices,
      list: true,
      required: true,
    },
    {
      source: 'amount',
      label: { vi: 'Số tiền (VND/tháng)', en: 'Amount (VND/month)' },
      kind: 'number',
      list: true,
      sortable: true,
      helper: {
        vi: 'Theo bậc: mức của bậc 1; theo nhân khẩu: mỗi người; cố định: cả tháng; miễn: để trống',
        en: 'Tiers: the first tier; per person: each member; fixed: the month; exempt: empty',
      },
    },
    {
      source: 'firstTierUpTo',
      label: { vi: 'Bậc 1: đến số người', en: 'Tier 1: up to members' },
      kind: 'number',
      showWhen: tiersOnly,
    },
    {
      source: 'secondTierUpTo',
      label: { vi: 'Bậc 2: đến số người', en: 'Tier 2: up to members' },
      kind: 'number',
      showWhen: tiersOnly,
      helper: { vi: 'Không bắt buộc', en: 'Optional' },
    },
    {
      source: 'secondTierAmount',
      label: { vi: 'Bậc 2: số tiền', en: 'Tier 2: amount' },
      kind: 'number',
      showWhen: tiersOnly,
    },
    {
      source: 'aboveAmount',
      label: { vi: 'Hộ đông hơn bậc cuối: số tiền', en: 'Above the last tier: amount' },
      kind: 'number',
      showWhen: tiersOnly,
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
      label: { vi: 'Đơn vị áp dụng', en: 'Unit' },
      kind: 'reference',
      reference: 'units',
      alwaysOn: true,
    },
    {
      source: 'feeClass',
      label: { vi: 'Đối tượng thu phí', en: 'Fee class' },
      kind: 'choice',
      choices: feeClassChoices,
    },
    {
      source: 'pricing',
      label: { vi: 'Cách tính', en: 'Pricing' },
      kind: 'choice',
      choices: pricingChoices,
    },
  ],
};
