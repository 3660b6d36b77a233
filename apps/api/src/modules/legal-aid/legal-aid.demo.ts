import {
  idNumberCheckChar,
  type LegalAidApplicationInput,
  type LegalAidCaseOutcome,
  type LegalAidDisputeKind,
  type LegalAidExemption,
  type LegalAidMatterType,
  type PersonTag,
} from '@zhucheng/contracts';
import { and, eq } from 'drizzle-orm';
import { staffUser } from '../../platform/access/access.schema.ts';
import type { RequestContext } from '../../platform/access/principal.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { DemoContext } from '../../platform/demo/demo-context.ts';
import { DemoStepError } from '../../platform/demo/demo-context.ts';
import type { DemoStep } from '../../platform/demo/demo-registry.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import type { LegalAidServices } from './index.ts';
import { registryDemo } from './registry.demo.ts';

// 法律援助案件 demo data for 2023-01-01 – 2023-06-30 (SEED-FIGURES.md): applications entered at the city
// centre's counter by `aidclerk`, each through LegalAidService and the workflow with the clock at its day —
// 357 granted (legalAid.casesAccepted), some refused, some withdrawn after an unanswered correction notice,
// and some received at the end of June and not yet decided (for the county centres, 全城通办).
// The people, companies and vessels are made up; the places and the kinds of matter are Beihai's.

export const legalAidCasesDemoFigures = {
  casesAccepted: 357,
  refused: 14,
  withdrawn: 6,
  undecided: 9,
  /** Yuan recovered on closed cases of applicants tagged 农民工 (once closings exist). */
  amountRecoveredForMigrantWorkers: 3_080_000,
} as const;

/** The demo account of a lawyer in the registry (README demo table). */
export const demoLawyerUsername = 'lawyer';

type MatterKind =
  | 'construction'
  | 'fishing'
  | 'industrialInjury'
  | 'rider'
  | 'maintenance'
  | 'defence'
  | 'domesticViolence'
  | 'traffic'
  | 'militaryFamily';

/** The share of each kind among the granted cases: a cycle of 20. */
const kindCycle: MatterKind[] = [
  'construction',
  'defence',
  'fishing',
  'construction',
  'industrialInjury',
  'rider',
  'construction',
  'maintenance',
  'defence',
  'construction',
  'domesticViolence',
  'fishing',
  'construction',
  'rider',
  'traffic',
  'industrialInjury',
  'defence',
  'construction',
  'maintenance',
  'militaryFamily',
];

const surnames = '陈黄李梁林张王刘周吴庞莫韦苏何冯钟邓罗潘揭宁廖谢卢劳'.split('');
const maleGiven = [
  '海生',
  '志强',
  '建华',
  '国栋',
  '德荣',
  '永勇',
  '少军',
  '家杰',
  '振涛',
  '文兴',
  '春来',
  '明亮',
];
const femaleGiven = [
  '秀英',
  '丽华',
  '美玲',
  '春梅',
  '小燕',
  '婷婷',
  '桂兰',
  '玉珍',
  '海燕',
  '凤娇',
  '月娥',
  '冬梅',
];

/** Home areas: Beihai's districts and county, and the inland cities many workers come from. */
const homeAreas = ['450502', '450503', '450512', '450521', '450902', '450802', '450981', '451002'];
const addresses: Record<string, string> = {
  '450502': '北海市海城区',
  '450503': '北海市银海区',
  '450512': '北海市铁山港区',
  '450521': '北海市合浦县',
  '450902': '玉林市玉州区',
  '450802': '贵港市港北区',
  '450981': '北流市',
  '451002': '百色市右江区',
};

