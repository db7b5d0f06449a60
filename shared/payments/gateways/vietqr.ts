import { ValidationError } from '../../errors';

/**
 * VietQR (NAPAS, on EMVCo merchant-presented QR): the text a banking app scans to transfer to
 * an account, with the amount and the transfer content filled in. Fields are ID, two-digit
 * length and value; the last field is a CRC-16/CCITT-FALSE over everything before it,
 * including its own `6304` header.
 */
const NAPAS_GUID = 'A000000727';
/** Transfer to an account number (QRIBFTTC would be to a card number). */
const TO_ACCOUNT = 'QRIBFTTA';

export interface VietQrInput {
  /** The bank's 6-digit NAPAS BIN, e.g. 970436 for Vietcombank. */
  bankBin: string;
  accountNumber: string;
  /** Whole VND; a QR without an amount lets the payer type one. */
  amount?: number;
  /** Transfer content (purpose of transaction): how the statement line is matched. */
  content?: string;
  /** Optional bill number field. */
  billNumber?: string;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), four upper-case hex digits. */
export const crc16 = (text: string): string => {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }

  return crc.toString(16).toUpperCase().padStart(4, '0');
};

const field = (id: string, value: string): string => {
  if (value.length > 99) throw new ValidationError('Trường mã VietQR quá dài');

  return `${id}${String(value.length).padStart(2, '0')}${value}`;
};

const PLAIN = /^[A-Za-z0-9 .\-_]*$/;

/** The VietQR payload for a bank account, with amount and transfer content when given. */
export const vietQrPayload = (input: VietQrInput): string => {
  if (!/^\d{6}$/.test(input.bankBin))
    throw new ValidationError('Mã ngân hàng (BIN) phải có 6 chữ số');
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber))
    throw new ValidationError('Số tài khoản nhận phải có 1–19 chữ số hoặc chữ cái');
  if (input.amount !== undefined && (!Number.isSafeInteger(input.amount) || input.amount <= 0))
    throw new ValidationError('Số tiền phải là số nguyên dương (VND)');
  for (const text of [input.content, input.billNumber])
    if (text !== undefined && (!PLAIN.test(text) || text.length > 25))
      throw new ValidationError(
        'Nội dung chuyển khoản chỉ gồm chữ không dấu và số, tối đa 25 ký tự',
      );

  const beneficiary = field('00', input.bankBin) + field('01', input.accountNumber);
  const account = field('00', NAPAS_GUID) + field('01', beneficiary) + field('02', TO_ACCOUNT);
  const additional =
    (input.billNumber ? field('01', input.billNumber) : '') +
    (input.content ? field('08', input.content) : '');
  const body =
    field('00', '01') +
    // 12: a dynamic QR, made for one payment; 11: a static one, reusable.
    field('01', input.amount !== undefined ? '12' : '11') +
    field('38', account) +
    field('53', '704') +
    (input.amount !== undefined ? field('54', String(input.amount)) : '') +
    field('58', 'VN') +
    (additional ? field('62', additional) : '') +
    '6304';

  return body + crc16(body);
};

/** Splits TLV text into its fields; throws on a length that runs past the end. */
export const parseTlv = (text: string): { id: string; value: string }[] => {
  const fields: { id: string; value: string }[] = [];
  let at = 0;
  while (at < text.length) {
    const id = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(length) || at + 4 + length > text.length)
      throw new ValidationError('Chuỗi VietQR không hợp lệ');
    fields.push({ id, value: text.slice(at + 4, at + 4 + length) });
    at += 4 + length;
  }

  return fields;
};
