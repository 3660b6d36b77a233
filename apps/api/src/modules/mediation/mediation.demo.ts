import {
  type DisputeKind,
  type DisputeSource,
  disputeKindLabels,
  idNumberCheckChar,
  type RegisterDisputeInput,
} from '@zhucheng/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { staffUser } from '../../platform/access/access.schema.ts';
import type { RequestContext } from '../../platform/access/principal.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { DemoContext } from '../../platform/demo/demo-context.ts';
import { DemoStepError } from '../../platform/demo/demo-context.ts';
import type { DemoStep, GuardedTable } from '../../platform/demo/demo-registry.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import type { MediationServices } from './index.ts';
import {
  addDays,
  type DemoDisputePlan,
  type DemoSweepPlan,
  demoDisputePlans,
  demoSweepPlans,
} from './mediation.demo.plan.ts';
import { demoCommitteeUsername, registryDemo } from './registry.demo.ts';
import { mediationCommittee, mediator } from './registry.schema.ts';

export { mediationDemoFigures } from './mediation.demo.plan.ts';

// 矛盾纠纷 demo data for 2023-01-01 – 2023-06-30 (SEED-FIGURES.md, people's mediation): the sweeps and the
// disputes of mediation.demo.plan.ts, made through the module's services with the clock at each step's
// time — sweeps recorded by the committees (an office's own by the city's clerk), disputes registered at
// their committee (12345 work orders by the city's clerk), accepted, some with a 调解笔录, settled with a
// written (人民调解协议书 .docx) or oral agreement, or ended unsettled or terminated; a few follow-ups and
// judicial confirmations. Each committee acts through its own staff account (`tjw01` …, role
// 人民调解委员会工作人员; 中街街道's is the registry demo's `committee`). People and firms are made up.

/** A committee of the registry demo, as the dispute demo uses it. */
interface Committee {
  unitId: number;
  name: string;
  kind: string;
  industry: string | null;
  townCode: string | null;
  parentId: number | null;
  path: string;
  rural: boolean;
  mediators: string[];
  account: string;
}

interface Office {
  unitId: number;
  name: string;
  townCode: string;
  parentId: number | null;
}

const surnames = '陈黄李梁林张王刘周吴庞莫韦苏何冯钟邓罗潘揭宁廖谢卢劳'.split('');
const given =
  '海生 志强 秀英 丽华 建华 美玲 国栋 春梅 德荣 小燕 永勇 婷婷 少军 桂兰 家杰 玉珍 振涛 海燕 文兴 凤娇'.split(
    ' ',
  );
const firms = [
  '北海市海丰水产贸易有限公司',
  '北海市鸿达建筑劳务有限公司',
  '广西银湾旅游发展有限公司',
  '北海市南珠海洋渔业有限公司',
  '北海市港汇新材料有限公司',
  '北海市涠洲岛海景民宿有限公司',
  '合浦县永兴建材有限公司',
  '北海市银滩国际旅行社有限公司',
  '广西铁港物流有限公司',
  '北海市惠民超市有限公司',
];
const areas = ['450502', '450503', '450512', '450521'];

function personOf(i: number) {
  const area = areas[i % areas.length] ?? '450502';
  const year = 1958 + (i % 45);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0');
  const seq = String(100 + (Math.floor(i / 336) % 900)).padStart(3, '0');
  const first17 = `${area}${year}${month}${day}${seq}`;
  return {
    name: `${surnames[i % surnames.length]}${given[(i * 7 + Math.floor(i / 26)) % given.length]}`,
    idType: 'residentIdCard' as const,
    idNumber: first17 + idNumberCheckChar(first17),
    phone: `1377790${String(i % 10000).padStart(4, '0')}`,
  };
}

