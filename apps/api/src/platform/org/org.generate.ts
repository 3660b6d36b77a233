import type { OrgUnitKind } from '@zhucheng/contracts';
import { eq } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import type { Executor } from '../db/database.ts';
import { cityDivisions, type DivisionData } from './divisions.ts';
import {
  findSiblingByName,
  insertUnit,
  lockTreeShape,
  type NewOrgUnit,
  unitsWithDivisionCode,
} from './org.repo.ts';
import { justiceOfficeName } from './org.rules.ts';
import { type OrgUnitRow, orgUnit } from './org.schema.ts';

export interface GenerateOrgTreeOptions {
  cityDivisionCode: string;
  clock: Clock;
  /** Defaults to the committed divisions.json. */
  data?: DivisionData;
}

export interface GenerateOrgTreeResult {
  cityBureauId: number;
  created: number;
  existing: number;
}

/**
 * The city's starting tree, made on first start and safe to run on every start:
 *   <city>司法局
 *     <city>法律援助中心, <city>公共法律服务中心
 *     <county>司法局 (one per county)
 *       <county>法律援助中心
 *       <county><town stem>司法所 (one per town, street or township; see justiceOfficeName)
 * A unit is recognised by kind and division code, so units an administrator renamed, moved or disabled
 * are left as they are and never made a second time.
 */
export async function generateOrgTree(
  executor: Executor,
  options: GenerateOrgTreeOptions,
): Promise<GenerateOrgTreeResult> {
  const { city, counties } = cityDivisions(options.cityDivisionCode, options.data);
  return executor.transaction(async (tx) => {
    // Two instances starting together on one PostgreSQL must not both create the tree.
    await lockTreeShape(tx);
    const now = options.clock.now();
    const known = await unitsWithDivisionCode(tx);
    let created = 0;
    let existing = 0;

    const ensure = async (
      parent: OrgUnitRow | null,
      unit: NewOrgUnit & { kind: OrgUnitKind; divisionCode: string },
    ): Promise<OrgUnitRow> => {
      const key = `${unit.kind}:${unit.divisionCode}`;
      const found = known.get(key);
      if (found) {
        existing++;
        return found;
      }
      const parentId = parent?.id ?? null;
      const namesake = await findSiblingByName(tx, parentId, unit.name);
      if (namesake) {
        // Made by hand before the generator ran: adopt it when it is the same kind of unit.
        if (namesake.kind !== unit.kind || namesake.divisionCode !== null) {
          throw new Error(
            `机构树生成失败：「${unit.name}」已存在但不是同一机构（类型 ${namesake.kind}，区划代码 ` +
              `${namesake.divisionCode ?? '无'}），请改名后重试`,
          );
        }
        const [adopted] = await tx
          .update(orgUnit)
          .set({ divisionCode: unit.divisionCode, updatedAt: now })
          .where(eq(orgUnit.id, namesake.id))
          .returning();
        if (!adopted) throw new Error(`org_unit ${namesake.id} vanished`);
        known.set(key, adopted);
        existing++;
        return adopted;
      }
      const row = await insertUnit(tx, parent, unit, now);
      known.set(key, row);
      created++;
      return row;
    };

    const cityBureau = await ensure(null, {
      kind: 'cityBureau',
      divisionCode: city.code,
      name: `${city.name}司法局`,
      sortOrder: 0,
    });
    await ensure(cityBureau, {
      kind: 'legalAidCentre',
      divisionCode: city.code,
      name: `${city.name}法律援助中心`,
      sortOrder: 0,
    });
    await ensure(cityBureau, {
      kind: 'serviceCentre',
      divisionCode: city.code,
      name: `${city.name}公共法律服务中心`,
      sortOrder: 1,
    });
    for (const [i, county] of counties.entries()) {
      const bureau = await ensure(cityBureau, {
        kind: 'countyBureau',
        divisionCode: county.code,
        name: `${county.name}司法局`,
        sortOrder: 10 + i,
      });
      await ensure(bureau, {
        kind: 'legalAidCentre',
        divisionCode: county.code,
        name: `${county.name}法律援助中心`,
        sortOrder: 0,
      });
      const used = new Set<string>();
      for (const [j, town] of county.towns.entries()) {
        const preferred = justiceOfficeName(county.name, town.name);
        if (!preferred) continue;
        // Two towns whose names differ only in 镇/乡 would collide; the second keeps its full name.
        const name = used.has(preferred) ? `${county.name}${town.name}司法所` : preferred;
        used.add(name);
        await ensure(bureau, { kind: 'justiceOffice', divisionCode: town.code, name, sortOrder: 1 + j });
      }
    }
    return { cityBureauId: cityBureau.id, created, existing };
  });
}
