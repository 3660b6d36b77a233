import {
  idNumberCheckChar,
  type SentenceKind,
  type SupervisionLevel,
  type TerminationReason,
} from '@zhucheng/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { staffUser } from '../../platform/access/access.schema.ts';
import type { RequestContext } from '../../platform/access/principal.ts';
import { addDays } from '../../platform/calendar/iso-date.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { DemoContext } from '../../platform/demo/demo-context.ts';
import { DemoStepError } from '../../platform/demo/demo-context.ts';
import type { DemoStep, GuardedTable } from '../../platform/demo/demo-registry.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import type { CorrectionsServices } from './index.ts';

// 社区矫正 demo data (issue 7; SEED-FIGURES.md, community corrections): a Beihai-sized register made through
// the module's services with the clock at each record's day — 300 supervisees over the offices of Beihai's
// four counties (mixed sentence kinds and levels, some minors, a quarter maritime with vessels and aboard
// windows), registered from the court's notice, reported in and classified; terms that have ended are
// released with the certificate and the three notices, a few terminated; pre-sentence investigations;
// vocational training with exactly 14 seafarer certificates issued in 2023 H1 (and some outside it),
// other certificates and employment guidance (also in the fishing moratorium); a safety sweep before the
// 2026 Spring Festival. People are made up.

export const CORRECTIONS_DEMO_SIZE = 300;
/** SEED-FIGURES.md: `corrections.seafarerCertificates` for 2023-01-01 – 2023-06-30. */
export const correctionsDemoFigures = { seafarerCertificatesH1_2023: 14 } as const;

/** The demo accounts: an office's officer and the county bureau's (who also handles minors). */
export const correctionsDemoAccounts = [
  { username: 'jzofficer', displayName: '庞海燕', roleCode: 'correctionsOfficer', unit: 'office' },
  { username: 'jzcounty', displayName: '梁振涛', roleCode: 'correctionsMinorsOfficer', unit: 'county' },
] as const;

const surnames = '陈黄李梁林张王刘周吴庞莫韦苏何冯钟邓罗潘揭宁廖谢卢劳'.split('');
const given =
  '海明 志华 国强 少文 伟东 春燕 家豪 德胜 小龙 桂芳 永强 丽萍 海军 文杰 秀梅 俊杰 振华 明辉 金凤 建新 宏伟'.split(
    ' ',
  );
const offences: Record<SentenceKind, string[]> = {
  probation: [
    '危险驾驶罪',
    '盗窃罪',
    '故意伤害罪',
    '非法捕捞水产品罪',
    '帮助信息网络犯罪活动罪',
    '交通肇事罪',
  ],
  parole: ['盗窃罪', '抢劫罪', '贩卖毒品罪', '诈骗罪'],
  publicSurveillance: ['寻衅滋事罪', '非法占用农用地罪'],
  temporaryService: ['诈骗罪', '职务侵占罪', '故意伤害罪'],
};
const counties = [
  { key: '海城区', region: '450502', court: '北海市海城区人民法院', code: '0502' },
  { key: '银海区', region: '450503', court: '北海市银海区人民法院', code: '0503' },
  { key: '铁山港区', region: '450512', court: '北海市铁山港区人民法院', code: '0512' },
  { key: '合浦县', region: '450521', court: '合浦县人民法院', code: '0521' },
];

/** What one demo supervisee's term looks like (pure, from its index). */
export interface DemoTermPlan {
  index: number;
  kind: SentenceKind;
  level: SupervisionLevel;
  minor: boolean;
  maritime: boolean;
  effectiveOn: string;
  periodEnd: string;
  termination: { reason: TerminationReason; on: string } | null;
}

const kindOf = (i: number): SentenceKind => {
  const r = (i * 37) % 100;
  if (r < 68) return 'probation';
  if (r < 81) return 'parole';
  if (r < 87) return 'publicSurveillance';
  return 'temporaryService';
};
const levelOf = (i: number): SupervisionLevel => {
  const r = (i * 53) % 100;
  return r < 14 ? 'strict' : r < 70 ? 'ordinary' : 'lenient';
};

