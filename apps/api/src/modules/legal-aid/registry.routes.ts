import {
  consultationInputSchema,
  consultationListQuerySchema,
  consultationUpdateSchema,
  consultationViewSchema,
  dutyEntryInputSchema,
  dutyEntryUpdateSchema,
  dutyEntryViewSchema,
  lawyerAccountListSchema,
  lawyerInputSchema,
  lawyerUpdateSchema,
  lawyerViewSchema,
  stationInputSchema,
  stationUpdateSchema,
  stationViewSchema,
  supportTeamInputSchema,
  supportTeamUpdateSchema,
  supportTeamViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../../platform/http/request-context.ts';
import type { RegistryService } from './registry.service.ts';

const lawyerView = lawyerViewSchema.meta({ id: 'LegalAidLawyer', description: '法律援助律师' });
const stationView = stationViewSchema.meta({ id: 'LegalAidStation', description: '法律援助工作站' });
const dutyView = dutyEntryViewSchema.meta({ id: 'LegalAidDutyEntry', description: '值班安排' });
const teamView = supportTeamViewSchema.meta({ id: 'LegalAidSupportTeam', description: '法律援助支援队伍' });
const consultationView = consultationViewSchema.meta({
  id: 'LegalAidConsultation',
  description: '法律咨询记录',
});

const idParams = z.object({ id: z.uuid({ error: '记录编号不正确' }) });
const versionQuery = z.object({
  version: z.coerce.number({ error: '缺少版本号，请刷新后重试' }).int('版本号不正确'),
});
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD 格式');

const tags = ['legal-aid registry'];

/** 法律援助登记: lawyers, duty roster, workstations, support teams, consultations. */
export function registryRoutes(registry: RegistryService): FastifyPluginAsyncZod {
  return async (app) => {
    // ---- lawyers ----
    app.get(
      '/api/legal-aid/lawyers',
      {
        config: { permission: 'legalAid:readRegistry' },
        schema: {
          tags,
          summary: '律师库：本单位及下级登记的法律援助律师',
          querystring: z.object({ name: z.string().max(30, '姓名不能超过 30 个字').optional() }),
          response: { 200: z.object({ items: z.array(lawyerView) }) },
        },
      },
      async (request) => ({ items: await registry.listLawyers(request.ctx, request.query) }),
    );
    app.get(
      '/api/legal-aid/lawyer-accounts',
      {
        config: { permission: 'legalAid:manageRegistry' },
        schema: {
          tags,
          summary: '可关联的律师账号（系统管理员建立、角色为律师的账号）',
          response: { 200: lawyerAccountListSchema },
        },
      },
      async (request) => ({ items: await registry.listLawyerAccounts(request.ctx) }),
    );
    app.get(
      '/api/legal-aid/lawyers/:id',
      {
        config: { permission: 'legalAid:readRegistry' },
        schema: { tags, summary: '一名律师的登记信息', params: idParams, response: { 200: lawyerView } },
      },
      async (request) => registry.getLawyer(request.ctx, request.params.id),
    );
    app.post(
      '/api/legal-aid/lawyers',
      {
        config: { permission: 'legalAid:manageRegistry' },
        schema: {
          tags,
          summary: '登记法律援助律师（可关联系统管理员建立的律师账号）',
          body: lawyerInputSchema,
          response: { 201: lawyerView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registry.createLawyer(request.ctx, request.body)),
    );
    app.put(
      '/api/legal-aid/lawyers/:id',
      {
        config: { permission: 'legalAid:manageRegistry' },
        schema: {
          tags,
          summary: '修改律师登记信息（含不可指派时段、公益值班岗、退出日期）',
          params: idParams,
          body: lawyerUpdateSchema,
          response: { 200: lawyerView },
        },
      },
      async (request) => registry.updateLawyer(request.ctx, request.params.id, request.body),
    );

    // ---- duty roster ----
    app.get(
      '/api/legal-aid/duty-roster',
      {
        config: { permission: 'legalAid:readRegistry' },
        schema: {
          tags,
          summary: '值班安排（可按日期、律师筛选）',
          querystring: z.object({
            on: isoDay.optional(),
            lawyerId: z.uuid({ error: '律师编号不正确' }).optional(),
          }),
          response: { 200: z.object({ items: z.array(dutyView) }) },
        },
      },
      async (request) => ({ items: await registry.listDutyEntries(request.ctx, request.query) }),
    );
    app.post(
      '/api/legal-aid/duty-roster',
      {
        config: { permission: 'legalAid:manageRegistry' },
        schema: { tags, summary: '新增值班安排', body: dutyEntryInputSchema, response: { 201: dutyView } },
      },
      async (request, reply) =>
        reply.status(201).send(await registry.createDutyEntry(request.ctx, request.body)),
    );
    app.put(
      '/api/legal-aid/duty-roster/:id',
      {
        config: { permission: 'legalAid:manageRegistry' },
        schema: {
          tags,
          summary: '修改值班安排',
          params: idParams,
          body: dutyEntryUpdateSchema,
          response: { 200: dutyView },
        },
      },
      async (request) => registry.updateDutyEntry(request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/api/legal-aid/duty-roster/:id',
      {
        config: { permission: 'legalAid:manageRegistry' },
        schema: { tags, summary: '删除值班安排', params: idParams, querystring: versionQuery },
      },
      async (request, reply) => {
        await registry.deleteDutyEntry(request.ctx, request.params.id, request.query.version);
        return reply.status(204).send();
      },
    );

    // ---- workstations ----
    app.get(
      '/api/legal-aid/workstations',
      {
        config: { permission: 'legalAid:readRegistry' },
        schema: {
          tags,
          summary: '法律援助工作站',
          response: { 200: z.object({ items: z.array(stationView) }) },
        },
      },
      async (request) => ({ items: await registry.listStations(request.ctx) }),
    );
    app.post(
      '/api/legal-aid/workstations',
      {
        config: { permission: 'legalAid:manageRegistry' },
        schema: {
          tags,
          summary: '新建法律援助工作站',
          body: stationInputSchema,
          response: { 201: stationView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registry.createStation(request.ctx, request.body)),
    );
    app.put(
      '/api/legal-aid/workstations/:id',
      {
        config: { permission: 'legalAid:manageRegistry' },
        schema: {
          tags,
          summary: '修改工作站（撤销时填写撤销日期）',
          params: idParams,
          body: stationUpdateSchema,
          response: { 200: stationView },
        },
      },
      async (request) => registry.updateStation(request.ctx, request.params.id, request.body),
    );

    // ---- support teams ----
    app.get(
      '/api/legal-aid/support-teams',
      {
        config: { permission: 'legalAid:readRegistry' },
        schema: {
          tags,
          summary: '法律援助支援队伍',
          response: { 200: z.object({ items: z.array(teamView) }) },
        },
      },
      async (request) => ({ items: await registry.listSupportTeams(request.ctx) }),
    );
    app.post(
      '/api/legal-aid/support-teams',
      {
        config: { permission: 'legalAid:manageRegistry' },
        schema: { tags, summary: '新建支援队伍', body: supportTeamInputSchema, response: { 201: teamView } },
      },
      async (request, reply) =>
        reply.status(201).send(await registry.createSupportTeam(request.ctx, request.body)),
    );
    app.put(
      '/api/legal-aid/support-teams/:id',
      {
        config: { permission: 'legalAid:manageRegistry' },
        schema: {
          tags,
          summary: '修改支援队伍（队员、撤销日期）',
          params: idParams,
          body: supportTeamUpdateSchema,
          response: { 200: teamView },
        },
      },
      async (request) => registry.updateSupportTeam(request.ctx, request.params.id, request.body),
    );

    // ---- consultations ----
    app.get(
      '/api/legal-aid/consultations',
      {
        config: { permission: 'legalAid:consult' },
        schema: {
          tags,
          summary: '咨询登记列表（姓名、电话脱敏）',
          querystring: consultationListQuerySchema,
          response: { 200: z.object({ items: z.array(consultationView), total: z.number() }) },
        },
      },
      async (request) => registry.listConsultations(request.ctx, request.query),
    );
    app.post(
      '/api/legal-aid/consultations',
      {
        config: { permission: 'legalAid:consult' },
        schema: {
          tags,
          summary: '登记一次法律咨询',
          body: consultationInputSchema,
          response: { 201: consultationView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registry.createConsultation(request.ctx, request.body)),
    );
    app.put(
      '/api/legal-aid/consultations/:id',
      {
        config: { permission: 'legalAid:consult' },
        schema: {
          tags,
          summary: '更正咨询记录（不传电话则保留原电话）',
          params: idParams,
          body: consultationUpdateSchema,
          response: { 200: consultationView },
        },
      },
      async (request) => registry.updateConsultation(request.ctx, request.params.id, request.body),
    );
    app.delete(
      '/api/legal-aid/consultations/:id',
      {
        config: { permission: 'legalAid:consult' },
        schema: { tags, summary: '删除误登记的咨询记录', params: idParams, querystring: versionQuery },
      },
      async (request, reply) => {
        await registry.deleteConsultation(request.ctx, request.params.id, request.query.version);
        return reply.status(204).send();
      },
    );
  };
}
