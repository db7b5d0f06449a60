import { choicesOf, type ResourceDef } from '../resources/types';
import { UNIT_LEVELS } from './fields';

/** Every level but the hamlet can have units below it. */
const PARENT_LEVELS = UNIT_LEVELS.filter((level) => level !== 'hamlet');

export const unitLevelChoices = choicesOf(UNIT_LEVELS, {
  province: { vi: 'Tỉnh / thành phố trực thuộc TW', en: 'Province' },
  city: { vi: 'Thành phố thuộc tỉnh', en: 'City' },
  district: { vi: 'Quận / huyện / thị xã', en: 'District' },
  ward: { vi: 'Phường', en: 'Ward' },
  commune: { vi: 'Xã', en: 'Commune' },
  'special-zone': { vi: 'Đặc khu', en: 'Special zone' },
  hamlet: { vi: 'Tổ dân phố / thôn', en: 'Residential group / hamlet' },
});

export const unitResource: ResourceDef = {
  name: 'units',
  label: {
    one: { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
    many: { vi: 'Đơn vị hành chính', en: 'Administrative units' },
  },
  recordRepresentation: 'name',
  defaultSort: { field: 'code', order: 'ASC' },
  sortableFields: ['name', 'code'],
  canDelete: true,
  audited: true,
  fields: [
    {
      source: 'code',
      label: { vi: 'Mã', en: 'Code' },
      kind: 'text',
      list: true,
      sortable: true,
      required: true,
    },
    {
      source: 'name',
      label: { vi: 'Tên', en: 'Name' },
      kind: 'text',
      list: true,
      sortable: true,
      required: true,
    },
    {
      source: 'level',
      label: { vi: 'Cấp', en: 'Level' },
      kind: 'choice',
      choices: unitLevelChoices,
      list: true,
      required: true,
      createOnly: true,
    },
    {
      source: 'parentId',
      label: { vi: 'Đơn vị cấp trên', en: 'Parent' },
      kind: 'reference',
      reference: 'units',
      referenceFilter: { static: { level: PARENT_LEVELS } },
      list: true,
      createOnly: true,
    },
    {
      source: 'validFrom',
      label: { vi: 'Hiệu lực từ', en: 'Valid from' },
      kind: 'date',
      list: true,
    },
    {
      source: 'validTo',
      label: { vi: 'Hiệu lực đến (không gồm)', en: 'Valid until (exclusive)' },
      kind: 'date',
      list: true,
    },
    {
      source: 'householdCount',
      label: { vi: 'Số hộ', en: 'Households' },
      kind: 'number',
      list: true,
      serverOwned: true,
    },
    { source: 'unitPath', label: { vi: 'Đường dẫn', en: 'Path' }, kind: 'path', serverOwned: true },
  ],
  filters: [
    { source: 'q', label: { vi: 'Tìm kiếm', en: 'Search' }, kind: 'search', alwaysOn: true },
    {
      source: 'level',
      label: { vi: 'Cấp', en: 'Level' },
      kind: 'choice',
      choices: unitLevelChoices,
      alwaysOn: true,
    },
    {
      source: 'parentId',
      label: { vi: 'Đơn vị cấp trên', en: 'Parent' },
      kind: 'reference',
      reference: 'units',
      referenceFilter: { static: { level: PARENT_LEVELS } },
    },
  ],
};