const constructionSites = [
  ['海城区', '西南大道某安置小区项目工地', '北海市鸿达建筑劳务有限公司'],
  ['银海区', '银滩某酒店改造工程工地', '广西银湾建设工程有限公司'],
  ['铁山港区', '铁山港东港区码头配套工程工地', '广西铁港建设工程有限公司'],
  ['合浦县', '廉州镇某住宅小区项目工地', '合浦县永兴建筑工程有限公司'],
  ['海城区', '北部湾中路某商业综合体工地', '北海市兴城建筑劳务有限公司'],
] as const;
const fishingVessels = [
  ['桂北渔60231', '北海市侨港镇', '北海市南珠海洋渔业有限公司'],
  ['桂北渔80517', '北海市地角', '北海市海丰渔业有限公司'],
  ['桂合渔31086', '合浦县沙田镇', '合浦县沙田远洋捕捞专业合作社'],
] as const;
const parkEmployers = [
  '北海市港汇新材料有限公司',
  '广西铁山港临港钢铁制品有限公司',
  '北海市石化配套装备有限公司',
] as const;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The weekdays from `from` to `to`, inclusive. */
function weekdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) days.push(day);
  }
  return days;
}

/** The next weekday `n` working days after `day`. */
function workdaysAfter(day: string, n: number): string {
  let d = day;
  for (let k = 0; k < n; ) {
    d = addDays(d, 1);
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) k++;
  }
  return d;
}

interface Applicant {
  name: string;
  idNumber: string;
  female: boolean;
  phone: string;
  address: string;
  tags: PersonTag[];
}

function makeApplicant(
  i: number,
  options: { birthYear: number; female: boolean; area?: string; tags?: PersonTag[] },
) {
  const area = options.area ?? homeAreas[i % homeAreas.length] ?? '450502';
  // Birth day and sequence from the record's number: unique per record; the sequence's last digit is odd
  // for a man and even for a woman.
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  const seq = `${String(10 + Math.floor(i / 336)).padStart(2, '0')}${2 * (i % 5) + (options.female ? 0 : 1)}`;
  const first17 = `${area}${options.birthYear}${month}${day}${seq}`;
  const given = options.female ? femaleGiven : maleGiven;
  const applicant: Applicant = {
    name: `${surnames[(i * 3) % surnames.length]}${given[(i * 5) % given.length]}`,
    idNumber: first17 + idNumberCheckChar(first17),
    female: options.female,
    phone: `1397790${String(1000 + i).padStart(4, '0')}`,
    address: `${addresses[area] ?? '北海市海城区'}${['长青路', '贵州路', '四川路', '湖南路', '驿马路'][i % 5]}${1 + (i % 90)}号`,
    tags: options.tags ?? [],
  };
  return applicant;
}

interface Matter {
  kind: MatterKind;
  matterType: LegalAidMatterType;
  disputeKind: LegalAidDisputeKind;
  opposingParty: string | null;
  facts: string;
  request: string;
  amountClaimed: number | null;
  exemption: LegalAidExemption | null;
  applicant: Applicant;
}

