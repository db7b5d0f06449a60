import DownloadIcon from '@mui/icons-material/Download';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import {
  useDataProvider,
  useListContext,
  useLocaleState,
  useNotify,
  useTranslate,
} from 'react-admin';
import { formatCount } from '../../format/numbers';
import { exportHouseholds, type ExportFormat } from './exportHouseholds';

const FORMATS = [
  { format: 'csv', label: 'nguon.export.csv' },
  { format: 'xlsx', label: 'nguon.export.xlsx' },
] as const;

interface Running {
  format: ExportFormat;
  done: number;
  total: number;
}

/**
 * "Xuất CSV" and "Xuất Excel": the whole list as filtered and sorted now, fetched page by page
 * with a progress dialog that can cancel.
 */
export const ExportButtons = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const [locale] = useLocaleState();
  const { filterValues, sort, total } = useListContext();
  const [running, setRunning] = useState<Running | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async (format: ExportFormat) => {
    const controller = new AbortController();
    abort.current = controller;
    setRunning({ format, done: 0, total: total ?? 0 });
    try {
      const count = await exportHouseholds({
        dataProvider,
        filter: filterValues,
        sort,
        format,
        language: locale === 'en' ? 'en' : 'vi',
        onProgress: (done, all) => setRunning({ format, done, total: all }),
        signal: controller.signal,
      });
      notify('nguon.export.done', { type: 'success', messageArgs: { smart_count: count } });
    } catch (error) {
      if (!controller.signal.aborted) {
        notify((error as Error).message || 'nguon.export.failed', { type: 'error' });
      }
    } finally {
      setRunning(null);
    }
  };

  const percent = running && running.total > 0 ? (100 * running.done) / running.total : 0;

  return (
    <>
      {FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          size="small"
          startIcon={<DownloadIcon />}
          onClick={() => start(format)}
          disabled={running !== null || total === 0}
        >
          {translate(label)}
        </Button>
      ))}
      <Dialog open={running !== null} fullWidth maxWidth="sm">
        <DialogTitle>{translate('nguon.export.title')}</DialogTitle>
        <DialogContent>
          <LinearProgress variant="determinate" value={percent} sx={{ my: 2 }} />
          <Typography variant="body2">
            {running && running.total > 0 && running.done >= running.total
              ? translate('nguon.export.writing')
              : translate('nguon.export.progress', {
                  done: formatCount(running?.done ?? 0),
                  total: formatCount(running?.total ?? 0),
                })}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => abort.current?.abort()}>{translate('ra.action.cancel')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
