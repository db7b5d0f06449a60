/**
 * The words of the household fee screens, Vietnamese first. Kept beside the screens and merged
 * into the catalogue by i18nProvider under their own `fees` key.
 */
export const feesVietnamese = {
  fees: {
    failed: 'Không tải được dữ liệu',
    month: 'Tháng',
    unit: 'Đơn vị',
    unit_help: 'Phường/xã, hoặc một tổ dân phố/thôn, hoặc cả thành phố',
    run: {
      open: 'Lập hóa đơn phí rác',
      title: 'Lập hóa đơn phí rác theo tháng',
      explain:
        'Mỗi hộ đang hoạt động được lập một hóa đơn cho tháng đã chọn, theo biểu giá đang áp dụng. ' +
        'Chạy lại cùng tháng không tạo thêm hóa đơn nào: chỉ lập cho hộ còn thiếu.',
      submit: 'Lập hóa đơn',
      failed: 'Chưa lập được hóa đơn',
      households: 'Số hộ trong đơn vị',
      created: 'Hóa đơn mới lập',
      created_total: 'Tổng tiền hóa đơn mới',
      already_billed: 'Đã có hóa đơn từ trước',
      not_yet_registered: 'Hộ đăng ký sau tháng này (không lập)',
      inactive: 'Hộ ngừng (không lập)',
      exempt: 'Miễn thu (không lập)',
      unpriced: 'Chưa có mức thu phù hợp',
      skipped: 'Bỏ qua (phường/xã chưa có tài khoản)',
      unpriced_hint:
        'Có hộ chưa có mức thu phù hợp: hãy kiểm tra biểu giá của đơn vị cho loại nguồn thải và đối tượng thu phí của các hộ này.',
      show_bills: 'Xem hóa đơn tháng này',
    },
    close: {
      waive: 'Miễn thu',
      cancel: 'Hủy hóa đơn',
      waive_title: 'Miễn thu hóa đơn %{reference}',
      cancel_title: 'Hủy hóa đơn %{reference}',
      waive_explain:
        'Hộ không phải trả hóa đơn này. Lý do và người miễn được ghi lại; không hoàn tác được.',
      cancel_explain:
        'Hóa đơn lập sai bị hủy. Lý do và người hủy được ghi lại; tháng này sẽ không lập lại hóa đơn cho hộ.',
      reason: 'Lý do',
      failed: 'Chưa đổi được trạng thái hóa đơn',
      done: 'Đã cập nhật hóa đơn',
    },
    unpaid: {
      open: 'Chưa thu theo tổ/thôn',
      title: 'Hóa đơn chưa thu theo tổ dân phố / thôn',
      explain:
        'Số hóa đơn phí rác còn chưa thu và số tiền, theo từng tổ dân phố / thôn, để tổ thu gom đến nhắc.',
      pick_unit: 'Chọn một phường/xã để xem.',
      ward: 'Phường/xã',
      hamlet: 'Tổ dân phố / thôn',
      no_hamlet: '(Chưa ghi tổ/thôn)',
      count: 'Số hóa đơn chưa thu',
      amount: 'Số tiền chưa thu',
      total: 'Tổng cộng',
      csv: 'Xuất CSV',
      xlsx: 'Xuất Excel',
      file: 'chua-thu-phi-rac',
      sheet: 'Chưa thu',
    },
    household: {
      title: 'Hóa đơn phí rác',
      empty: 'Hộ chưa có hóa đơn phí rác nào.',
      more: 'Xem tất cả hóa đơn của hộ',
    },
  },
};

export const feesEnglish: typeof feesVietnamese = {
  fees: {
    failed: 'Could not load the data',
    month: 'Month',
    unit: 'Unit',
    unit_help: 'A ward or commune, one of its hamlets, or a whole city',
    run: {
      open: 'Generate fee bills',
      title: 'Generate the monthly fee bills',
      explain:
        'Each active household gets one bill for the chosen month, priced by the fee schedule in force. ' +
        'Running the same month again creates nothing new: only missing bills are made.',
      submit: 'Generate',
      failed: 'The bills were not generated',
      households: 'Households in the unit',
      created: 'Bills created',
      created_total: 'Total of the new bills',
      already_billed: 'Already billed',
      not_yet_registered: 'Registered after this month (not billed)',
      inactive: 'Inactive (not billed)',
      exempt: 'Exempt (not billed)',
      unpriced: 'No fee line applies',
      skipped: 'Skipped (ward without an account)',
      unpriced_hint:
        "Some households have no fee line: check the unit's schedule for their kind and fee class.",
      show_bills: "Show this month's bills",
    },
    close: {
      waive: 'Waive',
      cancel: 'Cancel bill',
      waive_title: 'Waive bill %{reference}',
      cancel_title: 'Cancel bill %{reference}',
      waive_explain:
        'The household does not pay this bill. The reason and who waived it are recorded; this cannot be undone.',
      cancel_explain:
        'A bill made in error is cancelled. The reason and who cancelled it are recorded; the month is not billed again for the household.',
      reason: 'Reason',
      failed: "The bill's status was not changed",
      done: 'The bill was updated',
    },
    unpaid: {
      open: 'Unpaid by hamlet',
      title: 'Unpaid fee bills by hamlet',
      explain:
        'How many fee bills are still unpaid, and how much, in each hamlet, for collectors to follow up.',
      pick_unit: 'Choose a ward or commune to see.',
      ward: 'Ward/commune',
      hamlet: 'Hamlet',
      no_hamlet: '(No hamlet recorded)',
      count: 'Unpaid bills',
      amount: 'Unpaid amount',
      total: 'Total',
      csv: 'Export CSV',
      xlsx: 'Export Excel',
      file: 'unpaid-fees',
      sheet: 'Unpaid',
    },
    household: {
      title: 'Fee bills',
      empty: 'This household has no fee bills yet.',
      more: 'All bills of this household',
    },
  },
};
