import { useCallback, useEffect, useState } from 'react';
import { httpClient } from '../data/api';
import { API_URL } from '../data/httpClient';

export interface ApiState<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  /** Reads the same path again, e.g. after a payment changed what it shows. */
  reload: () => void;
}

/**
 * One GET of the API as React state: the answer of the latest path only (an answer to a path the
 * page has left is dropped), and an error kept to be shown rather than thrown.
 */
export const useApiGet = <T>(path: string | undefined): ApiState<T> => {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: Boolean(path),
  });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!path) return undefined;
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true }));
    httpClient(`${API_URL}${path}`, { signal: controller.signal })
      .then(({ json }) => setState({ data: json as T, loading: false }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      });

    return () => controller.abort();
  }, [path, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);

  return { ...state, reload };
};
