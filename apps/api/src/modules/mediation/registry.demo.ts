import {
  type CommitteeIndustry,
  type CommitteeKind,
  type DisputeKind,
  disputeKindLabels,
  type MediatorEmployment,
} from '@zhucheng/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { staffUser } from '../../platform/access/access.schema.ts';
import type { RequestContext } from '../../platform/access/principal.ts';
import type { DemoContext } from '../../platform/demo/demo-context.ts';
import { DemoStepError } from '../../platform/demo/demo-context.ts';
import type { DemoStep, GuardedTable } from '../../platform/demo/demo-registry.ts';
import { divisionData } from '../../platform/org/divisions.ts';
import { type OrgUnitRow, orgUnit } from '../../platform/org/org.schema.ts';
import { mediatorsOfCommittee } from './registry.repo.ts';
import { MediationRegistryService } from './registry.service.ts';

// 人民调解组织 demo data: Beihai's committees (a township or street committee under each of the 30 justice
// offices, fourteen village and community committees, the city's four industry committees and a 涉企纠纷
// committee per county), their mediators with 2023 training (some untrained, so "needs training" shows),
// the 20 studios planned for the second half of 2023 (none created yet: the seed report's "20 to create"),
// and two accounts on 北海市海城区中街街道人民调解委员会: `mediator` and `committee`. Made through the
// registry service with the clock in January and June 2023; mediators' names and phones are made up.
// Safe to re-run after an interruption: what exists (by name) is not made again.

export const demoMediatorUsername = 'mediator';
export const demoCommitteeUsername = 'committee';
/** The committee the demo accounts work on. */
export const demoCommitteeName = '北海市海城区中街街道人民调解委员会';

/** WGS-84 of each town's seat, rounded (for "nearest first"). */
const townCoordinates: Record<string, [number, number]> = {
  中街街道: [21.4821, 109.1183],
  东街街道: [21.4786, 109.1262],
  西街街道: [21.4872, 109.1074],
  海角街道: [21.4703, 109.0851],
  地角街道: [21.4662, 109.0648],
  高德街道: [21.4524, 109.1603],
  驿马街道: [21.4401, 109.1205],
  涠洲镇: [21.0402, 109.1153],
  福成镇: [21.5478, 109.3381],
  银滩镇: [21.4153, 109.1448],
  平阳镇: [21.4705, 109.2604],
  侨港镇: [21.4252, 109.1106],
  南康镇: [21.6307, 109.4402],
  营盘镇: [21.4803, 109.5206],
  兴港镇: [21.5601, 109.5503],
  廉州镇: [21.6604, 109.2011],
  党江镇: [21.6202, 109.1405],
  西场镇: [21.7208, 109.0202],
  沙岗镇: [21.6005, 109.1003],
  乌家镇: [21.7307, 109.0801],
  闸口镇: [21.6903, 109.4205],
  公馆镇: [21.8402, 109.4307],
  白沙镇: [21.7406, 109.5602],
  山口镇: [21.5808, 109.7203],
  沙田镇: [21.5006, 109.6402],
  石湾镇: [21.8003, 109.2804],
  石康镇: [21.7605, 109.2006],
  常乐镇: [21.8304, 109.3608],
  星岛湖镇: [21.7802, 109.3205],
  曲樟乡: [21.8607, 109.5604],
};

/** Village and community committees: [county, town, village or community]. */
const villageCommittees: readonly [string, string, string][] = [
  ['海城区', '地角街道', '外沙社区'],
  ['海城区', '高德街道', '高德社区'],
  ['海城区', '驿马街道', '驿马社区'],
  ['海城区', '涠洲镇', '南湾村'],
  ['银海区', '侨港镇', '侨南社区'],
  ['银海区', '银滩镇', '白虎头村'],
  ['银海区', '福成镇', '竹林村'],
  ['铁山港区', '南康镇', '南康社区'],
  ['铁山港区', '营盘镇', '白龙村'],
  ['铁山港区', '兴港镇', '石头埠村'],
  ['合浦县', '廉州镇', '还珠社区'],
  ['合浦县', '党江镇', '木案村'],
  ['合浦县', '山口镇', '永安村'],
  ['合浦县', '沙田镇', '沙田社区'],
];

/** The city's industry and professional committees (under 北海市司法局). */
const cityIndustryCommittees: readonly [string, CommitteeIndustry][] = [
  ['北海市旅游纠纷人民调解委员会', 'tourism'],
  ['北海市劳动争议人民调解委员会', 'labour'],
  ['北海市医疗纠纷人民调解委员会', 'medical'],
  ['北海市道路交通事故纠纷人民调解委员会', 'traffic'],
];

const countySeats: Record<string, [number, number]> = {
  海城区: [21.4812, 109.1201],
  银海区: [21.4494, 109.1397],
  铁山港区: [21.5926, 109.4214],
  合浦县: [21.6622, 109.2072],
};

