import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { caseHistory, caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type OrgUnitRow, orgUnit } from '../../platform/org/org.schema.ts';
import { readSetting } from '../../platform/settings/settings.repo.ts';
import { LEGAL_AID_APPLICATION } from './legal-aid.case-type.ts';
import {
  APPLICATION_SETTINGS,
  type ApplicationSettings,
  defaultApplicationSettings,
  defaultHardshipStandards,
  HARDSHIP_STANDARDS_SETTING,
  type HardshipStandards,
} from './legal-aid.rules.ts';
import {
  type LegalAidApplicationRow,
  type LegalAidDraftRow,
  legalAidApplication,
  legalAidDraft,
} from './legal-aid.schema.ts';

export async function findUnitById(executor: Executor, id: number): Promise<OrgUnitRow | undefined> {
  const [row] = await executor.select().from(orgUnit).where(eq(orgUnit.id, id));
  return row;
}

/** The active legal-aid centre directly under a county (or city) bureau. */
export async function findCentreUnder(executor: Executor, bureauId: number): Promise<OrgUnitRow | undefined> {
  const [row] = await executor
    .select()
    .from(orgUnit)
    .where(
      and(eq(orgUnit.parentId, bureauId), eq(orgUnit.kind, 'legalAidCentre'), eq(orgUnit.status, 'active')),
    )
    .orderBy(asc(orgUnit.id))
    .limit(1);
  return row;
}

export async function unitNames(executor: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(inArray(orgUnit.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function readApplicationSettings(executor: Executor): Promise<ApplicationSettings> {
  const stored = await readSetting<Partial<ApplicationSettings>>(executor, APPLICATION_SETTINGS);
  return { ...defaultApplicationSettings, ...(stored ?? {}) };
}

export async function readHardshipStandards(executor: Executor): Promise<HardshipStandards> {
  return (
    (await readSetting<HardshipStandards>(executor, HARDSHIP_STANDARDS_SETTING)) ?? defaultHardshipStandards
  );
}

export async function insertApplication(executor: Executor, row: typeof legalAidApplication.$inferInsert) {
  await executor.insert(legalAidApplication).values(row);
}

export async function findApplication(
  executor: Executor,
  caseId: string,
): Promise<LegalAidApplicationRow | undefined> {
  const [row] = await executor
    .select()
    .from(legalAidApplication)
    .where(eq(legalAidApplication.caseId, caseId));
  return row;
}

/** A citizen's applications with their case rows, newest first. */
export async function listCitizenApplications(executor: Executor, citizenAccountId: string) {
  return executor
    .select({ app: legalAidApplication, record: caseRecord })
    .from(legalAidApplication)
    .innerJoin(caseRecord, eq(caseRecord.id, legalAidApplication.caseId))
    .where(eq(legalAidApplication.citizenAccountId, citizenAccountId))
    .orderBy(desc(legalAidApplication.createdAt));
}

export async function historyOf(executor: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return executor
    .select()
    .from(caseHistory)
    .where(inArray(caseHistory.caseId, [...caseIds]))
    .orderBy(asc(caseHistory.at), asc(caseHistory.id));
}

/** Applications waiting for a correction, with the moment the notice went out. */
export async function casesAwaitingCorrection(executor: Executor) {
  const rows = await executor
    .select({ id: caseRecord.id, version: caseRecord.version, at: caseHistory.at })
    .from(caseRecord)
    .innerJoin(
      caseHistory,
      and(eq(caseHistory.caseId, caseRecord.id), eq(caseHistory.transition, 'requestCorrection')),
    )
    .where(and(eq(caseRecord.caseType, LEGAL_AID_APPLICATION), eq(caseRecord.status, 'awaitingCorrection')));
  return rows;
}

// ---- drafts -------------------------------------------------------------------------------------------

export async function listDrafts(executor: Executor, citizenAccountId: string): Promise<LegalAidDraftRow[]> {
  return executor
    .select()
    .from(legalAidDraft)
    .where(eq(legalAidDraft.citizenAccountId, citizenAccountId))
    .orderBy(desc(legalAidDraft.updatedAt));
}

export async function findDraft(
  executor: Executor,
  citizenAccountId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LegalAidDraftRow | undefined> {
  const query = executor
    .select()
    .from(legalAidDraft)
    .where(and(eq(legalAidDraft.id, id), eq(legalAidDraft.citizenAccountId, citizenAccountId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertDraft(executor: Executor, row: typeof legalAidDraft.$inferInsert) {
  const [inserted] = await executor.insert(legalAidDraft).values(row).returning();
  if (!inserted) throw new Error('draft insert returned nothing');
  return inserted;
}

/** Updates when the version still matches; undefined when someone saved in between. */
export async function updateDraft(
  executor: Executor,
  id: string,
  version: number,
  set: Partial<typeof legalAidDraft.$inferInsert>,
): Promise<LegalAidDraftRow | undefined> {
  const [row] = await executor
    .update(legalAidDraft)
    .set(set)
    .where(and(eq(legalAidDraft.id, id), eq(legalAidDraft.version, version)))
    .returning();
  return row;
}

export async function caseNoOf(executor: Executor, caseId: string): Promise<string | null> {
  const [row] = await executor
    .select({ caseNo: caseRecord.caseNo })
    .from(caseRecord)
    .where(eq(caseRecord.id, caseId));
  return row?.caseNo ?? null;
}

/** 事项发生地: the city and county bureaus that have an active legal-aid centre, city first. */
export async function placesWithCentre(executor: Executor): Promise<OrgUnitRow[]> {
  const bureaus = await executor
    .select()
    .from(orgUnit)
    .where(and(inArray(orgUnit.kind, ['cityBureau', 'countyBureau']), eq(orgUnit.status, 'active')))
    .orderBy(asc(orgUnit.sortOrder), asc(orgUnit.id));
  const centres = await executor
    .select({ parentId: orgUnit.parentId })
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, 'legalAidCentre'), eq(orgUnit.status, 'active')));
  const withCentre = new Set(centres.map((c) => c.parentId));
  return bureaus
    .filter((b) => withCentre.has(b.id))
    .sort((a, b) => (a.kind === 'cityBureau' ? -1 : 0) - (b.kind === 'cityBureau' ? -1 : 0));
}
