/** Counts and shares the Vietnamese way: "5.012", "83,4%". */
export const formatCount = (n: number): string => n.toLocaleString('vi-VN');

export const formatPercent = (n: number): string =>
  `${n.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