const specialtiesOf = (kind: CommitteeKind, industry: CommitteeIndustry | null): DisputeKind[][] => {
  if (industry === 'tourism') return [['tourism', 'consumer'], ['tourism'], ['consumer', 'contract']];
  if (industry === 'labour') return [['labour'], ['labour', 'damages'], ['labour', 'contract']];
  if (industry === 'medical') return [['medical'], ['medical', 'damages'], ['medical']];
  if (industry === 'traffic') return [['traffic', 'damages'], ['traffic'], ['damages']];
  if (industry === 'enterprise') return [['contract', 'production'], ['production', 'labour'], ['contract']];
  if (kind === 'village')
    return [
      ['land', 'forest', 'water'],
      ['neighbour', 'marriageFamily'],
      ['land', 'neighbour'],
    ];
  if (kind === 'community') return [['neighbour', 'property'], ['marriageFamily'], ['property', 'consumer']];
  return [
    ['neighbour', 'marriageFamily'],
    ['land', 'water'],
    ['contract', 'damages'],
    ['labour', 'other'],
  ];
};

const surnames = '陈黄李梁林张王刘周吴庞莫韦苏何冯钟邓罗潘'.split('');
const givenNames =
  '海明 丽华 志强 秀英 文静 建国 小燕 德荣 美玲 国栋 春梅 振华 桂兰 振涛 永芳 永勇 婷婷 少军 敏华 家杰'.split(
    ' ',
  );

/** The i-th made-up name: unique for the first 400. */
function personName(i: number): string {
  return `${surnames[i % 20]}${givenNames[(i + 3 * Math.floor(i / 20)) % 20]}`;
}

const trainings = [
  { heldOn: '2023-03-16', topic: '人民调解员业务能力提升培训', hours: 8 },
  { heldOn: '2023-05-23', topic: '矛盾纠纷排查化解实务培训', hours: 6 },
  { heldOn: '2023-06-14', topic: '《民法典》婚姻家庭编与人民调解', hours: 4 },
] as const;

interface PlannedCommittee {
  parent: OrgUnitRow;
  name: string;
  kind: CommitteeKind;
  industry: CommitteeIndustry | null;
  townCode: string | null;
  servedAreas: string[];
  at: [number, number];
  county: string;
  organiser: string;
}

async function beihaiUnits(ctx: DemoContext) {
  const db = ctx.services.database.db;
  const { config } = ctx.services;
  const [city] = await db
    .select()
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, 'cityBureau'), eq(orgUnit.divisionCode, config.cityDivisionCode)));
  if (!city) throw new DemoStepError(`机构树中没有${config.cityName}司法局，请先正常启动一次平台`);
  const counties = await db
    .select()
    .from(orgUnit)
    .where(and(eq(orgUnit.parentId, city.id), eq(orgUnit.kind, 'countyBureau')))
    .orderBy(asc(orgUnit.divisionCode));
  const offices =
    counties.length === 0
      ? []
      : await db
          .select()
          .from(orgUnit)
          .where(
            and(
              inArray(
                orgUnit.parentId,
                counties.map((c) => c.id),
              ),
              eq(orgUnit.kind, 'justiceOffice'),
            ),
          )
          .orderBy(asc(orgUnit.divisionCode));
  return { city, counties, offices };
}

function plan(units: Awaited<ReturnType<typeof beihaiUnits>>): PlannedCommittee[] {
  const data = divisionData();
  const countyName = (code: string | null) => data.counties.find((c) => c.code === code)?.name ?? '';
  const townName = (code: string | null) => data.towns.find((t) => t.code === code)?.name ?? '';
  const countyOf = new Map(units.counties.map((c) => [c.id, c]));
  const planned: PlannedCommittee[] = [];
  const officeOfTown = new Map<string, OrgUnitRow>();
  for (const office of units.offices) {
    const county = countyOf.get(office.parentId ?? -1);
    const cName = countyName(county?.divisionCode ?? null);
    const tName = townName(office.divisionCode);
    officeOfTown.set(`${cName}${tName}`, office);
    planned.push({
      parent: office,
      name: `北海市${cName}${tName}人民调解委员会`,
      kind: 'township',
      industry: null,
      townCode: office.divisionCode,
      servedAreas: [],
      at: townCoordinates[tName] ?? countySeats[cName] ?? [21.48, 109.12],
      county: cName,
      organiser: `北海市${cName}司法局`,
    });
  }
  for (const [i, [cName, tName, village]] of villageCommittees.entries()) {
    const office = officeOfTown.get(`${cName}${tName}`);
    if (!office) continue;
    const [lat, lng] = townCoordinates[tName] ?? [21.48, 109.12];
    planned.push({
      parent: office,
      name: `北海市${cName}${tName}${village}人民调解委员会`,
      kind: village.endsWith('社区') ? 'community' : 'village',
      industry: null,
      townCode: office.divisionCode,
      servedAreas: [village],
      // A little off the town's seat, so the village is nearer its own committee.
      at: [lat + 0.008 * ((i % 3) - 1), lng + 0.01 * ((i % 2) * 2 - 1)],
      county: cName,
      organiser: `北海市${cName}司法局`,
    });
  }
  for (const [name, industry] of cityIndustryCommittees) {
    planned.push({
      parent: units.city,
      name,
      kind: 'industry',
      industry,
      townCode: null,
      servedAreas: [],
      at: [21.4735, 109.1196],
      county: '',
      organiser: '北海市司法局',
    });
  }
  for (const county of units.counties) {
    const cName = countyName(county.divisionCode);
    planned.push({
      parent: county,
      name: `${cName}涉企纠纷人民调解委员会`,
      kind: 'industry',
      industry: 'enterprise',
      townCode: null,
      servedAreas: [],
      at: countySeats[cName] ?? [21.48, 109.12],
      county: cName,
      organiser: `北海市${cName}司法局`,
    });
  }
  return planned;
}

