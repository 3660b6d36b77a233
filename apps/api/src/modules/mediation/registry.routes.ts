import {
  committeeInputSchema,
  committeeListQuerySchema,
  committeeParentListSchema,
  committeeUpdateSchema,
  committeeViewSchema,
  mediatorAccountListSchema,
  mediatorInputSchema,
  mediatorListQuerySchema,
  mediatorListSchema,
  mediatorPhoneRevealSchema,
  mediatorTrainingInputSchema,
  mediatorTrainingListSchema,
  mediatorTrainingViewSchema,
  mediatorUpdateSchema,
  mediatorViewSchema,
  studioCreatedInputSchema,
  studioInputSchema,
  studioListQuerySchema,
  studioListSchema,
  studioUpdateSchema,
  studioViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../platform/http/request-context.ts';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { MediationRegistryService } from './registry.service.ts';

const committeeView = committeeViewSchema.meta({ id: 'MediationCommittee', description: '人民调解委员会' });
const mediatorView = mediatorViewSchema.meta({ id: 'Mediator', description: '人民调解员' });
const trainingView = mediatorTrainingViewSchema.meta({
  id: 'MediatorTraining',
  description: '调解员培训记录',
});
const studioView = studioViewSchema.meta({ id: 'MediationStudio', description: '人民调解工作室' });

const committeeParams = z.object({
  id: z.coerce.number({ error: '调委会编号不正确' }).int('调委会编号不正确').positive('调委会编号不正确'),
});
const idParams = z.object({ id: z.uuid({ error: '记录编号不正确' }) });

const tags = ['mediation registry'];
const read = 'mediation:readRegistry' as const;
const manage = 'mediation:manageRegistry' as const;

/** 人民调解组织: committees, mediators and their training, studios. */
export function registryRoutes(
  registry: MediationRegistryService,
  idempotency: Pick<IdempotencyService, 'withIdempotency'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    // ---- committees ----
    app.get(
      '/api/mediation/committees',
      {
        config: { permission: read },
        schema: {
          tags,
          summary: '调委会：本单位及下级的人民调解委员会，含调解员数、在办纠纷、本年调解成功数',
          querystring: committeeListQuerySchema,
          response: { 200: z.object({ items: z.array(committeeView) }) },
        },
      },
      async (request) => ({ items: await registry.listCommittees(request.ctx, request.query) }),
    );
    app.get(
      '/api/mediation/committee-parents',
      {
        config: { permission: manage },
        schema: {
          tags,
          summary: '可新设调委会的上级单位（司法所；行业性调委会为县区或市司法局）',
          response: { 200: committeeParentListSchema },
        },
      },
      async (request) => ({ items: await registry.listCommitteeParents(request.ctx) }),
    );
    app.get(
      '/api/mediation/committees/:id',
      {
        config: { permission: read },
        schema: { tags, summary: '一个调委会', params: committeeParams, response: { 200: committeeView } },
      },
      async (request) => registry.getCommittee(request.ctx, request.params.id),
    );
    app.post(
      '/api/mediation/committees',
      {
        config: { permission: manage },
        schema: {
          tags,
          summary: '新设调委会（在机构树中建立调委会并登记其信息，一次完成）',
          headers: idempotencyHeaders,
          body: committeeInputSchema,
          response: { 201: committeeView },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          registry.createCommittee(request.ctx, request.body, tx),
        ),
    );
    app.put(
      '/api/mediation/committees/:id',
      {
        config: { permission: manage },
        schema: {
          tags,
          summary: '修改调委会信息（名称、行业、乡镇、服务村居、地址与坐标、电话）',
          params: committeeParams,
          body: committeeUpdateSchema,
          response: { 200: committeeView },
        },
      },
      async (request) => registry.updateCommittee(request.ctx, request.params.id, request.body),
    );

    // ---- mediators ----
    app.get(
      '/api/mediation/mediators',
      {
        config: { permission: read },
        schema: {
          tags,
          summary: '调解员（电话脱敏；可筛选需培训的调解员）',
          querystring: mediatorListQuerySchema,
          response: { 200: mediatorListSchema },
        },
      },
      async (request) => registry.listMediators(request.ctx, request.query),
    );
    app.get(
      '/api/mediation/mediator-accounts',
      {
        config: { permission: manage },
        schema: {
          tags,
          summary: '可关联的账号（角色为人民调解员或调委会工作人员、尚未关联调解员）',
          response: { 200: mediatorAccountListSchema },
        },
      },
      async (request) => ({ items: await registry.listMediatorAccounts(request.ctx) }),
    );
    app.get(
      '/api/mediation/mediators/:id',
      {
        config: { permission: read },
        schema: { tags, summary: '一名调解员', params: idParams, response: { 200: mediatorView } },
      },
      async (request) => registry.getMediator(request.ctx, request.params.id),
    );
    app.post(
      '/api/mediation/mediators',
      {
        config: { permission: manage },
        schema: {
          tags,
          summary: '登记调解员',
          headers: idempotencyHeaders,
          body: mediatorInputSchema,
          response: { 201: mediatorView },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          registry.createMediator(request.ctx, request.body, tx),
        ),
    );
    app.put(
      '/api/mediation/mediators/:id',
      {
        config: { permission: manage },
        schema: {
          tags,
          summary: '修改调解员（不传电话则保留原电话；离任时填写离任日期）',
          params: idParams,
          body: mediatorUpdateSchema,
          response: { 200: mediatorView },
        },
      },
      async (request) => registry.updateMediator(request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/mediation/mediators/:id/reveal-phone',
      {
        config: { permission: 'party:reveal' },
        schema: {
          tags,
          summary: '查看调解员完整电话（记入审计日志）',
          params: idParams,
          response: { 200: mediatorPhoneRevealSchema },
        },
      },
      async (request) => registry.revealMediatorPhone(request.ctx, request.params.id),
    );
    app.get(
      '/api/mediation/mediators/:id/trainings',
      {
        config: { permission: read },
        schema: {
          tags,
          summary: '调解员培训记录及各年度学时',
          params: idParams,
          response: { 200: mediatorTrainingListSchema },
        },
      },
      async (request) => registry.listTrainings(request.ctx, request.params.id),
    );
    app.post(
      '/api/mediation/mediators/:id/trainings',
      {
        config: { permission: manage },
        schema: {
          tags,
          summary: '登记一次培训（第十四条）',
          headers: idempotencyHeaders,
          params: idParams,
          body: mediatorTrainingInputSchema,
          response: { 201: trainingView },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          registry.addTraining(request.ctx, request.params.id, request.body, tx),
        ),
    );

    // ---- studios ----
    app.get(
      '/api/mediation/studios',
      {
        config: { permission: read },
        schema: {
          tags,
          summary: '人民调解工作室及创建进度（已建成 / 计划）',
          querystring: studioListQuerySchema,
          response: { 200: studioListSchema },
        },
      },
      async (request) => registry.listStudios(request.ctx, request.query),
    );
    app.post(
      '/api/mediation/studios',
      {
        config: { permission: manage },
        schema: {
          tags,
          summary: '计划创建调解工作室',
          headers: idempotencyHeaders,
          body: studioInputSchema,
          response: { 201: studioView },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          registry.createStudio(request.ctx, request.body, tx),
        ),
    );
    app.put(
      '/api/mediation/studios/:id',
      {
        config: { permission: manage },
        schema: {
          tags,
          summary: '修改调解工作室计划',
          params: idParams,
          body: studioUpdateSchema,
          response: { 200: studioView },
        },
      },
      async (request) => registry.updateStudio(request.ctx, request.params.id, request.body),
    );
    app.post(
      '/api/mediation/studios/:id/created',
      {
        config: { permission: manage },
        schema: {
          tags,
          summary: '标记工作室已建成（填写建成日期）',
          params: idParams,
          body: studioCreatedInputSchema,
          response: { 200: studioView },
        },
      },
      async (request) => registry.markStudioCreated(request.ctx, request.params.id, request.body),
    );
  };
}
