/** Where demo households sit: street names, address forms and map boxes by part of the city. */
import type { Rng } from './random';

export type Area = 'north' | 'centre' | 'south' | 'rural-north' | 'rural-west' | 'rural-south';

// Streets are grouped by part of the city so that an address looks plausible for its ward.
// The grouping is coarse demo data, not a gazetteer: long streets cross several wards.
const STREETS: Record<'north' | 'centre' | 'south', readonly string[]> = {
  north: [
    '2 Tháng 4',
    'Phạm Văn Đồng',
    'Điện Biên Phủ',
    'Hòn Chồng',
    'Tháp Bà',
    'Nguyễn Đình Chiểu',
    'Đặng Tất',
    'Dương Hiến Quyền',
  ],
  centre: [
    'Trần Phú',
    'Nguyễn Thiện Thuật',
    'Lê Thánh Tôn',
    'Yersin',
    'Hùng Vương',
    'Thái Nguyên',
    'Nguyễn Trãi',
    'Hoàng Văn Thụ',
    'Ngô Gia Tự',
    'Tô Hiến Thành',
    'Bạch Đằng',
    'Quang Trung',
    'Lý Thánh Tôn',
    'Thống Nhất',
    'Phan Bội Châu',
    'Hai Bà Trưng',
    'Nguyễn Thị Minh Khai',
    'Trần Quý Cáp',
    'Lê Lợi',
    'Biệt Thự',
    'Hồng Bàng',
    '23 Tháng 10',
    'Lê Hồng Phong',
  ],
  south: ['Lê Hồng Phong', 'Võ Thị Sáu', 'Đồng Nai', 'Trần Phú', 'Hoàng Diệu', 'Nguyễn Tất Thành'],
};

/** GSO code of each 2024-09 ward or commune → its part of the city. */
export const AREA_BY_CODE: Readonly<Record<string, Area>> = {
  '22327': 'north',
  '22330': 'north',
  '22333': 'north',
  '22339': 'north',
  '22336': 'centre',
  '22342': 'centre',
  '22345': 'centre',
  '22348': 'centre',
  '22351': 'centre',
  '22354': 'centre',
  '22360': 'centre',
  '22363': 'centre',
  '22366': 'centre',
  '22369': 'centre',
  '22372': 'centre',
  '22357': 'south',
  '22375': 'south',
  '22378': 'south',
  '22381': 'south',
  '22384': 'rural-north',
  '22387': 'rural-north',
  '22390': 'rural-west',
  '22393': 'rural-west',
  '22396': 'rural-west',
  '22399': 'rural-west',
  '22402': 'rural-south',
  '22405': 'rural-south',
};

// Rough boxes for each part, all inside the city's extent (lat 12.15–12.35, lng 109.10–109.23).
const BOXES: Record<Area, { lat: [number, number]; lng: [number, number] }> = {
  north: { lat: [12.262, 12.3], lng: [109.185, 109.205] },
  centre: { lat: [12.232, 12.262], lng: [109.17, 109.198] },
  south: { lat: [12.195, 12.232], lng: [109.18, 109.205] },
  'rural-north': { lat: [12.3, 12.345], lng: [109.15, 109.2] },
  'rural-west': { lat: [12.235, 12.29], lng: [109.1, 109.16] },
  'rural-south': { lat: [12.16, 12.215], lng: [109.13, 109.19] },
};

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

export function locationIn(rng: Rng, area: Area): { lat: number; lng: number } {
  const box = BOXES[area];
  return {
    lat: round6(box.lat[0] + rng.next() * (box.lat[1] - box.lat[0])),
    lng: round6(box.lng[0] + rng.next() * (box.lng[1] - box.lng[0])),
  };
}

const houseNumber = (rng: Rng): number => (rng.chance(0.7) ? rng.int(1, 120) : rng.int(121, 480));

// Street names that begin with a number are written "đường 2 Tháng 4" after a house number.
const onStreet = (street: string): string => (/^\d/.test(street) ? `đường ${street}` : street);

export function streetAddress(rng: Rng, area: 'north' | 'centre' | 'south'): string {
  const street = onStreet(rng.pick(STREETS[area]));
  const form = rng.weighted([
    ['front', 55],
    ['alley', 30],
    ['sub-alley', 15],
  ] as const);
  if (form === 'front') return `${houseNumber(rng)} ${street}`;
  const alley = houseNumber(rng);
  if (form === 'alley') return `${alley}/${rng.int(1, 60)} ${street}`;
  return `${rng.int(1, 30)}/${rng.int(1, 12)} Hẻm ${alley} ${street}`;
}

export function communeAddress(rng: Rng, hamletNumber: number): string {
  const hamlet = `Thôn ${hamletNumber}`;
  return rng.chance(0.5) ? hamlet : `Tổ ${rng.int(1, 12)}, ${hamlet}`;
}

/** Letters without accents, đ → d; for prefixes and e-mail local parts. */
export const foldAscii = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/**
 * A short household-code prefix for each ward, from its name's initials, lengthened with more
 * of the last word only where two wards would share one (Vĩnh Hòa "VH", then Vĩnh Hải "VHA").
 */
export function wardPrefixes(wards: readonly { id: string; name: string }[]): Map<string, string> {
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const ward of wards) {
    const words = foldAscii(ward.name).toUpperCase().split(/\s+/).slice(1);
    const last = words[words.length - 1];
    const initials = words
      .slice(0, -1)
      .map((word) => word[0])
      .join('');
    const candidates = Array.from(last, (_, i) => initials + last.slice(0, i + 1));
    let prefix = candidates.find((candidate) => !taken.has(candidate));
    for (let n = 2; prefix === undefined; n += 1) {
      if (!taken.has(`${candidates[0]}${n}`)) prefix = `${candidates[0]}${n}`;
    }
    taken.add(prefix);
    result.set(ward.id, prefix);
  }
  return result;
}
