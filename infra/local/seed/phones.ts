/** Demo phone numbers in the stored national form: 10-digit mobiles, 11-digit 0258 landlines. */
import type { Rng, Weighted } from './random';

/** Mobile prefixes in use since the 2018 renumbering, by network. */
export const MOBILE_PREFIXES_BY_NETWORK: Readonly<Record<string, readonly string[]>> = {
  Viettel: ['086', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039'],
  Vinaphone: ['088', '091', '094', '081', '082', '083', '084', '085'],
  MobiFone: ['089', '090', '093', '070', '076', '077', '078', '079'],
  Vietnamobile: ['092', '056', '058'],
  Gmobile: ['099', '059'],
};

export const MOBILE_PREFIXES: readonly string[] = Object.values(MOBILE_PREFIXES_BY_NETWORK).flat();

/** Khánh Hòa's area code since 2017. */
export const KHANH_HOA_AREA_CODE = '0258';

// Rough market shares, so the demo is not evenly split across small networks.
const NETWORK_SHARE: Weighted<string> = [
  ['Viettel', 50],
  ['Vinaphone', 22],
  ['MobiFone', 24],
  ['Vietnamobile', 3],
  ['Gmobile', 1],
];

const digits = (rng: Rng, count: number): string =>
  Array.from({ length: count }, () => String(rng.int(0, 9))).join('');

export function mobileNumber(rng: Rng): string {
  const prefix = rng.pick(MOBILE_PREFIXES_BY_NETWORK[rng.weighted(NETWORK_SHARE)]);
  return `${prefix}${digits(rng, 7)}`;
}

export function landlineNumber(rng: Rng): string {
  // Shaped like the city's common fixed lines, e.g. 0258 3822 123.
  return `${KHANH_HOA_AREA_CODE}3${digits(rng, 6)}`;
}