/** How many of everything the demo makes on Beihai's tree. */
export const registryDemoFigures = {
  committees: 30 + villageCommittees.length + cityIndustryCommittees.length + 4,
  studiosPlanned: 20,
  studiosCreated: 0,
  studioTargetDate: '2023-12-31',
} as const;

async function existingCommittee(ctx: DemoContext, parentId: number, name: string) {
  const db = ctx.services.database.db;
  const [unit] = await db
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(and(eq(orgUnit.parentId, parentId), eq(orgUnit.name, name)));
  if (!unit) return undefined;
  if (!(await ctx.isTracked('mediation_committee', unit.id)))
    throw new DemoStepError(`${name} 已存在且不是演示数据创建的`);
  return unit.id;
}

async function demoAccount(
  ctx: DemoContext,
  account: { username: string; displayName: string; unitId: number; roleCode: string },
): Promise<string> {
  const { users, auth } = ctx.services;
  const db = ctx.services.database.db;
  const [existing] = await db
    .select({ id: staffUser.id })
    .from(staffUser)
    .where(eq(staffUser.username, account.username));
  if (existing) {
    if (!(await ctx.isTracked('staff_user', existing.id)))
      throw new DemoStepError(`用户名 ${account.username} 已被一个不是演示数据的账号使用`);
    return existing.id;
  }
  const admin = await ctx.asRole('sysAdmin');
  const secAdmin = await ctx.asRole('secAdmin');
  const { user, initialPassword } = await users.create(admin, {
    username: account.username,
    displayName: account.displayName,
    unitId: account.unitId,
  });
  await ctx.track('staff_user', user.id);
  await users.assignRoles(secAdmin, user.id, [account.roleCode]);
  await auth.changePassword(await ctx.as(account.username), {
    currentPassword: initialPassword,
    newPassword: ctx.password,
  });
  return user.id;
}

