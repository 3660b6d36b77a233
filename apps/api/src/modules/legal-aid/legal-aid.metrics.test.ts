import { idNumberCheckChar, type LegalAidApplicationInput, type PersonTag } from '@zhucheng/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../platform/access/principal.ts';
import { settableClock } from '../../platform/clock/clock.ts';
import { platformAccountsDemo } from '../../platform/demo/accounts.demo.ts';
import type { DemoContext } from '../../platform/demo/demo-context.ts';
import { DemoRegistry } from '../../platform/demo/demo-registry.ts';
import { runDemo } from '../../platform/demo/demo-run.ts';
import { signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { moduleServices } from '../business-module.ts';
import { legalAidModule } from './index.ts';

// The legal-aid case metrics over real rows: applications entered at the counter, granted or refused
// through the workflow, assigned by rotation, accepted and closed by the lawyer — each on its own day —
// then read by the city's leader for March to June 2023.

function idNumber(birth: string, seq: string): string {
  const first17 = `450502${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

interface Made {
  migrant: string;
  rider: string;
  elderly: string;
  minor: string;
  refused: string;
  january: string;
}

describe('legal-aid case metrics', () => {
  let t: TestApp;
  const clock = settableClock('Asia/Shanghai');
  const password = 'Demo#2026Beihai';
  const made = {} as Made;

  async function scenario(ctx: DemoContext): Promise<void> {
    const la = moduleServices(ctx.services, legalAidModule);
    const { users, auth, workflow } = ctx.services;
    const db = ctx.services.database.db;
    const clerk = await ctx.as('aidclerk');
    const unitId = clerk.principal?.unitId ?? 0;
    const at = <T>(day: string, fn: () => Promise<T>) => ctx.at(`${day}T10:00:00+08:00`, fn);
    const version = async (caseId: string) =>
      Number(
        (await ctx.services.database.executeSql('select version from case_record where id = $1', [caseId]))
          .rows[0]?.version,
      );

    // One lawyer of the centre with an account (role 律师).
    let lawyer!: RequestContext;
    await at('2022-12-01', async () => {
      const admin = await ctx.asRole('sysAdmin');
      const { user, initialPassword } = await users.create(admin, {
        username: 'lawyerm',
        displayName: '黄海明',
        unitId,
      });
      await users.assignRoles(await ctx.asRole('secAdmin'), user.id, ['lawyer']);
      await auth.changePassword(await ctx.as('lawyerm'), {
        currentPassword: initialPassword,
        newPassword: password,
      });
      await la.registry.createLawyer(clerk, {
        unitId,
        name: '黄海明',
        staffUserId: user.id,
        lawFirm: '广西海合律师事务所',
        licenceNumber: '14505201010000001',
        practiceStartDate: '2010-03-01',
        specialties: ['wageArrears'],
        registeredOn: '2022-12-01',
      });
      lawyer = await ctx.as('lawyerm');
    });

    const city = Number(
      (await ctx.services.database.executeSql("select id from org_unit where kind = 'cityBureau'")).rows[0]
        ?.id,
    );
    const apply = (
      day: string,
      who: { name: string; id: string; tags: PersonTag[] },
      matter: Pick<LegalAidApplicationInput['matter'], 'matterType' | 'disputeKind'>,
      hardship: LegalAidApplicationInput['hardship'],
    ) =>
      at(day, async () => {
        const result = await db.transaction((tx) =>
          la.applications.createAtCounter(tx, clerk, {
            applicant: { name: who.name, idType: 'residentIdCard', idNumber: who.id, tags: who.tags },
            matter: { ...matter, placeUnitId: city, facts: '案情', request: '申请法律援助' },
            hardship,
            fileIds: [],
          }),
        );
        return result.caseId;
      });
    const grant = (day: string, caseId: string) =>
      at(day, async () =>
        workflow.transition(clerk, {
          caseId,
          transition: 'grant',
          version: await version(caseId),
          input: {},
        }),
      );
    const assign = (day: string, caseId: string) =>
      at(day, async () => {
        const first = (await la.assignment.suggest(clerk, caseId)).find((c) => c.eligible);
        await la.assignment.assign(clerk, caseId, {
          lawyerId: first?.lawyerId ?? '',
          method: 'rotation',
          version: await version(caseId),
        });
      });
    const accept = (day: string, caseId: string) =>
      at(day, async () => la.lawyerCases.accept(lawyer, caseId, { version: await version(caseId) }));
    const close = (day: string, caseId: string, amountRecoveredYuan: number | null) =>
      at(day, async () =>
        la.lawyerCases.close(lawyer, caseId, {
          outcome: 'mediated',
          summary: '调解结案',
          amountRecoveredYuan,
          closedOn: day,
          fileIds: [],
          version: await version(caseId),
        }),
      );
    const migrantHardship = { exemption: 'art42MigrantWorker' } as const;

    // January: a migrant worker's case, granted and closed before the period.
    made.january = await apply(
      '2023-01-10',
      { name: '陈志强', id: idNumber('19800101', '011'), tags: ['migrantWorker'] },
      { matterType: 'civil', disputeKind: 'wageArrears' },
      migrantHardship,
    );
    await grant('2023-01-11', made.january);
    await assign('2023-01-12', made.january);
    await accept('2023-01-13', made.january);
    await close('2023-02-20', made.january, 1_000);

    // March: a migrant worker (closed in April), a gig worker (closed in April), an elderly woman (closed in
    // July), a minor's defence (assigned, not accepted), and a refusal.
    made.migrant = await apply(
      '2023-03-01',
      { name: '李建华', id: idNumber('19750505', '031'), tags: ['migrantWorker'] },
      { matterType: 'civil', disputeKind: 'wageArrears' },
      migrantHardship,
    );
    made.rider = await apply(
      '2023-03-01',
      { name: '周家杰', id: idNumber('19950707', '051'), tags: ['gigWorker'] },
      { matterType: 'civil', disputeKind: 'workInjury' },
      { exemption: 'beihaiGigWorker' },
    );
    made.elderly = await apply(
      '2023-03-02',
      { name: '莫桂兰', id: idNumber('19480808', '062'), tags: [] },
      { matterType: 'civil', disputeKind: 'maintenance' },
      { exemption: 'art42VulnerableNoIncome' },
    );
    made.minor = await apply(
      '2023-03-02',
      { name: '韦小军', id: idNumber('20070909', '071'), tags: [] },
      { matterType: 'criminal', disputeKind: 'criminalDefence' },
      { exemption: 'art25Minor' },
    );
    made.refused = await apply(
      '2023-03-03',
      { name: '冯振涛', id: idNumber('19850303', '091'), tags: [] },
      { matterType: 'civil', disputeKind: 'trafficAccident' },
      { proof: 'pledge', pledgeSigned: true, householdSize: 2, householdMonthlyIncome: 1_000 },
    );
    for (const caseId of [made.migrant, made.rider, made.elderly, made.minor]) {
      await grant('2023-03-06', caseId);
      await assign('2023-03-07', caseId);
    }
    for (const caseId of [made.migrant, made.rider, made.elderly]) await accept('2023-03-08', caseId);
    await at('2023-03-06', async () =>
      workflow.transition(clerk, {
        caseId: made.refused,
        transition: 'refuse',
        version: await version(made.refused),
        input: { reasonCode: 'notInHardship', reasons: '家庭经济状况不符合经济困难标准' },
      }),
    );
    await close('2023-04-10', made.migrant, 12_345.67);
    await close('2023-04-12', made.rider, 5_000);
    await close('2023-07-05', made.elderly, null);
  }

  beforeAll(async () => {
    t = await createTestApp({ clock, modules: [legalAidModule] });
    const registry = new DemoRegistry([
      platformAccountsDemo,
      { id: 'test.legalAidMetrics', dependsOn: ['platform.accounts'], run: scenario },
    ]);
    await runDemo(t.services, registry, { clock, password });
  }, 240_000);
  afterAll(() => t?.close());

  const read = async (name: string, extra = '') => {
    const leader = await signIn(t.app, 'leader', password);
    const res = await leader.request('GET', `/api/metrics/${name}?from=2023-03-01&to=2023-06-30${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('received, granted, refused, assigned and closed count each case once, by its day', async () => {
    expect((await read('legalAid.received')).value).toBe(5);
    expect((await read('legalAid.casesAccepted')).value).toBe(4);
    expect((await read('legalAid.refused')).value).toBe(1);
    expect((await read('legalAid.assigned')).value).toBe(4);
    // Closing day decides: February and July closings are outside the period.
    const closed = await read('legalAid.closed', '&records=1');
    expect(closed.value).toBe(2);
    expect(closed.records).toEqual([made.migrant, made.rider]);
  });

  it('breakdowns by matter type and applicant group', async () => {
    expect((await read('legalAid.casesAcceptedByMatterType')).value).toEqual({
      civil: 3,
      criminal: 1,
      administrative: 0,
      nonLitigation: 0,
    });
    const groups = await read('legalAid.casesAcceptedByApplicantGroup', '&records=1');
    // Minor and elderly from the birth date; women from the ID number's gender digit.
    expect(groups.value).toEqual({
      migrantWorker: 1,
      gigWorker: 1,
      minor: 1,
      elderly: 1,
      women: 1,
      disabled: 0,
      military: 0,
      veteran: 0,
    });
    expect(groups.records.women).toEqual([made.elderly]);
    expect((await read('legalAid.closedByApplicantGroup')).value).toMatchObject({
      migrantWorker: 1,
      gigWorker: 1,
    });
  });

  it('amount recovered for migrant workers: closings in the period of applicants tagged 农民工 only', async () => {
    const res = await read('legalAid.amountRecoveredForMigrantWorkers', '&records=1');
    // The gig worker's 5,000 and January's 1,000 are not in it.
    expect(res.value).toBe(12_345.67);
    expect(res.records).toEqual([made.migrant]);
  });

  it('subsidies paid: the ratings claimed by payment batches made in the period', async () => {
    // The quality service (rating, batches) is another slice; its rows are written here as it writes them.
    const q = (text: string, values: unknown[]) => t.database.executeSql(text, values);
    const unit = (await q("select unit_id from legal_aid_lawyer where name = '黄海明'", [])).rows[0]?.unit_id;
    const batch = async (createdAt: string) =>
      (
        await q(
          `insert into legal_aid_payment_batch (unit_id, period_from, period_to, item_count, total_yuan, created_at)
           values ($1, '2023-01-01', '2023-06-30', 1, 0, $2) returning id`,
          [unit, createdAt],
        )
      ).rows[0]?.id;
    const may = await batch('2023-05-02T10:00:00+08:00');
    const july = await batch('2023-07-03T10:00:00+08:00');
    const rate = (caseId: string, subsidy: number, batchId: unknown) =>
      q(
        `insert into legal_aid_rating (case_id, rating, review_methods, funding_source, matter_type, base_yuan,
           coefficient, subsidy_yuan, batch_id, rated_at)
         values ($1, 'good', '{fileCheck}', 'centralLottery', 'civil', 2800, 1, $2, $3, now())`,
        [caseId, subsidy, batchId],
      );
    await rate(made.migrant, 2_800, may);
    await rate(made.rider, 2_520, may);
    await rate(made.january, 2_800, july);
    const res = await read('legalAid.subsidiesPaid', '&records=1');
    expect(res.value).toBe(5_320);
    expect([...res.records].sort()).toEqual([made.migrant, made.rider].sort());
  });
});