/** The matter of record `i` of a kind: Beihai's places, employers and vessels. */
function matterOf(kind: MatterKind, i: number): Matter {
  const pick = <T>(list: readonly T[]): T => list[i % list.length] as T;
  const claimed = 8_000 + ((i * 7_919) % 40) * 1_000;
  switch (kind) {
    case 'construction': {
      const [district, site, company] = pick(constructionSites);
      return {
        kind,
        matterType: 'civil',
        disputeKind: 'wageArrears',
        opposingParty: company,
        facts: `申请人于 2022 年在${district}${site}从事钢筋、模板等工作，工程完工后${company}及其班组长拖欠工资 ${claimed} 元，多次追讨未果。`,
        request: '代理申请劳动仲裁或提起诉讼，追索拖欠的劳动报酬',
        amountClaimed: claimed,
        exemption: 'art42MigrantWorker',
        applicant: makeApplicant(i, {
          birthYear: 1968 + (i % 30),
          female: i % 7 === 0,
          tags: ['migrantWorker'],
        }),
      };
    }
    case 'fishing': {
      const [vessel, port, owner] = pick(fishingVessels);
      return {
        kind,
        matterType: 'civil',
        disputeKind: 'wageArrears',
        opposingParty: owner,
        facts: `申请人随“${vessel}”号渔船在北部湾海域作业，船籍港${port}，休渔期后船东结算时拖欠船员工资 ${claimed} 元。`,
        request: '代理追索渔船船员劳动报酬',
        amountClaimed: claimed,
        exemption: 'art42MigrantWorker',
        applicant: makeApplicant(i, { birthYear: 1970 + (i % 28), female: false, tags: ['migrantWorker'] }),
      };
    }
    case 'industrialInjury': {
      const employer = pick(parkEmployers);
      const amount = claimed * 4;
      return {
        kind,
        matterType: 'civil',
        disputeKind: 'workInjury',
        opposingParty: employer,
        facts: `申请人在铁山港（临海）工业区${employer}车间作业时被设备压伤手部，已认定工伤，单位未缴纳工伤保险且拒绝支付工伤待遇约 ${amount} 元。`,
        request: '代理工伤待遇劳动仲裁，要求用人单位支付一次性伤残补助金等工伤保险待遇',
        amountClaimed: amount,
        exemption: 'art42MigrantWorker',
        applicant: makeApplicant(i, { birthYear: 1972 + (i % 25), female: false, tags: ['migrantWorker'] }),
      };
    }
    case 'rider': {
      const injured = i % 2 === 0;
      return {
        kind,
        matterType: 'civil',
        disputeKind: injured ? 'workInjury' : 'wageArrears',
        opposingParty: '北海市速达配送服务有限公司',
        facts: injured
          ? '申请人为外卖配送骑手，在海城区北京路送餐途中与机动车相撞受伤，配送站点以“合作关系”为由拒绝承担责任。'
          : `申请人为外卖配送骑手，配送站点以违规为由扣发 2022 年 11 月至 12 月配送费共计 ${Math.round(claimed / 2)} 元。`,
        request: injured ? '代理确认劳动关系并主张工伤待遇' : '代理追索被扣发的配送报酬',
        amountClaimed: injured ? claimed * 2 : Math.round(claimed / 2),
        exemption: 'beihaiGigWorker',
        applicant: makeApplicant(i, { birthYear: 1990 + (i % 12), female: i % 5 === 0, tags: ['gigWorker'] }),
      };
    }
    case 'maintenance': {
      const elderly = i % 3 !== 0;
      return {
        kind,
        matterType: 'civil',
        disputeKind: 'maintenance',
        opposingParty: elderly ? '申请人之子女' : '申请人之父',
        facts: elderly
          ? '申请人年逾七旬，无固定收入，育有子女三人，子女均拒绝支付赡养费。'
          : '申请人父母离婚后由母亲抚养，父亲长期拒付抚养费，申请人就读于合浦县某中学。',
        request: elderly ? '代理起诉要求子女支付赡养费' : '代理起诉要求父亲支付抚养费',
        amountClaimed: null,
        exemption: 'art42VulnerableNoIncome',
        applicant: elderly
          ? makeApplicant(i, { birthYear: 1946 + (i % 10), female: i % 2 === 0, area: '450521' })
          : makeApplicant(i, { birthYear: 2008, female: i % 2 === 1, area: '450521' }),
      };
    }
    case 'defence': {
      const minor = i % 4 === 0;
      return {
        kind,
        matterType: 'criminal',
        disputeKind: 'criminalDefence',
        opposingParty: null,
        facts: minor
          ? '申请人涉嫌盗窃罪被海城区公安分局刑事拘留，案发时未满十八周岁，家庭无力委托律师。'
          : '申请人涉嫌帮助信息网络犯罪活动罪被取保候审，家庭经济困难，无力委托辩护人。',
        request: '指派律师担任辩护人',
        amountClaimed: null,
        exemption: minor ? 'art25Minor' : null,
        applicant: makeApplicant(i, { birthYear: minor ? 2006 : 1985 + (i % 15), female: i % 6 === 0 }),
      };
    }
    case 'domesticViolence':
      return {
        kind,
        matterType: 'civil',
        disputeKind: 'family',
        opposingParty: '申请人之配偶',
        facts: '申请人长期遭受配偶殴打，银海区人民法院已发出人身安全保护令，申请人要求离婚并分割共同财产。',
        request: '代理离婚诉讼',
        amountClaimed: null,
        exemption: 'art32AbuseVictim',
        applicant: makeApplicant(i, { birthYear: 1978 + (i % 15), female: true }),
      };
    case 'traffic':
      return {
        kind,
        matterType: 'civil',
        disputeKind: 'trafficAccident',
        opposingParty: '肇事车辆驾驶人及其保险公司',
        facts: '申请人为肢体残疾人，驾驶残疾人机动轮椅车在合浦县廉州镇被货车撞伤，对方保险公司拒绝理赔。',
        request: '代理交通事故损害赔偿诉讼',
        amountClaimed: claimed * 3,
        exemption: null,
        applicant: makeApplicant(i, { birthYear: 1965 + (i % 20), female: i % 2 === 0, tags: ['disabled'] }),
      };
    case 'militaryFamily':
      return {
        kind,
        matterType: 'civil',
        disputeKind: 'personalInjury',
        opposingParty: '相邻建房户',
        facts: '申请人之夫在驻北海部队服役，相邻建房户施工致申请人房屋开裂，协商赔偿未果。',
        request: '代理相邻关系损害赔偿诉讼',
        amountClaimed: claimed,
        exemption: null,
        applicant: makeApplicant(i, { birthYear: 1988 + (i % 8), female: true, tags: ['military'] }),
      };
  }
}

