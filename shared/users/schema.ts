import { z } from 'zod';
import { ROLES } from '../auth/roles';
import { accountFields } from '../accounts/schema';
import { blankToNull, requiredText } from '../validation';

export const userFields = {
  username: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.string({ error: 'Tên đăng nhập phải là chuỗi ký tự' }).regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, {
      error: 'Tên đăng nhập 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới',
    }),
  ),
  fullName: requiredText(120, 'Họ và tên'),
  accountId: requiredText(80, 'Tài khoản'),
  role: z.enum(ROLES, { error: 'Vai trò không hợp lệ' }),
  phone: accountFields.phone,
  email: accountFields.email,
  active: z.preprocess(
    (value) => blankToNull(value) ?? true,
    z.boolean({ error: 'Trạng thái phải là có/không' }),
  ),
};

export const userInputSchema = z.strictObject(userFields);
export const USER_INPUT_FIELDS = Object.keys(userFields);
/** Only a create carries a password; later changes go through their own routes. */
export const USER_CREATE_ONLY = ['password'];
