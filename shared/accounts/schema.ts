import { z } from 'zod';
import {
  blankToNull,
  optionalDate,
  optionalPhone,
  optionalText,
  requiredText,
} from '../validation';
import { ACCOUNT_KINDS, ACCOUNT_STATUSES } from './fields';

/**
 * Mã số thuế: 10 digits, 10 + "-" + 3 for a dependent unit, or the 12-digit personal number
 * that serves as a tax code since 2025. Spaces and dots typed for readability are dropped.
 */
const optionalTaxCode = () =>
  z.preprocess(
    (value) => blankToNull(typeof value === 'string' ? value.replace(/[\s.]/g, '') : value),
    z
      .string({ error: 'Mã số thuế phải là chuỗi ký tự' })
      .regex(/^(\d{10}(-\d{3})?|\d{12})$/, {
        error: 'Mã số thuế gồm 10 chữ số (đơn vị phụ thuộc: 10 chữ số, dấu gạch, 3 chữ số)',
      })
      .nullable()
      .default(null),
  );

export const accountFields = {
  name: requiredText(200, 'Tên tài khoản'),
  kind: z.enum(ACCOUNT_KINDS, { error: 'Loại tài khoản không hợp lệ' }),
  unitId: optionalText(80, 'Địa bàn'),
  contactName: optionalText(120, 'Người liên hệ'),
  phone: optionalPhone(),
  email: z.preprocess(
    blankToNull,
    z.email({ error: 'Email không hợp lệ' }).max(200).nullable().default(null),
  ),
  status: z.preprocess(
    (value) => blankToNull(value) ?? 'active',
    z.enum(ACCOUNT_STATUSES, { error: 'Trạng thái không hợp lệ' }),
  ),
  activatedOn: optionalDate('Ngày kích hoạt'),
  taxCode: optionalTaxCode(),
};

export const accountInputSchema = z.strictObject(accountFields).superRefine((account, ctx) => {
  if (account.kind !== 'operator' && !account.unitId) {
    ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'Cần chọn địa bàn của tài khoản' });
  }
});

export const ACCOUNT_INPUT_FIELDS = Object.keys(accountFields);
export const ACCOUNT_SERVER_OWNED = [
  'id',
  'unitPath',
  'createdAt',
  'updatedAt',
  'statusHistory',
] as const;
