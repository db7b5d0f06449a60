/** Money is integer VND (DESIGN.md §5); shown the Vietnamese way: "44.000 ₫". */
const vnd = new Intl.NumberFormat('vi-VN', {
  style: 'currency',
  currency: 'VND',
  maximumFractionDigits: 0,
});

export const formatVnd = (amount: number | null | undefined): string =>
  amount === null || amount === undefined ? '' : vnd.format(amount);
