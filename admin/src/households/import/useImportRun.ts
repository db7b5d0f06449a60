import { useRef, useState } from 'react';
import { useNotify } from 'react-admin';
import { httpClient } from '../../data/api';
import { runImportPass, type RowResult } from './importApi';

export type Phase = 'ready' | 'previewing' | 'previewed' | 'importing' | 'imported';

export interface ImportRun {
  phase: Phase;
  done: number;
  total: number;
  results: RowResult[];
  start: (records: Array<Record<string, string>>, unitId: string | null, dryRun: boolean) => void;
  cancel: () => void;
  reset: () => void;
}

/**
 * One preview or import pass at a time (to the import route `path`), with its progress and the rows' results. Results are
 * appended per call of 500, so the page re-renders twenty times for 10,000 rows, not 10,000.
 */
export const useImportRun = (path: string): ImportRun => {
  const notify = useNotify();
  const [phase, setPhase] = useState<Phase>('ready');
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [results, setResults] = useState<RowResult[]>([]);
  const abort = useRef<AbortController | null>(null);

  const start: ImportRun['start'] = (records, unitId, dryRun) => {
    const controller = new AbortController();
    abort.current = controller;
    const collected: RowResult[] = [];
    setResults([]);
    setProgress({ done: 0, total: records.length });
    setPhase(dryRun ? 'previewing' : 'importing');

    runImportPass({
      httpClient,
      path,
      records,
      unitId: unitId ?? undefined,
      dryRun,
      signal: controller.signal,
      onChunk: (chunk, done) => {
        collected.push(...chunk);
        setResults([...collected]);
        setProgress({ done, total: records.length });
      },
    })
      .then(() => setPhase(dryRun ? 'previewed' : 'imported'))
      .catch((error: unknown) => {
        // What was written before a failure stays written; the table shows those rows.
        setPhase(dryRun || collected.length === 0 ? 'ready' : 'imported');
        if (!controller.signal.aborted) {
          notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        }
      });
  };

  return {
    phase,
    done: progress.done,
    total: progress.total,
    results,
    start,
    cancel: () => abort.current?.abort(),
    reset: () => {
      abort.current?.abort();
      setResults([]);
      setPhase('ready');
    },
  };
};
