/**
 * The words of the collection screens (fast entry, import, a household's sorting record), in
 * Vietnamese and English; merged into `nguon.*` by admin/src/i18n/app*.ts.
 */
export const collectionMessages = {
  vi: {
    collections: {
      record: 'Ghi lượt thu gom',
      entry: {
        title: 'Ghi lượt thu gom',
        where: 'Nơi thu',
        mode: 'Thu của',
        mode_household: 'Một hộ',
        mode_route: 'Cả tổ/thôn hoặc tuyến',
        household_help: 'Gõ mã hộ, tên chủ hộ, địa chỉ hoặc số điện thoại',
        household_required: 'Cần chọn hộ (hoặc chọn "Cả tổ/thôn hoặc tuyến")',
        covered_help: 'Số hộ của tuyến/tổ được thu lượt này',
        weights: 'Khối lượng (kg)',
        total: 'Tổng: %{total} kg',
        when_who: 'Thời điểm và đơn vị thu gom',
        at_help: 'Giờ Việt Nam; để nguyên là lúc bấm lưu',
        save_another: 'Lưu và ghi tiếp',
        save: 'Lưu',
        keys_hint:
          'Enter: lưu và ghi lượt tiếp theo (ô phường/xã, tổ/thôn và đơn vị thu gom được giữ lại). ' +
          'Tab: sang ô kế tiếp. Trong ô ghi chú, Shift+Enter để xuống dòng.',
        saved: 'Đã ghi lượt thu gom (%{total} kg)',
        recent: 'Vừa ghi: %{smart_count} lượt |||| Vừa ghi: %{smart_count} lượt',
        recent_list: 'Các lượt vừa ghi',
        covered: '%{smart_count} hộ |||| %{smart_count} hộ',
      },
      import: {
        title: 'Nhập lượt thu gom từ Excel/CSV',
        mapping: 'Ghép cột của tệp với trường của lượt thu gom',
        target: 'Trường của lượt thu gom',
        run: 'Ghi %{count} dòng',
        totals_preview:
          'Xem trước: %{created} lượt sẽ thêm mới, %{updated} sẽ sửa, %{unchanged} không đổi, ' +
          '%{error} dòng lỗi (dòng lỗi sẽ bị bỏ qua).',
        totals_done:
          'Kết quả: đã thêm %{created} lượt, sửa %{updated}, %{unchanged} không đổi, ' +
          '%{error} dòng lỗi.',
        where: 'Hộ / tổ',
        help:
          'Mỗi dòng một lượt thu: thời điểm (31/03/2025 07:30), mã hộ (hoặc tổ/thôn và số hộ với ' +
          'lượt theo tuyến), khối lượng từng nhóm (kg, dấu phẩy thập phân được), tình trạng phân ' +
          'loại. Nhập lại cùng tệp không tạo lượt trùng; dòng đã sửa sẽ cập nhật lượt cũ.',
        template: 'Tải tệp mẫu (CSV)',
      },
    },
    sorting_record: {
      title: 'Phân loại tại nguồn',
      period: 'Khoảng thời gian',
      pickups: 'Lượt thu',
      score: 'Điểm phân loại',
      last_days: '%{days} ngày gần nhất',
      refusals: 'Lý do từ chối trong %{days} ngày: %{reasons}',
      month_yes: 'Tháng %{month}: đạt phân loại',
      month_no: 'Tháng %{month}: chưa đạt',
      last_pickup: 'Lượt thu gần nhất: %{at}',
      none: 'Chưa có lượt thu nào của riêng hộ này trong 90 ngày qua.',
    },
  },
  en: {
    collections: {
      record: 'Record a pickup',
      entry: {
        title: 'Record a pickup',
        where: 'Where',
        mode: 'Pickup from',
        mode_household: 'One household',
        mode_route: 'Whole hamlet or route',
        household_help: 'Type the code, owner, address or phone',
        household_required: 'Choose the household (or "Whole hamlet or route")',
        covered_help: 'Households of the route or hamlet collected in this pickup',
        weights: 'Weights (kg)',
        total: 'Total: %{total} kg',
        when_who: 'When and by whom',
        at_help: 'Vietnam time; left as is, it is the moment you save',
        save_another: 'Save and record another',
        save: 'Save',
        keys_hint:
          'Enter: save and start the next pickup (ward, hamlet and collector are kept). ' +
          'Tab: next field. In the note, Shift+Enter starts a new line.',
        saved: 'Pickup recorded (%{total} kg)',
        recent: 'Just recorded: %{smart_count} pickup |||| Just recorded: %{smart_count} pickups',
        recent_list: 'Pickups just recorded',
        covered: '%{smart_count} household |||| %{smart_count} households',
      },
      import: {
        title: 'Import pickups from Excel/CSV',
        mapping: 'Match the file columns to pickup fields',
        target: 'Pickup field',
        run: 'Record %{count} rows',
        totals_preview:
          'Preview: %{created} pickups to add, %{updated} to correct, %{unchanged} unchanged, ' +
          '%{error} rows with errors (skipped).',
        totals_done:
          'Done: %{created} pickups added, %{updated} corrected, %{unchanged} unchanged, ' +
          '%{error} rows with errors.',
        where: 'Household / hamlet',
        help:
          'One pickup per row: the time (31/03/2025 07:30), the household code (or the hamlet and ' +
          'households covered for a route), the weight of each group (kg) and the sorting status. ' +
          'Importing the same file again adds nothing; a corrected row updates its pickup.',
        template: 'Download a template (CSV)',
      },
    },
    sorting_record: {
      title: 'Sorting at source',
      period: 'Period',
      pickups: 'Pickups',
      score: 'Sorting score',
      last_days: 'Last %{days} days',
      refusals: 'Refusal reasons in %{days} days: %{reasons}',
      month_yes: '%{month}: sorting',
      month_no: '%{month}: not sorting',
      last_pickup: 'Last pickup: %{at}',
      none: 'No pickups of this household in the last 90 days.',
    },
  },
};
