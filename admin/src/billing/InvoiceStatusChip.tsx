import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { InvoiceStatus } from '../../../shared/billing/fields';
import { choiceKey } from '../i18n/resourceMessages';

const colours = {
  issued: 'warning',
  'partly-paid': 'info',
  paid: 'success',
  void: 'default',
} as const;

/** "Chưa thanh toán", "Thanh toán một phần", "Đã thanh toán" or "Đã hủy", in a colour. */
export const InvoiceStatusChip = ({ status }: { status: InvoiceStatus }) => {
  const translate = useTranslate();

  return (
    <Chip
      size="small"
      color={colours[status] ?? 'default'}
      label={translate(choiceKey('invoices', 'status', status))}
      data-testid="invoice-status"
    />
  );
};
