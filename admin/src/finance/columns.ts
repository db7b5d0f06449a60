/**
 * The columns of the finance tables and their exports, in both languages. Money is whole VND,
 * days are written dd/MM/yyyy and months MM/yyyy, as the admin shows them.
 */
import { accountKindChoices } from '../../../shared/accounts/resource';
import type { AgedAccount, FreePeriodRow, MonthTotals } from '../../../shared/billing/reports';
import type { StatementLine } from '../../../shared/billing/statement';
import { formatDate } from '../format/dates';
import { monthLabel } from '../billing/months';
import type { ReportColumn } from './reportExport';

const money = <T>(key: string, vi: string, en: string, value: (row: T) => number) =>
  ({ key, label: { vi, en }, value, money: true }) as ReportColumn<T>;

const accountName = <T extends { accountName: string }>(): ReportColumn<T> => ({
  key: 'accountName',
  label: { vi: 'Tài khoản', en: 'Account' },
  value: (row) => row.accountName,
});

export const ageingColumns: ReportColumn<AgedAccount>[] = [
  accountName<AgedAccount>(),
  money('notDue', 'Chưa đến hạn', 'Not due', (row) => row.notDue),
  money('days0to30', 'Quá hạn 0–30 ngày', '0–30 days', (row) => row.days0to30),
  money('days31to60', 'Quá hạn 31–60 ngày', '31–60 days', (row) => row.days31to60),
  money('days61to90', 'Quá hạn 61–90 ngày', '61–90 days', (row) => row.days61to90),
  money('over90', 'Quá hạn trên 90 ngày', 'Over 90 days', (row) => row.over90),
  money('total', 'Tổng còn phải thu', 'Total outstanding', (row) => row.total),
];

export const monthlyColumns: ReportColumn<MonthTotals>[] = [
  { key: 'month', label: { vi: 'Tháng', en: 'Month' }, value: (row) => monthLabel(row.month) },
  money('invoiced', 'Đã lập hóa đơn', 'Invoiced', (row) => row.invoiced),
  {
    key: 'invoiceCount',
    label: { vi: 'Số hóa đơn', en: 'Invoices' },
    value: (row) => row.invoiceCount,
    numeric: true,
  },
  money('collected', 'Đã thu', 'Collected', (row) => row.collected),
  {
    key: 'paymentCount',
    label: { vi: 'Số khoản thu', en: 'Payments' },
    value: (row) => row.paymentCount,
    numeric: true,
  },
];

const kindLabels = new Map(accountKindChoices.map((choice) => [choice.id, choice.name]));

export const freePeriodColumns: ReportColumn<FreePeriodRow>[] = [
  accountName<FreePeriodRow>(),
  {
    key: 'kind',
    label: { vi: 'Loại', en: 'Kind' },
    value: (row, language) => kindLabels.get(row.kind)?.[language] ?? row.kind,
  },
  {
    key: 'activatedOn',
    label: { vi: 'Ngày kích hoạt', en: 'Activated on' },
    value: (row) => formatDate(row.activatedOn),
  },
  {
    key: 'freeMonths',
    label: { vi: 'Số tháng miễn phí', en: 'Free months' },
    value: (row) => row.freeMonths,
    numeric: true,
  },
  {
    key: 'billingStartsOn',
    label: { vi: 'Bắt đầu tính phí', en: 'Billed from' },
    value: (row) => formatDate(row.billingStartsOn),
  },
  {
    key: 'daysUntilBilling',
    label: { vi: 'Còn (ngày)', en: 'Days left' },
    value: (row) => row.daysUntilBilling,
    numeric: true,
  },
  {
    key: 'inFreePeriod',
    label: { vi: 'Tình trạng', en: 'State' },
    value: (row, language) =>
      row.inFreePeriod
        ? { vi: 'Đang miễn phí', en: 'Free' }[language]
        : { vi: 'Đã tính phí', en: 'Billed' }[language],
  },
];

const kindOfLine = {
  invoice: { vi: 'Hóa đơn', en: 'Invoice' },
  void: { vi: 'Hủy hóa đơn', en: 'Void' },
  payment: { vi: 'Thanh toán', en: 'Payment' },
  opening: { vi: 'Số dư đầu kỳ', en: 'Opening balance' },
};

/** A statement line, or the opening balance written as the first line of an export. */
export type StatementRow = Omit<StatementLine, 'kind'> & {
  kind: StatementLine['kind'] | 'opening';
};

export const statementColumns: ReportColumn<StatementRow>[] = [
  { key: 'date', label: { vi: 'Ngày', en: 'Date' }, value: (row) => formatDate(row.date) },
  {
    key: 'kind',
    label: { vi: 'Loại', en: 'Kind' },
    value: (row, language) => kindOfLine[row.kind][language],
  },
  {
    key: 'reference',
    label: { vi: 'Số chứng từ', en: 'Reference' },
    value: (row) => row.reference,
  },
  {
    key: 'description',
    label: { vi: 'Diễn giải', en: 'Description' },
    value: (row) => row.description,
  },
  money('debit', 'Phát sinh nợ', 'Debit', (row) => row.debit),
  money('credit', 'Phát sinh có', 'Credit', (row) => row.credit),
  money('balance', 'Số dư', 'Balance', (row) => row.balance),
];
