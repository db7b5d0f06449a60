/**
 * The words of the billing and finance screens, Vietnamese first. Kept beside the screens and
 * merged into the catalogue by i18nProvider, under their own `billing` and `finance` keys.
 */
export const billingVietnamese = {
  billing: {
    back: 'Quay lại',
    failed: 'Không tải được dữ liệu',
    invoice: {
      print: 'In hóa đơn',
      statement: 'Sao kê tài khoản',
      buyer: 'Đơn vị mua',
      buyer_tax_code: 'MST: %{taxCode}',
      period: 'Kỳ dịch vụ',
      lines: 'Chi tiết dịch vụ',
      description: 'Nội dung',
      quantity: 'Số lượng',
      unit_price: 'Đơn giá',
      amount: 'Thành tiền',
      discount: 'Giảm giá',
      vat: 'Thuế GTGT',
      line_total: 'Cộng',
      settlement: 'Tình hình thanh toán',
      total: 'Tổng cộng',
      credit_applied: 'Trừ tiền thừa kỳ trước',
      paid: 'Đã thanh toán',
      balance: 'Còn phải trả',
      payments: 'Các khoản đã thanh toán',
      no_payments: 'Chưa có khoản thanh toán nào.',
      void_notice: 'Hóa đơn đã bị hủy ngày %{date}. Lý do: %{reason}',
      replaced_by: 'Hóa đơn thay thế:',
      replaces: 'Hóa đơn này thay thế hóa đơn',
    },
    payment: {
      open: 'Ghi nhận thanh toán',
      title: 'Ghi nhận thanh toán hóa đơn %{number}',
      explain:
        'Còn phải trả: %{balance}. Có thể ghi nhận một phần; ' +
        'số tiền vượt quá được giữ làm tiền thừa và trừ vào hóa đơn sau.',
      amount: 'Số tiền (VND)',
      paid_on: 'Ngày thanh toán',
      method: 'Hình thức',
      reference: 'Mã giao dịch / số phiếu thu',
      note: 'Ghi chú',
      submit: 'Ghi nhận',
      done: 'Đã ghi nhận %{amount}',
      done_credit: 'Đã ghi nhận %{amount}; %{credit} chuyển thành tiền thừa của tài khoản',
      failed: 'Chưa ghi nhận được khoản thanh toán',
    },
    void: {
      open: 'Hủy hóa đơn',
      title: 'Hủy hóa đơn %{number}',
      explain:
        'Hóa đơn bị hủy không sửa lại được. Một hóa đơn thay thế với số mới được lập ngay, ' +
        'theo tài khoản và bảng giá hiện tại; số đã thu của hóa đơn này được trừ vào hóa đơn mới.',
      reason: 'Lý do hủy',
      submit: 'Hủy hóa đơn',
      done: 'Đã hủy hóa đơn %{number}.',
      replacement: 'Hóa đơn thay thế: %{number}',
      no_replacement: 'Tháng này không còn gì phải tính phí, nên không có hóa đơn thay thế.',
      open_replacement: 'Mở hóa đơn thay thế',
      failed: 'Chưa hủy được hóa đơn',
    },
    pay: {
      open: 'Thanh toán trực tuyến',
      title: 'Thanh toán hóa đơn %{number}',
      explain: 'Số tiền cần thanh toán: %{amount}. Chọn cách thanh toán:',
      submit: 'Tiếp tục',
      redirecting: 'Đang chuyển sang cổng thanh toán…',
      qr_title: 'Chuyển khoản theo mã VietQR',
      qr_text_only:
        'Trang quản trị chưa vẽ được ảnh mã QR; hãy chuyển khoản đúng theo thông tin dưới đây ' +
        '(hoặc dán dữ liệu mã QR vào ứng dụng ngân hàng hỗ trợ).',
      bank: 'Ngân hàng',
      account_number: 'Số tài khoản',
      amount: 'Số tiền',
      content: 'Nội dung chuyển khoản',
      payload: 'Dữ liệu mã QR',
      failed: 'Chưa tạo được giao dịch thanh toán',
      gateways: {
        vietqr: 'Chuyển khoản ngân hàng (VietQR)',
        vnpay: 'VNPay',
        momo: 'Ví MoMo',
        zalopay: 'ZaloPay',
        payos: 'payOS',
      },
    },
    statement: {
      title: 'Sao kê: %{name}',
      from: 'Từ ngày',
      to: 'Đến ngày',
      opening: 'Số dư đầu kỳ',
      closing: 'Số dư cuối kỳ',
      outstanding: 'Còn phải thu (hôm nay)',
      account_credit: 'Tiền thừa chưa trừ (hôm nay)',
      balance_hint: 'Số dư dương là số tài khoản còn nợ; số âm là tiền thừa.',
      empty: 'Không có phát sinh nào trong khoảng ngày này.',
    },
    run: {
      open: 'Lập hóa đơn tháng',
      title: 'Lập hóa đơn cho một tháng',
      explain:
        'Lập hóa đơn cho mọi tài khoản có ngày tính phí trong tháng đã chọn. ' +
        'Chạy lại một tháng chỉ lập những hóa đơn còn thiếu, không đổi số hóa đơn đã có.',
      month: 'Tháng',
      submit: 'Lập hóa đơn',
      result: 'Kết quả lập hóa đơn tháng %{month}',
      issued: 'Hóa đơn mới',
      already: 'Đã có hóa đơn từ trước',
      not_billable: 'Không tính phí',
      issued_total: 'Tổng tiền hóa đơn mới',
      numbers: 'Số hóa đơn',
      nothing_new: 'Không có hóa đơn mới: mọi tài khoản tính phí của tháng này đã có hóa đơn.',
      show_invoices: 'Xem hóa đơn tháng này',
      failed: 'Chưa lập được hóa đơn',
    },
    month: { all: 'Tất cả các tháng' },
  },
  finance: {
    title: 'Báo cáo tài chính',
    tabs: { ageing: 'Tuổi nợ', monthly: 'Theo tháng', free: 'Năm miễn phí' },
    as_of: 'Tính đến ngày',
    from: 'Từ tháng',
    to: 'Đến tháng',
    totals: 'Tổng cộng',
    ageing: {
      explain:
        'Số còn phải thu của từng tài khoản vào cuối ngày đã chọn, theo số ngày quá hạn thanh toán.',
      empty: 'Không có khoản phải thu nào vào ngày này.',
    },
    monthly: {
      explain:
        'Đã lập hóa đơn: theo tháng dịch vụ (không tính hóa đơn đã hủy). ' +
        'Đã thu: theo ngày thanh toán.',
    },
    free: {
      explain: 'Các tài khoản đang trong thời gian miễn phí và ngày bắt đầu tính phí.',
      all: 'Gồm cả tài khoản đã hết thời gian miễn phí',
      empty: 'Không có tài khoản nào đang trong thời gian miễn phí.',
    },
  },
};

