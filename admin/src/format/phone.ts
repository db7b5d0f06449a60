/**
 * Stored phones are national digits (shared/phone/phone.ts). They are read back in the groups
 * people say them in: mobiles 4-3-3 ("0905 123 456"), landlines area code then 3-4
 * ("0258 382 2123"). Anything else is shown as stored rather than guessed at.
 */
export const formatPhone = (phone: string | null | undefined): string => {
  if (!phone) return '';
  if (/^0\d{9}$/.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  if (/^02\d{9}$/.test(phone)) {
    // Hà Nội (024) and TP.HCM (028) have three-digit area codes and eight-digit numbers.
    if (/^02[48]/.test(phone)) {
      return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    }

    return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  }

  return phone;
};
