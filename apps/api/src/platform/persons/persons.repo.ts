import type { IdType } from '@zhucheng/contracts';
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { staffUser } from '../access/access.schema.ts';
import type { Principal } from '../access/principal.ts';
import { caseScope } from '../cases/cases.repo.ts';
import { caseRecord } from '../cases/cases.schema.ts';
import type { Executor } from '../db/database.ts';
import {
  type CasePartyRow,
  caseParty,
  type OrganisationRow,
  organisation,
  type PersonRow,
  person,
} from './persons.schema.ts';

// Queries only. Persons and organisations are platform-wide master data (no unit scope); the parties of
// a case are reached only after the case itself was found within the caller's scope (see the service).

const LIST_LIMIT = 50;

/** `%` and `_` typed by a user match themselves, not anything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The persons a staff member may find by name or open: everyone for a city-wide scope; otherwise those
 * entered by staff of units in their scope (or by themselves) and the parties of cases in their scope. A lookup by the exact ID number is not
 * limited: it needs the number, and it is how a walk-in applicant is found again instead of entered twice.
 */
export function personScope(principal: Principal | null): SQL | undefined {
  if (!principal || principal.scope.all) return undefined;
  const units = [...principal.scope.unitIds];
  return or(
    eq(person.createdBy, principal.id),
    units.length > 0
      ? sql`exists (select 1 from ${staffUser} where ${staffUser.id}::text = ${person.createdBy} and ${inArray(staffUser.unitId, units)})`
      : undefined,
    sql`exists (select 1 from ${caseParty} join ${caseRecord} on ${caseRecord.id} = ${caseParty.caseId} where ${caseParty.personId} = ${person.id} and ${caseScope(principal) ?? sql`true`})`,
  );
}

export async function findPersonById(
  executor: Executor,
  id: string,
  options: { forUpdate?: boolean; visibleTo?: Principal | null } = {},
): Promise<PersonRow | undefined> {
  const query = executor
    .select()
    .from(person)
    .where(and(eq(person.id, id), options.visibleTo ? personScope(options.visibleTo) : undefined));
  return (options.forUpdate ? await query.for('update', { of: person }) : await query)[0];
}

export async function findPersonByDocument(
  executor: Executor,
  idType: IdType,
  idNumberIndex: string,
): Promise<PersonRow | undefined> {
  const rows = await executor
    .select()
    .from(person)
    .where(and(eq(person.idType, idType), eq(person.idNumberIndex, idNumberIndex)));
  return rows[0];
}

/** Inserts unless a person with the same document exists; undefined then (the caller re-reads). */
export async function insertPersonUnlessKnown(
  executor: Executor,
  values: typeof person.$inferInsert,
): Promise<PersonRow | undefined> {
  const rows = await executor
    .insert(person)
    .values(values)
    .onConflictDoNothing({ target: [person.idType, person.idNumberIndex] })
    .returning();
  return rows[0];
}

export async function updatePerson(
  executor: Executor,
  id: string,
  version: number,
  values: Partial<typeof person.$inferInsert>,
): Promise<PersonRow | undefined> {
  const rows = await executor
    .update(person)
    .set({ ...values, version: sql`${person.version} + 1` })
    .where(and(eq(person.id, id), eq(person.version, version)))
    .returning();
  return rows[0];
}

export async function listPersons(
  executor: Executor,
  filters: { name?: string | undefined; phoneIndex?: string | undefined },
  visibleTo: Principal | null,
): Promise<PersonRow[]> {
  const conditions = [
    filters.name ? ilike(person.name, likePattern(filters.name)) : undefined,
    filters.phoneIndex ? eq(person.phoneIndex, filters.phoneIndex) : undefined,
    personScope(visibleTo),
  ];
  return executor
    .select()
    .from(person)
    .where(and(...conditions))
    .orderBy(desc(person.updatedAt), asc(person.id))
    .limit(LIST_LIMIT);
}

export async function findOrganisationById(
  executor: Executor,
  id: string,
): Promise<OrganisationRow | undefined> {
  return (await executor.select().from(organisation).where(eq(organisation.id, id)))[0];
}

export async function findOrganisationByCreditCode(
  executor: Executor,
  creditCode: string,
): Promise<OrganisationRow | undefined> {
  return (await executor.select().from(organisation).where(eq(organisation.creditCode, creditCode)))[0];
}

export async function insertOrganisationUnlessKnown(
  executor: Executor,
  values: typeof organisation.$inferInsert,
): Promise<OrganisationRow | undefined> {
  const rows = await executor
    .insert(organisation)
    .values(values)
    .onConflictDoNothing({ target: organisation.creditCode })
    .returning();
  return rows[0];
}

export async function updateOrganisation(
  executor: Executor,
  id: string,
  version: number,
  values: Partial<typeof organisation.$inferInsert>,
): Promise<OrganisationRow | undefined> {
  const rows = await executor
    .update(organisation)
    .set({ ...values, version: sql`${organisation.version} + 1` })
    .where(and(eq(organisation.id, id), eq(organisation.version, version)))
    .returning();
  return rows[0];
}

export async function listOrganisations(
  executor: Executor,
  filters: { name?: string | undefined },
): Promise<OrganisationRow[]> {
  return executor
    .select()
    .from(organisation)
    .where(filters.name ? ilike(organisation.name, likePattern(filters.name)) : undefined)
    .orderBy(desc(organisation.updatedAt), asc(organisation.id))
    .limit(LIST_LIMIT);
}

export interface CasePartyWithRecords {
  party: CasePartyRow;
  person: PersonRow | null;
  organisation: OrganisationRow | null;
}

/** The parties of one case (already found in scope), in their order. */
export async function listCaseParties(executor: Executor, caseId: string): Promise<CasePartyWithRecords[]> {
  const parties = await executor
    .select()
    .from(caseParty)
    .where(eq(caseParty.caseId, caseId))
    .orderBy(asc(caseParty.sortOrder), asc(caseParty.addedAt), asc(caseParty.id));
  const personIds = parties.flatMap((p) => (p.personId ? [p.personId] : []));
  const orgIds = parties.flatMap((p) => (p.organisationId ? [p.organisationId] : []));
  const persons = personIds.length
    ? await executor.select().from(person).where(inArray(person.id, personIds))
    : [];
  const orgs = orgIds.length
    ? await executor.select().from(organisation).where(inArray(organisation.id, orgIds))
    : [];
  return parties.map((party) => ({
    party,
    person: persons.find((p) => p.id === party.personId) ?? null,
    organisation: orgs.find((o) => o.id === party.organisationId) ?? null,
  }));
}

export async function insertCaseParty(
  executor: Executor,
  values: typeof caseParty.$inferInsert,
): Promise<CasePartyRow | undefined> {
  const rows = await executor.insert(caseParty).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function nextPartySortOrder(executor: Executor, caseId: string): Promise<number> {
  const [row] = await executor
    .select({ next: sql<number>`coalesce(max(${caseParty.sortOrder}) + 1, 0)::int` })
    .from(caseParty)
    .where(eq(caseParty.caseId, caseId));
  return row?.next ?? 0;
}

export async function deleteCaseParty(
  executor: Executor,
  caseId: string,
  partyId: string,
): Promise<CasePartyRow | undefined> {
  const rows = await executor
    .delete(caseParty)
    .where(and(eq(caseParty.caseId, caseId), eq(caseParty.id, partyId)))
    .returning();
  return rows[0];
}
