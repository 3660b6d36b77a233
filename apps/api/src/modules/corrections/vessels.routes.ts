import {
  portalSeaTripsViewSchema,
  seaTripListQuerySchema,
  seaTripListSchema,
  seaTripViewSchema,
  superviseeVesselsViewSchema,
  vesselListQuerySchema,
  vesselListSchema,
  vesselSettingsViewSchema,
  vesselViewSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { VesselsService } from './vessels.service.ts';

const caseParams = z.object({ caseId: z.uuid('社区矫正对象编号不正确') });
const windowParams = caseParams.extend({ windowId: z.uuid('在船记录编号不正确') });
const vesselParams = z.object({ vesselId: z.uuid('船舶编号不正确') });
const tripParams = z.object({ tripId: z.uuid('出海报备编号不正确') });
const tags = ['corrections'];

// 船舶与出海报备: the office's routes (vessels, the supervisee's basis and aboard windows, sea trips) and the
// supervisee's portal routes under /api/corrections/portal/sea-trips. Bodies are validated by the service.
export function vesselsRoutes(deps: {
  vessels: VesselsService;
  idempotency: Pick<IdempotencyService, 'withIdempotency'>;
}): FastifyPluginAsyncZod {
  const { vessels, idempotency } = deps;
  return async (app) => {
    app.get(
      '/api/corrections/vessel-settings',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '休渔期、返港宽限与船舶定位依据（配置）',
          response: { 200: vesselSettingsViewSchema },
        },
      },
      async () => vessels.settings(),
    );

    // ---- vessels ----
    app.get(
      '/api/corrections/vessels',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '船舶',
          querystring: vesselListQuerySchema,
          response: { 200: vesselListSchema },
        },
      },
      async (request) => vessels.listVessels(request.ctx, request.query),
    );
    app.post(
      '/api/corrections/vessels',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '登记船舶',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: vesselViewSchema, 200: vesselViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          vessels.createVessel(tx, request.ctx, request.body),
        ),
    );
    app.get(
      '/api/corrections/vessels/:vesselId',
      {
        config: { permission: 'corrections:read' },
        schema: { tags, summary: '船舶信息', params: vesselParams, response: { 200: vesselViewSchema } },
      },
      async (request) => vessels.vessel(request.ctx, request.params.vesselId),
    );
    app.patch(
      '/api/corrections/vessels/:vesselId',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '修改船舶信息',
          params: vesselParams,
          body: z.unknown(),
          response: { 200: vesselViewSchema },
        },
      },
      async (request) => vessels.updateVessel(request.ctx, request.params.vesselId, request.body),
    );

    // ---- the supervisee: basis and aboard windows ----
    const tab = { 200: superviseeVesselsViewSchema };
    app.get(
      '/api/corrections/supervisees/:caseId/vessels',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '船舶与出海（定位依据、在船记录、出海报备）',
          params: caseParams,
          response: tab,
        },
      },
      async (request) => vessels.superviseeVessels(request.ctx, request.params.caseId),
    );
    app.put(
      '/api/corrections/supervisees/:caseId/tracking-consent',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '记录船舶定位的书面同意（依地方规定）',
          params: caseParams,
          body: z.unknown(),
          response: tab,
        },
      },
      async (request) => vessels.recordConsent(request.ctx, request.params.caseId, request.body),
    );
    app.post(
      '/api/corrections/supervisees/:caseId/aboard-windows',
      {
        config: { permission: 'corrections:supervise' },
        schema: { tags, summary: '登记在船记录', params: caseParams, body: z.unknown(), response: tab },
      },
      async (request) => vessels.addWindow(request.ctx, request.params.caseId, request.body),
    );
    app.patch(
      '/api/corrections/supervisees/:caseId/aboard-windows/:windowId',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '修改在船记录（如填写离船时间）',
          params: windowParams,
          body: z.unknown(),
          response: tab,
        },
      },
      async (request) =>
        vessels.updateWindow(request.ctx, request.params.caseId, request.params.windowId, request.body),
    );
    app.delete(
      '/api/corrections/supervisees/:caseId/aboard-windows/:windowId',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '删除误登记的在船记录',
          params: windowParams,
          querystring: z.object({ version: z.coerce.number({ error: '缺少版本号，请刷新后重试' }).int() }),
          response: tab,
        },
      },
      async (request) =>
        vessels.removeWindow(request.ctx, request.params.caseId, request.params.windowId, request.query),
    );

    // ---- sea trips: the office ----
    app.get(
      '/api/corrections/sea-trips',
      {
        config: { permission: 'corrections:read' },
        schema: {
          tags,
          summary: '出海报备',
          querystring: seaTripListQuerySchema,
          response: { 200: seaTripListSchema },
        },
      },
      async (request) => vessels.listTrips(request.ctx, request.query),
    );
    app.post(
      '/api/corrections/sea-trips',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '代社区矫正对象出海报备',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: seaTripViewSchema, 200: seaTripViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          vessels.fileForSupervisee(tx, request.ctx, request.body),
        ),
    );
    app.get(
      '/api/corrections/sea-trips/:tripId',
      {
        config: { permission: 'corrections:read' },
        schema: { tags, summary: '出海报备详情', params: tripParams, response: { 200: seaTripViewSchema } },
      },
      async (request) => vessels.trip(request.ctx, request.params.tripId),
    );
    const officeActions = [
      ['approve', '同意出海'],
      ['reject', '不同意出海（附理由）'],
      ['depart', '记录出海'],
      ['return', '返港报告'],
      ['cancel', '撤回出海报备'],
    ] as const;
    for (const [action, summary] of officeActions) {
      app.post(
        `/api/corrections/sea-trips/:tripId/${action}`,
        {
          config: { permission: 'corrections:supervise' },
          schema: {
            tags,
            summary,
            params: tripParams,
            body: z.unknown(),
            response: { 200: seaTripViewSchema },
          },
        },
        async (request) => vessels.act(request.ctx, request.params.tripId, action, request.body),
      );
    }
    app.post(
      '/api/corrections/sea-trips/:tripId/logs',
      {
        config: { permission: 'corrections:supervise' },
        schema: {
          tags,
          summary: '记录海上日志',
          params: tripParams,
          body: z.unknown(),
          response: { 200: seaTripViewSchema },
        },
      },
      async (request) => vessels.addLog(request.ctx, request.params.tripId, request.body),
    );

    // ---- sea trips: the supervisee in the portal ----
    app.get(
      '/api/corrections/portal/sea-trips',
      {
        config: { permission: 'authenticated' },
        schema: { tags, summary: '我的出海报备（本人）', response: { 200: portalSeaTripsViewSchema } },
      },
      async (request) => vessels.portalView(request.ctx),
    );
    app.post(
      '/api/corrections/portal/sea-trips',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: '出海报备（本人，出海前提交）',
          headers: idempotencyHeaders,
          body: z.unknown(),
          response: { 201: seaTripViewSchema, 200: seaTripViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          vessels.portalFile(tx, request.ctx, request.body),
        ),
    );
    const portalActions = [
      ['depart', '出海（本人）'],
      ['return', '返港报告（本人）'],
      ['cancel', '撤回出海报备（本人）'],
    ] as const;
    for (const [action, summary] of portalActions) {
      app.post(
        `/api/corrections/portal/sea-trips/:tripId/${action}`,
        {
          config: { permission: 'authenticated' },
          schema: {
            tags,
            summary,
            params: tripParams,
            body: z.unknown(),
            response: { 200: seaTripViewSchema },
          },
        },
        async (request) => vessels.portalAct(request.ctx, request.params.tripId, action, request.body),
      );
    }
    app.post(
      '/api/corrections/portal/sea-trips/:tripId/logs',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: '海上日志（本人）',
          params: tripParams,
          body: z.unknown(),
          response: { 200: seaTripViewSchema },
        },
      },
      async (request) => vessels.portalLog(request.ctx, request.params.tripId, request.body),
    );
  };
}
