import { z } from 'zod';
import { isMonth } from '../time/days';
import { optionalText, requiredText } from '../validation';
import type { TargetInput } from './fields';

const numberOf = (value: unknown): unknown =>
  typeof value === 'string' && /^[+-]?\d+([.,]\d+)?$/.test(value.trim())
    ? Number(value.trim().replace(',', '.'))
    : value;

const percent = (label: string, min: number, max: number) =>
  z.preprocess(
    numberOf,
    z
      .number({ error: `${label} phải là số (phần trăm)` })
      .min(min, { error: `${label} không nhỏ hơn ${min}%` })
      .max(max, { error: `${label} không lớn hơn ${max}%` }),
  );

export const targetFields = {
  unitId: requiredText(80, 'Đơn vị'),
  year: z.preprocess(
    numberOf,
    z
      .int({ error: 'Năm phải là số nguyên' })
      .min(2020, { error: 'Năm từ 2020' })
      .max(2100, { error: 'Năm đến 2100' }),
  ),
  baselineMonth: z
    .string({ error: 'Cần tháng gốc dạng YYYY-MM' })
    .refine(isMonth, { error: 'Tháng gốc phải có dạng YYYY-MM' }),
  sortingSharePct: percent('Tỷ lệ hộ phân loại', 0, 100),
  recyclablesChangePct: percent('Thay đổi rác tái chế', -100, 1000),
  landfillChangePct: percent('Thay đổi rác chôn lấp', -100, 1000),
  ghgChangePct: percent('Thay đổi phát thải khí nhà kính', -100, 1000),
  completeSharePct: percent('Tỷ lệ hộ đủ thông tin', 0, 100),
  note: optionalText(1000, 'Ghi chú'),
};

export const targetInputSchema = z.strictObject(targetFields).superRefine((target, ctx) => {
  if (target.baselineMonth > `${target.year}-12`) {
    ctx.addIssue({
      code: 'custom',
      path: ['baselineMonth'],
      message: 'Tháng gốc không được sau năm của chỉ tiêu',
    });
  }
}) as z.ZodType<TargetInput>;

export const TARGET_INPUT_FIELDS = Object.keys(targetFields);