function applicationInput(matter: Matter, placeUnitId: number): LegalAidApplicationInput {
  const a = matter.applicant;
  return {
    applicant: {
      name: a.name,
      idType: 'residentIdCard',
      idNumber: a.idNumber,
      phone: a.phone,
      address: a.address,
      tags: a.tags,
    },
    matter: {
      matterType: matter.matterType,
      disputeKind: matter.disputeKind,
      opposingParty: matter.opposingParty,
      placeUnitId,
      facts: matter.facts,
      request: matter.request,
      amountClaimed: matter.amountClaimed,
    },
    hardship: matter.exemption
      ? { exemption: matter.exemption }
      : {
          proof: 'pledge',
          pledgeSigned: true,
          householdSize: 3,
          householdMonthlyIncome: 1_500,
          householdAssets: 10_000,
        },
    fileIds: [],
    urgent: false,
  };
}

/** One application of the demo and what happens to it. */
export interface DemoApplicationPlan {
  index: number;
  matter: Matter;
  receivedOn: string;
  /** Where the matter arose: the city (the city centre decides) or a county (its centre decides). */
  place: 'city' | '海城区' | '银海区' | '铁山港区' | '合浦县';
  fate:
    | {
        kind: 'granted';
        grantedOn: string;
        /** Assigned by rotation (指派) on this day, accepted by the lawyer the next working day. */
        assignOn: string | null;
        acceptOn: string | null;
        closing: {
          closedOn: string;
          outcome: LegalAidCaseOutcome;
          amountRecoveredYuan: number | null;
        } | null;
      }
    | { kind: 'refused'; refusedOn: string }
    | { kind: 'withdrawn'; correctionOn: string }
    | { kind: 'undecided' };
}

const migrantKinds: readonly MatterKind[] = ['construction', 'fishing', 'industrialInjury'];

function outcomeOf(kind: MatterKind, g: number): LegalAidCaseOutcome {
  if (kind === 'defence') return g % 3 === 0 ? 'other' : 'sentenceReduced';
  const civil: LegalAidCaseOutcome[] = ['mediated', 'won', 'settled', 'partlyWon', 'mediated'];
  return civil[g % civil.length] ?? 'mediated';
}

/**
 * 挽回损失 on the closed pay and injury claims: for applicants tagged 农民工 the amounts add up to exactly
 * the seed report's 3,080,000 yuan (each a share of the claim, rounded to 10 yuan, the last one taking the
 * rest); gig workers' claims recover part of theirs (not in that figure); other matters have none.
 */
