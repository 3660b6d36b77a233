import {
  legalAidCasePledgeSchema,
  legalAidCaseRatingSchema,
  legalAidPaymentBatchInputSchema,
  legalAidPaymentBatchListSchema,
  legalAidPaymentBatchSchema,
  legalAidPledgeCheckInputSchema,
  legalAidPledgeCheckStatuses,
  legalAidPledgeListSchema,
  legalAidPledgeRecoveredSchema,
  legalAidRateInputSchema,
  legalAidSubsidyRateInputSchema,
  legalAidSubsidyRateListSchema,
  legalAidSubsidyRateSchema,
  legalAidSubsidyRateUpdateSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { streamXlsx, type XlsxColumn } from '../../platform/spreadsheets/xlsx.ts';
import type { QualityService } from './quality.service.ts';

const caseParams = z.object({ caseId: z.uuid('案件编号不正确') });
const idParams = z.object({ id: z.uuid('编号不正确') });

type Line = Awaited<ReturnType<QualityService['exportBatch']>>['lines'][number];
type SheetRow = Omit<Line, 'index' | 'coefficient' | 'baseYuan'> & {
  index: number | string;
  baseYuan: number | null;
  coefficient: number | null;
};

/** 补贴发放表: one row per case and a total row. */
const batchColumns: XlsxColumn<SheetRow>[] = [
  { header: '序号', width: 8, value: (r) => r.index },
  { header: '案号', width: 26, value: (r) => r.caseNo },
  { header: '受援人', width: 12, value: (r) => r.applicantName },
  { header: '承办律师', width: 12, value: (r) => r.lawyerName },
  { header: '律师事务所', width: 26, value: (r) => r.lawFirm },
  { header: '案件类型', width: 10, value: (r) => r.matterType },
  { header: '结案日期', width: 12, value: (r) => r.closedOn },
  { header: '质量等级', width: 10, value: (r) => r.rating },
  { header: '补贴标准（元）', width: 14, value: (r) => r.baseYuan },
  { header: '系数', width: 8, value: (r) => r.coefficient },
  { header: '补贴金额（元）', width: 14, value: (r) => r.subsidyYuan },
  { header: '资金来源', width: 20, value: (r) => r.fundingSource },
];

async function* withTotal(lines: Line[], totalYuan: number): AsyncIterable<SheetRow> {
  yield* lines;
  yield {
    index: '合计',
    caseNo: `${lines.length} 件`,
    applicantName: '',
    lawyerName: '',
    lawFirm: '',
    matterType: '',
    closedOn: '',
    rating: '',
    baseYuan: null,
    coefficient: null,
    subsidyYuan: totalYuan,
    fundingSource: '',
  };
}

// 质量评估、补贴标准、补贴发放、承诺核查: one service call per handler.
export function qualityRoutes(service: QualityService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/legal-aid/cases/:caseId/rating',
      {
        config: { permission: 'legalAid:rate' },
        schema: {
          tags: ['legalAid'],
          summary: '案件质量评估与办案补贴',
          params: caseParams,
          response: { 200: legalAidCaseRatingSchema },
        },
      },
      async (request) => service.caseRating(request.ctx, request.params.caseId),
    );

    app.post(
      '/api/legal-aid/cases/:caseId/rating',
      {
        config: { permission: 'legalAid:rate' },
        schema: {
          tags: ['legalAid'],
          summary: '评定已结案案件的质量等级（补贴=结案日适用的补贴标准×等级系数；列入发放批次前可修改）',
          params: caseParams,
          body: legalAidRateInputSchema,
          response: { 200: legalAidCaseRatingSchema },
        },
      },
      async (request) => service.rate(request.ctx, request.params.caseId, request.body),
    );

    app.get(
      '/api/legal-aid/subsidy-rates',
      {
        config: { permission: 'legalAid:manageSubsidies' },
        schema: {
          tags: ['legalAid'],
          summary: '办案补贴标准（按案件类型、生效日期）及等级系数',
          response: { 200: legalAidSubsidyRateListSchema },
        },
      },
      async (request) => service.listRates(request.ctx),
    );

    app.post(
      '/api/legal-aid/subsidy-rates',
      {
        config: { permission: 'legalAid:manageSubsidies' },
        schema: {
          tags: ['legalAid'],
          summary: '新增补贴标准（自生效日期起结案的案件适用）',
          body: legalAidSubsidyRateInputSchema,
          response: { 201: legalAidSubsidyRateSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return service.addRate(request.ctx, request.body);
      },
    );

    app.put(
      '/api/legal-aid/subsidy-rates/:id',
      {
        config: { permission: 'legalAid:manageSubsidies' },
        schema: {
          tags: ['legalAid'],
          summary: '更正尚未使用的补贴标准（已用于评估的不能修改）',
          params: idParams,
          body: legalAidSubsidyRateUpdateSchema,
          response: { 200: legalAidSubsidyRateSchema },
        },
      },
      async (request) => service.updateRate(request.ctx, request.params.id, request.body),
    );

    app.get(
      '/api/legal-aid/payment-batches',
      {
        config: { permission: 'legalAid:manageSubsidies' },
        schema: {
          tags: ['legalAid'],
          summary: '补贴发放批次',
          response: { 200: legalAidPaymentBatchListSchema },
        },
      },
      async (request) => service.listBatches(request.ctx),
    );

    app.post(
      '/api/legal-aid/payment-batches',
      {
        config: { permission: 'legalAid:manageSubsidies' },
        schema: {
          tags: ['legalAid'],
          summary: '生成补贴发放批次（该中心及下级在期间内已评估、未发放的案件）',
          body: legalAidPaymentBatchInputSchema,
          response: { 201: legalAidPaymentBatchSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return service.createBatch(request.ctx, request.body);
      },
    );

    app.get(
      '/api/legal-aid/payment-batches/:id/export.xlsx',
      {
        exposeHeadRoute: false,
        config: { permission: 'legalAid:manageSubsidies' },
        schema: {
          tags: ['legalAid'],
          summary: '导出补贴发放表（.xlsx，含合计行；记入审计日志）',
          params: idParams,
        },
      },
      async (request, reply) => {
        const sheet = await service.exportBatch(request.ctx, request.params.id);
        return streamXlsx(reply, sheet.filename, {
          sheetName: '补贴发放表',
          columns: batchColumns,
          rows: withTotal(sheet.lines, sheet.batch.totalYuan),
        });
      },
    );

    app.get(
      '/api/legal-aid/cases/:caseId/pledge-check',
      {
        config: { permission: 'legalAid:rate' },
        schema: {
          tags: ['legalAid'],
          summary: '经济困难状况承诺核查',
          params: caseParams,
          response: { 200: legalAidCasePledgeSchema },
        },
      },
      async (request) => service.casePledge(request.ctx, request.params.caseId),
    );

    app.post(
      '/api/legal-aid/cases/:caseId/pledge-check',
      {
        config: { permission: 'legalAid:rate' },
        schema: {
          tags: ['legalAid'],
          summary: '记录承诺核查结论（不实：已给予援助的终止，未决定的不予援助；记录应追缴费用）',
          params: caseParams,
          body: legalAidPledgeCheckInputSchema,
          response: { 200: legalAidCasePledgeSchema },
        },
      },
      async (request) => service.checkPledge(request.ctx, request.params.caseId, request.body),
    );

    app.post(
      '/api/legal-aid/cases/:caseId/pledge-check/recovered',
      {
        config: { permission: 'legalAid:rate' },
        schema: {
          tags: ['legalAid'],
          summary: '登记追缴的法律援助费用已退还（第六十四条）',
          params: caseParams,
          body: legalAidPledgeRecoveredSchema,
          response: { 200: legalAidCasePledgeSchema },
        },
      },
      async (request) => service.markRecovered(request.ctx, request.params.caseId, request.body),
    );

    app.get(
      '/api/legal-aid/pledge-checks',
      {
        config: { permission: 'legalAid:rate' },
        schema: {
          tags: ['legalAid'],
          summary: '承诺核查清单（pending：抽中待核查；checked：已核查）',
          querystring: z.object({ status: z.enum(legalAidPledgeCheckStatuses).default('pending') }),
          response: { 200: legalAidPledgeListSchema },
        },
      },
      async (request) => service.listPledges(request.ctx, request.query.status),
    );
  };
}