const factsOf: Record<DisputeKind, string> = {
  marriageFamily: '双方因离婚后子女抚养费支付及共同财产分割发生争执，多次协商未果。',
  neighbour: '双方系相邻住户，因楼上卫生间渗水导致楼下天花板霉变、墙皮脱落发生纠纷。',
  contract: '双方签订买卖合同后，买方以货物质量不符合约定为由拒付尾款，卖方要求支付货款。',
  production: '双方合作经营期间因货款结算、设备租金分担发生争议，影响正常生产。',
  labour: '申请人在被申请人处务工，离职时双方就拖欠工资及经济补偿金额发生争议。',
  consumer: '申请人购买的商品使用不久即出现质量问题，要求退货退款，商家不同意。',
  tourism: '游客参加旅行团行程中，旅行社擅自变更住宿标准、减少景点，游客要求赔偿。',
  damages: '双方因一方饲养的犬只咬伤另一方，就医疗费、误工费赔偿数额发生争执。',
  medical: '患者在医院治疗后出现并发症，家属认为医院存在过错，要求赔偿。',
  traffic: '双方车辆在路口发生碰撞，交警部门认定责任后，双方就损失赔偿未能达成一致。',
  property: '业主以小区电梯长期故障、保洁不到位为由拒交物业费，物业公司要求补缴。',
  land: '两户村民因承包地界址不清，一方在争议地块上种植经济作物引发纠纷。',
  forest: '两村民小组对交界处一片桉树林的林地使用权归属各执一词，发生砍伐冲突。',
  water: '上下游农户因灌溉渠道引水分配及水闸启闭时间发生争执，影响农田灌溉。',
  other: '双方因借款归还期限及利息计算发生争执，多次催讨未果。',
};

const termsOf = (kind: DisputeKind, amount: number | null): string =>
  amount
    ? `一、被申请人同意向申请人支付人民币${amount}元，用于解决本次${disputeKindLabels[kind]}；二、双方就本纠纷再无其他争议。`
    : `一、双方就本次${disputeKindLabels[kind]}达成谅解，被申请人于协议生效之日起十日内消除妨碍、恢复原状；二、双方今后友好相处，不再就此事发生争执。`;

