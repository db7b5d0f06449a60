/** What the public look-up answers: no personal data beyond the head's masked name. */

export const PAY_METHODS = ['vnpay', 'momo', 'zalopay', 'payos', 'vietqr'] as const;
export type PayMethod = (typeof PAY_METHODS)[number];

export interface PublicBill {
  id: string;
  /** Vietnam month, `YYYY-MM`. */
  month: string;
  /** Whole VND. */
  amount: number;
  /** The transfer content that pays this bill by bank transfer. */
  reference: string;
}

export interface PaymentChoice {
  method: PayMethod;
  label: string;
}

export interface LookupAnswer {
  household: {
    code: string;
    /** "N*** V*** Đ***": enough to recognise, too little to learn. */
    headName: string;
    hamletName: string | null;
    wardName: string;
  };
  /** Unpaid bills, oldest month first. */
  bills: PublicBill[];
  /** Whole VND, the sum of `bills`. */
  total: number;
  /** The ways the collecting account takes payment online, in this order on the page. */
  methods: PaymentChoice[];
  /** Cash is always possible: to the collector or at the ward office, against a receipt. */
  cash: string;
}

export const METHOD_LABELS: Record<PayMethod, string> = {
  vnpay: 'VNPay (thẻ ATM, ứng dụng ngân hàng, VNPAY-QR)',
  momo: 'Ví MoMo',
  zalopay: 'ZaloPay',
  payos: 'payOS (chuyển khoản qua mã QR)',
  vietqr: 'Chuyển khoản ngân hàng (VietQR)',
};

export const CASH_NOTE =
  'Có thể nộp tiền mặt cho nhân viên thu gom hoặc tại UBND phường/xã; nhớ nhận biên lai.';

/** A bank transfer by VietQR: the code to scan and what to type when not scanning. */
export interface PublicQr {
  /** The EMVCo payload the QR code encodes. */
  payload: string;
  /** The QR code as an SVG image (a `data:` URL), so the page needs no encoder of its own. */
  image: string | null;
  bankName: string;
  accountNumber: string;
  accountName: string;
  /** Whole VND. */
  amount: number;
  /** The transfer content that matches the transfer to the bills. */
  content: string;
}

/** The answer to starting a payment: go to the gateway, or transfer with the QR code. */
export interface PayAnswer {
  attemptId: string;
  redirectUrl?: string;
  qr?: PublicQr;
}

/** pending → succeeded, failed or expired (shared/payments/attempts.ts). */
export type AttemptStatus = 'pending' | 'succeeded' | 'failed' | 'expired';

/** What the result page reads of an attempt: its state, never who paid. */
export interface PublicAttempt {
  id: string;
  status: AttemptStatus;
  method: PayMethod;
  /** Whole VND. */
  amount: number;
  /** The Vietnam months the attempt pays, `YYYY-MM`. */
  months: string[];
  createdAt: string;
  settledAt: string | null;
}
