/** Vietnamese personal names for demo data. All strings are NFC. */
import type { Rng, Weighted } from './random';

// Weights follow the rough national shares of family names, with the south-central
// spellings Huỳnh and Võ more common than Hoàng and Vũ, as they are in Khánh Hòa.
export const FAMILY_NAMES: Weighted<string> = [
  ['Nguyễn', 36],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 6.5],
  ['Huỳnh', 4.5],
  ['Võ', 4.5],
  ['Phan', 4],
  ['Hoàng', 1.5],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.5],
  ['Hồ', 1.5],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Vũ', 0.8],
  ['Trương', 1.2],
  ['Đinh', 0.8],
  ['Lương', 0.6],
  ['Mai', 0.6],
  ['Đoàn', 0.8],
  ['Lâm', 0.5],
  ['Cao', 0.5],
  ['Châu', 0.4],
  ['Tô', 0.3],
  ['Hà', 0.4],
  ['Thái', 0.3],
  ['Tạ', 0.2],
];

export const MALE_MIDDLE_NAMES: Weighted<string> = [
  ['Văn', 30],
  ['Đức', 7],
  ['Minh', 8],
  ['Quốc', 5],
  ['Hữu', 6],
  ['Công', 4],
  ['Thanh', 5],
  ['Ngọc', 4],
  ['Xuân', 3],
  ['Đình', 4],
  ['Anh', 3],
  ['Tấn', 5],
  ['Trọng', 3],
  ['Hoàng', 3],
  ['Gia', 2],
  ['Nhật', 2],
  ['Thành', 2],
  ['Quang', 3],
];

export const FEMALE_MIDDLE_NAMES: Weighted<string> = [
  ['Thị', 40],
  ['Ngọc', 8],
  ['Thanh', 5],
  ['Thu', 4],
  ['Kim', 4],
  ['Mỹ', 3],
  ['Bảo', 2],
  ['Phương', 3],
  ['Minh', 3],
  ['Hồng', 3],
  ['Thùy', 3],
  ['Diệu', 2],
  ['Khánh', 2],
  ['Quỳnh', 2],
  ['Hoài', 2],
  ['Bích', 2],
  ['Tuyết', 1],
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Minh',
  'Hải',
  'Nam',
  'Long',
  'Phúc',
  'Quang',
  'Sơn',
  'Thắng',
  'Trung',
  'Hiếu',
  'Khoa',
  'Toàn',
  'Bình',
  'Cường',
  'Đức',
  'Hòa',
  'Lộc',
  'Tài',
  'Thành',
  'Vinh',
  'Vũ',
  'Đạt',
  'Huy',
  'Khánh',
  'Nghĩa',
  'Phong',
  'Tâm',
  'Tiến',
  'Trí',
  'Tùng',
  'Hoàng',
  'Kiên',
  'Lâm',
  'Nhân',
  'Quý',
  'Sang',
  'Thiện',
  'Thịnh',
  'Tín',
  'Trọng',
  'Việt',
  'Bảo',
  'Châu',
  'Danh',
  'Định',
  'Hậu',
  'Hưng',
  'Lực',
  'Mạnh',
  'Nhật',
  'Phát',
  'Quân',
  'Tú',
  'Tuân',
  'Vĩnh',
  'Xuân',
  'Thuận',
  'An',
  'Hiển',
  'Khải',
  'Luân',
  'Tường',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Lan',
  'Hương',
  'Mai',
  'Hoa',
  'Hằng',
  'Linh',
  'Ngọc',
  'Thảo',
  'Trang',
  'Vy',
  'Yến',
  'Nhung',
  'Hạnh',
  'Loan',
  'Phượng',
  'Thủy',
  'Hồng',
  'Dung',
  'Nga',
  'Oanh',
  'Quyên',
  'Tuyết',
  'Xuân',
  'Diễm',
  'Nhi',
  'Anh',
  'Châu',
  'Trinh',
  'Uyên',
  'Hiền',
  'Thư',
  'Vân',
  'Hà',
  'Huyền',
  'Liên',
  'Ly',
  'My',
  'Ngân',
  'Nguyệt',
  'Nhàn',
  'Phương',
  'Quỳnh',
  'Sương',
  'Tâm',
  'Thắm',
  'Thanh',
  'Thúy',
  'Tiên',
  'Trâm',
  'Vi',
  'Ánh',
  'Bích',
  'Cúc',
  'Diệp',
  'Giang',
  'Hậu',
  'Kiều',
  'Lệ',
  'Lụa',
  'Mơ',
  'Nương',
  'Thơm',
  'Út',
];

export type Sex = 'male' | 'female';

export interface PersonName {
  fullName: string;
  familyName: string;
  givenName: string;
  sex: Sex;
}

export function personName(rng: Rng, sex: Sex = rng.chance(0.5) ? 'male' : 'female'): PersonName {
  const familyName = rng.weighted(FAMILY_NAMES);
  const middle = rng.weighted(sex === 'male' ? MALE_MIDDLE_NAMES : FEMALE_MIDDLE_NAMES);
  const givens = sex === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES;
  let givenName = rng.pick(givens);
  // "Nguyễn Văn Văn" or "Lê Minh Minh" read as data-entry mistakes, not names.
  while (givenName === middle) givenName = rng.pick(givens);
  const fullName = `${familyName} ${middle} ${givenName}`.normalize('NFC');
  return { fullName, familyName, givenName, sex };
}

/** Words that name a small shop after its owner's given name, as shop signs in Nha Trang do. */
export const SHOP_TYPES: Weighted<string> = [
  ['Tạp hóa', 20],
  ['Quán cà phê', 12],
  ['Quán cơm', 8],
  ['Quán bún cá', 5],
  ['Tiệm tóc', 5],
  ['Tiệm sửa xe', 5],
  ['Nhà nghỉ', 4],
  ['Khách sạn', 3],
  ['Nhà hàng hải sản', 3],
  ['Tiệm bánh', 3],
  ['Cửa hàng điện thoại', 2],
  ['Tiệm may', 2],
  ['Quán nhậu', 3],
  ['Cửa hàng vật liệu xây dựng', 2],
  ['Tiệm giặt ủi', 2],
  ['Nhà thuốc', 2],
];

/** Bodies every ward has one of, named after the ward ("Trạm Y tế Phường Vĩnh Hải"). */
export const WARD_INSTITUTIONS: readonly string[] = ['Trạm Y tế', 'Trụ sở Công an'];

/** Schools, named after the ward without its level ("Trường Tiểu học Vĩnh Hải"). */
export const SCHOOLS: readonly string[] = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS'];

export const OTHER_SOURCE_TYPES: readonly string[] = [
  'Ban quản lý chung cư',
  'Bãi giữ xe',
  'Công trình xây dựng',
  'Cơ sở tôn giáo',
  'Điểm tập kết ve chai',
];

export const NOTES: readonly string[] = [
  'Chủ hộ đi làm ban ngày, thu gom sau 17 giờ.',
  'Nhà trong hẻm nhỏ, xe đẩy tay vào được.',
  'Hộ kinh doanh nhỏ tại nhà.',
  'Đã xác minh tại chỗ.',
  'Chủ hộ đang ở xa, liên hệ người thân.',
  'Có nhà trọ cho thuê, số người thay đổi theo tháng.',
  'Đề nghị phát thêm túi phân loại.',
  'Số điện thoại cần xác minh lại.',
];
