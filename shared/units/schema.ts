import { z } from 'zod';
import { optionalDate, optionalText, requiredText } from '../validation';
import { UNIT_LEVELS } from './fields';

export const unitFields = {
  code: requiredText(20, 'Mã đơn vị'),
  name: requiredText(120, 'Tên đơn vị'),
  level: z.enum(UNIT_LEVELS, { error: 'Cấp đơn vị không hợp lệ' }),
  parentId: optionalText(80, 'Đơn vị cấp trên'),
  validFrom: optionalDate('Hiệu lực từ'),
  validTo: optionalDate('Hiệu lực đến'),
};

export const unitInputSchema = z.strictObject(unitFields).superRefine((unit, ctx) => {
  if (unit.validFrom && unit.validTo && unit.validTo <= unit.validFrom) {
    ctx.addIssue({
      code: 'custom',
      path: ['validTo'],
      message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực',
    });
  }
  if (unit.level !== 'province' && !unit.parentId) {
    ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'Cần chọn đơn vị cấp trên' });
  }
});

export const UNIT_INPUT_FIELDS = Object.keys(unitFields);
export const UNIT_SERVER_OWNED = [
  'id',
  'unitPath',
  'householdCount',
  'createdAt',
  'updatedAt',
] as const;