function allocateRecovered(plans: DemoApplicationPlan[]): void {
  const target = legalAidCasesDemoFigures.amountRecoveredForMigrantWorkers;
  const migrant = plans.filter(
    (p) => p.fate.kind === 'granted' && p.fate.closing && migrantKinds.includes(p.matter.kind),
  );
  const weights = migrant.map((p, k) => (p.matter.amountClaimed ?? 10_000) * (0.6 + (k % 5) * 0.1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  migrant.forEach((p, k) => {
    if (p.fate.kind !== 'granted' || !p.fate.closing) return;
    const amount =
      k === migrant.length - 1
        ? target - given
        : Math.round(((weights[k] ?? 0) * target) / totalWeight / 10) * 10;
    given += amount;
    p.fate.closing.amountRecoveredYuan = amount;
  });
  for (const p of plans) {
    if (p.fate.kind !== 'granted' || !p.fate.closing || p.matter.kind !== 'rider') continue;
    p.fate.closing.amountRecoveredYuan = Math.round(((p.matter.amountClaimed ?? 0) * 0.8) / 10) * 10;
  }
}

/** Every application of the demo, oldest first. */
export function demoApplicationPlans(): DemoApplicationPlan[] {
  const f = legalAidCasesDemoFigures;
  const plans: DemoApplicationPlan[] = [];
  // Granted: received from 3 January to 21 June, decided one to three working days later.
  const days = weekdays('2023-01-03', '2023-06-21');
  const granted: DemoApplicationPlan[] = [];
  for (let g = 0; g < f.casesAccepted; g++) {
    const receivedOn = days[Math.floor((g * days.length) / f.casesAccepted)] ?? '2023-01-03';
    const kind = kindCycle[g % kindCycle.length] ?? 'construction';
    const grantedOn = workdaysAfter(receivedOn, 1 + (g % 3));
    // The last few of June wait for a lawyer, or for the lawyer's acceptance, on 30 June.
    const assignOn = g >= f.casesAccepted - 4 ? null : workdaysAfter(grantedOn, 1);
    const acceptOn = assignOn && g < f.casesAccepted - 8 ? workdaysAfter(assignOn, 1) : null;
    const closedOn = acceptOn ? addDays(acceptOn, 20 + ((g * 17) % 60)) : null;
    const matter = matterOf(kind, g);
    granted.push({
      index: 0,
      matter,
      receivedOn,
      place: 'city',
      fate: {
        kind: 'granted',
        grantedOn,
        assignOn,
        acceptOn,
        closing:
          closedOn && closedOn <= '2023-06-29'
            ? { closedOn, outcome: outcomeOf(kind, g), amountRecoveredYuan: null }
            : null,
      },
    });
  }
  allocateRecovered(granted);
  plans.push(...granted);
  // Refused: matters outside legal aid or above the hardship standard.
  for (let r = 0; r < f.refused; r++) {
    const receivedOn = days[Math.floor(((r + 0.5) * days.length) / f.refused)] ?? '2023-01-03';
    const n = 400 + r;
    const matter = matterOf(r % 2 === 0 ? 'traffic' : 'militaryFamily', n);
    plans.push({
      index: 0,
      matter: { ...matter, applicant: { ...matter.applicant, tags: [] } },
      receivedOn,
      place: 'city',
      fate: { kind: 'refused', refusedOn: workdaysAfter(receivedOn, 3) },
    });
  }
  // Withdrawn: the correction notice went unanswered (第四十三条).
  for (let w = 0; w < f.withdrawn; w++) {
    const receivedOn = days[Math.floor(((w + 0.3) * days.length) / (f.withdrawn + 1))] ?? '2023-01-03';
    plans.push({
      index: 0,
      matter: matterOf(w % 2 === 0 ? 'defence' : 'domesticViolence', 440 + w),
      receivedOn,
      place: 'city',
      fate: { kind: 'withdrawn', correctionOn: workdaysAfter(receivedOn, 1) },
    });
  }
  // Undecided on 30 June: received at the city centre's counter for the county centres (全城通办).
  const counties = ['海城区', '银海区', '铁山港区', '合浦县'] as const;
  const lateDays = weekdays('2023-06-26', '2023-06-30');
  for (let u = 0; u < f.undecided; u++) {
    plans.push({
      index: 0,
      matter: matterOf(u % 3 === 0 ? 'rider' : 'construction', 460 + u),
      receivedOn: lateDays[u % lateDays.length] ?? '2023-06-30',
      place: counties[u % counties.length] ?? '海城区',
      fate: { kind: 'undecided' },
    });
  }
  plans.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  return plans.map((p, index) => ({ ...p, index }));
}

async function placeIds(ctx: DemoContext): Promise<Record<DemoApplicationPlan['place'], number>> {
  const db = ctx.services.database.db;
  const { config } = ctx.services;
  const [city] = await db
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, 'cityBureau'), eq(orgUnit.divisionCode, config.cityDivisionCode)));
  if (!city) throw new DemoStepError(`机构树中没有${config.cityName}司法局`);
  const ids = { city: city.id } as Record<DemoApplicationPlan['place'], number>;
  for (const county of ['海城区', '银海区', '铁山港区', '合浦县'] as const) {
    const [row] = await db
      .select({ id: orgUnit.id })
      .from(orgUnit)
      .where(and(eq(orgUnit.kind, 'countyBureau'), eq(orgUnit.name, `${county}司法局`)));
    // Another city's tree: its first county stands in.
    ids[county] = row?.id ?? city.id;
  }
  return ids;
}

