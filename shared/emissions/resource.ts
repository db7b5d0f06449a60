import { WASTE_GROUPS } from '../collections/fields';
import { choicesOf, type FieldDef, type ResourceDef } from '../resources/types';
import { DEFAULT_EMISSION_FACTORS, DESTINATIONS, destinationField, factorField } from './fields';

export const destinationChoices = choicesOf(DESTINATIONS, {
  recycling: { vi: 'Tái chế', en: 'Recycling' },
  composting: { vi: 'Ủ phân compost', en: 'Composting' },
  landfill: { vi: 'Chôn lấp', en: 'Landfill' },
  incineration: { vi: 'Đốt', en: 'Incineration' },
});

const groupLabels = {
  recyclable: { vi: 'Rác tái chế đi đến', en: 'Recyclables go to' },
  food: { vi: 'Rác thực phẩm đi đến', en: 'Food waste goes to' },
  other: {
    vi: 'Rác khác (và rác chưa phân loại) đi đến',
    en: 'Other (and unsorted) waste goes to',
  },
  bulky: { vi: 'Rác cồng kềnh đi đến', en: 'Bulky waste goes to' },
  hazardous: { vi: 'Rác nguy hại đi đến', en: 'Hazardous waste goes to' },
};

const factorLabels = {
  recycling: { vi: 'Hệ số tái chế', en: 'Recycling factor' },
  composting: { vi: 'Hệ số ủ compost', en: 'Composting factor' },
  landfill: { vi: 'Hệ số chôn lấp', en: 'Landfill factor' },
  incineration: { vi: 'Hệ số đốt', en: 'Incineration factor' },
};

const destinationFields: FieldDef[] = WASTE_GROUPS.map((group) => ({
  source: destinationField(group),
  label: groupLabels[group],
  kind: 'choice',
  choices: destinationChoices,
  required: true,
  defaultValue: DEFAULT_EMISSION_FACTORS[destinationField(group)],
}));

const factorFields: FieldDef[] = DESTINATIONS.map((destination) => ({
  source: factorField(destination),
  label: factorLabels[destination],
  kind: 'number',
  list: true,
  required: true,
  defaultValue: DEFAULT_EMISSION_FACTORS[factorField(destination)],
  helper: {
    vi: `kg CO2e mỗi tấn rác; mặc định ${DEFAULT_EMISSION_FACTORS[factorField(destination)]}`,
    en: `kg CO2e per tonne of waste; default ${DEFAULT_EMISSION_FACTORS[factorField(destination)]}`,
  },
}));

/**
 * Emission factors per province: where each waste group goes and what each destination emits.
 * Managed by the operator; a province without a record uses the platform's defaults
 * (shared/emissions/fields.ts, which states their sources).
 */
export const emissionFactorsResource: ResourceDef = {
  name: 'emission-factors',
  label: {
    one: { vi: 'Hệ số phát thải', en: 'Emission factors' },
    many: { vi: 'Hệ số phát thải', en: 'Emission factors' },
  },
  recordRepresentation: 'unitId',
  defaultSort: { field: 'unitId', order: 'ASC' },
  sortableFields: ['unitId'],
  canDelete: true,
  audited: true,
  fields: [
    {
      source: 'unitId',
      label: { vi: 'Tỉnh', en: 'Province' },
      kind: 'reference',
      reference: 'units',
      referenceFilter: { static: { level: 'province' } },
      list: true,
      required: true,
      createOnly: true,
    },
    ...destinationFields,
    ...factorFields,
    {
      source: 'source',
      label: { vi: 'Nguồn số liệu', en: 'Source of the figures' },
      kind: 'longText',
      list: true,
      defaultValue: DEFAULT_EMISSION_FACTORS.source,
    },
    { source: 'note', label: { vi: 'Ghi chú', en: 'Note' }, kind: 'longText' },
    {
      source: 'updatedAt',
      label: { vi: 'Cập nhật', en: 'Updated' },
      kind: 'dateTime',
      serverOwned: true,
    },
  ],
  filters: [],
};
