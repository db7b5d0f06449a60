/** Input of the bill routes, validated at the edge. */
import { z } from 'zod';
import { isMonth } from '../time/days';
import { requiredText } from '../validation';

export const runInputSchema = z.strictObject({
  unitId: requiredText(80, 'Đơn vị'),
  month: z
    .string({ error: 'Cần tháng dạng YYYY-MM' })
    .refine(isMonth, { error: 'Tháng phải có dạng YYYY-MM' }),
});

/** Waiving or cancelling a bill: the reason is kept on the bill and in its history. */
export const closeInputSchema = z.strictObject({
  reason: requiredText(500, 'Lý do'),
});