export function demoTermPlan(i: number): DemoTermPlan {
  const kind = kindOf(i);
  // Judgments from 2021-03 to 2026-09, every ~7 days; terms of one to four years (管制 and 暂予监外执行 shorter).
  const effectiveOn = addDays('2021-03-01', (i * 7) % 2010);
  const years = kind === 'publicSurveillance' || kind === 'temporaryService' ? 1 : 1 + (i % 4);
  const periodEnd = addDays(effectiveOn, years * 365 - 1 + (i % 3) * 30);
  const terminated = i % 41 === 7 && (kind === 'probation' || kind === 'parole');
  const died = i % 97 === 50;
  return {
    index: i,
    kind,
    level: levelOf(i),
    minor: i % 29 === 11,
    maritime: i % 4 === 1,
    effectiveOn,
    periodEnd,
    termination: terminated
      ? { reason: i % 2 === 0 ? 'revocation' : 'committal', on: addDays(effectiveOn, 190) }
      : died
        ? { reason: 'death', on: addDays(effectiveOn, 250) }
        : null,
  };
}

function personOf(i: number, plan: DemoTermPlan, region: string) {
  const birthYear = plan.minor ? Number(plan.effectiveOn.slice(0, 4)) - 16 : 1962 + ((i * 11) % 36);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const dayOfMonth = String(1 + ((i * 5) % 28)).padStart(2, '0');
  // The sequence's last digit says the sex: about one in seven a woman.
  const seq = `${String(200 + (i % 700))
    .padStart(3, '0')
    .slice(0, 2)}${i % 7 === 3 ? 2 : 1 + 2 * (i % 4)}`;
  const first17 = `${region}${birthYear}${month}${dayOfMonth}${seq}`;
  return {
    name: `${surnames[i % surnames.length]}${given[(i * 7 + Math.floor(i / 26)) % given.length]}`,
    idType: 'residentIdCard' as const,
    idNumber: first17 + idNumberCheckChar(first17),
  };
}

interface Office {
  id: number;
  name: string;
  countyIndex: number;
}

async function loadOffices(ctx: DemoContext): Promise<{ offices: Office[]; countyUnits: number[] }> {
  const db = ctx.services.database.db;
  const countyUnits: number[] = [];
  const offices: Office[] = [];
  for (const [k, c] of counties.entries()) {
    const [county] = await db
      .select({ id: orgUnit.id })
      .from(orgUnit)
      .where(
        and(
          eq(orgUnit.kind, 'countyBureau'),
          eq(orgUnit.name, `${c.key}司法局`),
          eq(orgUnit.status, 'active'),
        ),
      );
    if (!county) throw new DemoStepError(`机构树中没有${c.key}司法局`);
    countyUnits.push(county.id);
    const own = await db
      .select({ id: orgUnit.id, name: orgUnit.name })
      .from(orgUnit)
      .where(
        and(eq(orgUnit.parentId, county.id), eq(orgUnit.kind, 'justiceOffice'), eq(orgUnit.status, 'active')),
      )
      .orderBy(asc(orgUnit.sortOrder), asc(orgUnit.id));
    offices.push(...own.map((o) => ({ ...o, countyIndex: k })));
  }
  if (offices.length === 0) throw new DemoStepError('机构树中没有司法所');
  return { offices, countyUnits };
}

