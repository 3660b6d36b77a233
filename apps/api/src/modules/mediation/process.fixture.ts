import { type DisputeKind, idNumberCheckChar } from '@zhucheng/contracts';
import type { RequestContext } from '../../platform/access/principal.ts';
import { staffContext } from '../../platform/org/org-testing.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { MEDIATION_DISPUTE } from './dispute.case-type.ts';
import { mediationDispute } from './dispute.schema.ts';
import { mediationCommittee, mediator } from './registry.schema.ts';

// Tests only: the least a dispute of the process tests needs, made directly (not through intake or the
// registry): a committee (org unit + mediation_committee), mediators, and a received `mediation.dispute`
// case with its mediation_dispute row and real-name parties.

export function testIdNumber(birth: string, seq: string, region = '450502'): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

export interface FixtureParty {
  name: string;
  idNumber?: string;
  address?: string;
  role?: 'applicant' | 'respondent' | 'party';
}

export interface DisputeFixture {
  /** A township committee under the justice office `officeId`. */
  committee(officeId: number, name: string, shortName: string): Promise<number>;
  mediator(unitId: number, name: string, staffUserId?: string | null): Promise<string>;
  /** A received dispute of the committee. */
  dispute(
    unitId: number,
    input: { parties: FixtureParty[]; kind?: DisputeKind; facts?: string; title?: string },
  ): Promise<string>;
}

export function disputeFixture(t: TestApp): DisputeFixture {
  const ctx: RequestContext = staffContext({ all: true }, [
    'org:read',
    'org:manage',
    'case:read',
    'party:read',
    'party:manage',
  ]);
  const db = t.database.db;
  const now = () => t.services.clock.now();
  return {
    async committee(officeId, name, shortName) {
      const unit = await t.services.org.createUnit(ctx, {
        parentId: officeId,
        kind: 'mediationCommittee',
        name,
        shortName,
      });
      await db.insert(mediationCommittee).values({
        unitId: unit.id,
        kind: 'township',
        createdAt: now(),
        updatedAt: now(),
      });
      return unit.id;
    },
    async mediator(unitId, name, staffUserId = null) {
      const [row] = await db
        .insert(mediator)
        .values({
          unitId,
          name,
          staffUserId,
          employment: 'partTime',
          position: '调解员',
          createdAt: now(),
          updatedAt: now(),
        })
        .returning();
      if (!row) throw new Error('mediator insert returned no row');
      return row.id;
    },
    async dispute(unitId, input) {
      return db.transaction(async (tx) => {
        const record = await t.services.workflow.create(
          ctx,
          {
            type: MEDIATION_DISPUTE,
            competentUnitId: unitId,
            title: input.title ?? `${input.parties.map((p) => p.name).join('与')}纠纷`,
          },
          tx,
        );
        await tx.insert(mediationDispute).values({
          caseId: record.id,
          source: 'walkIn',
          kind: input.kind ?? 'neighbour',
          facts: input.facts ?? '双方因宅基地边界的围墙发生争执。',
          fingerprint: `test:${record.id}`,
          createdAt: now(),
          updatedAt: now(),
        });
        let n = 0;
        for (const party of input.parties) {
          const { person } = await t.services.persons.findOrCreatePerson(
            ctx,
            {
              name: party.name,
              ...(party.idNumber ? { idType: 'residentIdCard' as const, idNumber: party.idNumber } : {}),
              ...(party.address ? { address: party.address } : {}),
            },
            tx,
          );
          await t.services.persons.addParty(
            ctx,
            record.id,
            { role: party.role ?? (n++ === 0 ? 'applicant' : 'respondent'), personId: person.id },
            tx,
          );
        }
        return record.id;
      });
    },
  };
}