const sourceRefOf = (source: DisputeSource, i: number, day: string): string | undefined => {
  const n = 100 + i;
  switch (source) {
    case 'court':
      return `（2023）桂05民诉前调${n}号`;
    case 'police':
      return `北公（${day.slice(5, 7)}）警调${n}号`;
    case 'petition':
      return `北信转〔2023〕${n}号`;
    case 'hotline':
      return `12345-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
    default:
      return undefined;
  }
};

async function loadCommittees(ctx: DemoContext): Promise<{ committees: Committee[]; offices: Office[] }> {
  const db = ctx.services.database.db;
  const rows = await db
    .select({
      unitId: mediationCommittee.unitId,
      name: orgUnit.name,
      kind: mediationCommittee.kind,
      industry: mediationCommittee.industry,
      townCode: mediationCommittee.townCode,
      parentId: orgUnit.parentId,
      path: orgUnit.path,
    })
    .from(mediationCommittee)
    .innerJoin(orgUnit, eq(orgUnit.id, mediationCommittee.unitId))
    .where(eq(orgUnit.status, 'active'))
    .orderBy(asc(orgUnit.path));
  if (rows.length === 0) throw new DemoStepError('没有人民调解委员会，请先运行 mediation.registry');
  const mediators = await db
    .select({ id: mediator.id, unitId: mediator.unitId })
    .from(mediator)
    .where(
      and(
        eq(mediator.status, 'active'),
        inArray(
          mediator.unitId,
          rows.map((r) => r.unitId),
        ),
      ),
    )
    .orderBy(asc(mediator.createdAt), asc(mediator.id));
  const offices = await db
    .select({
      unitId: orgUnit.id,
      name: orgUnit.name,
      townCode: orgUnit.divisionCode,
      parentId: orgUnit.parentId,
    })
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, 'justiceOffice'), eq(orgUnit.status, 'active')))
    .orderBy(asc(orgUnit.path));
  const committees = rows.map((r) => ({
    ...r,
    rural: r.kind === 'village' || (r.kind === 'township' && !r.name.includes('街道')),
    mediators: mediators.filter((m) => m.unitId === r.unitId).map((m) => m.id),
    account: '',
  }));
  for (const c of committees) {
    if (c.mediators.length === 0) throw new DemoStepError(`${c.name} 没有在任的调解员`);
  }
  return {
    committees,
    offices: offices.flatMap((o) => (o.townCode ? [{ ...o, townCode: o.townCode }] : [])),
  };
}

/** Each committee's staff account (人民调解委员会工作人员), made like the platform's demo accounts. */
async function committeeAccounts(ctx: DemoContext, committees: Committee[], home: number | null) {
  const { users, auth } = ctx.services;
  const db = ctx.services.database.db;
  const admin = await ctx.asRole('sysAdmin');
  const secAdmin = await ctx.asRole('secAdmin');
  for (const [k, c] of committees.entries()) {
    if (c.unitId === home) {
      c.account = demoCommitteeUsername;
      continue;
    }
    const username = `tjw${String(k + 1).padStart(2, '0')}`;
    c.account = username;
    const [existing] = await db
      .select({ id: staffUser.id })
      .from(staffUser)
      .where(eq(staffUser.username, username));
    if (existing) {
      if (!(await ctx.isTracked('staff_user', existing.id)))
        throw new DemoStepError(`用户名 ${username} 已被一个不是演示数据的账号使用`);
      continue;
    }
    const { user, initialPassword } = await users.create(admin, {
      username,
      displayName: `${c.name.replace(/^北海市/, '').replace(/人民调解委员会$/, '')}调委会`,
      unitId: c.unitId,
    });
    await ctx.track('staff_user', user.id);
    await users.assignRoles(secAdmin, user.id, ['mediationCommitteeStaff']);
    await auth.changePassword(await ctx.as(username), {
      currentPassword: initialPassword,
      newPassword: ctx.password,
    });
  }
}

/** One thing that happens, at its time. */
interface DemoEvent {
  at: string;
  order: number;
  run: () => Promise<void>;
}

async function createAll(ctx: DemoContext): Promise<void> {
  const m = ctx.services.modules.get('mediation') as MediationServices | undefined;
  if (!m) throw new DemoStepError('平台未启用人民调解模块');
  const db = ctx.services.database.db;
  // An interrupted earlier run left disputes behind: start again on a fresh database rather than mix.
  const [earlier] = await db
    .select({ id: caseRecord.id })
    .from(caseRecord)
    .where(eq(caseRecord.caseType, 'mediation.dispute'))
    .limit(1);
  if (earlier)
    throw new DemoStepError(
      '数据库中已有矛盾纠纷记录（可能是上次中断的运行留下的），请用新的数据目录重新运行',
    );

  // The document templates are seeded once here; otherwise every 人民调解协议书 would seed them again.
  await ctx.services.documents.listTemplates(await ctx.as('cityclerk'));
  const { committees, offices } = await loadCommittees(ctx);
  const [home] = await db
    .select({ unitId: staffUser.unitId })
    .from(staffUser)
    .where(eq(staffUser.username, demoCommitteeUsername));
  await ctx.at('2023-01-03T08:30:00+08:00', () => committeeAccounts(ctx, committees, home?.unitId ?? null));

  const actors = new Map<string, RequestContext>();
  const actor = async (username: string) => {
    let found = actors.get(username);
    if (!found) {
      found = await ctx.as(username);
      actors.set(username, found);
    }
    return found;
  };
  const byUnit = new Map(committees.map((c) => [c.unitId, c]));
  const pick = <T>(list: readonly T[], turn: number): T => {
    const item = list[((turn % list.length) + list.length) % list.length];
    if (item === undefined) throw new DemoStepError('演示数据缺少调委会');
    return item;
  };
  const local = committees.filter((c) => c.kind !== 'industry');
  const rural = local.filter((c) => c.rural);
  const enterprise = committees.filter((c) => c.industry === 'enterprise');
  const committeeOf = (p: DemoDisputePlan): Committee => {
    const t = p.target;
    if (t.type === 'industry') {
      return committees.find((c) => c.industry === t.industry) ?? pick(local, p.index);
    }
    if (t.type === 'enterprise') return pick(enterprise.length > 0 ? enterprise : local, t.turn);
    return pick(t.rural && rural.length > 0 ? rural : local, t.turn);
  };
  /** A town of the committee (industry committees: one of their county's, or of the city's). */
  const townOf = (c: Committee, turn: number): string => {
    if (c.townCode) return c.townCode;
    const own = offices.filter((o) => o.parentId === c.parentId);
    return pick(own.length > 0 ? own : offices, turn).townCode;
  };

  const events: DemoEvent[] = [];
  const add = (day: string, time: string, run: () => Promise<void>) =>
    events.push({ at: `${day}T${time}:00+08:00`, order: events.length, run });

  // ---- sweeps ----
  /** Held sweeps by unit, oldest first: a dispute a sweep found points at its committee's (or office's). */
  const heldSweeps = new Map<number, { heldOn: string; id: string }[]>();
  const sweepUnit = (s: DemoSweepPlan) =>
    s.organiser.type === 'office'
      ? {
          unitId: pick(offices, s.organiser.turn).unitId,
          name: pick(offices, s.organiser.turn).name,
          account: 'cityclerk',
        }
      : (() => {
          const c = pick(committees, s.organiser.turn);
          return { unitId: c.unitId, name: c.name, account: c.account };
        })();
  for (const s of demoSweepPlans()) {
    const unit = sweepUnit(s);
    const minute = String((s.index * 7) % 60).padStart(2, '0');
    const title = `${s.plannedOn.slice(0, 4)}年${Number(s.plannedOn.slice(5, 7))}月矛盾纠纷排查`;
    const area = unit.name.includes('司法所')
      ? '辖区各村（社区）、重点企业及工地'
      : '本调委会辖区各网格、农贸市场、重点路段';
    const planInput = {
      unitId: unit.unitId,
      title,
      plannedOn: s.plannedOn,
      area,
      participants: '司法所干部、调委会委员、网格员',
    };
    const heldInput = {
      heldOn: s.heldOn ?? s.plannedOn,
      participants: `司法所干部、调委会委员、网格员共 ${s.participantCount} 人`,
      participantCount: s.participantCount,
      findings:
        s.risksFound > 0
          ? `走访群众和商户，发现矛盾纠纷隐患 ${s.risksFound} 处，已落实专人跟进化解。`
          : '走访群众和商户，未发现新的矛盾纠纷隐患。',
      risksFound: s.risksFound,
    };
    let sweepId = '';
    const remember = (heldOn: string) => {
      const list = heldSweeps.get(unit.unitId) ?? [];
      list.push({ heldOn, id: sweepId });
      heldSweeps.set(unit.unitId, list);
    };
    if (!s.viaPlan && s.heldOn) {
      const heldOn = s.heldOn;
      add(heldOn, `08:${minute}`, async () => {
        const made = await m.sweeps.record(await actor(unit.account), { ...planInput, ...heldInput });
        sweepId = made.id;
        await ctx.track('dispute_sweep', made.id);
        remember(heldOn);
      });
      continue;
    }
    add(addDays(s.plannedOn, -7), `16:${minute}`, async () => {
      const made = await m.sweeps.plan(await actor(unit.account), planInput);
      sweepId = made.id;
      await ctx.track('dispute_sweep', made.id);
    });
    if (s.status === 'held' && s.heldOn) {
      const heldOn = s.heldOn;
      add(heldOn, `08:${minute}`, async () => {
        await m.sweeps.hold(await actor(unit.account), sweepId, { ...heldInput, version: 1 });
        remember(heldOn);
      });
    } else if (s.status === 'cancelled') {
      add(addDays(s.plannedOn, -1), `17:${minute}`, async () => {
        await m.sweeps.cancel(await actor(unit.account), sweepId, {
          version: 1,
          reason: '受台风天气影响，改与下月排查合并开展',
        });
      });
    }
  }

  // ---- disputes ----
  const version = async (caseId: string) => {
    const [row] = await db
      .select({ v: caseRecord.version })
      .from(caseRecord)
      .where(eq(caseRecord.id, caseId));
    if (!row) throw new DemoStepError(`演示纠纷 ${caseId} 不存在`);
    return row.v;
  };
  for (const p of demoDisputePlans()) {
    const c = committeeOf(p);
    const lead = pick(c.mediators, p.index);
    const minute = String((p.index * 13) % 60).padStart(2, '0');
    const hour = String(8 + (p.index % 3)).padStart(2, '0');
    let caseId = '';
    let handler = c.account;
    add(p.registeredOn, `${hour}:${minute}`, async () => {
      let source = p.source;
      let sweepId: string | undefined;
      if (source === 'sweep') {
        // The committee's own sweeps: an office's sweep is not in a committee account's scope.
        const found = [...(heldSweeps.get(c.unitId) ?? [])]
          .filter((s) => s.heldOn <= p.registeredOn)
          .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
          .pop();
        if (found) sweepId = found.id;
        else source = 'walkIn';
      }
      const applicant = personOf(p.index);
      const respondentPerson = personOf(p.index + 5000);
      const input: RegisterDisputeInput = {
        source,
        ...(sourceRefOf(source, p.index, p.registeredOn)
          ? { sourceRef: sourceRefOf(source, p.index, p.registeredOn) }
          : {}),
        ...(sweepId ? { sweepId } : {}),
        kind: p.kind,
        involvesEnterprise: p.enterprise,
        ...(p.amount !== null ? { amountInvolvedYuan: p.amount } : {}),
        facts: factsOf[p.kind],
        request: '请求调解委员会主持调解，依法妥善解决纠纷。',
        occurredOn: addDays(p.registeredOn, -(3 + (p.index % 20))),
        place: { townCode: townOf(c, p.index) },
        parties: [
          { role: 'applicant', person: { ...applicant, address: '北海市' } },
          p.enterprise
            ? {
                role: 'respondent',
                organisation: { name: pick(firms, p.index), kind: 'enterprise' },
              }
            : { role: 'respondent', person: { name: respondentPerson.name, phone: respondentPerson.phone } },
        ],
        committeeUnitId: c.unitId,
      };
      // 12345 work orders come through the city's desk, which names the committee.
      const registrar = source === 'hotline' ? 'cityclerk' : c.account;
      const made = await m.intake.register(await actor(registrar), input, { notify: false });
      caseId = made.caseId;
      handler = byUnit.get(made.committeeUnitId)?.account ?? c.account;
      await ctx.track('case_record', caseId);
      await ctx.track('mediation_dispute', caseId);
    });
    const f = p.fate;
    if (f.kind === 'declined') {
      add(f.on, '15:00', async () => {
        await m.process.decline(await actor(handler), caseId, {
          version: await version(caseId),
          reason:
            '经了解，该纠纷已向人民法院起诉并已立案受理，依照人民调解法第十八条不予受理，请当事人通过诉讼途径解决。',
        });
      });
      continue;
    }
    if (f.kind === 'awaiting' || !p.acceptedOn) continue;
    const acceptedOn = p.acceptedOn;
    add(acceptedOn, `${String(10 + (p.index % 2)).padStart(2, '0')}:${minute}`, async () => {
      await m.process.accept(await actor(handler), caseId, {
        version: await version(caseId),
        leadMediatorId: lead,
      });
    });
    if (f.kind === 'unsettled' || f.kind === 'terminated') {
      add(f.on, `11:${minute}`, async () => {
        await m.process.recordSession(await actor(handler), caseId, {
          heldAt: `${f.on}T09:30:00+08:00`,
          place: '调委会调解室',
          mediatorIds: [lead],
          attendees: '申请人、被申请人、调解员',
          record: '调解员分别听取双方陈述，释法说理，双方分歧较大，未能达成一致意见。',
          fileIds: [],
        });
        const reason =
          f.kind === 'unsettled'
            ? '经多次调解，双方对赔偿数额分歧较大，未能达成调解协议，已告知当事人可依法申请仲裁或提起诉讼。'
            : '被申请人明确表示不同意继续调解，依照人民调解法第二十六条终止调解。';
        const input = { version: await version(caseId), reason };
        if (f.kind === 'unsettled') await m.process.unsettle(await actor(handler), caseId, input);
        else await m.process.terminate(await actor(handler), caseId, input);
      });
      continue;
    }
    if (f.kind !== 'settled') continue;
    const settled = f;
    add(settled.on, `${String(14 + (p.index % 3)).padStart(2, '0')}:${minute}`, async () => {
      const who = await actor(handler);
      if (settled.session) {
        await m.process.recordSession(who, caseId, {
          heldAt: `${settled.on}T09:${minute}:00+08:00`,
          place: '调委会调解室',
          mediatorIds: [lead],
          attendees: '申请人、被申请人、调解员',
          record:
            '调解员听取双方陈述，核实事实，宣讲相关法律规定，引导双方互谅互让，双方同意按调解方案解决。',
          fileIds: [],
        });
      }
      await m.process.settle(
        who,
        caseId,
        {
          version: await version(caseId),
          agreement: {
            form: settled.form,
            terms: termsOf(p.kind, p.amount),
            ...(p.amount
              ? {
                  performanceTerms: '于协议生效之日起十五日内一次性支付。',
                  performanceDueOn: addDays(settled.on, 15),
                }
              : {}),
            effectiveOn: settled.on,
          },
          // One written agreement in ten is generated as the .docx, the rest keep their paper original:
          // generating every one would make the demo a minute slower.
        },
        { document: p.index % 10 === 0 },
      );
    });
    if (settled.followUpOn) {
      const visitedOn = settled.followUpOn;
      add(visitedOn, `10:${minute}`, async () => {
        await m.process.recordFollowUp(await actor(handler), caseId, {
          visitedOn,
          method: p.index % 2 === 0 ? 'phone' : 'visit',
          visitor: '调委会委员',
          note: '回访双方当事人，协议约定事项已履行完毕，双方对调解结果满意。',
          performanceStatus: 'performed',
          fileIds: [],
        });
      });
    }
    if (settled.confirmation) {
      const { appliedOn, ruledOn } = settled.confirmation;
      const court = '北海市海城区人民法院';
      let confirmationVersion = 1;
      add(appliedOn, `15:${minute}`, async () => {
        const view = await m.process.recordConfirmation(await actor(handler), caseId, { court, appliedOn });
        confirmationVersion = view.confirmation?.version ?? 1;
      });
      if (ruledOn) {
        // The committee records the court's ruling when it arrives.
        add(ruledOn, `16:${minute}`, async () => {
          await m.process.recordConfirmation(await actor(handler), caseId, {
            version: confirmationVersion,
            court,
            appliedOn,
            result: 'confirmed',
            ruledOn,
            rulingNo: `（2023）桂0502民特${100 + p.index}号`,
          });
        });
      }
    }
  }

  events.sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));
  for (const event of events) await ctx.at(event.at, event.run);
}

export const mediationDisputesDemo: DemoStep = {
  id: 'mediation.disputes',
  dependsOn: ['platform.accounts', registryDemo.id],
  run: createAll,
};

export const mediationDisputesGuardedTables: GuardedTable[] = [
  { table: 'dispute_sweep', idColumn: 'id' },
  { table: 'mediation_dispute', idColumn: 'case_id' },
];
