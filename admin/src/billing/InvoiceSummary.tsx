import {
  Alert,
  Box,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { Invoice } from '../../../shared/billing/fields';
import { formatDate } from '../format/dates';
import { formatVnd } from '../format/money';
import { monthLabel } from './months';
import { InvoiceStatusChip } from './InvoiceStatusChip';

const invoicePath = (number: string) => `/invoices/${encodeURIComponent(number)}/show`;

const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ minWidth: 160 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Box sx={{ typography: 'body2' }}>{children}</Box>
  </Box>
);

/** Voided: when, why, and the invoice that replaced it; or, for a replacement, what it replaced. */
const Lineage = ({ invoice }: { invoice: Invoice }) => {
  const translate = useTranslate();

  return (
    <>
      {invoice.status === 'void' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('billing.invoice.void_notice', {
            date: formatDate(invoice.voidedOn),
            reason: invoice.voidReason ?? '',
          })}
          {invoice.replacedBy && (
            <>
              {' '}
              {translate('billing.invoice.replaced_by')}{' '}
              <Link component={RouterLink} to={invoicePath(invoice.replacedBy)}>
                {invoice.replacedBy}
              </Link>
            </>
          )}
        </Alert>
      )}
      {invoice.replaces && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('billing.invoice.replaces')}{' '}
          <Link component={RouterLink} to={invoicePath(invoice.replaces)}>
            {invoice.replaces}
          </Link>
        </Alert>
      )}
    </>
  );
};

const Money = ({ value, strong }: { value: number; strong?: boolean }) => (
  <TableCell align="right" sx={{ whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}>
    {formatVnd(value)}
  </TableCell>
);

const Lines = ({ invoice }: { invoice: Invoice }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`billing.invoice.${key}`);

  return (
    <Table size="small" aria-label={t('lines')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('description')}</TableCell>
          <TableCell align="right">{t('quantity')}</TableCell>
          <TableCell align="right">{t('unit_price')}</TableCell>
          <TableCell align="right">{t('amount')}</TableCell>
          <TableCell align="right">{t('discount')}</TableCell>
          <TableCell align="right">{t('vat')}</TableCell>
          <TableCell align="right">{t('line_total')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {invoice.lines.map((line) => (
          <TableRow key={line.description}>
            <TableCell>
              {line.description}
              {line.discountNote && (
                <Typography variant="caption" color="text.secondary" component="div">
                  {line.discountNote}
                </Typography>
              )}
            </TableCell>
            <TableCell align="right">{`${line.quantity} ${line.unit}`}</TableCell>
            <Money value={line.unitPrice} />
            <Money value={line.grossAmount} />
            <Money value={line.discount} />
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {`${line.vatRate}% · ${formatVnd(line.vat)}`}
            </TableCell>
            <Money value={line.total} strong />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Total, what credit and payments took off it, and what is left: the question finance asks. */
const Settlement = ({ invoice }: { invoice: Invoice }) => {
  const translate = useTranslate();
  const rows: Array<[string, number, boolean?]> = [
    ['total', invoice.total],
    ...(invoice.creditApplied > 0
      ? [['credit_applied', -invoice.creditApplied] as [string, number]]
      : []),
    ['paid', invoice.paidAmount > 0 ? -invoice.paidAmount : 0],
    ['balance', invoice.balanceDue, true],
  ];

  return (
    <Table size="small" sx={{ maxWidth: 420 }} aria-label={translate('billing.invoice.settlement')}>
      <TableBody>
        {rows.map(([key, value, strong]) => (
          <TableRow key={key} data-testid={`settlement-${key}`}>
            <TableCell sx={{ fontWeight: strong ? 600 : undefined }}>
              {translate(`billing.invoice.${key}`)}
            </TableCell>
            <Money value={value} strong={strong} />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The invoice as finance reads it: who, which month, the line, and how it stands now. */
export const InvoiceSummary = () => {
  const translate = useTranslate();
  const invoice = useRecordContext<Invoice & { id: string }>();
  if (!invoice) return null;
  const label = (source: string) => translate(`resources.invoices.fields.${source}`);

  return (
    <Box sx={{ p: 2 }}>
      <Lineage invoice={invoice} />
      <Stack direction="row" useFlexGap spacing={3} sx={{ mb: 3, flexWrap: 'wrap' }}>
        <Item label={label('number')}>
          <strong>{invoice.number}</strong>
        </Item>
        <Item label={translate('billing.invoice.buyer')}>
          <ReferenceField source="accountId" reference="accounts" link="show" emptyText="">
            <TextField source="name" />
          </ReferenceField>
          {invoice.buyerTaxCode && (
            <Typography variant="caption" component="div" color="text.secondary">
              {translate('billing.invoice.buyer_tax_code', { taxCode: invoice.buyerTaxCode })}
            </Typography>
          )}
        </Item>
        <Item label={translate('billing.invoice.period')}>{monthLabel(invoice.month)}</Item>
        <Item label={label('status')}>
          <InvoiceStatusChip status={invoice.status} />
        </Item>
        <Item label={label('issuedOn')}>{formatDate(invoice.issuedOn)}</Item>
        <Item label={label('dueDate')}>{formatDate(invoice.dueDate)}</Item>
      </Stack>
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('billing.invoice.lines')}
      </Typography>
      <Box sx={{ overflowX: 'auto', mb: 3 }}>
        <Lines invoice={invoice} />
      </Box>
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('billing.invoice.settlement')}
      </Typography>
      <Settlement invoice={invoice} />
    </Box>
  );
};
