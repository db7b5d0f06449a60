/**
 * An amount of money in Vietnamese words, as an invoice states it: 1250000 → "Một triệu hai trăm
 * năm mươi nghìn đồng". The reading rules:
 * - groups of three digits, named nghìn, triệu, tỷ; above a tỷ the count of tỷ is read the same
 *   way ("một nghìn tỷ");
 * - a group of all zeros is skipped; a later group is read in full, so its hundreds are said even
 *   when zero ("một nghìn không trăm lẻ năm");
 * - tens 0 with units after hundreds: "lẻ" (105 → "một trăm lẻ năm");
 * - tens 1: "mười", and 5 after it is "lăm" (15 → "mười lăm"), 1 stays "một", 4 stays "bốn";
 * - tens 2–9: "mươi", then 1 is "mốt", 4 is "tư", 5 is "lăm" (21 "hai mươi mốt", 24 "hai
 *   mươi tư", 25 "hai mươi lăm").
 */
import { MAX_VND } from './money';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** One group of three digits; `full` says the hundreds even when they are zero. */
const readGroup = (group: number, full: boolean): string[] => {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];

  const saysHundreds = full || hundreds > 0;
  if (saysHundreds) words.push(DIGITS[hundreds], 'trăm');

  if (tens === 0) {
    if (units > 0 && saysHundreds) words.push('lẻ');
    if (units > 0) words.push(DIGITS[units]);
  } else if (tens === 1) {
    words.push('mười');
    if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGITS[units]);
  } else {
    words.push(DIGITS[tens], 'mươi');
    if (units === 1) words.push('mốt');
    else if (units === 4) words.push('tư');
    else if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGITS[units]);
  }

  return words;
};

/** A number below one tỷ; `leading` when nothing is said before it. */
const readBelowBillion = (value: number, leading: boolean): string[] => {
  const groups: Array<[number, string | undefined]> = [
    [Math.floor(value / 1_000_000), 'triệu'],
    [Math.floor(value / 1000) % 1000, 'nghìn'],
    [value % 1000, undefined],
  ];
  const words: string[] = [];
  let first = leading;
  for (const [group, scale] of groups) {
    if (group === 0) continue;
    words.push(...readGroup(group, !first));
    if (scale) words.push(scale);
    first = false;
  }

  return words;
};

const read = (value: number, leading: boolean): string[] => {
  if (value < 1_000_000_000) return readBelowBillion(value, leading);

  const billions = Math.floor(value / 1_000_000_000);
  const rest = value % 1_000_000_000;

  return [...read(billions, leading), 'tỷ', ...(rest > 0 ? readBelowBillion(rest, false) : [])];
};

/** The number in words, lower case: 21 → "hai mươi mốt". */
export const numberInWords = (value: number): string => {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_VND) {
    throw new RangeError(`numberInWords: ${value} is not a whole number from 0 to ${MAX_VND}`);
  }

  return value === 0 ? 'không' : read(value, true).join(' ');
};

/** The amount in words with its currency, capitalised: 300000 → "Ba trăm nghìn đồng". */
export const amountInWords = (amount: number): string => {
  const words = `${numberInWords(amount)} đồng`;

  return words.charAt(0).toUpperCase() + words.slice(1);
};
