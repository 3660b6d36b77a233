import {
  type DisputeKind,
  type DisputeSource,
  disputeKindLabels,
  disputeKinds,
  disputeSourceLabels,
  disputeSources,
  ledgerOutcomeLabels,
  type MediationOutcome,
  permissions as p,
  type RegisterDisputeInput,
  referralSources,
} from '@zhucheng/contracts';
import { z } from 'zod';
import type { RequestContext } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Transaction } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import {
  defineImportKind,
  type ImportKindDef,
  type ImportRow,
  ImportRowRefused,
} from '../../platform/spreadsheets/import-kind.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import * as dispatchRepo from './dispatch.repo.ts';
import * as repo from './intake.repo.ts';
import { looksLikeOrganisation, splitNames } from './intake.rules.ts';
import type { IntakeService } from './intake.service.ts';

// 纠纷台账导入 (mediation.disputes): disputes a committee recorded elsewhere (its paper or Excel 台账). Every
// row is checked first (cells by the platform, then names of towns and committees here), then each row is
// registered through IntakeService.register in the import's one transaction, so one bad row changes nothing.
// A row with an accepted date is accepted (受理) and, with an outcome, ended (调解成功 / 不成功 / 终止) by the
// workflow in the same transaction, and accepted_on / outcome / outcome_on are written as the ledger says —
// the process part's own rows (sessions, agreements) do not exist for these past disputes.

export const DISPUTE_LEDGER = 'mediation.disputes';

const kindByLabel = new Map(disputeKinds.map((k) => [disputeKindLabels[k], k]));
const sourceByLabel = new Map(disputeSources.map((s) => [disputeSourceLabels[s], s]));
const outcomeByLabel = new Map(
  (Object.entries(ledgerOutcomeLabels) as [MediationOutcome, string][]).map(([k, v]) => [v, k]),
);
const outcomeTransition: Record<MediationOutcome, string> = {
  settled: 'settle',
  unsettled: 'unsettle',
  terminated: 'terminate',
};

const isoDay = z.iso.date('日期格式应为 2023-03-01');
const yuan = z
  .string()
  .regex(/^\d+(\.\d{1,2})?$/, '应为不小于 0 的金额（元），最多两位小数')
  .transform(Number);

export const disputeLedgerColumns = [
  {
    key: 'kind',
    header: '纠纷类型',
    required: true,
    options: disputeKinds.map((k) => disputeKindLabels[k]),
    example: '邻里纠纷',
    width: 18,
  },
  {
    key: 'source',
    header: '纠纷来源',
    required: true,
    options: disputeSources.map((s) => disputeSourceLabels[s]),
    example: '当事人来访',
    width: 20,
  },
  {
    key: 'sourceRef',
    header: '来源文号',
    note: '法院委派、公安移送、信访移送、12345 转办的必填（函号、警情号、件号、工单号）',
    schema: z.string().max(60, '不能超过 60 个字'),
    width: 18,
  },
  {
    key: 'applicants',
    header: '申请人',
    required: true,
    example: '黄秀梅',
    note: '姓名或单位名称，多人用顿号分隔',
    schema: z.string().max(300, '不能超过 300 个字'),
    width: 18,
  },
  {
    key: 'respondents',
    header: '被申请人',
    required: true,
    example: '李强',
    note: '姓名或单位名称，多人用顿号分隔',
    schema: z.string().max(300, '不能超过 300 个字'),
    width: 18,
  },
  {
    key: 'town',
    header: '乡镇（街道）',
    required: true,
    example: '合浦县廉州镇',
    note: '纠纷发生地的乡镇或街道，可带县区名',
    width: 18,
  },
  { key: 'village', header: '村（社区）', example: '西门村', schema: z.string().max(60), width: 14 },
  { key: 'address', header: '详细地址', schema: z.string().max(200), width: 24 },
  { key: 'amount', header: '涉及金额（元）', example: '5000', schema: yuan, width: 14 },
  { key: 'enterprise', header: '是否涉企', options: ['是', '否'], example: '否', width: 10 },
  {
    key: 'facts',
    header: '简要案情',
    example: '因宅基地排水沟发生争执',
    schema: z.string().max(4000, '不能超过 4000 个字'),
    width: 30,
  },
  {
    key: 'acceptedOn',
    header: '受理日期',
    required: true,
    example: '2023-03-01',
    note: '日期，格式 2023-03-01',
    schema: isoDay,
    width: 14,
  },
  {
    key: 'outcome',
    header: '调解结果',
    options: Object.values(ledgerOutcomeLabels),
    example: '调解成功',
    note: '尚在调解的留空',
    width: 12,
  },
  {
    key: 'outcomeOn',
    header: '结案日期',
    example: '2023-03-08',
    note: '有调解结果时必填，格式 2023-03-08',
    schema: isoDay,
    width: 14,
  },
  {
    key: 'committee',
    header: '调委会',
    required: true,
    example: '合浦县廉州镇人民调解委员会',
    note: '人民调解委员会全称，须在本人管辖范围内',
    width: 30,
  },
] as const;

