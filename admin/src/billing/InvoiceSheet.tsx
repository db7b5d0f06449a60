import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import type { PrintableInvoice } from './billingApi';

/**
 * The invoice as printed. Always in Vietnamese, whatever language the admin is in: it is a
 * Vietnamese document, and its words (title, description, amount in words) come from the API.
 */
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const amount = (value: number) => number.format(value);

/** "01/12/2026" → "Ngày 01 tháng 12 năm 2026", as a Vietnamese document dates itself. */
const longDate = (printed: string) => {
  const [day, month, year] = printed.split('/');

  return `Ngày ${day} tháng ${month} năm ${year}`;
};

const cell = { border: '1px solid #000', padding: '4px 6px', verticalAlign: 'top' } as const;
const right = { ...cell, textAlign: 'right', whiteSpace: 'nowrap' } as const;

const Line = ({ label, children }: { label: string; children: ReactNode }) =>
  children ? (
    <div>
      {label}: <strong>{children}</strong>
    </div>
  ) : null;

const Party = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ mb: 1.5, lineHeight: 1.6 }}>
    <Box sx={{ fontWeight: 700, textTransform: 'uppercase' }}>{title}</Box>
    {children}
  </Box>
);

const Sum = ({ label, value, strong }: { label: string; value: number; strong?: boolean }) => (
  <tr style={strong ? { fontWeight: 700 } : undefined}>
    <td style={cell} colSpan={5}>
      {label}
    </td>
    <td style={right}>{amount(value)}</td>
  </tr>
);

export const InvoiceSheet = ({ invoice }: { invoice: PrintableInvoice }) => {
  const { seller, buyer, printed } = invoice;
  const bank = [seller.bankAccount, seller.bankName].filter(Boolean).join(' tại ');

  return (
    <Box
      className="invoice-sheet"
      component="article"
      aria-label={`${invoice.title} ${invoice.number}`}
      sx={{
        width: '210mm',
        maxWidth: '100%',
        minHeight: '297mm',
        mx: 'auto',
        p: '15mm',
        boxSizing: 'border-box',
        bgcolor: '#fff',
        color: '#000',
        boxShadow: 3,
        fontFamily: '"Times New Roman", Times, serif',
        fontSize: '13pt',
        '& table': { borderCollapse: 'collapse', width: '100%' },
      }}
    >
      <Party title={seller.name}>
        <Line label="Mã số thuế">{seller.taxCode}</Line>
        <Line label="Địa chỉ">{seller.address}</Line>
        <Line label="Điện thoại">{seller.phone}</Line>
        <Line label="Email">{seller.email}</Line>
        <Line label="Số tài khoản">{bank}</Line>
      </Party>

      <Box sx={{ textAlign: 'center', my: 3 }}>
        <Box component="h1" sx={{ fontSize: '20pt', m: 0 }}>
          {invoice.title}
        </Box>
        <div>{longDate(printed.issuedOn)}</div>
        <div>
          Số: <strong data-testid="print-number">{invoice.number}</strong>
        </div>
        {invoice.status === 'void' && (
          <Box sx={{ mt: 1, fontWeight: 700, color: '#b00020', fontSize: '16pt' }}>
            ĐÃ HỦY{invoice.voidReason ? ` — ${invoice.voidReason}` : ''}
            {invoice.replacedBy ? ` (thay bằng ${invoice.replacedBy})` : ''}
          </Box>
        )}
        {invoice.replaces && <div>Thay thế hóa đơn số {invoice.replaces}</div>}
      </Box>

      <Party title="Đơn vị mua dịch vụ">
        <Line label="Tên đơn vị">{buyer.name}</Line>
        <Line label="Mã số thuế">{buyer.taxCode ?? '—'}</Line>
        <Line label="Người liên hệ">{buyer.contactName}</Line>
        <Line label="Kỳ dịch vụ">{`${invoice.period.label} (${printed.period})`}</Line>
        <Line label="Hạn thanh toán">{printed.dueDate}</Line>
      </Party>

      <table>
        <thead>
          <tr>
            {['STT', 'Tên dịch vụ', 'Đơn vị tính', 'Số lượng', 'Đơn giá', 'Thành tiền'].map(
              (header) => (
                <th key={header} style={{ ...cell, textAlign: 'center' }}>
                  {header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => (
            <tr key={line.no}>
              <td style={{ ...cell, textAlign: 'center' }}>{line.no}</td>
              <td style={cell}>
                {line.description}
                {line.discountNote && <div>({line.discountNote})</div>}
              </td>
              <td style={{ ...cell, textAlign: 'center' }}>{line.unit}</td>
              <td style={right}>{line.quantity}</td>
              <td style={right}>{amount(line.unitPrice)}</td>
              <td style={right}>{amount(line.amount)}</td>
            </tr>
          ))}
          {invoice.discount > 0 && <Sum label="Giảm giá" value={-invoice.discount} />}
          <Sum label="Cộng tiền dịch vụ" value={invoice.taxableAmount} />
          <Sum label={`Thuế suất GTGT: ${invoice.vatRate}% — Tiền thuế GTGT`} value={invoice.vat} />
          <Sum label="Tổng cộng tiền thanh toán" value={invoice.total} strong />
        </tbody>
      </table>

      <Box sx={{ my: 1.5 }}>
        Số tiền viết bằng chữ: <strong data-testid="print-words">{invoice.amountInWords}</strong>
      </Box>

      {invoice.settlement.length > 2 && (
        <Box component="table" sx={{ mb: 2, maxWidth: '110mm', ml: 'auto' }}>
          <tbody>
            {invoice.settlement.map((row) => (
              <tr key={row.label}>
                <td style={cell}>{row.label}</td>
                <td style={right}>{amount(row.amount)}</td>
              </tr>
            ))}
          </tbody>
        </Box>
      )}
      <div>Đơn vị tính: đồng. Trạng thái: {invoice.statusLabel}.</div>

      <Box sx={{ display: 'flex', justifyContent: 'space-around', mt: 5, textAlign: 'center' }}>
        {['Người mua dịch vụ', 'Người bán dịch vụ'].map((who) => (
          <Box key={who} sx={{ minWidth: '60mm', minHeight: '35mm' }}>
            <strong>{who}</strong>
            <div style={{ fontStyle: 'italic' }}>(Ký, ghi rõ họ tên)</div>
          </Box>
        ))}
      </Box>
    </Box>
  );
};
