import { z } from 'zod';
import { parseInstant } from '../time/ict';
import { blankToNull, optionalChoice, optionalText, requiredText } from '../validation';
import {
  type CollectionInput,
  MAX_HOUSEHOLDS_COVERED,
  MAX_KG,
  REFUSAL_REASONS,
  SORTING_STATUSES,
  WASTE_GROUPS,
  weightField,
} from './fields';

const GROUP_LABELS: Record<(typeof WASTE_GROUPS)[number], string> = {
  recyclable: 'Khối lượng rác tái chế',
  food: 'Khối lượng rác thực phẩm',
  other: 'Khối lượng rác khác',
  bulky: 'Khối lượng rác cồng kềnh',
  hazardous: 'Khối lượng rác nguy hại',
};

/** "12,5" (comma decimal, as Vietnamese spreadsheets write) and "12.5" are both 12.5. */
const numberOf = (value: unknown): unknown => {
  const blank = blankToNull(value);
  if (typeof blank !== 'string') return blank;
  const text = blank.trim().replace(/^(\d+),(\d+)$/, '$1.$2');

  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : blank;
};

/** Kilograms to one decimal, ≥ 0; blank is 0. The per-record bound is checked by the store. */
const weight = (label: string) =>
  z.preprocess(
    (value) => numberOf(value) ?? 0,
    z
      .number({ error: `${label} phải là số kg` })
      .min(0, { error: `${label} không được âm` })
      .max(MAX_KG.route, { error: `${label} vượt quá ${MAX_KG.route.toLocaleString('vi')} kg` })
      .refine((kg) => Math.abs(kg * 10 - Math.round(kg * 10)) < 1e-6, {
        error: `${label} chỉ ghi đến 0,1 kg`,
      }),
  );

const at = z.preprocess(
  blankToNull,
  z.string({ error: 'Cần thời điểm thu gom' }).transform((value, ctx) => {
    const instant = parseInstant(value);
    if (instant) return instant;
    ctx.addIssue({
      code: 'custom',
      message:
        'Thời điểm thu gom không hợp lệ (ví dụ 2025-03-31T23:30+07:00 hoặc 31/03/2025 23:30)',
    });

    return z.NEVER;
  }),
);

const householdsCovered = z.preprocess(
  (value) => numberOf(value),
  z
    .int({ error: 'Số hộ được thu phải là số nguyên' })
    .min(1, { error: 'Số hộ được thu ít nhất là 1' })
    .max(MAX_HOUSEHOLDS_COVERED, {
      error: `Số hộ được thu không quá ${MAX_HOUSEHOLDS_COVERED.toLocaleString('vi')}`,
    })
    .nullable()
    .default(null),
);

const photoUrl = z.preprocess(
  blankToNull,
  z
    .url({ protocol: /^https$/, error: 'Ảnh phải là đường dẫn https://' })
    .max(500, { error: 'Đường dẫn ảnh dài quá 500 ký tự' })
    .nullable()
    .default(null),
);

/** Fields a client writes; the same schema validates single writes, imports and the admin form. */
export const collectionFields = {
  at,
  unitId: requiredText(80, 'Phường/xã'),
  hamletId: optionalText(80, 'Tổ dân phố/thôn'),
  householdId: optionalText(80, 'Hộ'),
  householdsCovered,
  collectorId: requiredText(80, 'Đơn vị thu gom'),
  ...(Object.fromEntries(
    WASTE_GROUPS.map((group) => [weightField(group), weight(GROUP_LABELS[group])]),
  ) as Record<`${(typeof WASTE_GROUPS)[number]}Kg`, ReturnType<typeof weight>>),
  sortingStatus: z.enum(SORTING_STATUSES, { error: 'Cần chọn tình trạng phân loại' }),
  refusalReason: optionalChoice(REFUSAL_REASONS, 'Lý do từ chối'),
  note: optionalText(1000, 'Ghi chú'),
  photoUrl,
};

/**
 * Rules between fields: a refusal has a reason and nothing in it was taken; a household pickup
 * covers its one household; a route pickup says how many it covered.
 */
export const collectionInputSchema = z.strictObject(collectionFields).superRefine((input, ctx) => {
  if (input.sortingStatus === 'refused') {
    if (!input.refusalReason) {
      ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'Cần lý do từ chối' });
    }
    for (const group of WASTE_GROUPS) {
      if (input[weightField(group)] > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [weightField(group)],
          message: 'Lượt bị từ chối không thu gì, khối lượng phải là 0',
        });
      }
    }
  } else if (input.refusalReason) {
    ctx.addIssue({
      code: 'custom',
      path: ['refusalReason'],
      message: 'Chỉ ghi lý do khi từ chối thu gom',
    });
  }
  if (input.householdId && input.householdsCovered !== null && input.householdsCovered !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['householdsCovered'],
      message: 'Lượt thu của một hộ chỉ tính 1 hộ',
    });
  }
  if (!input.householdId && input.householdsCovered === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['householdsCovered'],
      message: 'Lượt thu theo tuyến/tổ cần số hộ được thu',
    });
  }
  // The weight fields are built from the group list, which zod's inference cannot follow.
}) as unknown as z.ZodType<CollectionInput>;

export const COLLECTION_INPUT_FIELDS = Object.keys(collectionFields);