interface LedgerRow {
  row: number;
  input: RegisterDisputeInput & { committeeUnitId: number };
  acceptedOn: string;
  outcome: MediationOutcome | null;
  outcomeOn: string | null;
}

/** Checks the names and the rules across columns, in row order; the first problem refuses the file. */
async function readRows(tx: Transaction, ctx: RequestContext, rows: ImportRow[]): Promise<LedgerRow[]> {
  const principal = ctx.principal;
  const towns = await dispatchRepo.listTowns(tx);
  const committees = await dispatchRepo.listCommitteeCandidates(tx);
  const out: LedgerRow[] = [];
  for (const { row, values } of rows) {
    const v = values as Record<string, string | number | undefined>;
    const kind = kindByLabel.get(String(v.kind)) as DisputeKind;
    const source = sourceByLabel.get(String(v.source)) as DisputeSource;
    if (source === 'portal' || source === 'sweep') {
      throw new ImportRowRefused(
        row,
        '纠纷来源',
        '台账只能导入来访和转办的纠纷（网上申请、排查发现的纠纷在平台内登记）',
      );
    }
    if (referralSources.includes(source) && !v.sourceRef) {
      throw new ImportRowRefused(row, '来源文号', `${disputeSourceLabels[source]}的纠纷应填写来源文号`);
    }
    const townText = String(v.town).replace(/\s+/g, '');
    const townMatches = towns.filter((t) => townText === t.name || townText === `${t.countyName}${t.name}`);
    if (townMatches.length !== 1) {
      throw new ImportRowRefused(
        row,
        '乡镇（街道）',
        townMatches.length === 0
          ? `本市没有“${townText}”，请填写乡镇或街道的全称（可带县区名，如 合浦县廉州镇）`
          : `“${townText}”有重名，请带上县区名（如 ${townMatches[0]?.countyName}${townMatches[0]?.name}）`,
      );
    }
    const committee = committees.find((c) => c.name === String(v.committee).trim());
    if (!committee || (principal && !unitInScope(principal.scope, committee.unitId))) {
      throw new ImportRowRefused(row, '调委会', `找不到您管辖范围内的“${String(v.committee)}”`);
    }
    const outcome = v.outcome ? (outcomeByLabel.get(String(v.outcome)) ?? null) : null;
    const acceptedOn = String(v.acceptedOn);
    const outcomeOn = v.outcomeOn ? String(v.outcomeOn) : null;
    if (outcome && !outcomeOn) throw new ImportRowRefused(row, '结案日期', '有调解结果时应填写结案日期');
    if (!outcome && outcomeOn)
      throw new ImportRowRefused(row, '调解结果', '填写了结案日期，请同时填写调解结果');
    if (outcomeOn && outcomeOn < acceptedOn) {
      throw new ImportRowRefused(row, '结案日期', '结案日期不能早于受理日期');
    }
    const party = (role: 'applicant' | 'respondent') => (name: string) =>
      looksLikeOrganisation(name)
        ? { role, organisation: { name, kind: 'enterprise' as const } }
        : { role, person: { name } };
    const applicants = splitNames(String(v.applicants));
    const respondents = splitNames(String(v.respondents));
    if (applicants.length === 0) throw new ImportRowRefused(row, '申请人', '必填，不能为空');
    if (respondents.length === 0) throw new ImportRowRefused(row, '被申请人', '必填，不能为空');
    const town = townMatches[0] as (typeof towns)[number];
    out.push({
      row,
      acceptedOn,
      outcome,
      outcomeOn,
      input: {
        source,
        ...(v.sourceRef ? { sourceRef: String(v.sourceRef) } : {}),
        kind,
        involvesEnterprise: v.enterprise === '是',
        ...(v.amount !== undefined ? { amountInvolvedYuan: Number(v.amount) } : {}),
        facts: v.facts ? String(v.facts) : `据${committee.name}纠纷台账登记（台账导入）`,
        place: {
          townCode: town.code,
          ...(v.village ? { village: String(v.village) } : {}),
          ...(v.address ? { address: String(v.address) } : {}),
        },
        parties: [...applicants.map(party('applicant')), ...respondents.map(party('respondent'))],
        committeeUnitId: committee.unitId,
        receivingUnitId: committee.unitId,
      },
    });
  }
  return out;
}