/** The officers: the two demo accounts and one hidden worker per other county (`jz02` …). */
async function officerAccounts(ctx: DemoContext, countyUnits: number[]): Promise<string[]> {
  const { users, auth } = ctx.services;
  const db = ctx.services.database.db;
  const admin = await ctx.asRole('sysAdmin');
  const secAdmin = await ctx.asRole('secAdmin');
  const [office] = await db
    .select({ unitId: staffUser.unitId })
    .from(staffUser)
    .where(eq(staffUser.username, 'officeclerk'));
  const [county] = await db
    .select({ unitId: staffUser.unitId })
    .from(staffUser)
    .where(eq(staffUser.username, 'countyclerk'));
  if (!office?.unitId || !county?.unitId) throw new DemoStepError('请先运行 platform.accounts');
  const wanted: { username: string; displayName: string; roleCode: string; unitId: number }[] = [
    { ...correctionsDemoAccounts[0], unitId: office.unitId },
    { ...correctionsDemoAccounts[1], unitId: county.unitId },
  ];
  const perCounty: string[] = [];
  for (const [k, unitId] of countyUnits.entries()) {
    if (unitId === county.unitId) {
      perCounty.push('jzcounty');
      continue;
    }
    const username = `jz0${k + 1}`;
    perCounty.push(username);
    wanted.push({
      username,
      displayName: `${counties[k]?.key ?? ''}社区矫正科`,
      roleCode: 'correctionsMinorsOfficer',
      unitId,
    });
  }
  for (const a of wanted) {
    const [existing] = await db
      .select({ id: staffUser.id })
      .from(staffUser)
      .where(eq(staffUser.username, a.username));
    if (existing) {
      if (!(await ctx.isTracked('staff_user', existing.id)))
        throw new DemoStepError(`用户名 ${a.username} 已被一个不是演示数据的账号使用`);
      continue;
    }
    const { user, initialPassword } = await users.create(admin, {
      username: a.username,
      displayName: a.displayName,
      unitId: a.unitId,
    });
    await ctx.track('staff_user', user.id);
    await users.assignRoles(secAdmin, user.id, [a.roleCode]);
    await auth.changePassword(await ctx.as(a.username), {
      currentPassword: initialPassword,
      newPassword: ctx.password,
    });
  }
  return perCounty;
}

interface DemoEvent {
  at: string;
  order: number;
  run: () => Promise<void>;
}

interface TermState {
  caseId: string;
  version: number;
  caseVersion: number;
}