async function versionOf(ctx: DemoContext, caseId: string): Promise<number> {
  const [row] = await ctx.services.database.db
    .select({ version: caseRecord.version })
    .from(caseRecord)
    .where(eq(caseRecord.id, caseId));
  if (!row) throw new DemoStepError(`演示案件 ${caseId} 不存在`);
  return row.version;
}

/** Lawyers of the registry with a demo account (role 律师): `lawyer` and `lawyer02` … `lawyer10`. */
export const demoLawyerAccounts = 10;

/**
 * Staff accounts with the role 律师 for the first lawyers of the registry, made like the platform's demo
 * accounts (the system administrator creates, the security administrator grants the role, the holder sets
 * the demo password) and linked to the lawyer's profile, so the rotation can assign them and they can accept.
 */
async function lawyerAccounts(ctx: DemoContext, modules: LegalAidServices, clerk: RequestContext) {
  const { users, auth } = ctx.services;
  const db = ctx.services.database.db;
  const admin = await ctx.asRole('sysAdmin');
  const secAdmin = await ctx.asRole('secAdmin');
  const lawyers = (await modules.registry.listLawyers(clerk))
    .filter((l) => l.registeredOn < '2023-01-01' && !l.leftOn)
    .sort((a, b) => a.licenceNumber.localeCompare(b.licenceNumber))
    .slice(0, demoLawyerAccounts);
  if (lawyers.length === 0) throw new DemoStepError('律师库中没有可关联演示账号的律师');
  for (const [k, profile] of lawyers.entries()) {
    if (profile.staffUserId) continue;
    const username = k === 0 ? demoLawyerUsername : `${demoLawyerUsername}${String(k + 1).padStart(2, '0')}`;
    const [existing] = await db
      .select({ id: staffUser.id })
      .from(staffUser)
      .where(eq(staffUser.username, username));
    if (existing) throw new DemoStepError(`用户名 ${username} 已被使用`);
    const { user, initialPassword } = await users.create(admin, {
      username,
      displayName: profile.name,
      unitId: profile.unitId,
    });
    await ctx.track('staff_user', user.id);
    await users.assignRoles(secAdmin, user.id, ['lawyer']);
    await auth.changePassword(await ctx.as(username), {
      currentPassword: initialPassword,
      newPassword: ctx.password,
    });
    await modules.registry.updateLawyer(clerk, profile.id, {
      unitId: profile.unitId,
      name: profile.name,
      staffUserId: user.id,
      lawFirm: profile.lawFirm,
      licenceNumber: profile.licenceNumber,
      practiceStartDate: profile.practiceStartDate,
      specialties: profile.specialties,
      registeredOn: profile.registeredOn,
      proBonoFrom: profile.proBonoFrom,
      proBonoTo: profile.proBonoTo,
      expertPanel: profile.expertPanel,
      unavailable: profile.unavailable,
      leftOn: profile.leftOn,
      version: profile.version,
    });
  }
}

/** One thing that happens to one application, at its time. */
interface DemoEvent {
  at: string;
  order: number;
  plan: DemoApplicationPlan;
  step: 'receive' | 'grant' | 'refuse' | 'requestCorrection' | 'assign' | 'accept' | 'close' | 'rate';
}

