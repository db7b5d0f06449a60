import { Typography } from '@mui/material';
import {
  useRecordContext,
  useTranslate,
  type FieldProps,
  type TranslateFunction,
} from 'react-admin';
import { SYSTEM_USER } from '../../../shared/audit/system';

/**
 * Who made a change, as the trail's "Người thực hiện" reads: the user's name, or "Hệ thống" /
 * "System" for a write the platform made on its own (a webhook, a scheduled job).
 */
export const actorText = (
  event: Record<string, unknown> | undefined,
  translate: TranslateFunction,
): string => {
  if (!event) return '';
  if (event.userId === SYSTEM_USER) return translate('nguon.audit.system');

  return typeof event.username === 'string' ? event.username : '';
};

export const ActorField = (_props: FieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();

  return (
    <Typography component="span" variant="body2">
      {actorText(record, translate)}
    </Typography>
  );
};
