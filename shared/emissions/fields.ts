/**
 * Where each waste group goes and what each destination emits: data per province, because
 * each province has its own facilities. What follows is the platform's default, used for a
 * province that has entered none; it is a starting point to be replaced with the province's
 * own figures (its action plan, its landfill and plant data).
 */
import type { WasteGroup } from '../collections/fields';

export const DESTINATIONS = ['recycling', 'composting', 'landfill', 'incineration'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const destinationField = (group: WasteGroup): `${WasteGroup}Destination` =>
  `${group}Destination`;
export const factorField = (destination: Destination): `${Destination}Factor` =>
  `${destination}Factor`;

export interface EmissionFactorsInput {
  /** The province these figures apply to (and every unit below it). */
  unitId: string;
  recyclableDestination: Destination;
  foodDestination: Destination;
  otherDestination: Destination;
  bulkyDestination: Destination;
  hazardousDestination: Destination;
  /** kg CO2e per tonne of waste (wet weight) sent to each destination. */
  recyclingFactor: number;
  compostingFactor: number;
  landfillFactor: number;
  incinerationFactor: number;
  source: string | null;
  note: string | null;
}

export interface EmissionFactors extends EmissionFactorsInput {
  id: string;
  unitPath: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * Defaults, kg CO2e per tonne (wet), GWP100 from IPCC AR5 (CH4 28, N2O 265), the values
 * Paris Agreement reporting uses:
 *
 * - landfill 1,120: IPCC 2006 Guidelines Vol. 5 Ch. 3 (solid waste disposal), Tier 1 mass
 *   balance of the methane the waste will eventually produce, all of it attributed to the year
 *   of disposal: DOC 0.15 (the IPCC default for food waste, wet basis; Vietnamese residual
 *   household waste is mostly organic) × DOCf 0.5 × MCF 0.8 (unmanaged deep site) × F 0.5 ×
 *   16/12, no gas recovery, OX 0 → 0.04 t CH4 × 28.
 * - composting 191.5: IPCC 2006 Vol. 5 Ch. 4 Table 4.1, wet weight: 4 g CH4 and 0.3 g N2O per
 *   kg treated → 4 × 28 + 0.3 × 265.
 * - incineration 352: IPCC 2006 Vol. 5 Ch. 5 Eq. 5.1 (fossil CO2 only), with assumed dry matter
 *   0.6, carbon 40% of dry matter, fossil carbon 40% of carbon, oxidation 100% → 0.6 × 0.4 ×
 *   0.4 × 44/12. These parameters are placeholders for the plant's own data.
 * - recycling 0: an IPCC inventory counts no emissions for material sent to recyclers (their
 *   processing is in the recyclers' own inventory) and no credit for avoided production. A
 *   province whose plan counts avoided emissions (EPA WARM-style life-cycle factors) enters a
 *   negative factor instead.
 *
 * Destinations: recyclables to recycling, food waste to composting, other and bulky waste to
 * landfill, hazardous waste to incineration. Unsorted (mixed) waste goes wherever `other` goes.
 */
export const DEFAULT_EMISSION_FACTORS: Omit<EmissionFactorsInput, 'unitId' | 'note'> = {
  recyclableDestination: 'recycling',
  foodDestination: 'composting',
  otherDestination: 'landfill',
  bulkyDestination: 'landfill',
  hazardousDestination: 'incineration',
  recyclingFactor: 0,
  compostingFactor: 191.5,
  landfillFactor: 1120,
  incinerationFactor: 352,
  source:
    'Mặc định của nền tảng: IPCC 2006 (Tập 5, ch. 3–5), GWP100 theo AR5; cần thay bằng số liệu của tỉnh',
};

/** The figures a GHG estimate needs, whichever record (or the default) they came from. */
export interface FactorSet {
  destinations: Record<WasteGroup, Destination>;
  factors: Record<Destination, number>;
  /** `province` when the province has its own record, `default` otherwise. */
  origin: 'province' | 'default';
  source: string | null;
}

export const factorSetOf = (
  record: Omit<EmissionFactorsInput, 'unitId' | 'note'>,
  origin: FactorSet['origin'],
): FactorSet => ({
  destinations: {
    recyclable: record.recyclableDestination,
    food: record.foodDestination,
    other: record.otherDestination,
    bulky: record.bulkyDestination,
    hazardous: record.hazardousDestination,
  },
  factors: {
    recycling: record.recyclingFactor,
    composting: record.compostingFactor,
    landfill: record.landfillFactor,
    incineration: record.incinerationFactor,
  },
  origin,
  source: record.source,
});

export const DEFAULT_FACTOR_SET = factorSetOf(DEFAULT_EMISSION_FACTORS, 'default');

export const EMISSION_SERVER_OWNED = ['id', 'unitPath', 'createdAt', 'updatedAt'] as const;
