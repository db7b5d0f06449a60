import { z } from 'zod';
import {
  blankToNull,
  optionalChoice,
  optionalDate,
  optionalPhone,
  optionalText,
  requiredText,
  isoDate,
} from '../validation';
import {
  FEE_CLASSES,
  HOUSEHOLD_KINDS,
  HOUSEHOLD_STATUSES,
  INACTIVE_REASONS,
  NOT_SORTING,
} from './fields';

const phone = optionalPhone();

const members = z.preprocess(
  (value) => {
    const blank = blankToNull(value);

    return typeof blank === 'string' && /^\s*\d+\s*$/.test(blank) ? Number(blank) : blank;
  },
  z
    .int({ error: 'Số nhân khẩu phải là số nguyên' })
    .min(1, { error: 'Số nhân khẩu ít nhất là 1' })
    .max(500, { error: 'Số nhân khẩu không quá 500' })
    .nullable()
    .default(null),
);

const sortingSince = z.preprocess(
  blankToNull,
  z
    .union([z.literal(NOT_SORTING), isoDate('Ngày bắt đầu phân loại')], {
      error: 'Phân loại tại nguồn: một ngày dạng YYYY-MM-DD, "not-sorting", hoặc để trống',
    })
    .nullable()
    .default(null),
);

const location = z.preprocess(
  blankToNull,
  z
    .strictObject(
      {
        lat: z
          .number({ error: 'Vĩ độ phải là số' })
          .min(8, { error: 'Vĩ độ nằm ngoài Việt Nam' })
          .max(24, { error: 'Vĩ độ nằm ngoài Việt Nam' }),
        lng: z
          .number({ error: 'Kinh độ phải là số' })
          .min(102, { error: 'Kinh độ nằm ngoài Việt Nam' })
          .max(118, { error: 'Kinh độ nằm ngoài Việt Nam' }),
      },
      { error: 'Vị trí phải có vĩ độ (lat) và kinh độ (lng)' },
    )
    .nullable()
    .default(null),
);

const reference = (label: string) => optionalText(80, label);

/** Fields a client writes; the same schema validates single writes, imports and the admin form. */
export const householdFields = {
  code: requiredText(30, 'Mã hộ'),
  ownerName: requiredText(120, 'Tên chủ hộ'),
  unitId: requiredText(80, 'Phường/xã'),
  kind: optionalChoice(HOUSEHOLD_KINDS, 'Loại nguồn thải'),
  address: optionalText(200, 'Địa chỉ'),
  hamletId: reference('Tổ dân phố/thôn'),
  phone,
  members,
  feeClass: optionalChoice(FEE_CLASSES, 'Đối tượng thu phí'),
  sortingSince,
  collectorId: reference('Đơn vị thu gom'),
  status: z.preprocess(
    (value) => blankToNull(value) ?? 'active',
    z.enum(HOUSEHOLD_STATUSES, { error: 'Trạng thái không hợp lệ' }),
  ),
  inactiveSince: optionalDate('Ngày ngừng'),
  inactiveReason: optionalChoice(INACTIVE_REASONS, 'Lý do ngừng'),
  location,
  note: optionalText(1000, 'Ghi chú'),
};

export const householdInputSchema = z
  .strictObject(householdFields)
  .superRefine((household, ctx) => {
    if (household.status === 'inactive') {
      if (!household.inactiveSince) {
        ctx.addIssue({ code: 'custom', path: ['inactiveSince'], message: 'Cần ngày ngừng' });
      }
      if (!household.inactiveReason) {
        ctx.addIssue({ code: 'custom', path: ['inactiveReason'], message: 'Cần lý do ngừng' });
      }
    } else if (household.inactiveSince || household.inactiveReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'Hộ đang hoạt động không có ngày và lý do ngừng',
      });
    }
  });

export const HOUSEHOLD_INPUT_FIELDS = Object.keys(householdFields);
