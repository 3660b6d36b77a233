import type { ConsultationChannel, ConsultationOutcome, LegalAidDisputeKind } from '@zhucheng/contracts';
import type { DemoContext } from '../../platform/demo/demo-context.ts';
import { DemoStepError } from '../../platform/demo/demo-context.ts';
import type { DemoStep, GuardedTable } from '../../platform/demo/demo-registry.ts';
import { RegistryService } from './registry.service.ts';

// 法律援助登记 demo data for 2023-01-01 – 2023-06-30, made through the registry service with the clock at
// each record's date, so the registry metrics reproduce the seed report (SEED-FIGURES.md): 1,447
// consultations, 8 support teams, 14 lawyers new on the pro-bono duty post, 16 lawyers recruited, 38 duty
// lawyers on 30 June, 2 workstations opened (武警北海支队, 北海海警局). Names are made up.

export const registryDemoFigures = {
  consultations: 1447,
  supportTeams: 8,
  proBonoDutyLawyers: 14,
  newLawyersRecruited: 16,
  dutyLawyers: 38,
  workstationsOpened: 2,
} as const;

const surnames = '陈黄李梁林张王刘周吴庞莫韦苏何冯钟邓罗潘'.split('');
const givenNames = [
  '海明',
  '丽华',
  '志强',
  '秀英',
  '文静',
  '建国',
  '小燕',
  '德荣',
  '美玲',
  '国栋',
  '春梅',
  '伟',
  '娟',
  '振涛',
  '芳',
  '永勇',
  '婷婷',
  '少军',
  '敏',
  '家杰',
];
const lawFirms = [
  '广西海合律师事务所',
  '广西北海银滩律师事务所',
  '广西合浦廉州律师事务所',
  '广西北海南珠律师事务所',
  '广西北海海城律师事务所',
];
const topics: LegalAidDisputeKind[] = [
  'wageArrears',
  'wageArrears',
  'labourDispute',
  'workInjury',
  'family',
  'maintenance',
  'trafficAccident',
  'personalInjury',
  'medicalDispute',
  'socialInsurance',
  'criminalDefence',
  'other',
];
const summaries: Record<string, string> = {
  wageArrears: '在工地务工数月，包工头拖欠工资，询问如何追讨及能否申请法律援助',
  labourDispute: '公司未签劳动合同即辞退，询问能否要求双倍工资和经济补偿',
  workInjury: '上班途中受伤，单位不申报工伤，询问工伤认定程序',
  family: '协议离婚后对方不按约定支付子女抚养费',
  maintenance: '子女不履行赡养义务，询问如何起诉要求赡养费',
  trafficAccident: '电动车与货车相撞受伤，对方保险公司拒赔，询问赔偿标准',
  personalInjury: '在渔港被他人打伤，询问人身损害赔偿范围',
  medicalDispute: '家属手术后出现并发症，询问医疗损害鉴定',
  socialInsurance: '低保被取消，询问复核和救济途径',
  criminalDefence: '家属涉嫌盗窃被羁押，询问如何申请法律援助律师',
  other: '邻里宅基地界线争议，询问调解和诉讼途径',
};

function personName(i: number): string {
  return `${surnames[i % surnames.length]}${givenNames[(i * 7 + 3) % givenNames.length]}`;
}

/** Day `n` (0-based) of the first half of 2023. */
function dayOfHalf(n: number): string {
  const d = new Date(Date.UTC(2023, 0, 1 + n));
  return d.toISOString().slice(0, 10);
}

