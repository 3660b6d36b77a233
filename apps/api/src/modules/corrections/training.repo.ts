import type { CertificateKind } from '@zhucheng/contracts';
import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/access/principal.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { correctionsScope } from './register.repo.ts';
import { correctionsSupervisee } from './register.schema.ts';
import {
  correctionsCertificate,
  correctionsEmploymentGuidance,
  correctionsTraining,
} from './training.schema.ts';

// Queries of training, certificates and employment guidance; a record's scope is its supervisee's.

const isMinor = sql`('minor' = any(${correctionsSupervisee.flags}))`;

export async function trainingsOf(executor: Executor, caseId: string) {
  return executor
    .select()
    .from(correctionsTraining)
    .where(eq(correctionsTraining.caseId, caseId))
    .orderBy(desc(correctionsTraining.fromOn), asc(correctionsTraining.id));
}

export async function certificatesOf(executor: Executor, caseId: string) {
  return executor
    .select()
    .from(correctionsCertificate)
    .where(eq(correctionsCertificate.caseId, caseId))
    .orderBy(desc(correctionsCertificate.issuedOn), asc(correctionsCertificate.id));
}

export async function guidanceOf(executor: Executor, caseId: string) {
  return executor
    .select()
    .from(correctionsEmploymentGuidance)
    .where(eq(correctionsEmploymentGuidance.caseId, caseId))
    .orderBy(desc(correctionsEmploymentGuidance.givenOn), asc(correctionsEmploymentGuidance.id));
}

export async function findCertificateByNumber(executor: Executor, kind: CertificateKind, number: string) {
  const [row] = await executor
    .select({ id: correctionsCertificate.id })
    .from(correctionsCertificate)
    .where(and(eq(correctionsCertificate.kind, kind), eq(correctionsCertificate.number, number)));
  return row;
}

export async function findTraining(executor: Executor, caseId: string, id: string) {
  const [row] = await executor
    .select()
    .from(correctionsTraining)
    .where(and(eq(correctionsTraining.caseId, caseId), eq(correctionsTraining.id, id)));
  return row;
}

/** Certificates in the caller's scope (minors only with the permission), newest first. */
export async function listCertificates(
  executor: Executor,
  p: Principal,
  filters: { kind?: CertificateKind | undefined; from?: string | undefined; to?: string | undefined },
  page: { limit: number; offset: number },
) {
  const c = correctionsCertificate;
  const where: SQL | undefined = and(
    correctionsScope(p, isMinor),
    filters.kind ? eq(c.kind, filters.kind) : undefined,
    filters.from ? gte(c.issuedOn, filters.from) : undefined,
    filters.to ? lte(c.issuedOn, filters.to) : undefined,
  );
  const from = () =>
    executor
      .select({
        c,
        name: person.name,
        minor: sql<boolean>`${isMinor}`,
        officeName: orgUnit.name,
      })
      .from(c)
      .innerJoin(caseRecord, eq(caseRecord.id, c.caseId))
      .innerJoin(correctionsSupervisee, eq(correctionsSupervisee.caseId, c.caseId))
      .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
      .innerJoin(orgUnit, eq(orgUnit.id, caseRecord.competentUnitId));
  const rows = await from()
    .where(where)
    .orderBy(desc(c.issuedOn), asc(c.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await executor
    .select({ n: count() })
    .from(c)
    .innerJoin(caseRecord, eq(caseRecord.id, c.caseId))
    .innerJoin(correctionsSupervisee, eq(correctionsSupervisee.caseId, c.caseId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}
