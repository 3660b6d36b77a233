import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { role, staffUser, staffUserRole } from '../../platform/access/access.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { divisionData } from '../../platform/org/divisions.ts';
import { type OrgUnitRow, orgUnit } from '../../platform/org/org.schema.ts';
import type { CommitteeCandidate } from './dispatch.rules.ts';
import { mediationCommittee } from './registry.schema.ts';

// What dispatch reads: the committees (org units of kind mediationCommittee with their mediation profile),
// the towns with their justice offices, and the staff to tell. Read-only; the registry part writes committees.

/** The ids in a materialised path `/1/3/17/`. */
const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

async function countyBureaus(executor: Executor): Promise<Map<number, string>> {
  const rows = await executor
    .select({ id: orgUnit.id, code: orgUnit.divisionCode })
    .from(orgUnit)
    .where(eq(orgUnit.kind, 'countyBureau'));
  return new Map(rows.filter((r) => r.code).map((r) => [r.id, r.code as string]));
}

/** Every active committee with its profile, as dispatch sees it. */
export async function listCommitteeCandidates(
  executor: Executor,
  filter: { unitIds?: readonly number[] } = {},
): Promise<CommitteeCandidate[]> {
  const conditions = [eq(orgUnit.kind, 'mediationCommittee'), eq(orgUnit.status, 'active')];
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return [];
    conditions.push(inArray(orgUnit.id, [...filter.unitIds]));
  }
  const rows = await executor
    .select({ unit: orgUnit, committee: mediationCommittee })
    .from(orgUnit)
    .innerJoin(mediationCommittee, eq(mediationCommittee.unitId, orgUnit.id))
    .where(and(...conditions))
    .orderBy(asc(orgUnit.id));
  const counties = await countyBureaus(executor);
  return rows.map(({ unit, committee }) => {
    const county = pathIds(unit.path).find((id) => counties.has(id));
    return {
      unitId: unit.id,
      name: unit.name,
      kind: committee.kind,
      industry: committee.industry,
      townCode: committee.townCode,
      servedAreas: committee.servedAreas,
      latitude: committee.latitude,
      longitude: committee.longitude,
      countyCode: county === undefined ? null : (counties.get(county) ?? null),
    };
  });
}

export async function findCommitteeCandidate(
  executor: Executor,
  unitId: number,
): Promise<CommitteeCandidate | undefined> {
  return (await listCommitteeCandidates(executor, { unitIds: [unitId] }))[0];
}

/** The committee's contact for the citizen's progress page (a public office phone and address). */
export async function committeeContact(
  executor: Executor,
  unitIds: readonly number[],
): Promise<Map<number, { phone: string | null; address: string | null }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await executor
    .select({
      unitId: mediationCommittee.unitId,
      phone: mediationCommittee.phone,
      address: mediationCommittee.address,
    })
    .from(mediationCommittee)
    .where(inArray(mediationCommittee.unitId, [...new Set(unitIds)]));
  return new Map(rows.map((r) => [r.unitId, { phone: r.phone, address: r.address }]));
}

/** The active justice office of a town (its division code is the town's 12-digit code). */
export async function findTownOffice(executor: Executor, townCode: string): Promise<OrgUnitRow | undefined> {
  const [row] = await executor
    .select()
    .from(orgUnit)
    .where(
      and(
        eq(orgUnit.kind, 'justiceOffice'),
        eq(orgUnit.divisionCode, townCode),
        eq(orgUnit.status, 'active'),
      ),
    )
    .orderBy(asc(orgUnit.id))
    .limit(1);
  return row;
}

let townNames: Map<string, string> | undefined;

/** The town's own name (廉州镇) from the division data; undefined for a code it does not know. */
export function townName(code: string): string | undefined {
  townNames ??= new Map(divisionData().towns.map((t) => [t.code, t.name]));
  return townNames.get(code);
}

/** The towns a dispute can be placed in: those with an active justice office, in tree order. */
export async function listTowns(
  executor: Executor,
): Promise<{ code: string; name: string; countyName: string; officeId: number }[]> {
  const offices = await executor
    .select()
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, 'justiceOffice'), eq(orgUnit.status, 'active')))
    .orderBy(asc(orgUnit.parentId), asc(orgUnit.sortOrder), asc(orgUnit.id));
  const parents = await unitNames(
    executor,
    offices.map((o) => o.parentId ?? 0),
  );
  return offices
    .filter((o) => o.divisionCode && /^\d{12}$/.test(o.divisionCode))
    .map((o) => ({
      code: o.divisionCode as string,
      name: townName(o.divisionCode as string) ?? o.name.replace(/司法所$/, ''),
      countyName: (parents.get(o.parentId ?? 0) ?? '').replace(/司法局$/, ''),
      officeId: o.id,
    }));
}

export async function unitNames(executor: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)].filter((id) => id > 0);
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(inArray(orgUnit.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active staff of a unit holding a role with any of these permissions: who gets the unit's notices. */
export async function staffOfUnit(
  executor: Executor,
  unitId: number,
  permissions: readonly string[],
): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ id: staffUser.id })
    .from(staffUser)
    .innerJoin(staffUserRole, eq(staffUserRole.userId, staffUser.id))
    .innerJoin(role, eq(role.id, staffUserRole.roleId))
    .where(
      and(
        eq(staffUser.unitId, unitId),
        eq(staffUser.status, 'active'),
        sql`${role.permissions} ?| ${sql`array[${sql.join(
          permissions.map((p) => sql`${p}`),
          sql`, `,
        )}]::text[]`}`,
      ),
    );
  return rows.map((r) => r.id);
}