async function createAll(ctx: DemoContext): Promise<void> {
  const { services } = ctx;
  const registry = new RegistryService({
    db: services.database.db,
    clock: services.clock,
    cipher: services.cipher,
    audit: services.audit,
  });
  const clerk = await ctx.as('aidclerk');
  const unitId = clerk.principal?.unitId;
  if (!unitId) throw new DemoStepError('演示账号 aidclerk 没有所属单位');
  const at = <T>(day: string, fn: () => Promise<T>) => ctx.at(`${day}T09:00:00+08:00`, fn);

  // Workstations: two older ones, and the two opened in the period.
  const stations: { id: string; name: string }[] = [];
  for (const [name, hostName, openedOn] of [
    ['北海市中级人民法院法律援助工作站', '北海市中级人民法院', '2019-06-01'],
    ['北海市看守所法律援助工作站', '北海市看守所', '2020-09-01'],
    ['武警北海支队法律援助工作站', '武警北海支队', '2023-03-15'],
    ['北海海警局法律援助工作站', '北海海警局', '2023-05-26'],
  ] as const) {
    const station = await at(openedOn, () =>
      registry.createStation(clerk, { unitId, name, hostName, openedOn }),
    );
    await ctx.track('legal_aid_station', station.id);
    stations.push(station);
  }

  // 40 lawyers: 24 registered before 2023, 16 recruited in the period; 14 of those on the pro-bono post.
  const lawyers: string[] = [];
  for (let i = 0; i < 40; i++) {
    const recruited = i >= 24;
    const registeredOn = recruited
      ? `2023-0${1 + ((i - 24) % 6)}-10`
      : `${2018 + (i % 5)}-${String(1 + (i % 9)).padStart(2, '0')}-15`;
    const startYear = recruited ? 2012 + (i % 10) : 2003 + (i % 15);
    const proBonoFrom = i >= 24 && i < 38 ? `2023-0${1 + ((i - 24) % 6)}-20` : null;
    const lawyer = await at(registeredOn, () =>
      registry.createLawyer(clerk, {
        unitId,
        name: personName(i),
        lawFirm: lawFirms[i % lawFirms.length] ?? '广西海合律师事务所',
        licenceNumber: `14505${startYear}1${String(1000 + i).padStart(7, '0')}`,
        practiceStartDate: `${startYear}-03-01`,
        specialties: [topics[i % topics.length] ?? 'other', topics[(i + 5) % topics.length] ?? 'other'],
        registeredOn,
        proBonoFrom,
        expertPanel: i % 9 === 0,
      }),
    );
    await ctx.track('legal_aid_lawyer', lawyer.id);
    lawyers.push(lawyer.id);
  }

  // Duty roster: 38 lawyers on duty on 30 June; two whose turn ended in March.
  const places = [
    '北海市中级人民法院',
    '海城区人民法院',
    '银海区人民法院',
    '铁山港区人民法院',
    '合浦县人民法院',
  ];
  for (const [i, lawyerId] of lawyers.entries()) {
    const onDuty = i < 38;
    const from = onDuty ? (i >= 24 ? `2023-0${1 + ((i - 24) % 6)}-25` : '2023-01-01') : '2023-01-01';
    const to = onDuty ? '2023-12-31' : '2023-03-31';
    const station = i % 4 === 0 ? stations[1] : undefined;
    const entry = await at(from, () =>
      registry.createDutyEntry(clerk, {
        unitId,
        lawyerId,
        ...(station
          ? { stationId: station.id }
          : { place: places[i % places.length] ?? '北海市中级人民法院' }),
        from,
        to,
      }),
    );
    await ctx.track('legal_aid_duty_entry', entry.id);
  }

  // Eight support teams, four each from 2022 and the period.
  const teams = [
    ['农民工讨薪法律援助支援队', '2022-01-18'],
    ['未成年人法律援助支援队', '2022-05-30'],
    ['妇女权益保障法律援助支援队', '2022-03-08'],
    ['退役军人法律援助支援队', '2022-08-01'],
    ['残疾人法律援助支援队', '2023-02-20'],
    ['老年人法律援助支援队', '2023-03-28'],
    ['海洋渔业纠纷法律援助支援队', '2023-04-18'],
    ['乡村振兴法律援助支援队', '2023-06-12'],
  ] as const;
  for (const [k, [name, setUpOn]] of teams.entries()) {
    // Members registered by the day the team was set up.
    const memberIds = lawyers.slice(k * 3, k * 3 + 4);
    const team = await at(setUpOn, () =>
      registry.createSupportTeam(clerk, { unitId, name, memberIds, setUpOn }),
    );
    await ctx.track('legal_aid_support_team', team.id);
  }

  // 1,447 consultations spread over the 181 days of the period.
  const channels: ConsultationChannel[] = [
    'counter',
    'hotline',
    'counter',
    'hotline',
    'online',
    'counter',
    'hotline',
    'station',
  ];
  for (let i = 0; i < registryDemoFigures.consultations; i++) {
    const day = dayOfHalf(Math.floor((i * 181) / registryDemoFigures.consultations));
    const minutes = 8 * 60 + 30 + (i % 16) * 25;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const channel = channels[i % channels.length] ?? 'counter';
    const topic = topics[(i * 5) % topics.length] ?? 'other';
    const outcome: ConsultationOutcome =
      i % 10 === 9 ? 'referredElsewhere' : i % 5 === 1 ? 'referredToApplication' : 'answered';
    const consultedAt = `${day}T${time}:00+08:00`;
    const created = await ctx.at(consultedAt, () =>
      registry.createConsultation(clerk, {
        unitId,
        channel,
        consultedAt,
        personName: personName(i * 3 + 1),
        phone: i % 2 === 0 ? `139${String(7790000 + ((i * 7919) % 99999)).padStart(8, '0')}` : null,
        topic,
        summary: summaries[topic] ?? '法律咨询',
        outcome,
        referredTo: outcome === 'referredElsewhere' ? '北海市劳动人事争议仲裁委员会' : null,
        stationId: channel === 'station' ? (stations[1]?.id ?? null) : null,
      }),
    );
    await ctx.track('legal_aid_consultation', created.id);
  }
}

export const registryDemo: DemoStep = {
  id: 'legalAid.registry',
  dependsOn: ['platform.accounts'],
  run: createAll,
};

export const registryGuardedTables: GuardedTable[] = [
  { table: 'legal_aid_lawyer', idColumn: 'id' },
  { table: 'legal_aid_station', idColumn: 'id' },
  { table: 'legal_aid_duty_entry', idColumn: 'id' },
  { table: 'legal_aid_support_team', idColumn: 'id' },
  { table: 'legal_aid_consultation', idColumn: 'id' },
];
