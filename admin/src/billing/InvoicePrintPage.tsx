import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, CircularProgress, GlobalStyles, Stack } from '@mui/material';
import { useAuthenticated, useTranslate } from 'react-admin';
import { Link as RouterLink, useParams } from 'react-router';
import { paths, type PrintableInvoice } from './billingApi';
import { InvoiceSheet } from './InvoiceSheet';
import { useApiGet } from './useApiGet';

/**
 * A4 paper, and nothing of the screen on it: the buttons above the sheet are left out, the sheet
 * loses its shadow and margins and fills the printable area.
 */
const printStyles = (
  <GlobalStyles
    styles={{
      '@page': { size: 'A4', margin: '12mm' },
      '@media print': {
        'body, html': { background: '#fff !important' },
        '.no-print': { display: 'none !important' },
        '.invoice-sheet': {
          boxShadow: 'none !important',
          margin: '0 !important',
          padding: '0 !important',
          width: 'auto !important',
          minHeight: 'auto !important',
        },
      },
    }}
  />
);

/**
 * The printable invoice, outside the admin's layout (no app bar, no menu): the API's printable
 * form of `/invoices/{id}/print`, laid out as a Vietnamese service invoice, with a Print button
 * that opens the browser's print dialog (which also saves as PDF).
 */
export const InvoicePrintPage = () => {
  useAuthenticated();
  const translate = useTranslate();
  const { id = '' } = useParams<{ id: string }>();
  const { data, error, loading } = useApiGet<PrintableInvoice>(paths.print(id));

  return (
    <Box sx={{ bgcolor: 'grey.200', minHeight: '100vh', py: 3 }}>
      {printStyles}
      <Stack
        className="no-print"
        direction="row"
        spacing={1}
        sx={{ width: '210mm', maxWidth: '100%', mx: 'auto', mb: 2 }}
      >
        <Button
          component={RouterLink}
          to={`/invoices/${encodeURIComponent(id)}/show`}
          startIcon={<ArrowBackIcon />}
        >
          {translate('billing.back')}
        </Button>
        <Button
          variant="contained"
          startIcon={<PrintIcon />}
          onClick={() => window.print()}
          disabled={!data}
        >
          {translate('billing.invoice.print')}
        </Button>
      </Stack>
      {loading && !data && <CircularProgress sx={{ display: 'block', mx: 'auto' }} />}
      {error && (
        <Alert severity="error" sx={{ width: '210mm', maxWidth: '100%', mx: 'auto' }}>
          {error.message || translate('billing.failed')}
        </Alert>
      )}
      {data && <InvoiceSheet invoice={data} />}
    </Box>
  );
};

export default InvoicePrintPage;
