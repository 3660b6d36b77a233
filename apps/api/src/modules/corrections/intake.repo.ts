import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { role, staffUser, staffUserRole } from '../../platform/access/access.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import {
  type CorrectionsAnnouncementRow,
  type CorrectionsLostContactRow,
  type CorrectionsLostContactStepRow,
  type CorrectionsPlanRow,
  type CorrectionsTeamMemberRow,
  correctionsAnnouncement,
  correctionsLostContact,
  correctionsLostContactStep,
  correctionsPlan,
  correctionsTeamMember,
} from './intake.schema.ts';

// Rows of intake (team, plan, announcement) and of the lost-contact search. Callers have found the
// supervisee in the caller's scope first (register.repo.ts findSupervisee); these queries go by case id.

export async function teamOf(executor: Executor, caseId: string): Promise<CorrectionsTeamMemberRow[]> {
  return executor
    .select()
    .from(correctionsTeamMember)
    .where(eq(correctionsTeamMember.caseId, caseId))
    .orderBy(asc(correctionsTeamMember.sortOrder));
}

export async function replaceTeam(
  executor: Executor,
  caseId: string,
  members: Omit<typeof correctionsTeamMember.$inferInsert, 'caseId' | 'sortOrder'>[],
): Promise<void> {
  await executor.delete(correctionsTeamMember).where(eq(correctionsTeamMember.caseId, caseId));
  if (members.length === 0) return;
  await executor
    .insert(correctionsTeamMember)
    .values(members.map((m, i) => ({ ...m, caseId, sortOrder: i })));
}

export async function planOf(executor: Executor, caseId: string): Promise<CorrectionsPlanRow | undefined> {
  const [row] = await executor.select().from(correctionsPlan).where(eq(correctionsPlan.caseId, caseId));
  return row;
}

export async function upsertPlan(executor: Executor, values: typeof correctionsPlan.$inferInsert) {
  const { caseId: _caseId, ...rest } = values;
  await executor
    .insert(correctionsPlan)
    .values(values)
    .onConflictDoUpdate({ target: correctionsPlan.caseId, set: rest });
}

export async function announcementOf(
  executor: Executor,
  caseId: string,
): Promise<CorrectionsAnnouncementRow | undefined> {
  const [row] = await executor
    .select()
    .from(correctionsAnnouncement)
    .where(eq(correctionsAnnouncement.caseId, caseId));
  return row;
}

export async function insertAnnouncement(
  executor: Executor,
  values: typeof correctionsAnnouncement.$inferInsert,
): Promise<boolean> {
  const rows = await executor
    .insert(correctionsAnnouncement)
    .values(values)
    .onConflictDoNothing()
    .returning({ caseId: correctionsAnnouncement.caseId });
  return rows.length > 0;
}

// ---- lost contact ----------------------------------------------------------------------------------------

export interface LostContactWithSteps {
  row: CorrectionsLostContactRow;
  steps: CorrectionsLostContactStepRow[];
}

export async function lostContactsOf(executor: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Map<string, LostContactWithSteps[]>();
  const rows = await executor
    .select()
    .from(correctionsLostContact)
    .where(inArray(correctionsLostContact.caseId, [...caseIds]))
    .orderBy(asc(correctionsLostContact.createdAt));
  const steps =
    rows.length === 0
      ? []
      : await executor
          .select()
          .from(correctionsLostContactStep)
          .where(
            inArray(
              correctionsLostContactStep.lostContactId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(correctionsLostContactStep.at), asc(correctionsLostContactStep.id));
  const out = new Map<string, LostContactWithSteps[]>();
  for (const row of rows) {
    const list = out.get(row.caseId) ?? [];
    list.push({ row, steps: steps.filter((s) => s.lostContactId === row.id) });
    out.set(row.caseId, list);
  }
  return out;
}

/** Opens a search unless one is open (the partial unique index decides); undefined when one was open. */
export async function insertLostContact(
  executor: Executor,
  values: typeof correctionsLostContact.$inferInsert,
): Promise<CorrectionsLostContactRow | undefined> {
  const [row] = await executor
    .insert(correctionsLostContact)
    .values(values)
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findLostContact(
  executor: Executor,
  caseId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CorrectionsLostContactRow | undefined> {
  const q = executor
    .select()
    .from(correctionsLostContact)
    .where(and(eq(correctionsLostContact.id, id), eq(correctionsLostContact.caseId, caseId)));
  const [row] = options.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Whether the overdue report-in already opened a search for this term. */
export async function hasLostContact(executor: Executor, caseId: string, trigger: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: correctionsLostContact.id })
    .from(correctionsLostContact)
    .where(
      and(eq(correctionsLostContact.caseId, caseId), eq(correctionsLostContact.trigger, trigger as never)),
    );
  return row !== undefined;
}

export async function openLostContactOf(executor: Executor, caseId: string) {
  const [row] = await executor
    .select()
    .from(correctionsLostContact)
    .where(and(eq(correctionsLostContact.caseId, caseId), eq(correctionsLostContact.status, 'searching')));
  return row;
}

export async function insertStep(executor: Executor, values: typeof correctionsLostContactStep.$inferInsert) {
  const [row] = await executor.insert(correctionsLostContactStep).values(values).returning();
  if (!row) throw new Error('lost-contact step insert returned nothing');
  return row;
}

export async function updateLostContact(
  executor: Executor,
  id: string,
  version: number,
  patch: Partial<typeof correctionsLostContact.$inferInsert>,
): Promise<CorrectionsLostContactRow | undefined> {
  const [row] = await executor
    .update(correctionsLostContact)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(correctionsLostContact.id, id), eq(correctionsLostContact.version, version)))
    .returning();
  return row;
}

/**
 * The office's active staff who hold a permission through one of their roles (the alert of an overdue
 * report-in goes to those who supervise).
 */
export async function officeStaffHolding(
  executor: Executor,
  unitId: number,
  permission: string,
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
        sql`${role.permissions} @> ${JSON.stringify([permission])}::jsonb`,
      ),
    )
    .orderBy(asc(staffUser.id));
  return rows.map((r) => r.id);
}
