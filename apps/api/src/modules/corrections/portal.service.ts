import type { SuperviseeFlag, SupervisionLevel } from '@zhucheng/contracts';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/principal.ts';
import { citizenAccount } from '../../platform/auth/auth.schema.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_SUPERVISEE } from './register.case-type.ts';
import { correctionsSupervisee } from './register.schema.ts';

/** The signed-in supervisee's running term, as every portal route of the module starts from. */
export interface PortalTerm {
  caseId: string;
  personId: string;
  /** The supervising office (the case's competent unit). */
  unitId: number;
  name: string;
  flags: SuperviseeFlag[];
  supervisionLevel: SupervisionLevel | null;
}

export const PORTAL_NOT_FOUND = '未找到您的社区矫正档案';

// 我的矫正: who a portal caller is. A supervisee signs in to the citizen portal with their phone (OTP, as any
// citizen); the officer recorded that phone at registration (encrypted, with the same blind index as
// citizen_account's phone), so the match is on the index and nothing is decrypted. Only a running term
// (not ended) counts; a staff account, a citizen with no such term, or a disabled account → 404.
export class SuperviseePortalService {
  readonly #db: Database;

  constructor(deps: { db: Database }) {
    this.#db = deps.db;
  }

  /** The caller's running term; 404 `未找到您的社区矫正档案` for staff or no match. */
  async currentTerm(ctx: RequestContext, executor?: Executor): Promise<PortalTerm> {
    const principal = ctx.principal;
    if (principal?.kind !== 'citizen') throw new AppError('NOT_FOUND', 404, PORTAL_NOT_FOUND);
    const s = correctionsSupervisee;
    const [row] = await (executor ?? this.#db)
      .select({
        caseId: s.caseId,
        personId: s.personId,
        unitId: caseRecord.competentUnitId,
        name: person.name,
        flags: s.flags,
        supervisionLevel: s.supervisionLevel,
      })
      .from(citizenAccount)
      .innerJoin(s, eq(s.phoneIndex, citizenAccount.phoneIndex))
      .innerJoin(caseRecord, eq(caseRecord.id, s.caseId))
      .innerJoin(person, eq(person.id, s.personId))
      .where(
        and(
          eq(citizenAccount.id, principal.id),
          eq(citizenAccount.status, 'active'),
          eq(caseRecord.caseType, CORRECTIONS_SUPERVISEE),
          isNull(s.endedOn),
        ),
      )
      .orderBy(desc(caseRecord.createdAt))
      .limit(1);
    if (!row) throw new AppError('NOT_FOUND', 404, PORTAL_NOT_FOUND);
    return row;
  }
}
