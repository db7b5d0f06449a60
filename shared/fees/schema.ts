/** Input of a fee schedule line, validated at the edge with the same schema the admin uses. */
import { z } from 'zod';
import { FEE_CLASSES, HOUSEHOLD_KINDS } from '../households/fields';
import { optionalChoice, optionalText, requiredText } from '../validation';
import { PRICING_METHODS } from './fields';

/** A household's monthly fee is far below this; a larger figure is a typing slip. */
export const MAX_MONTHLY_FEE = 100_000_000;
/** Households are at most 500 members (shared/households/schema.ts). */
const MAX_MEMBERS = 500;
/** No schedule applies before the platform's first billable month (shared/bills/run.ts). */
const FIRST_EFFECTIVE_DAY = '2000-01-01';

const optionalWhole = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (value === '' || value === undefined ? null : value),
    z
      .number({ error: `${label} phải là số` })
      .int({ error: `${label} phải là số nguyên` })
      .min(min, { error: `${label} không được nhỏ hơn ${min}` })
      .max(max, { error: `${label} không được lớn hơn ${max.toLocaleString('vi-VN')}` })
      .nullable(),
  );

const money = (label: string) => optionalWhole(label, 0, MAX_MONTHLY_FEE);
const members = (label: string) => optionalWhole(label, 1, MAX_MEMBERS);

export const feeScheduleFields = {
  unitId: requiredText(80, 'Đơn vị áp dụng'),
  effectiveFrom: z.iso
    .date({ error: 'Áp dụng từ phải là ngày hợp lệ dạng YYYY-MM-DD', abort: true })
    .refine((day) => day >= FIRST_EFFECTIVE_DAY && day < '3000-01-01', {
      error: 'Ngày áp dụng phải từ 01/01/2000 đến trước năm 3000',
      abort: true,
    })
    .refine((day) => day.endsWith('-01'), {
      error: 'Biểu giá áp dụng từ ngày 01 của một tháng',
    }),
  kind: optionalChoice(HOUSEHOLD_KINDS, 'Loại nguồn thải'),
  feeClass: optionalChoice(FEE_CLASSES, 'Đối tượng thu phí'),
  name: requiredText(160, 'Tên mức thu'),
  pricing: z.enum(PRICING_METHODS, { error: 'Cách tính phí không hợp lệ' }),
  amount: money('Số tiền'),
  firstTierUpTo: members('Bậc 1: đến số người'),
  secondTierUpTo: members('Bậc 2: đến số người'),
  secondTierAmount: money('Bậc 2: số tiền'),
  aboveAmount: money('Số tiền bậc trên cùng'),
  note: optionalText(1000, 'Ghi chú'),
};

const TIER_FIELDS = ['firstTierUpTo', 'secondTierUpTo', 'secondTierAmount', 'aboveAmount'] as const;

/**
 * The fields each way of pricing needs, and no others: a figure that would be ignored is
 * refused, so what is stored is what is charged.
 */
export const feeScheduleInputSchema = z.strictObject(feeScheduleFields).superRefine((line, ctx) => {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  const unused = (fields: readonly string[], why: string) => {
    for (const field of fields) {
      if (line[field as keyof typeof line] !== null) issue(field, why);
    }
  };

  if (line.pricing === 'exempt') {
    unused(['amount', ...TIER_FIELDS], 'Đối tượng miễn thu không có số tiền; hãy để trống');
    return;
  }
  if (line.amount === null) issue('amount', 'Cần nhập số tiền');
  if (line.pricing !== 'household-tiers') {
    unused(TIER_FIELDS, 'Chỉ dùng khi tính theo bậc số người; hãy để trống');
    return;
  }

  if (line.firstTierUpTo === null) issue('firstTierUpTo', 'Cần nhập số người tối đa của bậc 1');
  if (line.aboveAmount === null) {
    issue('aboveAmount', 'Cần nhập số tiền cho hộ đông người hơn bậc cuối');
  }
  if ((line.secondTierUpTo === null) !== (line.secondTierAmount === null)) {
    issue(
      line.secondTierUpTo === null ? 'secondTierUpTo' : 'secondTierAmount',
      'Bậc 2 cần cả số người tối đa và số tiền',
    );
  }
  if (
    line.secondTierUpTo !== null &&
    line.firstTierUpTo !== null &&
    line.secondTierUpTo <= line.firstTierUpTo
  ) {
    issue('secondTierUpTo', 'Số người của bậc 2 phải lớn hơn của bậc 1');
  }
});

export const FEE_SCHEDULE_INPUT_FIELDS = Object.keys(feeScheduleFields);
export const FEE_SCHEDULE_SERVER_OWNED = [
  'id',
  'unitPath',
  'unitName',
  'createdAt',
  'updatedAt',
] as const;