async function createAll(ctx: DemoContext): Promise<void> {
  const m = ctx.services.modules.get('corrections') as CorrectionsServices | undefined;
  if (!m) throw new DemoStepError('平台未启用社区矫正模块');
  const db = ctx.services.database.db;
  const [earlier] = await db
    .select({ id: caseRecord.id })
    .from(caseRecord)
    .where(eq(caseRecord.caseType, 'corrections.supervisee'))
    .limit(1);
  if (earlier)
    throw new DemoStepError(
      '数据库中已有社区矫正对象（可能是上次中断的运行留下的），请用新的数据目录重新运行',
    );
  const today = ctx.services.clock.today();
  const { offices, countyUnits } = await loadOffices(ctx);
  const officers = await ctx.at('2021-01-04T08:30:00+08:00', () => officerAccounts(ctx, countyUnits));
  // Templates seeded once, not inside every release.
  await ctx.services.documents.listTemplates(await ctx.as('cityclerk'));
  const actors = new Map<string, RequestContext>();
  const actor = async (username: string) => {
    let found = actors.get(username);
    if (!found) {
      found = await ctx.as(username);
      actors.set(username, found);
    }
    return found;
  };
  const pick = <T>(list: readonly T[], n: number): T => {
    const item = list[n % list.length];
    if (item === undefined) throw new DemoStepError('演示数据缺少单位');
    return item;
  };

  const events: DemoEvent[] = [];
  const add = (day: string, time: string, run: () => Promise<void>) => {
    if (day > today) return;
    events.push({ at: `${day}T${time}:00+08:00`, order: events.length, run });
  };

  // ---- vessels: two per county, registered by its first offices ----
  const vessels = new Map<number, string[]>();
  for (const [k] of counties.entries()) {
    const own = offices.filter((o) => o.countyIndex === k);
    if (own.length === 0) continue;
    for (let v = 0; v < 2; v++) {
      const office = pick(own, v);
      add('2021-01-05', `09:${String(10 + v * 10 + k).padStart(2, '0')}`, async () => {
        const officer = await actor(pick(officers, k));
        const made = await db.transaction((tx) =>
          m.vessels.createVessel(tx, officer, {
            name: `桂北渔${String(k + 1)}${String(v + 1).padStart(3, '0')}${k * 7 + v}`,
            registrationNo: `4505${k}${v}2021${String(100 + k * 10 + v)}`,
            homePort: k === 3 ? '合浦党江港' : k === 2 ? '铁山港' : '北海港',
            gearType: v === 0 ? 'trawl' : 'gillnet',
            ownerName: `${pick(surnames, k * 3 + v)}${pick(given, k + v * 5)}`,
            lengthM: 18 + k + v * 4,
            tonnage: 45 + k * 10 + v * 12,
            terminalId: `BD-${k}${v}${String(3000 + k * 100 + v)}`,
            unitId: office.id,
          }),
        );
        await ctx.track('corrections_vessel', made.id);
        vessels.set(k, [...(vessels.get(k) ?? []), made.id]);
      });
    }
  }

  // ---- the register ----
  const terms = new Map<number, TermState>();
  const term = (i: number) => {
    const t = terms.get(i);
    if (!t) throw new DemoStepError(`演示数据第 ${i} 名社区矫正对象尚未登记`);
    return t;
  };
  const plans = Array.from({ length: CORRECTIONS_DEMO_SIZE }, (_, i) => demoTermPlan(i));
  for (const plan of plans) {
    const i = plan.index;
    const office = pick(offices, (i * 7) % offices.length);
    const county = counties[office.countyIndex] ?? counties[0];
    if (!county) continue;
    const officerName = pick(officers, office.countyIndex);
    const registeredOn = addDays(plan.effectiveOn, 1 + (i % 3));
    const reportedOn = addDays(plan.effectiveOn, 3 + (i % 5));
    if (registeredOn > today) continue;
    const minute = String((i * 7) % 60).padStart(2, '0');
    add(registeredOn, `09:${minute}`, async () => {
      const officer = await actor(officerName);
      const v = await db.transaction((tx) =>
        m.register.register(tx, officer, {
          person: personOf(i, plan, county.region),
          supervisingOfficeId: office.id,
          sentenceKind: plan.kind,
          offence: pick(offences[plan.kind], i),
          courtName: county.court,
          judgmentNo: `（${plan.effectiveOn.slice(0, 4)}）桂${county.code}刑初${100 + i}号`,
          judgmentEffectiveOn: plan.effectiveOn,
          noticeNo: `（${plan.effectiveOn.slice(0, 4)}）桂${county.code}刑初${100 + i}号执行通知书`,
          periodStart: plan.effectiveOn,
          periodEnd: plan.periodEnd,
          prohibitionOrders: i % 6 === 0 ? ['禁止进入夜总会、酒吧、迪厅等娱乐场所'] : [],
          flags: [...(plan.minor ? ['minor'] : []), ...(plan.maritime ? ['maritime'] : [])],
          phone: `1397790${String(i).padStart(4, '0')}`,
        }),
      );
      await ctx.track('case_record', v.caseId);
      await ctx.track('corrections_supervisee', v.caseId);
      terms.set(i, { caseId: v.caseId, version: v.version, caseVersion: v.caseVersion });
    });
    add(reportedOn, `10:${minute}`, async () => {
      const t = term(i);
      const v = await m.intake.reportIn(await actor(officerName), t.caseId, {
        version: t.caseVersion,
        reportedOn,
        note: '本人持执行通知书到司法所报到，已告知社区矫正期间应当遵守的规定。',
      });
      terms.set(i, { caseId: t.caseId, version: v.version, caseVersion: v.caseVersion });
    });
    add(reportedOn, `15:${minute}`, async () => {
      const t = term(i);
      const v = await m.intake.classify(await actor(officerName), t.caseId, {
        version: t.version,
        level: plan.level,
        factors: plan.level === 'strict' ? ['offenceType', 'circumstances'] : ['remorse', 'circumstances'],
        reasons:
          plan.level === 'strict'
            ? '入矫初期，犯罪情节较重，需重点监管。'
            : plan.level === 'lenient'
              ? '认罪悔罪态度好，家庭和社会支持稳定。'
              : '综合评估，按普通管理。',
        decidedOn: reportedOn,
      });
      terms.set(i, { caseId: t.caseId, version: v.version, caseVersion: v.caseVersion });
    });
    if (plan.maritime) {
      add(addDays(reportedOn, 2), `09:${minute}`, async () => {
        const list = vessels.get(office.countyIndex) ?? [];
        const vesselId = list[i % Math.max(list.length, 1)];
        if (!vesselId) return;
        const leaves = plan.termination?.on ?? plan.periodEnd;
        await m.vessels.addWindow(await actor(officerName), term(i).caseId, {
          vesselId,
          role: i % 12 === 1 ? 'captain' : 'crew',
          fromAt: `${addDays(reportedOn, 2)}T08:00:00+08:00`,
          toAt: leaves <= today ? `${leaves}T18:00:00+08:00` : null,
          tracked: false,
          note: '登记在船作业期间',
        });
      });
    }
    // ---- endings ----
    if (plan.termination && plan.termination.on < plan.periodEnd) {
      const { reason, on } = plan.termination;
      add(on, `16:${minute}`, async () => {
        const t = term(i);
        await m.release.terminate(await actor(officerName), t.caseId, {
          version: t.caseVersion,
          reason,
          endedOn: on,
          documentNo:
            reason === 'death'
              ? `死亡医学证明（推断）书 No.${4505000 + i}`
              : `（${on.slice(0, 4)}）桂${county.code}刑更${20 + i}号`,
          note: reason === 'death' ? '因病死亡' : '违反监督管理规定，情节严重',
          notices: [{ recipient: 'court', recipientName: county.court, sentOn: on, method: 'electronic' }],
        });
      });
    } else {
      add(addDays(plan.periodEnd, 1), `09:${minute}`, async () => {
        const t = term(i);
        await m.release.release(await actor(officerName), t.caseId, {
          version: t.caseVersion,
          releasedOn: addDays(plan.periodEnd, 1),
          summary: '矫正期间遵纪守法，服从监督管理，按时报告，参加教育学习和公益活动。',
          notices: [
            {
              recipient: 'court',
              recipientName: county.court,
              sentOn: addDays(plan.periodEnd, 1),
              method: 'electronic',
            },
            {
              recipient: 'procuratorate',
              recipientName: county.court.replace('法院', '检察院'),
              sentOn: addDays(plan.periodEnd, 1),
              method: 'electronic',
            },
            {
              recipient: 'police',
              recipientName: `北海市公安局${county.key}分局`.replace(
                '北海市公安局合浦县分局',
                '合浦县公安局',
              ),
              sentOn: addDays(plan.periodEnd, 1),
              method: 'post',
            },
          ],
        });
      });
    }
  }

  // ---- training, certificates (14 seafarer certificates in 2023 H1) and guidance ----
  const runningOn = (p: DemoTermPlan, from: string, to: string) =>
    addDays(p.effectiveOn, 10) <= from && to < (p.termination?.on ?? p.periodEnd);
  const seafarers = plans.filter((p) => p.maritime && runningOn(p, '2022-12-01', '2023-07-31'));
  const laterSeafarers = plans.filter(
    (p) => p.maritime && runningOn(p, '2023-09-01', '2024-04-30') && !seafarers.slice(0, 14).includes(p),
  );
  if (seafarers.length < correctionsDemoFigures.seafarerCertificatesH1_2023)
    throw new DemoStepError('演示数据中 2023 年上半年在矫的涉海涉渔对象不足 14 名');
  const certificate = (p: DemoTermPlan, k: number, start: string, issuedOn: string) => {
    const office = pick(offices, (p.index * 7) % offices.length);
    const officerName = pick(officers, office.countyIndex);
    let trainingId: string | null = null;
    add(addDays(start, 14), '17:00', async () => {
      const v = await m.training.addTraining(await actor(officerName), term(p.index).caseId, {
        course: '海船船员基本安全培训（“四小证”）',
        provider: '北海市海员职业培训中心',
        hours: 64,
        fromOn: start,
        toOn: addDays(start, 14),
        note: '司法所联系培训机构免费培训，结业考核合格',
      });
      trainingId = v.trainings[0]?.id ?? null;
    });
    add(issuedOn, '17:30', async () => {
      await m.training.addCertificate(await actor(officerName), term(p.index).caseId, {
        kind: 'seafarer',
        name: '海船船员适任证书',
        number: `HY4505${issuedOn.slice(0, 4)}${String(1000 + k)}`,
        issuedOn,
        issuer: '中华人民共和国北海海事局',
        trainingId,
      });
    });
  };
  for (let k = 0; k < correctionsDemoFigures.seafarerCertificatesH1_2023; k++) {
    const p = seafarers[k];
    if (!p) continue;
    // Issued from January to June 2023, after a fortnight's course.
    const issuedOn = addDays('2023-01-09', k * 12);
    certificate(p, k, addDays(issuedOn, -30), issuedOn);
  }
  for (const [k, p] of laterSeafarers.slice(0, 6).entries()) {
    const issuedOn = addDays('2023-09-11', k * 35);
    certificate(p, 100 + k, addDays(issuedOn, -30), issuedOn);
  }
  const courses = [
    {
      course: '中式烹调师（初级）',
      provider: '北海市职业技术学校',
      hours: 80,
      cert: 'vocationalSkill' as const,
    },
    {
      course: '电工作业（低压电工）',
      provider: '北海市安全生产培训中心',
      hours: 56,
      cert: 'specialOperation' as const,
    },
    { course: '网络直播电商实务', provider: '北海市就业服务中心', hours: 24, cert: null },
    { course: '海产品加工技术', provider: '北海市海洋职业学院', hours: 40, cert: 'vocationalSkill' as const },
  ];
  for (const [k, p] of plans.filter((p) => !p.maritime && !p.minor).entries()) {
    if (k % 6 !== 2) continue;
    const from = addDays(p.effectiveOn, 60);
    if (!runningOn(p, from, addDays(from, 40))) continue;
    const office = pick(offices, (p.index * 7) % offices.length);
    const officerName = pick(officers, office.countyIndex);
    const c = pick(courses, k);
    add(addDays(from, 20), '16:30', async () => {
      await m.training.addTraining(await actor(officerName), term(p.index).caseId, {
        course: c.course,
        provider: c.provider,
        hours: c.hours,
        fromOn: from,
        toOn: addDays(from, 20),
      });
    });
    const kind = c.cert;
    if (kind) {
      add(addDays(from, 40), '16:40', async () => {
        await m.training.addCertificate(await actor(officerName), term(p.index).caseId, {
          kind,
          name: c.course,
          number: `ZJ${addDays(from, 40).replaceAll('-', '')}${String(p.index).padStart(4, '0')}`,
          issuedOn: addDays(from, 40),
          issuer: kind === 'specialOperation' ? '北海市应急管理局' : '北海市人力资源和社会保障局',
        });
      });
    }
  }
  // Employment guidance: for maritime supervisees in each moratorium (5 月 1 日至 8 月 16 日), and others.
  for (const [k, p] of plans.entries()) {
    if (k % 5 !== 0) continue;
    const office = pick(offices, (p.index * 7) % offices.length);
    const officerName = pick(officers, office.countyIndex);
    const year = Number(p.effectiveOn.slice(0, 4)) + 1;
    const givenOn = p.maritime
      ? `${year}-05-${String(8 + (k % 20)).padStart(2, '0')}`
      : addDays(p.effectiveOn, 45);
    if (!runningOn(p, givenOn, givenOn)) continue;
    add(givenOn, '11:00', async () => {
      await m.training.addGuidance(await actor(officerName), term(p.index).caseId, {
        kind: p.maritime
          ? 'jobReferral'
          : pick(['skillAdvice', 'policy', 'jobReferral', 'startup'] as const, k),
        givenOn,
        note: p.maritime
          ? '休渔期间推荐到海产品加工厂临时务工，协助办理灵活就业登记。'
          : '介绍本地招聘会和就业补贴政策，帮助制定求职计划。',
        duringMoratorium: p.maritime,
      });
    });
  }

  // ---- pre-sentence investigations (调查评估) ----
  for (let k = 0; k < 40; k++) {
    const office = pick(offices, (k * 5) % offices.length);
    const county = counties[office.countyIndex] ?? counties[0];
    if (!county) continue;
    const officerName = pick(officers, office.countyIndex);
    const receivedOn = addDays('2022-02-07', k * 41);
    let caseId = '';
    let version = 0;
    add(receivedOn, '10:20', async () => {
      const v = await db.transaction(async (tx) =>
        m.investigations.request(tx, await actor(officerName), {
          unitId: office.id,
          requesterKind: k % 3 === 0 ? 'procuratorate' : 'court',
          requesterName: k % 3 === 0 ? county.court.replace('法院', '检察院') : county.court,
          letterNo: `（${receivedOn.slice(0, 4)}）桂${county.code}刑调${10 + k}号`,
          receivedOn,
          fastTrack: k % 4 === 0,
          person: personOf(1000 + k, demoTermPlan(k), county.region),
          offence: pick(offences.probation, k),
          proposedSentenceKind: 'probation',
        }),
      );
      caseId = v.caseId;
      version = v.version;
      await ctx.track('case_record', caseId);
      await ctx.track('corrections_investigation', caseId);
    });
    if (k % 8 === 7) continue; // a few still being assessed
    add(addDays(receivedOn, 5), '15:10', async () => {
      await m.investigations.assess(await actor(officerName), caseId, {
        version,
        findings:
          '经走访被告人家庭、村（居）委会及被害人，被告人居所固定，家庭成员愿意协助监管，社区群众无异议。',
        opinion: k % 9 === 4 ? 'notSuitable' : 'suitable',
        assessedOn: addDays(receivedOn, 5),
      });
    });
  }

  // ---- 安全排查: 2026 年春节前, 海城区司法局 over its offices; three in four checked by the end ----
  let campaignId = '';
  const haicheng = offices.filter((o) => o.countyIndex === 0).map((o) => o.id);
  add('2026-02-02', '08:40', async () => {
    const c = await m.sweeps.createCampaign(await actor('jzcounty'), {
      name: '2026年春节前安全大排查',
      startsOn: '2026-02-02',
      endsOn: '2026-02-13',
      officeIds: haicheng,
      note: '逐人核实联系方式、走访家庭、评估风险，重点关注涉海涉渔和严管对象。',
    });
    campaignId = c.id;
    await ctx.track('corrections_sweep_campaign', c.id);
  });
  add('2026-02-10', '17:00', async () => {
    const officer = await actor('jzcounty');
    const { items } = await m.sweeps.items(officer, campaignId, {});
    for (const [k, item] of items.entries()) {
      if (k % 4 === 3) continue;
      await m.sweeps.updateItem(officer, campaignId, item.id, {
        version: item.version,
        contactVerified: true,
        homeVisited: true,
        riskAssessed: true,
        risk: k % 11 === 5 ? 'low' : 'none',
        note: k % 11 === 5 ? '家庭矛盾较多，已纳入重点关注' : '走访家中，本人及家属情况稳定',
        complete: true,
      });
    }
  });

  events.sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));
  for (const e of events) await ctx.at(e.at, e.run);
}

export const correctionsDemo: DemoStep = {
  id: 'corrections.register',
  dependsOn: ['platform.accounts'],
  run: createAll,
};

export const correctionsGuardedTables: GuardedTable[] = [
  { table: 'corrections_supervisee', idColumn: 'case_id' },
  { table: 'corrections_investigation', idColumn: 'case_id' },
];
