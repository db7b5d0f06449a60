/** Input of the billing routes, validated at the edge with the schemas the admin uses too. */
import { z } from 'zod';
import { isDay, isMonth } from '../time/days';
import { isoDate, optionalChoice, optionalDate, optionalText, requiredText } from '../validation';
import { DEFAULT_TERMS } from './plans';
import { DISCOUNT_KINDS, MANUAL_PAYMENT_METHODS } from './fields';
import { MAX_VND } from './money';

/** A whole number in a range; blank (a cleared form input) takes the default. */
const wholeNumber = (label: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) => (value === null || value === '' ? undefined : value),
    z
      .number({ error: `${label} phải là số` })
      .int({ error: `${label} phải là số nguyên` })
      .min(min, { error: `${label} không được nhỏ hơn ${min}` })
      .max(max, { error: `${label} không được lớn hơn ${max}` })
      .default(fallback),
  );

const optionalWholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (value === '' || value === undefined ? null : value),
    z
      .number({ error: `${label} phải là số` })
      .int({ error: `${label} phải là số nguyên` })
      .min(min, { error: `${label} không được nhỏ hơn ${min}` })
      .max(max, { error: `${label} không được lớn hơn ${max}` })
      .nullable(),
  );

export const pricePlanFields = {
  accountId: requiredText(80, 'Tài khoản'),
  effectiveFrom: isoDate('Áp dụng từ').refine((day) => day.endsWith('-01') && isDay(day), {
    error: 'Bảng giá áp dụng từ ngày 01 của một tháng',
  }),
  monthlyPrice: wholeNumber('Giá tháng', 0, MAX_VND, DEFAULT_TERMS.monthlyPrice),
  freeMonths: wholeNumber('Số tháng miễn phí', 0, 120, DEFAULT_TERMS.freeMonths),
  vatRate: wholeNumber('Thuế suất GTGT', 0, 100, DEFAULT_TERMS.vatRate),
  dueDays: wholeNumber('Số ngày đến hạn', 0, 365, DEFAULT_TERMS.dueDays),
  discountKind: optionalChoice(DISCOUNT_KINDS, 'Loại giảm giá'),
  discountValue: optionalWholeNumber('Mức giảm', 1, MAX_VND),
  discountUntil: optionalDate('Giảm giá đến hết ngày'),
  note: optionalText(500, 'Ghi chú'),
};

export const pricePlanInputSchema = z.strictObject(pricePlanFields).superRefine((plan, ctx) => {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  if (plan.discountKind && plan.discountValue === null) {
    issue('discountValue', 'Cần nhập mức giảm');
  }
  if (!plan.discountKind && (plan.discountValue !== null || plan.discountUntil !== null)) {
    issue('discountKind', 'Cần chọn loại giảm giá (phần trăm hoặc số tiền)');
  }
  if (plan.discountKind === 'percent' && (plan.discountValue ?? 0) > 100) {
    issue('discountValue', 'Giảm theo phần trăm không quá 100');
  }
  if (plan.discountUntil && plan.discountUntil < plan.effectiveFrom) {
    issue('discountUntil', 'Ngày kết thúc giảm giá trước ngày áp dụng bảng giá');
  }
});

export const PRICE_PLAN_INPUT_FIELDS = Object.keys(pricePlanFields);
export const PRICE_PLAN_SERVER_OWNED = ['id', 'createdAt', 'updatedAt'] as const;

export const paymentInputSchema = z.strictObject({
  invoiceId: requiredText(40, 'Hóa đơn'),
  amount: z
    .number({ error: 'Số tiền phải là số' })
    .int({ error: 'Số tiền phải là số nguyên đồng' })
    .min(1, { error: 'Số tiền phải lớn hơn 0' })
    .max(MAX_VND, { error: 'Số tiền quá lớn' }),
  paidOn: isoDate('Ngày thanh toán'),
  method: z.preprocess(
    (value) => value ?? 'bank-transfer',
    z.enum(MANUAL_PAYMENT_METHODS, { error: 'Hình thức thanh toán không hợp lệ' }),
  ),
  reference: requiredText(100, 'Mã giao dịch'),
  note: optionalText(500, 'Ghi chú'),
});

export const voidInputSchema = z.strictObject({ reason: requiredText(500, 'Lý do hủy') });

export const runInputSchema = z.strictObject({
  month: z.string({ error: 'Cần tháng dạng YYYY-MM' }).refine(isMonth, {
    error: 'Tháng phải có dạng YYYY-MM',
  }),
});