/** The same words in English; typed after the Vietnamese so that no key is forgotten. */
export const billingEnglish: typeof billingVietnamese = {
  billing: {
    back: 'Back',
    failed: 'Could not load the data',
    invoice: {
      print: 'Print invoice',
      statement: 'Account statement',
      buyer: 'Buyer',
      buyer_tax_code: 'Tax code: %{taxCode}',
      period: 'Service period',
      lines: 'Service details',
      description: 'Description',
      quantity: 'Quantity',
      unit_price: 'Unit price',
      amount: 'Amount',
      discount: 'Discount',
      vat: 'VAT',
      line_total: 'Total',
      settlement: 'Settlement',
      total: 'Total',
      credit_applied: 'Credit from earlier periods',
      paid: 'Paid',
      balance: 'Balance due',
      payments: 'Payments received',
      no_payments: 'No payment yet.',
      void_notice: 'This invoice was voided on %{date}. Reason: %{reason}',
      replaced_by: 'Replacement invoice:',
      replaces: 'This invoice replaces',
    },
    payment: {
      open: 'Record payment',
      title: 'Record a payment of invoice %{number}',
      explain:
        'Balance due: %{balance}. A part payment is fine; anything above the balance is kept ' +
        'as credit and taken off the next invoice.',
      amount: 'Amount (VND)',
      paid_on: 'Paid on',
      method: 'Method',
      reference: 'Transfer or receipt reference',
      note: 'Note',
      submit: 'Record',
      done: 'Recorded %{amount}',
      done_credit: "Recorded %{amount}; %{credit} became the account's credit",
      failed: 'The payment was not recorded',
    },
    void: {
      open: 'Void invoice',
      title: 'Void invoice %{number}',
      explain:
        'A voided invoice cannot be changed again. A replacement with a new number is issued at ' +
        'once from the account and price plan as they are now; what this invoice received is ' +
        'taken off the replacement.',
      reason: 'Reason',
      submit: 'Void invoice',
      done: 'Invoice %{number} voided.',
      replacement: 'Replacement invoice: %{number}',
      no_replacement: 'Nothing is billable for this month any more, so there is no replacement.',
      open_replacement: 'Open the replacement',
      failed: 'The invoice was not voided',
    },
    pay: {
      open: 'Pay online',
      title: 'Pay invoice %{number}',
      explain: 'Amount to pay: %{amount}. Choose how to pay:',
      submit: 'Continue',
      redirecting: 'Taking you to the payment gateway…',
      qr_title: 'Bank transfer by VietQR',
      qr_text_only:
        'The admin cannot draw the QR image yet; transfer exactly as below (or paste the QR data ' +
        'into a banking app that accepts it).',
      bank: 'Bank',
      account_number: 'Account number',
      amount: 'Amount',
      content: 'Transfer content',
      payload: 'QR data',
      failed: 'The payment could not be started',
      gateways: {
        vietqr: 'Bank transfer (VietQR)',
        vnpay: 'VNPay',
        momo: 'MoMo wallet',
        zalopay: 'ZaloPay',
        payos: 'payOS',
      },
    },
    statement: {
      title: 'Statement: %{name}',
      from: 'From',
      to: 'To',
      opening: 'Opening balance',
      closing: 'Closing balance',
      outstanding: 'Outstanding (today)',
      account_credit: 'Unused credit (today)',
      balance_hint: 'A positive balance is owed by the account; a negative one is credit.',
      empty: 'Nothing happened in this date range.',
    },
    run: {
      open: 'Run billing',
      title: 'Run the billing of a month',
      explain:
        'Issues an invoice to every account with a billable day in the chosen month. Running a ' +
        'month again issues only what is missing and changes no existing number.',
      month: 'Month',
      submit: 'Run billing',
      result: 'Billing of %{month}',
      issued: 'New invoices',
      already: 'Already invoiced',
      not_billable: 'Not billable',
      issued_total: 'Total of the new invoices',
      numbers: 'Invoice numbers',
      nothing_new: 'Nothing new: every billable account already has its invoice for this month.',
      show_invoices: "Show this month's invoices",
      failed: 'The billing did not run',
    },
    month: { all: 'All months' },
  },
  finance: {
    title: 'Finance reports',
    tabs: { ageing: 'Ageing', monthly: 'By month', free: 'Free year' },
    as_of: 'As of',
    from: 'From month',
    to: 'To month',
    totals: 'Total',
    ageing: {
      explain: 'What each account still owed at the end of the chosen day, by days past due.',
      empty: 'Nothing was outstanding on this day.',
    },
    monthly: {
      explain: 'Invoiced: by billed month (voided invoices left out). Collected: by day paid.',
    },
    free: {
      explain: 'Accounts in their free period, and the day each starts to be billed.',
      all: 'Include accounts whose free period is over',
      empty: 'No account is in its free period.',
    },
  },
};

/** The menu's name of the finance reports page, which has no resource definition. */
export const billingResourceNames = {
  vi: { 'finance-reports': { name: 'Báo cáo tài chính |||| Báo cáo tài chính' } },
  en: { 'finance-reports': { name: 'Finance report |||| Finance reports' } },
};
