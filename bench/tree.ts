/**
 * The benchmark's unit tree and accounts, written through the product's own store functions
 * (`createUnit`, `createAccount`) so every unit path is what the API would have made.
 */
import { createAccount } from '../shared/accounts/store';
import type { Db } from '../shared/db/client';
import type { UnitLevel } from '../shared/units/fields';
import { createUnit } from '../shared/units/store';
import { BENCH_NOW, type CollectorPlan, type WardPlan } from './households';

export interface AreaSpec {
  /** Short id stem: units are `${stem}-p`, `${stem}-c`, `${stem}-w01`, `${stem}-w01-t01` … */
  stem: string;
  provinceName: string;
  cityName: string;
  wards: number;
  hamletsPerWard: number;
}

export interface Area {
  provinceId: string;
  cityId: string;
  wards: WardPlan[];
  collectors: CollectorPlan[];
  units: number;
  accounts: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export const createArea = async (db: Db, spec: AreaSpec): Promise<Area> => {
  let units = 0;
  const unit = async (
    id: string,
    code: string,
    name: string,
    level: UnitLevel,
    parentId: string | null,
  ) => {
    units += 1;

    return createUnit(
      db,
      { code, name, level, parentId, validFrom: null, validTo: null },
      BENCH_NOW,
      id,
    );
  };
  const province = await unit(
    `${spec.stem}-p`,
    `${spec.stem}P`,
    spec.provinceName,
    'province',
    null,
  );
  const city = await unit(`${spec.stem}-c`, `${spec.stem}C`, spec.cityName, 'city', province.id);

  const wards: WardPlan[] = [];
  for (let w = 1; w <= spec.wards; w += 1) {
    const name = `Phường ${spec.stem.toUpperCase()} ${w}`;
    const ward = await unit(
      `${spec.stem}-w${pad(w)}`,
      `${spec.stem}W${pad(w)}`,
      name,
      'ward',
      city.id,
    );
    const hamlets = [];
    for (let h = 1; h <= spec.hamletsPerWard; h += 1) {
      const hamlet = await unit(
        `${ward.id}-t${pad(h)}`,
        `TDP${pad(h)}`,
        `Tổ dân phố ${h}`,
        'hamlet',
        ward.id,
      );
      hamlets.push({ id: hamlet.id, name: hamlet.name });
    }
    wards.push({
      id: ward.id,
      name,
      prefix: `${spec.stem.toUpperCase()}W${pad(w)}`,
      unitPath: ward.unitPath,
      hamlets,
    });
  }

  // Two collectors per city and one committee account per ward, as the rollout has.
  const collectors: CollectorPlan[] = [];
  for (const [suffix, name] of [
    ['city', `Công ty Môi trường đô thị ${spec.cityName}`],
    ['coop', `HTX Vệ sinh Môi trường ${spec.cityName}`],
  ]) {
    const account = await createAccount(
      db,
      {
        name,
        kind: 'collector',
        unitId: city.id,
        contactName: null,
        phone: null,
        email: null,
        status: 'active',
        activatedOn: null,
      },
      BENCH_NOW,
      `${spec.stem}-collector-${suffix}`,
    );
    collectors.push({ id: account.id, name: account.name });
  }
  for (const ward of wards) {
    await createAccount(
      db,
      {
        name: `UBND ${ward.name}`,
        kind: 'ward-committee',
        unitId: ward.id,
        contactName: null,
        phone: null,
        email: null,
        status: 'active',
        activatedOn: null,
      },
      BENCH_NOW,
      `${ward.id}-ubnd`,
    );
  }

  return {
    provinceId: province.id,
    cityId: city.id,
    wards,
    collectors,
    units,
    accounts: collectors.length + wards.length,
  };
};
