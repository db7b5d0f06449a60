import { ACCOUNT_KINDS } from '../accounts/fields';
import { choicesOf, type ReferenceFilter, type ResourceDef } from '../resources/types';
import { DISCOUNT_KINDS } from './fields';
import { DEFAULT_TERMS } from './plans';

export const discountKindChoices = choicesOf(DISCOUNT_KINDS, {
  percent: { vi: 'Theo phần trăm', en: 'Percentage' },
  fixed: { vi: 'Số tiền mỗi tháng', en: 'Fixed per month' },
});

/** The operator's own account is never billed: the account pickers leave it out. */
const billedAccounts: ReferenceFilter = {
  static: { kind: ACCOUNT_KINDS.filter((kind) => kind !== 'operator') },
};

/**
 * Price plan versions of the accounts (not the operator's). A version prices every month from
 * `effectiveFrom` (the 1st of a month) until the next version; an account without one is
 * billed at the default terms. The account and `effectiveFrom` are the version's identity and
 * are set on create only.
 */
export const pricePlanResource: ResourceDef = {
  name: 'price-plans',
  label: {
    one: { vi: 'Bảng giá', en: 'Price plan' },
    many: { vi: 'Bảng giá', en: 'Price plans' },
  },
  recordRepresentation: 'effectiveFrom',
  defaultSort: { field: 'effectiveFrom', order: 'DESC' },
  sortableFields: ['effectiveFrom', 'accountId', 'monthlyPrice'],
  canDelete: true,
  audited: true,
  fields: [
    {
      source: 'accountId',
      label: { vi: 'Tài khoản', en: 'Account' },
      kind: 'reference',
      reference: 'accounts',
      referenceFilter: billedAccounts,
      list: true,
      sortable: true,
      required: true,
      createOnly: true,
    },
    {
      source: 'effectiveFrom',
      label: { vi: 'Áp dụng từ', en: 'Effective from' },
      kind: 'date',
      list: true,
      sortable: true,
      required: true,
      createOnly: true,
      helper: { vi: 'Ngày 01 của một tháng', en: 'The 1st of a month' },
    },
    {
      source: 'monthlyPrice',
      label: { vi: 'Giá tháng (VND)', en: 'Monthly price (VND)' },
      kind: 'number',
      list: true,
      sortable: true,
      defaultValue: DEFAULT_TERMS.monthlyPrice,
      helper: { vi: 'Chưa gồm thuế GTGT', en: 'Before VAT' },
    },
    {
      source: 'freeMonths',
      label: { vi: 'Số tháng miễn phí', en: 'Free months' },
      kind: 'number',
      list: true,
      defaultValue: DEFAULT_TERMS.freeMonths,
      helper: { vi: 'Tính từ ngày kích hoạt', en: 'From the activation day' },
    },
    {
      source: 'vatRate',
      label: { vi: 'Thuế suất GTGT (%)', en: 'VAT rate (%)' },
      kind: 'number',
      list: true,
      defaultValue: DEFAULT_TERMS.vatRate,
    },
    {
      source: 'dueDays',
      label: { vi: 'Hạn thanh toán (ngày)', en: 'Due in (days)' },
      kind: 'number',
      defaultValue: DEFAULT_TERMS.dueDays,
      helper: { vi: 'Số ngày kể từ ngày lập hóa đơn', en: 'Days after the issue date' },
    },
    {
      source: 'discountKind',
      label: { vi: 'Giảm giá', en: 'Discount' },
      kind: 'choice',
      choices: discountKindChoices,
    },
    {
      source: 'discountValue',
      label: { vi: 'Mức giảm', en: 'Discount value' },
      kind: 'number',
      helper: {
        vi: 'Phần trăm (1–100) hoặc số tiền VND mỗi tháng',
        en: 'Percent (1–100) or VND per month',
      },
    },
    {
      source: 'discountUntil',
      label: { vi: 'Giảm giá đến hết tháng của ngày', en: 'Discount through the month of' },
      kind: 'date',
      helper: { vi: 'Để trống: suốt thời gian áp dụng', en: 'Blank: while this plan applies' },
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
      source: 'accountId',
      label: { vi: 'Tài khoản', en: 'Account' },
      kind: 'reference',
      reference: 'accounts',
      referenceFilter: billedAccounts,
      alwaysOn: true,
    },
  ],
};
