import { z } from 'zod';
import { WASTE_GROUPS } from '../collections/fields';
import { optionalText, requiredText } from '../validation';
import { DESTINATIONS, destinationField, type EmissionFactorsInput, factorField } from './fields';

const destination = z.enum(DESTINATIONS, { error: 'Nơi xử lý không hợp lệ' });

/** kg CO2e per tonne; negative for a credit (avoided emissions), bounded against typos. */
const factor = z.preprocess(
  (value) =>
    typeof value === 'string' && /^-?\d+([.,]\d+)?$/.test(value.trim())
      ? Number(value.trim().replace(',', '.'))
      : value,
  z
    .number({ error: 'Hệ số phát thải phải là số (kg CO2e mỗi tấn)' })
    .min(-10_000, { error: 'Hệ số phát thải không nhỏ hơn -10.000 kg CO2e/tấn' })
    .max(10_000, { error: 'Hệ số phát thải không lớn hơn 10.000 kg CO2e/tấn' }),
);

export const emissionFactorFields = {
  unitId: requiredText(80, 'Tỉnh'),
  ...Object.fromEntries(WASTE_GROUPS.map((group) => [destinationField(group), destination])),
  ...Object.fromEntries(DESTINATIONS.map((d) => [factorField(d), factor])),
  source: optionalText(500, 'Nguồn số liệu'),
  note: optionalText(1000, 'Ghi chú'),
};

// The group and destination fields are built from their lists, which zod's inference cannot follow.
export const emissionFactorsInputSchema = z.strictObject(
  emissionFactorFields,
) as unknown as z.ZodType<EmissionFactorsInput>;

export const EMISSION_INPUT_FIELDS = Object.keys(emissionFactorFields);