function eventsOf(plans: DemoApplicationPlan[]): DemoEvent[] {
  const events: DemoEvent[] = [];
  const add = (day: string, time: string, plan: DemoApplicationPlan, step: DemoEvent['step']) =>
    events.push({ at: `${day}T${time}:00+08:00`, order: events.length, plan, step });
  for (const plan of plans) {
    const minute = String((plan.index * 13) % 60).padStart(2, '0');
    add(plan.receivedOn, `${String(8 + (plan.index % 8)).padStart(2, '0')}:${minute}`, plan, 'receive');
    const fate = plan.fate;
    if (fate.kind === 'granted') {
      add(fate.grantedOn, `15:${minute}`, plan, 'grant');
      if (fate.assignOn) add(fate.assignOn, `09:${minute}`, plan, 'assign');
      if (fate.acceptOn) add(fate.acceptOn, `10:${minute}`, plan, 'accept');
      if (fate.closing) add(fate.closing.closedOn, `16:${minute}`, plan, 'close');
      // The centre rates most closed cases within a week (one in seven waits for its court observation).
      const ratedOn = fate.closing ? workdaysAfter(fate.closing.closedOn, 3) : null;
      if (ratedOn && ratedOn <= '2023-06-30' && plan.index % 7 !== 3)
        add(ratedOn, `11:${minute}`, plan, 'rate');
    } else if (fate.kind === 'refused') {
      add(fate.refusedOn, `15:${minute}`, plan, 'refuse');
    } else if (fate.kind === 'withdrawn') {
      add(fate.correctionOn, `10:${minute}`, plan, 'requestCorrection');
    }
  }
  // Same instant: the order the plan made them in (receipt before decision before assignment …).
  return events.sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));
}

const closingSummaries: Record<MatterKind, string> = {
  construction: '经劳动仲裁调解，用人单位与申请人达成协议，拖欠工资已当场支付。',
  fishing: '经北海海事法院诉前调解，船东支付拖欠的船员工资。',
  industrialInjury: '经劳动仲裁，用人单位支付一次性伤残补助金、医疗费等工伤待遇。',
  rider: '经劳动仲裁调解，配送服务公司支付相关款项。',
  maintenance: '经人民法院调解，被告按月支付赡养费或抚养费。',
  defence: '辩护意见被人民法院部分采纳，判决结果已送达。',
  domesticViolence: '人民法院判决准予离婚，并依法分割夫妻共同财产。',
  traffic: '经人民法院调解，保险公司在交强险和商业险限额内赔偿。',
  militaryFamily: '经人民法院调解，相邻建房户赔偿房屋修复费用。',
};

