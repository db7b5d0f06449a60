import { collectionMessages } from '../collections/messages';
import { kpiMessages } from '../kpi/messages';

/** The admin's own words (beyond react-admin's and the resource labels), in Vietnamese. */
export const appVietnamese = {
  nguon: {
    ...collectionMessages.vi,
    kpi: kpiMessages.vi,
    login: { tagline: 'Quản lý chất thải rắn sinh hoạt cho chính quyền địa phương' },
    no_options: 'Không có lựa chọn nào',
    not_found:
      'Không tìm thấy %{name} này: bản ghi không tồn tại, đã bị xóa, ' +
      'hoặc nằm ngoài phạm vi tài khoản của bạn.',
    back_to_list: 'Về danh sách',
    history: {
      title: 'Lịch sử thay đổi',
      empty: 'Chưa có thay đổi nào được ghi lại.',
    },
    audit: {
      empty: '(trống)',
      more: '… và %{smart_count} thay đổi khác',
      system: 'Hệ thống',
    },
    user_menu: { signed_in_as: '%{username} · %{role}' },
    month: { name: 'Tháng %{month}/%{year}', current: 'Tháng này' },
    password: {
      menu: 'Đổi mật khẩu',
      title: 'Đổi mật khẩu',
      explain:
        'Sau khi đổi, bạn vẫn đăng nhập trên trình duyệt này; ' +
        'mọi phiên đăng nhập khác của bạn (máy khác, trình duyệt khác) sẽ kết thúc.',
      current: 'Mật khẩu hiện tại',
      new: 'Mật khẩu mới',
      repeat: 'Nhập lại mật khẩu mới',
      mismatch: 'Hai lần nhập mật khẩu mới không khớp nhau',
      submit: 'Đổi mật khẩu',
      failed: 'Chưa đổi được mật khẩu',
    },
    reset_password: {
      open: 'Đặt lại mật khẩu',
      title: 'Đặt lại mật khẩu cho %{name}',
      explain:
        'Mật khẩu mới có hiệu lực ngay và mọi phiên đăng nhập của người dùng này sẽ kết thúc. ' +
        'Hãy báo mật khẩu mới cho họ qua kênh an toàn và đề nghị họ tự đổi lại.',
      new: 'Mật khẩu mới',
      submit: 'Đặt lại',
      failed: 'Chưa đặt lại được mật khẩu',
    },
    sorting: {
      since: 'Từ %{date}',
      since_date: 'Từ ngày',
      choice_yes: 'Có, từ ngày…',
      no: 'Không phân loại',
      unknown: 'Chưa rõ',
    },
    completeness: {
      complete: 'Đủ 10/10 trường cơ bản',
      partial: 'Thiếu một phần (7–9 trường)',
      incomplete: 'Chưa đủ (dưới 7 trường)',
    },
    location: { lat: 'Vĩ độ', lng: 'Kinh độ' },
    hint: { phone: 'Di động hoặc máy bàn, ví dụ 0905 123 456 hoặc 0258 382 2123' },
    validation: { sorting_date_required: 'Cần chọn ngày bắt đầu phân loại' },
    units: {
      tree: 'Cây đơn vị',
      flat: 'Danh sách',
      view: 'Cách xem',
      expand: 'Mở %{name}',
      collapse: 'Thu gọn %{name}',
    },
    export: {
      csv: 'Xuất CSV',
      xlsx: 'Xuất Excel',
      title: 'Đang xuất sổ hộ',
      progress: 'Đã tải %{done} / %{total} hộ…',
      writing: 'Đang ghép tên phường/xã, đơn vị thu gom và tạo tệp…',
      done: 'Đã xuất %{smart_count} hộ',
      failed: 'Xuất sổ hộ không thành công',
    },
    import: {
      open: 'Nhập từ Excel/CSV',
      title: 'Nhập sổ hộ từ Excel/CSV',
      step_ward: '1. Phường/xã',
      ward: 'Phường/xã nhận dữ liệu',
      ward_help: 'Dùng cho các dòng không ghi phường/xã; bỏ trống nếu tệp có cột phường/xã',
      step_file: '2. Tệp dữ liệu',
      choose_file: 'Chọn tệp .csv hoặc .xlsx',
      file_types: 'Nhận tệp .csv (UTF-8) hoặc .xlsx',
      step_mapping: '3. Ghép cột (%{count} dòng dữ liệu)',
      mapping: 'Ghép cột của tệp với trường của sổ hộ',
      column: 'Cột trong tệp',
      samples: 'Giá trị mẫu',
      target: 'Trường trong sổ hộ',
      field_for: 'Trường cho cột %{column}',
      ignore: 'Bỏ qua cột này',
      missing_required: 'Chưa có cột cho trường bắt buộc: %{fields}',
      needs_ward: 'Hãy chọn phường/xã ở bước 1, hoặc ghép một cột của tệp với "Phường/xã".',
      step_run: '4. Xem trước và nhập',
      preview: 'Xem trước',
      run: 'Nhập %{count} dòng vào sổ',
      download_results: 'Tải kết quả (CSV)',
      progress: 'Đã xử lý %{done} / %{total} dòng…',
      progress_label: 'Tiến độ',
      totals_preview:
        'Xem trước: %{created} hộ sẽ thêm mới, %{updated} sẽ cập nhật, ' +
        '%{unchanged} không đổi, %{error} dòng lỗi (dòng lỗi sẽ bị bỏ qua).',
      totals_done:
        'Kết quả: đã thêm %{created} hộ, cập nhật %{updated}, %{unchanged} không đổi, ' +
        '%{error} dòng lỗi.',
      filter_rows: 'Lọc dòng theo kết quả',
      all_rows: 'Tất cả (%{count})',
      results: 'Kết quả từng dòng',
      row: 'Dòng',
      outcome: 'Kết quả',
      details: 'Chi tiết',
      status: {
        would: {
          created: 'Sẽ thêm mới',
          updated: 'Sẽ cập nhật',
          unchanged: 'Không đổi',
          error: 'Lỗi',
        },
        did: {
          created: 'Đã thêm mới',
          updated: 'Đã cập nhật',
          unchanged: 'Không đổi',
          error: 'Lỗi',
        },
      },
    },
    dashboard: {
      title: 'Tiến độ số hóa sổ hộ',
      total: 'Tổng số hộ',
      wards: '%{count} phường/xã',
      complete: 'Đủ (10/10)',
      partial: 'Thiếu một phần (7–9)',
      incomplete: 'Chưa đủ (dưới 7)',
      chart: 'Mức đầy đủ theo phường/xã',
      table: 'Chi tiết theo phường/xã',
      ward: 'Phường/xã',
    },
  },
};
