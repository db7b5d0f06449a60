import { assignableRoles, ROLES, roleLabels } from '../auth/roles';
import { choicesOf, type ResourceDef } from '../resources/types';

export const roleChoices = choicesOf(ROLES, roleLabels);

export const userResource: ResourceDef = {
  name: 'users',
  label: { one: { vi: 'Người dùng', en: 'User' }, many: { vi: 'Người dùng', en: 'Users' } },
  recordRepresentation: 'fullName',
  defaultSort: { field: 'username', order: 'ASC' },
  sortableFields: ['username', 'fullName'],
  canDelete: true,
  audited: true,
  fields: [
    {
      source: 'username',
      label: { vi: 'Tên đăng nhập', en: 'Username' },
      kind: 'text',
      list: true,
      sortable: true,
      required: true,
      createOnly: true,
    },
    {
      source: 'fullName',
      label: { vi: 'Họ và tên', en: 'Full name' },
      kind: 'text',
      list: true,
      sortable: true,
      required: true,
    },
    {
      source: 'accountId',
      label: { vi: 'Tài khoản', en: 'Account' },
      // The API lists only the accounts the signed-in user may see, so no filter is needed.
      kind: 'reference',
      reference: 'accounts',
      list: true,
      required: true,
      createOnly: true,
    },
    {
      source: 'role',
      label: { vi: 'Vai trò', en: 'Role' },
      kind: 'choice',
      choices: roleChoices,
      // The API refuses any other role; offering it would only lead to that refusal.
      choicesByRole: assignableRoles,
      list: true,
      required: true,
    },
    { source: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, kind: 'phone' },
    { source: 'email', label: { vi: 'Email', en: 'Email' }, kind: 'email' },
    {
      source: 'active',
      label: { vi: 'Đang hoạt động', en: 'Active' },
      kind: 'boolean',
      list: true,
      defaultValue: true,
    },
    {
      source: 'password',
      label: { vi: 'Mật khẩu ban đầu', en: 'Initial password' },
      kind: 'password',
      createOnly: true,
      writeOnly: true,
      required: true,
    },
    {
      source: 'lastSignInAt',
      label: { vi: 'Đăng nhập gần nhất', en: 'Last sign-in' },
      kind: 'dateTime',
      list: true,
      serverOwned: true,
    },
    {
      source: 'updatedAt',
      label: { vi: 'Cập nhật', en: 'Updated' },
      kind: 'dateTime',
      serverOwned: true,
    },
  ],
  filters: [
    { source: 'q', label: { vi: 'Tìm kiếm', en: 'Search' }, kind: 'search', alwaysOn: true },
    {
      source: 'accountId',
      label: { vi: 'Tài khoản', en: 'Account' },
      kind: 'reference',
      reference: 'accounts',
    },
    { source: 'role', label: { vi: 'Vai trò', en: 'Role' }, kind: 'choice', choices: roleChoices },
  ],
};
