/**
 * What the KPI pages read, in the shapes the API answers (types only: the arithmetic stays on
 * the server, in shared/kpi), and how each KPI's value is found in a month's figures.
 */
import { useEffect, useState } from 'react';
import type { MonthFigures } from '../../../shared/kpi/figures';
import type { KpiReport, ReportUnit, UnitKpis } from '../../../shared/kpi/report';
import type { AnnualReview } from '../../../shared/kpi/review';
import type { KpiKey, KpiState, KpiStatus } from '../../../shared/kpi/status';
import { httpClient } from '../data/api';
import { API_URL } from '../data/httpClient';

export type { AnnualReview, KpiKey, KpiReport, KpiState, KpiStatus, MonthFigures, ReportUnit };
export type { UnitKpis };

/** The platform as a unit of the reports (`*` in the API). */
export const PLATFORM_ID = '*';

/** Each KPI's value in a month's figures, the way shared/kpi/status.ts reads it. */
export const kpiValue = (key: KpiKey, figures: MonthFigures): number | null => {
  const hasPickups = figures.pickups.total > 0;
  switch (key) {
    case 'sortingShare':
      return hasPickups ? figures.households.sortingShare : null;
    case 'recyclables':
      return hasPickups ? figures.recyclablesKg : null;
    case 'landfill':
      return hasPickups ? figures.landfillKg : null;
    case 'ghg':
      return hasPickups ? figures.ghgKgCo2e : null;
    default:
      return figures.register.completeShare;
  }
};

export const STATE_COLOURS: Record<KpiState, 'success' | 'warning' | 'error' | 'default'> = {
  'on-track': 'success',
  'at-risk': 'warning',
  'off-track': 'error',
  'no-data': 'default',
};

interface Answer<T> {
  data?: T;
  error?: Error;
  loading: boolean;
}

/** GETs a JSON answer of the API for as long as `path` stays the same; null asks nothing. */
export const useApi = <T>(path: string | null, reload = 0): Answer<T> => {
  const [state, setState] = useState<Answer<T>>({ loading: Boolean(path) });

  useEffect(() => {
    if (!path) return undefined;
    const controller = new AbortController();
    setState((current) => ({ data: current.data, loading: true }));
    httpClient(`${API_URL}${path}`, { signal: controller.signal })
      .then(({ json }) => setState({ data: json as T, loading: false }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      });

    return () => controller.abort();
  }, [path, reload]);

  return state;
};

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) =>
      value === undefined || value === '' ? [] : [[key, String(value)]],
    ),
  ).toString();

export const kpiPath = (unitId: string | undefined, month: string) =>
  `/kpis?${query({ unitId, month })}`;

export const reviewPath = (unitId: string | undefined, year: number) =>
  `/kpis/review?${query({ unitId, year })}`;
