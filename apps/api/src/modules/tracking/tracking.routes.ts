import {
  alertAssigneesSchema,
  alertDetailSchema,
  alertListQuerySchema,
  alertListSchema,
  fenceDetailSchema,
  fenceInputSchema,
  fenceListSchema,
  fenceUpdateSchema,
  fenceViewSchema,
  gatewayStatusSchema,
  INGEST_MAX_ITEMS,
  ingestBatchSchema,
  ingestResultSchema,
  installationEndSchema,
  installationInputSchema,
  terminalDetailSchema,
  terminalInputSchema,
  terminalListQuerySchema,
  terminalListSchema,
  terminalUpdateSchema,
  terminalViewSchema,
  trackQuerySchema,
  trackViewSchema,
  triageInputSchema,
  vendorInputSchema,
  vendorKeySchema,
  vendorListSchema,
  vendorViewSchema,
  vesselPositionListSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeaders, idempotentCreate } from '../../platform/idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../../platform/idempotency/idempotency.service.ts';
import type { AlertsService } from './alerts.service.ts';
import type { FencesService } from './fences.service.ts';
import type { TrackingGateway } from './gateway.ts';
import type { TerminalsService } from './terminals.service.ts';
import type { TrackService } from './track.service.ts';
import type { VendorsService } from './vendors.service.ts';

const tags = ['tracking'];
const terminalParams = z.object({ terminalId: z.uuid('终端编号不正确') });
const installationParams = terminalParams.extend({ installationId: z.uuid('安装记录编号不正确') });
const vesselParams = z.object({ vesselId: z.uuid('船舶编号不正确') });
const caseParams = z.object({ caseId: z.uuid('社区矫正对象编号不正确') });
const vendorParams = z.object({ vendorId: z.uuid('厂商编号不正确') });
const fenceParams = z.object({ fenceId: z.uuid('围栏编号不正确') });
const alertParams = z.object({ alertId: z.uuid('告警编号不正确') });

export interface TrackingRoutesDeps {
  terminals: TerminalsService;
  vendors: VendorsService;
  track: TrackService;
  fences: FencesService;
  alerts: AlertsService;
  /** The gateway this process runs, if any (its status). */
  gateway: () => TrackingGateway | null;
  idempotency: Pick<IdempotencyService, 'withIdempotency'>;
}

