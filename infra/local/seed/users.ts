import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/auth/roles';

/** Demo users: at least one per role and per kind of scope, so each view can be tried. */
export interface SeedUser {
  username: string;
  fullName: string;
  accountId: string;
  role: Role;
  phone: string | null;
  email: string | null;
}

export const seedUsers = (): SeedUser[] => [
  {
    username: 'vanhanh',
    fullName: 'Trần Minh Quân',
    accountId: 'operator',
    role: 'operator',
    phone: '0905111222',
    email: 'vanhanh@nguon.example.com',
  },
  {
    username: 'ketoan',
    fullName: 'Lê Thị Thu Hà',
    accountId: 'operator',
    role: 'finance',
    phone: '0914333444',
    email: 'ketoan@nguon.example.com',
  },
  {
    username: 'tnmt.nhatrang',
    fullName: 'Nguyễn Văn Hùng',
    accountId: 'env-568-2409',
    role: 'unit-admin',
    phone: '0935222333',
    email: 'tnmt@nhatrang.example.com',
  },
  {
    username: 'vinhhai.admin',
    fullName: 'Phạm Thị Lan',
    accountId: 'ubnd-22330-2409',
    role: 'unit-admin',
    phone: '0988444555',
    email: 'vinhhai@nhatrang.example.com',
  },
  {
    username: 'vinhhai.xem',
    fullName: 'Võ Quốc Bảo',
    accountId: 'ubnd-22330-2409',
    role: 'viewer',
    phone: null,
    email: null,
  },
  {
    username: 'loctho.admin',
    fullName: 'Huỳnh Ngọc Mai',
    accountId: 'ubnd-22363-2409',
    role: 'unit-admin',
    phone: '0977666777',
    email: 'loctho@nhatrang.example.com',
  },
  {
    username: 'thugom.dothi',
    fullName: 'Đặng Văn Tài',
    accountId: 'collector-city',
    role: 'collector',
    phone: '0903555666',
    email: null,
  },
];

/** A password a person can type from the printout: words and digits, 16 characters. */
export const demoPassword = (): string => `Nguon-${randomBytes(5).toString('hex')}`;
