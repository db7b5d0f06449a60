import { z } from 'zod';
import { normalizePhone } from './phone/phone';
import { cleanText } from './text/fold';
import { type FieldErrors, ValidationError } from './errors';

/** Empty strings from forms and spreadsheets mean "no value". */
export const blankToNull = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? null : value;

/** Optional free text: NFC, trimmed, at most `max` characters, null when blank. */
export const optionalText = (max: number, label: string) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: `${label} phải là chuỗi ký tự` })
      .transform(cleanText)
      .pipe(z.string().max(max, { error: `${label} dài quá ${max} ký tự` }))
      .nullable()
      .default(null),
  );

/** Required free text: NFC, trimmed, 1 to `max` characters. */
export const requiredText = (max: number, label: string) =>
  z.preprocess(
    (value) => (value === null || value === undefined ? '' : value),
    z
      .string({ error: `${label} phải là chuỗi ký tự` })
      .transform(cleanText)
      .pipe(
        z
          .string()
          .min(1, { error: `Cần nhập ${label.toLowerCase()}` })
          .max(max, { error: `${label} dài quá ${max} ký tự` }),
      ),
  );

/** An optional Vietnamese phone number, stored in national form (shared/phone/phone.ts). */
export const optionalPhone = () =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: 'Số điện thoại phải là chuỗi ký tự' })
      .transform((value, ctx) => {
        const result = normalizePhone(value);
        if (result.ok) return result.phone;
        ctx.addIssue({ code: 'custom', message: result.message });

        return z.NEVER;
      })
      .nullable()
      .default(null),
  );

export const isoDate = (label: string) =>
  z.iso.date({ error: `${label} phải là ngày hợp lệ dạng YYYY-MM-DD` });

export const optionalDate = (label: string) =>
  z.preprocess(blankToNull, isoDate(label).nullable().default(null));

export const optionalChoice = <T extends readonly [string, ...string[]]>(
  values: T,
  label: string,
) =>
  z.preprocess(
    blankToNull,
    z
      .enum(values, { error: `${label} không hợp lệ` })
      .nullable()
      .default(null),
  );

/** Names the fields of `body` that the schema does not know, before anything is parsed. */
export const rejectUnknownFields = (
  body: Record<string, unknown>,
  known: readonly string[],
): void => {
  const unknown = Object.keys(body).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;

  const errors = Object.fromEntries(unknown.map((key) => [key, 'Trường không được phép']));
  throw new ValidationError(
    `Trường không được phép: ${unknown.join(', ')}`,
    errors,
    'validation.unknown_fields',
  );
};

/** Turns a zod failure into one Vietnamese message plus a message per field. */
export const toFieldErrors = (error: z.ZodError): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors[key] ??= 'Trường không được phép';
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    errors[field] ??= issue.message;
  }

  return errors;
};

export const parseOrThrow = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;

  const errors = toFieldErrors(result.error);
  const first = Object.values(errors)[0] ?? 'Dữ liệu không hợp lệ';
  throw new ValidationError(first, errors);
};

/** Ensures the body is a JSON object. */
export const asObject = (body: unknown): Record<string, unknown> => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError(
      'Nội dung yêu cầu phải là một đối tượng JSON',
      undefined,
      'request.body',
    );
  }

  return body as Record<string, unknown>;
};