export function trackingRoutes(deps: TrackingRoutesDeps): FastifyPluginAsyncZod {
  const { terminals, vendors, track, fences, alerts, idempotency } = deps;
  return async (app) => {
    // ---- fences ----
    app.get(
      '/api/tracking/fences',
      {
        config: { permission: 'tracking:read' },
        schema: { tags, summary: '电子围栏', response: { 200: fenceListSchema } },
      },
      async (request) => fences.list(request.ctx),
    );
    app.post(
      '/api/tracking/fences',
      {
        config: { permission: 'tracking:manageFences' },
        schema: {
          tags,
          summary: '新建电子围栏',
          headers: idempotencyHeaders,
          body: fenceInputSchema,
          response: { 201: fenceViewSchema, 200: fenceViewSchema },
        },
      },
      async (request, reply) => {
        const view = await idempotentCreate(idempotency, request, reply, (tx) =>
          fences.create(tx, request.ctx, request.body),
        );
        fences.changed();
        return view;
      },
    );
    app.get(
      '/api/tracking/fences/:fenceId',
      {
        config: { permission: 'tracking:read' },
        schema: {
          tags,
          summary: '围栏详情及历史版本',
          params: fenceParams,
          response: { 200: fenceDetailSchema },
        },
      },
      async (request) => fences.detail(request.ctx, request.params.fenceId),
    );
    app.patch(
      '/api/tracking/fences/:fenceId',
      {
        config: { permission: 'tracking:manageFences' },
        schema: {
          tags,
          summary: '修改围栏（保存为新版本）',
          params: fenceParams,
          body: fenceUpdateSchema,
          response: { 200: fenceDetailSchema },
        },
      },
      async (request) => fences.update(request.ctx, request.params.fenceId, request.body),
    );

    // ---- alerts ----
    app.get(
      '/api/tracking/alerts',
      {
        config: { permission: 'tracking:read' },
        schema: {
          tags,
          summary: '海上告警队列',
          querystring: alertListQuerySchema,
          response: { 200: alertListSchema },
        },
      },
      async (request) => alerts.list(request.ctx, request.query),
    );
    app.get(
      '/api/tracking/alerts/:alertId',
      {
        config: { permission: 'tracking:read' },
        schema: { tags, summary: '告警详情', params: alertParams, response: { 200: alertDetailSchema } },
      },
      async (request) => alerts.detail(request.ctx, request.params.alertId),
    );
    app.get(
      '/api/tracking/alerts/:alertId/assignees',
      {
        config: { permission: 'tracking:handleAlerts' },
        schema: {
          tags,
          summary: '可指派的处置人员',
          params: alertParams,
          response: { 200: alertAssigneesSchema },
        },
      },
      async (request) => alerts.assignees(request.ctx, request.params.alertId),
    );
    app.post(
      '/api/tracking/alerts/:alertId/triage',
      {
        config: { permission: 'tracking:handleAlerts' },
        schema: {
          tags,
          summary: '确认、指派、办结或重新打开告警',
          params: alertParams,
          body: triageInputSchema,
          response: { 200: alertDetailSchema },
        },
      },
      async (request) => alerts.act(request.ctx, request.params.alertId, request.body),
    );

    // ---- terminals ----
    app.get(
      '/api/tracking/terminals',
      {
        config: { permission: 'tracking:read' },
        schema: {
          tags,
          summary: '卫星终端',
          querystring: terminalListQuerySchema,
          response: { 200: terminalListSchema },
        },
      },
      async (request) => terminals.list(request.ctx, request.query),
    );
    app.post(
      '/api/tracking/terminals',
      {
        config: { permission: 'tracking:manageTerminals' },
        schema: {
          tags,
          summary: '登记卫星终端',
          headers: idempotencyHeaders,
          body: terminalInputSchema,
          response: { 201: terminalViewSchema, 200: terminalViewSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          terminals.create(tx, request.ctx, request.body),
        ),
    );
    app.get(
      '/api/tracking/terminals/:terminalId',
      {
        config: { permission: 'tracking:read' },
        schema: {
          tags,
          summary: '终端详情',
          params: terminalParams,
          response: { 200: terminalDetailSchema },
        },
      },
      async (request) => terminals.detail(request.ctx, request.params.terminalId),
    );
    app.patch(
      '/api/tracking/terminals/:terminalId',
      {
        config: { permission: 'tracking:manageTerminals' },
        schema: {
          tags,
          summary: '修改或停用终端',
          params: terminalParams,
          body: terminalUpdateSchema,
          response: { 200: terminalViewSchema },
        },
      },
      async (request) => terminals.update(request.ctx, request.params.terminalId, request.body),
    );
    app.post(
      '/api/tracking/terminals/:terminalId/installations',
      {
        config: { permission: 'tracking:manageTerminals' },
        schema: {
          tags,
          summary: '登记终端安装到船舶',
          params: terminalParams,
          body: installationInputSchema,
          response: { 200: terminalDetailSchema },
        },
      },
      async (request) => terminals.install(request.ctx, request.params.terminalId, request.body),
    );
    app.post(
      '/api/tracking/terminals/:terminalId/installations/:installationId/end',
      {
        config: { permission: 'tracking:manageTerminals' },
        schema: {
          tags,
          summary: '登记终端拆除',
          params: installationParams,
          body: installationEndSchema,
          response: { 200: terminalDetailSchema },
        },
      },
      async (request) =>
        terminals.endInstallation(
          request.ctx,
          request.params.terminalId,
          request.params.installationId,
          request.body,
        ),
    );

    // ---- positions and tracks ----
    app.get(
      '/api/tracking/vessels/positions',
      {
        config: { permission: 'tracking:read' },
        schema: { tags, summary: '船舶最新位置', response: { 200: vesselPositionListSchema } },
      },
      async (request) => track.vesselPositions(request.ctx),
    );
    app.get(
      '/api/tracking/vessels/:vesselId/track',
      {
        config: { permission: 'tracking:read' },
        schema: {
          tags,
          summary: '船舶轨迹',
          params: vesselParams,
          querystring: trackQuerySchema,
          response: { 200: trackViewSchema },
        },
      },
      async (request) => track.vesselTrack(request.ctx, request.params.vesselId, request.query),
    );
    app.get(
      '/api/tracking/supervisees/:caseId/track',
      {
        config: { permission: 'tracking:read' },
        schema: {
          tags,
          summary: '社区矫正对象所在船舶的轨迹（仅依据齐备的在船时段）',
          params: caseParams,
          querystring: trackQuerySchema,
          response: { 200: trackViewSchema },
        },
      },
      async (request) => track.superviseeTrack(request.ctx, request.params.caseId, request.query),
    );

    // ---- vendors, their keys, the gateway ----
    app.get(
      '/api/tracking/vendors',
      {
        config: { permission: 'tracking:manageVendors' },
        schema: { tags, summary: '终端厂商平台', response: { 200: vendorListSchema } },
      },
      async (request) => vendors.list(request.ctx),
    );
    app.post(
      '/api/tracking/vendors',
      {
        config: { permission: 'tracking:manageVendors' },
        schema: {
          tags,
          summary: '登记终端厂商平台',
          body: vendorInputSchema,
          response: { 201: vendorViewSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await vendors.create(request.ctx, request.body)),
    );
    app.post(
      '/api/tracking/vendors/:vendorId/key',
      {
        config: { permission: 'tracking:manageVendors' },
        schema: {
          tags,
          summary: '生成或轮换接入密钥（只显示一次）',
          params: vendorParams,
          response: { 200: vendorKeySchema },
        },
      },
      async (request) => vendors.issueKey(request.ctx, request.params.vendorId),
    );
    app.delete(
      '/api/tracking/vendors/:vendorId/key',
      {
        config: { permission: 'tracking:manageVendors' },
        schema: { tags, summary: '吊销接入密钥', params: vendorParams, response: { 200: vendorViewSchema } },
      },
      async (request) => vendors.revokeKey(request.ctx, request.params.vendorId),
    );
    app.get(
      '/api/tracking/gateway',
      {
        config: { permission: 'tracking:manageVendors' },
        schema: { tags, summary: 'JT/T 808 接入网关状态', response: { 200: gatewayStatusSchema } },
      },
      async () =>
        deps.gateway()?.status() ?? {
          listening: false,
          port: null,
          connections: 0,
          authenticated: 0,
          framesIn: 0,
          framesRejected: 0,
          bytesDropped: 0,
          positionsQueued: 0,
          positionsStored: 0,
          positionsDuplicate: 0,
          positionsFiltered: 0,
          startedAt: null,
        },
    );

    // ---- vendor platforms' batch ingest (a key, not a session) ----
    app.post(
      '/api/tracking/ingest',
      {
        config: { permission: 'public' },
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          summary: `厂商平台批量推送定位与报警（每批最多 ${INGEST_MAX_ITEMS} 条；按终端与时间去重，可安全重试）`,
          headers: z.object({ 'x-vendor-key': z.string().optional() }),
          body: ingestBatchSchema,
          response: { 200: ingestResultSchema },
        },
      },
      async (request) => {
        const vendor = await vendors.vendorByKey(request.headers['x-vendor-key']);
        return vendors.ingest(vendor, request.body);
      },
    );
  };
}