/** The ledger's historical steps are the import's: the importer acts as the committee for 受理 and 结果. */
function ledgerActor(ctx: RequestContext): RequestContext {
  const principal = ctx.principal;
  if (!principal) return ctx;
  return {
    ...ctx,
    principal: { ...principal, permissions: new Set([...principal.permissions, p.mediation.handle]) },
  };
}

export function disputeLedger(intake: () => IntakeService, workflow: WorkflowService): ImportKindDef {
  return defineImportKind({
    code: DISPUTE_LEDGER,
    name: '矛盾纠纷调解台账',
    permission: p.mediation.intake,
    maxRows: 2000,
    columns: disputeLedgerColumns,
    async commit(tx, ctx, rows) {
      const checked = await readRows(tx, ctx, rows);
      for (const r of checked) {
        let caseId: string;
        try {
          caseId = (await intake().register(ctx, r.input, { tx, notify: false })).caseId;
        } catch (err) {
          if (err instanceof AppError && err.statusCode < 500) {
            const field = err.fields?.[0];
            throw new ImportRowRefused(r.row, columnOf(field?.path), field?.message ?? err.message);
          }
          throw err;
        }
        const actor = ledgerActor(ctx);
        let version = 1;
        await workflow.transition(
          actor,
          { caseId, transition: 'accept', version, comment: `台账导入：${r.acceptedOn} 受理` },
          { tx, viaModule: true },
        );
        version++;
        if (r.outcome) {
          await workflow.transition(
            actor,
            {
              caseId,
              transition: outcomeTransition[r.outcome],
              version,
              comment: `台账导入：${r.outcomeOn} ${ledgerOutcomeLabels[r.outcome]}`,
              input: { reason: '台账导入' },
            },
            { tx, viaModule: true },
          );
        }
        await repo.recordLedgerOutcome(tx, caseId, {
          acceptedOn: r.acceptedOn,
          outcome: r.outcome,
          outcomeOn: r.outcomeOn,
          outcomeNote: r.outcome ? '台账导入' : null,
        });
      }
    },
  });
}

function columnOf(path: string | undefined): string {
  if (!path) return '纠纷类型';
  if (path.startsWith('parties')) return '申请人';
  if (path.startsWith('amount')) return '涉及金额（元）';
  if (path.startsWith('place')) return '乡镇（街道）';
  if (path.startsWith('committee')) return '调委会';
  if (path.startsWith('sourceRef')) return '来源文号';
  if (path.startsWith('facts')) return '简要案情';
  return '纠纷类型';
}
