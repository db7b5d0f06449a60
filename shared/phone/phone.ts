/**
 * Vietnamese phone numbers, stored in national form: mobiles as 10 digits ("0905123456"),
 * landlines as 11 digits ("02583822123"). Prefixes are those in use since the 2018 renumbering.
 */

const MOBILE_PREFIXES = new Set([
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '052',
  '055',
  '056',
  '058',
  '059',
  '070',
  '076',
  '077',
  '078',
  '079',
  '081',
  '082',
  '083',
  '084',
  '085',
  '086',
  '087',
  '088',
  '089',
  '090',
  '091',
  '092',
  '093',
  '094',
  '096',
  '097',
  '098',
  '099',
]);

/** Landline area codes after the 2017 change: Hà Nội 024, TP.HCM 028, the rest 02xx. */
const AREA_CODES = new Set([
  '024',
  '028',
  ...[
    203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 218, 219, 220, 221, 222,
    225, 226, 227, 228, 229, 232, 233, 234, 235, 236, 237, 238, 239, 251, 252, 254, 255, 256, 257,
    258, 259, 260, 261, 262, 263, 269, 270, 271, 272, 273, 274, 275, 276, 277, 290, 291, 292, 293,
    294, 296, 297, 299,
  ].map((code) => `0${code}`),
]);

export type PhoneResult = { ok: true; phone: string } | { ok: false; message: string };

/** Accepts "0905 123 456", "+84 905 123 456", "84-905-123-456", "(0258) 382 2123". */
export const normalizePhone = (input: string): PhoneResult => {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) {
    return { ok: false, message: 'Số điện thoại chỉ gồm chữ số (có thể bắt đầu bằng +84)' };
  }

  let national = compact.replace(/^\+/, '');
  if (national.startsWith('84') && (national.length === 11 || national.length === 12)) {
    national = `0${national.slice(2)}`;
  }
  if (!national.startsWith('0')) {
    return { ok: false, message: 'Số điện thoại phải bắt đầu bằng 0 hoặc +84' };
  }

  if (national.startsWith('02')) {
    if (national.length !== 11) {
      return { ok: false, message: 'Số máy bàn phải có 11 chữ số, gồm cả mã vùng (ví dụ 0258…)' };
    }
    const known = AREA_CODES.has(national.slice(0, 4)) || AREA_CODES.has(national.slice(0, 3));

    return known
      ? { ok: true, phone: national }
      : { ok: false, message: `Mã vùng ${national.slice(0, 4)} không phải mã vùng của Việt Nam` };
  }

  if (national.length !== 10) {
    return { ok: false, message: 'Số di động phải có 10 chữ số (ví dụ 0905 123 456)' };
  }

  return MOBILE_PREFIXES.has(national.slice(0, 3))
    ? { ok: true, phone: national }
    : { ok: false, message: `Đầu số ${national.slice(0, 3)} không phải đầu số di động Việt Nam` };
};
