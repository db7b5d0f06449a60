/**
 * Deterministic benchmark households. One draw per household, rendered two ways: as the
 * validated `HouseholdInput` the store writes (bulk load, raw baseline) and as a spreadsheet
 * row of strings the import reads (labels, names and day-first dates, as offices type them).
 * Names, phones and addresses come from the demo seed's generators (infra/local/seed).
 */
import type { Household, HouseholdInput } from '../shared/households/fields';
import { nextHousehold } from '../shared/households/record';
import {
  feeClassChoices,
  householdKindChoices,
  inactiveReasonChoices,
  statusChoices,
} from '../shared/households/resource';
import { householdInputSchema } from '../shared/households/schema';
import { childPath } from '../shared/units/fields';
import { parseOrThrow } from '../shared/validation';
import { NOTES, personName, SHOP_TYPES } from '../infra/local/seed/names';
import { landlineNumber, mobileNumber } from '../infra/local/seed/phones';
import { locationIn, streetAddress } from '../infra/local/seed/places';
import { FEE_SHARE, KIND_SHARE } from '../infra/local/seed/households';
import { dateBetween, type Rng, streamFor, type Weighted } from '../infra/local/seed/random';

export const BENCH_SEED = 20_250_701;
/** Every bulk-loaded household carries this time, so reruns build identical items. */
export const BENCH_NOW = '2026-01-15T08:00:00.000Z';

export interface HamletPlan {
  id: string;
  name: string;
}

export interface WardPlan {
  id: string;
  name: string;
  /** Household code prefix, e.g. "W01". */
  prefix: string;
  unitPath: string;
  hamlets: HamletPlan[];
}

export interface CollectorPlan {
  id: string;
  name: string;
}

type Kind = NonNullable<HouseholdInput['kind']>;
type FeeClass = NonNullable<HouseholdInput['feeClass']>;
type Reason = NonNullable<HouseholdInput['inactiveReason']>;

interface Draw {
  code: string;
  ownerName: string;
  kind: Kind | null;
  address: string | null;
  hamlet: HamletPlan | null;
  phone: string | null;
  members: number | null;
  feeClass: FeeClass | null;
  sortingSince: string | null;
  collector: CollectorPlan | null;
  location: { lat: number; lng: number } | null;
  note: string | null;
  inactive: { since: string; reason: Reason } | null;
}

// The same mix of kinds and fee classes as the demo register.
const MEMBERS_SHARE: Weighted<number> = [
  [1, 6],
  [2, 15],
  [3, 22],
  [4, 25],
  [5, 16],
  [6, 8],
  [7, 5],
  [8, 3],
];
const OPTIONAL = [
  'kind',
  'address',
  'hamlet',
  'phone',
  'members',
  'feeClass',
  'sortingSince',
  'collector',
] as const;
const REASONS: Weighted<Reason> = [
  ['moved-away', 50],
  ['merged', 20],
  ['demolished', 15],
  ['other', 15],
];

const uuid = (rng: Rng): string => {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join('');

  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
};

const draw = (
  rng: Rng,
  ward: WardPlan,
  collectors: CollectorPlan[],
  sequence: number,
  codePrefix: string,
): Draw => {
  const kind = rng.weighted(KIND_SHARE);
  const owner = personName(rng);
  const ownerName =
    kind === 'business' && rng.chance(0.5)
      ? `${rng.weighted(SHOP_TYPES)} ${owner.givenName}`
      : owner.fullName;
  const record: Draw = {
    code: `${codePrefix}-${String(sequence).padStart(5, '0')}`,
    ownerName,
    kind,
    address: streetAddress(rng, 'centre'),
    hamlet: rng.pick(ward.hamlets),
    phone: rng.chance(kind === 'household' ? 0.02 : 0.15) ? landlineNumber(rng) : mobileNumber(rng),
    members: kind === 'household' ? rng.weighted(MEMBERS_SHARE) : 1,
    feeClass: rng.weighted(FEE_SHARE[kind]),
    sortingSince: rng.chance(55 / 75)
      ? dateBetween(rng, '2023-01-01', '2025-12-31')
      : 'not-sorting',
    collector: rng.pick(collectors),
    location: rng.chance(0.35) ? locationIn(rng, 'centre') : null,
    note: rng.chance(0.06) ? rng.pick(NOTES) : null,
    inactive: rng.chance(0.03)
      ? { since: dateBetween(rng, '2024-01-01', '2025-12-31'), reason: rng.weighted(REASONS) }
      : null,
  };
  // ~40% complete (10/10), ~40% partial (7–9), ~20% incomplete (4–6), as in the demo seed.
  const tier = rng.next();
  const missing = tier < 0.4 ? 0 : tier < 0.8 ? rng.int(1, 3) : rng.int(4, 6);
  for (const field of rng.shuffle(OPTIONAL).slice(0, missing)) record[field] = null;

  return record;
};

