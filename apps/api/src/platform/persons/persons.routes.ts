import {
  casePartyInputSchema,
  casePartyViewSchema,
  creditCodeLookupSchema,
  organisationInputSchema,
  organisationUpdateSchema,
  organisationViewSchema,
  personDocumentSchema,
  personInputSchema,
  personRevealSchema,
  personUpdateSchema,
  personViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../http/request-context.ts';
import type { PersonsService } from './persons.service.ts';

export interface PersonsRoutesDeps {
  persons: PersonsService;
}

const tags = ['persons'];
const personView = personViewSchema.meta({ id: 'Person', description: '人员（证件号、电话、住址为掩码）' });
const organisationView = organisationViewSchema.meta({ id: 'Organisation', description: '单位' });
const partyView = casePartyViewSchema.meta({ id: 'CaseParty', description: '案件当事人' });
const idParams = z.object({ id: z.uuid('编号格式不正确') });
const partyParams = z.object({ id: z.uuid('案件编号格式不正确'), partyId: z.uuid('当事人编号格式不正确') });
const nameQuery = z.object({
  name: z.string().trim().max(60, '姓名或名称不能超过 60 个字').optional(),
});

/**
 * 当事人: persons, organisations and the parties of a case. Document numbers travel in POST bodies, never
 * in a query string, so they do not land in access logs.
 */
export function personsRoutes(deps: PersonsRoutesDeps): FastifyPluginAsyncZod {
  const { persons } = deps;
  return async (app) => {
    app.get(
      '/api/persons',
      {
        config: { permission: 'party:read' },
        schema: {
          tags,
          summary: '按姓名查找人员（最多 50 人，证件号等为掩码）',
          querystring: nameQuery,
          response: { 200: z.object({ items: z.array(personView) }) },
        },
      },
      async (request) => ({
        items: await persons.listPersons(request.ctx, { name: request.query.name ?? '' }),
      }),
    );

    app.post(
      '/api/persons/lookup',
      {
        config: { permission: 'party:read' },
        schema: {
          tags,
          summary: '按证件类型和号码查找已登记的人员（号码在请求体中，不进访问日志）',
          body: personDocumentSchema,
          response: { 200: z.object({ person: personView.nullable() }) },
        },
      },
      async (request) => ({
        person: await persons.lookupPerson(request.ctx, request.body.idType, request.body.idNumber),
      }),
    );

    app.post(
      '/api/persons',
      {
        config: { permission: 'party:manage' },
        schema: {
          tags,
          summary: '登记人员：同一证件号码已登记的，返回原有人员（200），不重复登记；新登记返回 201',
          body: personInputSchema,
          response: {
            200: z.object({ person: personView, created: z.boolean() }),
            201: z.object({ person: personView, created: z.boolean() }),
          },
        },
      },
      async (request, reply) => {
        const result = await persons.findOrCreatePerson(request.ctx, request.body);
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );

    app.get(
      '/api/persons/:id',
      {
        config: { permission: 'party:read' },
        schema: { tags, summary: '人员详情（掩码）', params: idParams, response: { 200: personView } },
      },
      async (request) => persons.getPerson(request.ctx, request.params.id),
    );

    app.patch(
      '/api/persons/:id',
      {
        config: { permission: 'party:manage' },
        schema: {
          tags,
          summary: '修改人员信息（带版本号；他人已修改时返回 409）',
          params: idParams,
          body: personUpdateSchema,
          response: { 200: personView },
        },
      },
      async (request) => persons.updatePerson(request.ctx, request.params.id, request.body),
    );

    app.post(
      '/api/persons/:id/reveal',
      {
        config: { permission: 'party:reveal' },
        schema: {
          tags,
          summary: '查看完整证件号码、联系电话和住址（记入审计日志）',
          params: idParams,
          response: { 200: personRevealSchema },
        },
      },
      async (request) => persons.revealPerson(request.ctx, request.params.id),
    );

    app.get(
      '/api/organisations',
      {
        config: { permission: 'party:read' },
        schema: {
          tags,
          summary: '按名称查找单位（最多 50 个）',
          querystring: nameQuery,
          response: { 200: z.object({ items: z.array(organisationView) }) },
        },
      },
      async (request) => ({
        items: await persons.listOrganisations(request.ctx, { name: request.query.name ?? '' }),
      }),
    );

    app.post(
      '/api/organisations/lookup',
      {
        config: { permission: 'party:read' },
        schema: {
          tags,
          summary: '按统一社会信用代码查找已登记的单位',
          body: creditCodeLookupSchema,
          response: { 200: z.object({ organisation: organisationView.nullable() }) },
        },
      },
      async (request) => ({
        organisation: await persons.lookupOrganisation(request.ctx, request.body.creditCode),
      }),
    );

    app.post(
      '/api/organisations',
      {
        config: { permission: 'party:manage' },
        schema: {
          tags,
          summary: '登记单位：同一统一社会信用代码已登记的，返回原有单位（200）；新登记返回 201',
          body: organisationInputSchema,
          response: {
            200: z.object({ organisation: organisationView, created: z.boolean() }),
            201: z.object({ organisation: organisationView, created: z.boolean() }),
          },
        },
      },
      async (request, reply) => {
        const result = await persons.findOrCreateOrganisation(request.ctx, request.body);
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );

    app.get(
      '/api/organisations/:id',
      {
        config: { permission: 'party:read' },
        schema: { tags, summary: '单位详情', params: idParams, response: { 200: organisationView } },
      },
      async (request) => persons.getOrganisation(request.ctx, request.params.id),
    );

    app.patch(
      '/api/organisations/:id',
      {
        config: { permission: 'party:manage' },
        schema: {
          tags,
          summary: '修改单位信息（带版本号；他人已修改时返回 409）',
          params: idParams,
          body: organisationUpdateSchema,
          response: { 200: organisationView },
        },
      },
      async (request) => persons.updateOrganisation(request.ctx, request.params.id, request.body),
    );

    app.get(
      '/api/cases/:id/parties',
      {
        config: { permission: 'party:read' },
        schema: {
          tags,
          summary: '案件当事人（案件须在本人数据权限范围内）',
          params: idParams,
          response: { 200: z.object({ items: z.array(partyView) }) },
        },
      },
      async (request) => ({ items: await persons.listParties(request.ctx, request.params.id) }),
    );

    app.post(
      '/api/cases/:id/parties',
      {
        config: { permission: 'party:manage' },
        schema: {
          tags,
          summary: '把已登记的人员或单位列为案件当事人',
          params: idParams,
          body: casePartyInputSchema,
          response: { 201: partyView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await persons.addParty(request.ctx, request.params.id, request.body)),
    );

    app.delete(
      '/api/cases/:id/parties/:partyId',
      {
        config: { permission: 'party:manage' },
        schema: { tags, summary: '移除案件当事人', params: partyParams },
      },
      async (request, reply) => {
        await persons.removeParty(request.ctx, request.params.id, request.params.partyId);
        return reply.status(204).send();
      },
    );
  };
}