async function createAll(ctx: DemoContext): Promise<void> {
  const { services } = ctx;
  const db = services.database.db;
  const registry = new MediationRegistryService({
    db,
    clock: services.clock,
    cipher: services.cipher,
    audit: services.audit,
  });
  const clerk: RequestContext = await ctx.as('cityclerk');
  const units = await beihaiUnits(ctx);
  if (units.offices.length === 0) throw new DemoStepError('机构树中没有司法所');
  const committees = plan(units);

  // Committees and their mediators, registered in January 2023; training through the first half.
  let person = 0;
  let certificate = 0;
  const mediatorsMade: { id: string; name: string; unitId: number; specialties: DisputeKind[] }[] = [];
  for (const [k, c] of committees.entries()) {
    let unitId = await existingCommittee(ctx, c.parent.id, c.name);
    if (unitId === undefined) {
      const made = await ctx.at('2023-01-05T09:00:00+08:00', () =>
        registry.createCommittee(clerk, {
          parentId: c.parent.id,
          name: c.name,
          kind: c.kind,
          industry: c.industry,
          townCode: c.townCode,
          servedAreas: c.servedAreas,
          latitude: Number(c.at[0].toFixed(6)),
          longitude: Number(c.at[1].toFixed(6)),
          phone: `0779-${String(3010000 + k * 137).slice(0, 7)}`,
          establishedOn: c.kind === 'industry' ? '2016-06-01' : '2011-03-01',
        }),
      );
      unitId = made.id;
      await ctx.track('org_unit', unitId);
      await ctx.track('mediation_committee', unitId);
    }
    const size = c.kind === 'township' ? 3 + (k % 2) : c.kind === 'industry' ? 3 : 2;
    const existing = await mediatorsOfCommittee(db, unitId, { includeLeft: true });
    const specialties = specialtiesOf(c.kind, c.industry);
    for (let j = 0; j < size; j++) {
      const i = person++;
      const known = existing[j];
      if (known) {
        mediatorsMade.push({ id: known.id, name: known.name, unitId, specialties: known.specialties });
        continue;
      }
      const employment: MediatorEmployment = j === 0 && c.kind !== 'village' ? 'fullTime' : 'partTime';
      // A minute apart: the committee's mediators keep their order (主任 first) on every reading.
      const made = await ctx.at(new Date(Date.UTC(2023, 0, 6, 2, i)).toISOString(), () =>
        registry.createMediator(clerk, {
          unitId: unitId as number,
          name: personName(i),
          gender: i % 3 === 1 ? 'female' : 'male',
          phone: `139${String(77000000 + ((i * 7919) % 999999)).padStart(8, '0')}`,
          employment,
          specialties: specialties[j % specialties.length] ?? ['other'],
          position: j === 0 ? '主任' : j === 1 ? '副主任' : '委员',
          joinedOn: `${2012 + (i % 10)}-0${1 + (i % 9)}-01`,
        }),
      );
      await ctx.track('mediator', made.id);
      mediatorsMade.push({ id: made.id, name: made.name, unitId, specialties: made.specialties });
      // One in five has no training on record ("needs training"); the others one to three sessions.
      if (i % 5 === 4) continue;
      for (const t of trainings.slice(0, 1 + (i % 3))) {
        const training = await ctx.at(`${t.heldOn}T16:00:00+08:00`, () =>
          registry.addTraining(clerk, made.id, {
            heldOn: t.heldOn,
            topic: t.topic,
            organiser: c.organiser,
            hours: t.hours,
            certificateNo: t.hours >= 8 ? `北司调培〔2023〕${String(++certificate).padStart(4, '0')}` : null,
          }),
        );
        await ctx.track('mediator_training', training.id);
      }
    }
  }

  // The demo accounts on 中街街道's committee: a mediator (linked to its 副主任) and the committee's staff.
  const home = committees.find((c) => c.name === demoCommitteeName) ?? committees[0];
  if (!home) throw new DemoStepError('没有可放置演示账号的调委会');
  const homeId = await existingCommittee(ctx, home.parent.id, home.name);
  if (homeId === undefined) throw new DemoStepError(`${home.name} 未创建`);
  const homeMediators = await mediatorsOfCommittee(db, homeId);
  const linked = homeMediators[1] ?? homeMediators[0];
  if (!linked) throw new DemoStepError(`${home.name} 没有调解员`);
  const mediatorAccountId = await demoAccount(ctx, {
    username: demoMediatorUsername,
    displayName: linked.name,
    unitId: homeId,
    roleCode: 'mediator',
  });
  await demoAccount(ctx, {
    username: demoCommitteeUsername,
    displayName: homeMediators[0]?.name ?? '调委会',
    unitId: homeId,
    roleCode: 'mediationCommitteeStaff',
  });
  if (linked.staffUserId !== mediatorAccountId) {
    const view = await registry.getMediator(clerk, linked.id);
    await registry.updateMediator(clerk, linked.id, {
      unitId: view.unitId,
      name: view.name,
      gender: view.gender,
      employment: view.employment,
      specialties: view.specialties,
      position: view.position,
      joinedOn: view.joinedOn,
      staffUserId: mediatorAccountId,
      status: view.status,
      leftOn: view.leftOn,
      version: view.version,
    });
  }

  // 20 studios planned in June 2023 for the second half, each led by a township or industry mediator.
  const existingStudios = new Set((await registry.listStudios(clerk)).items.map((s) => s.name));
  const leads = mediatorsMade.filter((_, i) => i % 7 === 0).slice(0, registryDemoFigures.studiosPlanned);
  for (const lead of leads) {
    const name = `${lead.name}人民调解工作室`;
    if (existingStudios.has(name)) continue;
    const studio = await ctx.at('2023-06-20T09:00:00+08:00', () =>
      registry.createStudio(clerk, {
        name,
        unitId: lead.unitId,
        leadMediatorId: lead.id,
        specialty: lead.specialties.map((k) => disputeKindLabels[k]).join('、') || null,
        targetDate: registryDemoFigures.studioTargetDate,
        note: '2023年下半年创建计划',
      }),
    );
    await ctx.track('mediation_studio', studio.id);
  }
}

export const registryDemo: DemoStep = {
  id: 'mediation.registry',
  dependsOn: ['platform.accounts'],
  run: createAll,
};

export const registryGuardedTables: GuardedTable[] = [
  { table: 'mediation_committee', idColumn: 'unit_id' },
  { table: 'mediator', idColumn: 'id' },
  { table: 'mediator_training', idColumn: 'id' },
  { table: 'mediation_studio', idColumn: 'id' },
];