/** `count` draws for one ward; `stream` names the random stream so batches never overlap. */
export const drawHouseholds = (
  ward: WardPlan,
  collectors: CollectorPlan[],
  count: number,
  options: { stream?: string; codePrefix?: string } = {},
): Draw[] => {
  const rng = streamFor(BENCH_SEED, options.stream ?? ward.id);

  return Array.from({ length: count }, (_, i) =>
    draw(rng, ward, collectors, i + 1, options.codePrefix ?? ward.prefix),
  );
};

/** The stored household of a draw: validated by the product schema, built by `nextHousehold`. */
export const householdOf = (d: Draw, ward: WardPlan, idRng: Rng): Household => {
  const input = parseOrThrow(householdInputSchema, {
    code: d.code,
    ownerName: d.ownerName,
    unitId: ward.id,
    kind: d.kind,
    address: d.address,
    hamletId: d.hamlet?.id ?? null,
    phone: d.phone,
    members: d.members,
    feeClass: d.feeClass,
    sortingSince: d.sortingSince,
    collectorId: d.collector?.id ?? null,
    status: d.inactive ? 'inactive' : 'active',
    inactiveSince: d.inactive?.since ?? null,
    inactiveReason: d.inactive?.reason ?? null,
    location: d.location,
    note: d.note,
  }) as HouseholdInput;
  const unitPath = input.hamletId ? childPath(ward.unitPath, input.hamletId) : ward.unitPath;

  return nextHousehold(
    input,
    unitPath,
    { id: uuid(idRng), createdAt: BENCH_NOW, version: 1 },
    BENCH_NOW,
  );
};

export const idStream = (name: string): Rng => streamFor(BENCH_SEED, `ids:${name}`);

const label = (choices: Array<{ id: string; name: { vi: string } }>, id: string | null): string =>
  id === null ? '' : (choices.find((c) => c.id === id)?.name.vi ?? id);

const dayFirst = (iso: string): string =>
  `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "0905123456" as people type it: "0905 123 456". */
const spaced = (phone: string): string =>
  phone.length === 10 ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}` : phone;

/** The draw as a spreadsheet row after column mapping: every cell a string, blanks empty. */
export const importRowOf = (d: Draw): Record<string, string> => ({
  code: d.code,
  ownerName: d.ownerName,
  kind: label(householdKindChoices, d.kind),
  address: d.address ?? '',
  hamletId: d.hamlet?.name ?? '',
  phone: d.phone ? spaced(d.phone) : '',
  members: d.members === null ? '' : String(d.members),
  feeClass: label(feeClassChoices, d.feeClass),
  sortingSince:
    d.sortingSince === null
      ? ''
      : d.sortingSince === 'not-sorting'
        ? 'Không phân loại'
        : dayFirst(d.sortingSince),
  collectorId: d.collector?.name ?? '',
  status: label(statusChoices, d.inactive ? 'inactive' : 'active'),
  inactiveSince: d.inactive ? dayFirst(d.inactive.since) : '',
  inactiveReason: label(inactiveReasonChoices, d.inactive?.reason ?? null),
  lat: d.location ? String(d.location.lat).replace('.', ',') : '',
  lng: d.location ? String(d.location.lng).replace('.', ',') : '',
  note: d.note ?? '',
});