async function createAll(ctx: DemoContext): Promise<void> {
  const modules = ctx.services.modules.get('legalAid') as LegalAidServices | undefined;
  if (!modules) throw new DemoStepError('平台未启用法律援助模块');
  const { workflow } = ctx.services;
  const db = ctx.services.database.db;
  const clerk = await ctx.as('aidclerk');
  const places = await placeIds(ctx);
  await ctx.at('2023-01-03T08:30:00+08:00', () => lawyerAccounts(ctx, modules, clerk));

  const caseIds = new Map<number, string>();
  const lawyerCtx = new Map<string, RequestContext>();
  /** The account of the lawyer assigned now to the case. */
  const assignedLawyer = async (caseId: string): Promise<RequestContext> => {
    const view = await modules.assignment.view(clerk, caseId);
    const lawyerId = view.current?.lawyerId;
    const rows = lawyerId
      ? ((
          await ctx.services.database.executeSql(
            'select u.username from legal_aid_lawyer l join staff_user u on u.id = l.staff_user_id where l.id = $1',
            [lawyerId],
          )
        ).rows as { username: string }[])
      : [];
    const username = rows[0]?.username;
    if (!username) throw new DemoStepError(`演示案件 ${caseId} 没有可登录的承办律师`);
    let lawyer = lawyerCtx.get(username);
    if (!lawyer) {
      lawyer = await ctx.as(username);
      lawyerCtx.set(username, lawyer);
    }
    return lawyer;
  };

  // 补贴发放批次: the first quarter's in April, the second quarter's on the last afternoon of June.
  const batches = [
    { at: '2023-04-10T09:00:00+08:00', periodFrom: '2023-01-01', periodTo: '2023-03-31' },
    { at: '2023-06-30T17:00:00+08:00', periodFrom: '2023-04-01', periodTo: '2023-06-30' },
  ];
  const centreId = clerk.principal?.unitId;
  if (!centreId) throw new DemoStepError('演示账号 aidclerk 没有所属单位');
  const batchesUntil = async (instant: string | null) => {
    while (batches[0] && (instant === null || batches[0].at <= instant)) {
      const batch = batches.shift();
      if (!batch) break;
      const { periodFrom, periodTo } = batch;
      await ctx.at(batch.at, () =>
        modules.quality.createBatch(clerk, { unitId: centreId, periodFrom, periodTo }),
      );
    }
  };

  for (const event of eventsOf(demoApplicationPlans())) {
    const { plan } = event;
    await batchesUntil(event.at);
    const caseId = caseIds.get(plan.index);
    await ctx.at(event.at, async () => {
      if (event.step === 'receive') {
        const created = await db.transaction((tx) =>
          modules.applications.createAtCounter(tx, clerk, applicationInput(plan.matter, places[plan.place])),
        );
        caseIds.set(plan.index, created.caseId);
        await ctx.track('case_record', created.caseId);
        return;
      }
      if (!caseId) throw new DemoStepError(`演示申请 ${plan.index} 尚未登记`);
      const version = await versionOf(ctx, caseId);
      const fate = plan.fate;
      switch (event.step) {
        case 'grant':
          await workflow.transition(clerk, {
            caseId,
            transition: 'grant',
            version,
            input: { opinion: '经审查，申请人符合法律援助条件，决定给予法律援助。' },
          });
          return;
        case 'refuse':
          await workflow.transition(clerk, {
            caseId,
            transition: 'refuse',
            version,
            input: {
              reasonCode: 'notInHardship',
              reasons:
                '经核查，申请人家庭人均月收入高于北海市法律援助经济困难标准，且不属于免予核查经济困难状况的情形。',
            },
          });
          return;
        case 'requestCorrection':
          await workflow.transition(clerk, {
            caseId,
            transition: 'requestCorrection',
            version,
            input: { items: ['申请人身份证明复印件', '与所申请法律援助事项有关的证明材料'] },
          });
          return;
        case 'assign': {
          // 值班轮派: the rotation's first eligible lawyer (fair order, skips the unavailable and conflicted).
          const ranked = await modules.assignment.suggest(clerk, caseId);
          const first = ranked.find((r) => r.eligible);
          if (!first) throw new DemoStepError(`演示案件 ${caseId} 没有可指派的律师`);
          await modules.assignment.assign(clerk, caseId, {
            lawyerId: first.lawyerId,
            method: 'rotation',
            version,
          });
          return;
        }
        case 'accept':
          await modules.lawyerCases.accept(await assignedLawyer(caseId), caseId, { version });
          return;
        case 'close': {
          if (fate.kind !== 'granted' || !fate.closing) return;
          await modules.lawyerCases.close(await assignedLawyer(caseId), caseId, {
            outcome: fate.closing.outcome,
            summary: closingSummaries[plan.matter.kind],
            amountRecoveredYuan: fate.closing.amountRecoveredYuan,
            closedOn: fate.closing.closedOn,
            fileIds: [],
            version,
          });
          return;
        }
        case 'rate': {
          const ratings = ['good', 'excellent', 'good', 'qualified', 'good', 'excellent'] as const;
          await modules.quality.rate(clerk, caseId, {
            rating: ratings[plan.index % ratings.length] ?? 'good',
            reviewMethods: plan.index % 2 === 0 ? ['fileCheck', 'clientCall'] : ['fileCheck'],
            fundingSource: plan.index % 3 === 0 ? 'centralLottery' : 'localBudget',
            note: '案卷材料齐全，受援人回访满意。',
          });
          return;
        }
      }
    });
  }
  await batchesUntil(null);
  // Corrections not supplied in time count as withdrawn: the nightly job, on the last night of June.
  await ctx.at('2023-06-30T00:10:00+08:00', () => modules.applications.withdrawOverdueCorrections());
}

export const legalAidCasesDemo: DemoStep = {
  id: 'legalAid.cases',
  dependsOn: ['platform.accounts', registryDemo.id],
  run: createAll,
};
