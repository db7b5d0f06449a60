/**
 * Integer VND arithmetic. Every amount is a whole number of đồng; fractions appear only inside
 * a division, which is done on BigInt and rounded half up, so no float ever touches money.
 */
import { ValidationError } from '../errors';

/** The largest amount accepted anywhere: far above any invoice, far below 2^53. */
export const MAX_VND = 1_000_000_000_000;

/** numerator ÷ denominator rounded half up (0.5 → 1), for numerator ≥ 0 and denominator > 0. */
export const divRoundHalfUp = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator <= 0n || numerator < 0n) {
    throw new RangeError('divRoundHalfUp needs numerator ≥ 0 and denominator > 0');
  }

  return (2n * numerator + denominator) / (2n * denominator);
};

/** amount × part ÷ whole, rounded half up to whole đồng. */
export const prorate = (amount: number, part: number, whole: number): number =>
  Number(divRoundHalfUp(BigInt(amount) * BigInt(part), BigInt(whole)));

/** `percent` % of an amount (whole percent), rounded half up to whole đồng. */
export const percentOf = (amount: number, percent: number): number =>
  Number(divRoundHalfUp(BigInt(amount) * BigInt(percent), 100n));

export const isVnd = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_VND;

export const assertVnd = (value: unknown, field: string): number => {
  if (!isVnd(value)) {
    throw new ValidationError(
      'Số tiền phải là số nguyên đồng, không âm',
      { [field]: 'Không hợp lệ' },
      'money.invalid',
    );
  }

  return value;
};

/** `1.250.000 ₫`: dots between thousands, as Vietnamese documents write money. */
export const formatVnd = (amount: number): string => {
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

  return `${amount < 0 ? '-' : ''}${digits} ₫`;
};
