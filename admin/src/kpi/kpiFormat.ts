import { KPI_DEFINITIONS, type KpiDefinition } from '../../../shared/kpi/definitions';
import type { KpiKey } from '../../../shared/kpi/status';

const number = (value: number, digits: number) =>
  value.toLocaleString('vi-VN', { maximumFractionDigits: digits });

/** Kilograms the Vietnamese way; from a tonne up, in tonnes ("15,82 t"). */
export const formatKg = (kg: number | null | undefined): string => {
  if (kg === null || kg === undefined) return '—';

  return Math.abs(kg) >= 1000 ? `${number(kg / 1000, 2)} t` : `${number(kg, 1)} kg`;
};

export const formatCo2e = (kg: number | null | undefined): string => {
  if (kg === null || kg === undefined) return '—';

  return Math.abs(kg) >= 1000 ? `${number(kg / 1000, 2)} t CO2e` : `${number(kg, 1)} kg CO2e`;
};

/** A share (0–1) as a percentage with one decimal. */
export const formatShare = (share: number | null | undefined): string =>
  share === null || share === undefined ? '—' : `${number(100 * share, 1)}%`;

export const definitionOf = (key: KpiKey): KpiDefinition =>
  KPI_DEFINITIONS.find((definition) => definition.key === key) as KpiDefinition;

/** A KPI's value in its own unit: shares in %, weights in kg or t, GHG in CO2e. */
export const formatKpi = (key: KpiKey, value: number | null | undefined): string => {
  switch (definitionOf(key).unit) {
    case 'share':
      return formatShare(value);
    case 'kgCO2e':
      return formatCo2e(value);
    default:
      return formatKg(value);
  }
};

/** "2025-03" → "03/2025". */
export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** A change against the baseline, signed: "+12,5%". */
export const formatChange = (value: number | null, baseline: number | null): string | null => {
  if (value === null || baseline === null || baseline === 0) return null;
  const change = (100 * (value - baseline)) / baseline;

  return `${change >= 0 ? '+' : ''}${number(change, 1)}%`;
};
