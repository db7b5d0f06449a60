import { useEffect, useState } from 'react';
import { API_URL } from '../data/httpClient';
import { httpClient } from '../data/api';
import { viCollator } from '../../../shared/text/collation';

/** One ward's or commune's register, as `GET /api/stats/register` counts it. */
export interface WardStats {
  unitId: string;
  code: string;
  name: string;
  level: string;
  total: number;
  active: number;
  complete: number;
  partial: number;
  incomplete: number;
}

interface State {
  data?: WardStats[];
  error?: Error;
}

/** The register's counts per ward, in Vietnamese order of the ward names. */
export const useRegisterStats = (parentId?: string): State => {
  const [state, setState] = useState<State>({});

  useEffect(() => {
    const controller = new AbortController();
    const query = parentId ? `?parentId=${encodeURIComponent(parentId)}` : '';
    httpClient(`${API_URL}/stats/register${query}`, { signal: controller.signal })
      .then(({ json }) => {
        const wards = [...(json as WardStats[])].sort((a, b) => viCollator.compare(a.name, b.name));
        setState({ data: wards });
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ error });
      });

    return () => controller.abort();
  }, [parentId]);

  return state;
};

export const percentOf = (part: number, total: number): number =>
  total > 0 ? (100 * part) / total : 0;

export const sumStats = (wards: WardStats[]) =>
  wards.reduce(
    (sum, ward) => ({
      total: sum.total + ward.total,
      complete: sum.complete + ward.complete,
      partial: sum.partial + ward.partial,
      incomplete: sum.incomplete + ward.incomplete,
    }),
    { total: 0, complete: 0, partial: 0, incomplete: 0 },
  );
