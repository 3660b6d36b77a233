import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { moduleServices } from './modules/business-module.ts';
import { accessRoutes } from './platform/access/access.routes.ts';
import { registerAccessHook } from './platform/access/access-hook.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { calendarRoutes } from './platform/calendar/calendar.routes.ts';
import { caseRoutes } from './platform/cases/cases.routes.ts';
import { documentsRoutes } from './platform/documents/documents.routes.ts';
import { filesRoutes } from './platform/files/files.routes.ts';
import { AppError } from './platform/http/app-error.ts';
import { registerErrorHandler } from './platform/http/error-handler.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { newRequestId } from './platform/http/request-id.ts';
import { enforceRoutePermissions, type RegisteredRoute } from './platform/http/route-permission.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { registerWebAssets, sendSpaShell } from './platform/http/web-assets.ts';
import { metricsRoutes } from './platform/metrics/metrics.routes.ts';
import { inboxRoutes } from './platform/notifications/inbox.routes.ts';
import { outboxTestRoutes } from './platform/notifications/outbox.routes.ts';
import { orgRoutes } from './platform/org/org.routes.ts';
import { personsRoutes } from './platform/persons/persons.routes.ts';
import { spreadsheetRoutes } from './platform/spreadsheets/spreadsheets.routes.ts';
import type { Services } from './services.ts';

// Validation messages in Chinese, for every schema in the process.
z.config(zhCN());

export interface App extends FastifyInstance {
  registeredRoutes: RegisteredRoute[];
}

export async function buildApp(services: Services): Promise<App> {
  const { config } = services;
  const app = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    genReqId: newRequestId,
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const registeredRoutes = enforceRoutePermissions(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandler(app);

  await registerSecurityHeaders(app, config.webDistDir);
  await app.register(cookie);
  registerAccessHook(app, services.auth);
  // Off by default; a route opts in with `config: { rateLimit: { max, timeWindow } }`.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => AppError.tooManyRequests(),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '珠城智慧司法平台 API',
        version: services.version,
        description:
          '每个接口都声明所需权限。错误统一返回 `{code, message, requestId, fields?}`，' +
          '其中 message 为可直接展示给用户的中文说明；校验错误在 fields 中逐项列出。',
      },
      tags: [
        { name: 'platform', description: '平台' },
        { name: 'auth', description: '登录与会话' },
        { name: 'access', description: '账号、角色与安全策略' },
        { name: 'org', description: '组织机构' },
        { name: 'audit', description: '审计日志' },
        { name: 'calendar', description: '节假日设置与工作日' },
        { name: 'files', description: '附件上传与下载' },
        { name: 'notifications', description: '消息中心' },
        { name: 'persons', description: '当事人（人员、单位与案件当事人）' },
        { name: 'spreadsheets', description: '台账导入与列表导出' },
        { name: 'documents', description: '文书（模板与案件文书）' },
      ],
    },
    transform: jsonSchemaTransform,
    // Recursive schemas (the organisation tree) are emitted once under components and referenced.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(healthRoutes(services));
  await app.register(
    authRoutes({
      auth: services.auth,
      db: services.database.db,
      loginRatePerMinute: config.loginRatePerMinute,
    }),
  );
  await app.register(accessRoutes(services));
  await app.register(orgRoutes(services));
  await app.register(calendarRoutes(services));
  await app.register(filesRoutes({ files: services.files, maxBytes: config.uploadMaxBytes }));
  await app.register(caseRoutes(services));
  await app.register(inboxRoutes(services));
  await app.register(personsRoutes(services));
  await app.register(
    spreadsheetRoutes({
      spreadsheets: services.spreadsheets,
      cases: services.cases,
      clock: services.clock,
      maxBytes: config.uploadMaxBytes,
    }),
  );
  await app.register(documentsRoutes(services));
  await app.register(metricsRoutes(services));
  for (const m of services.moduleList) {
    await app.register(m.routes(moduleServices(services, m), services));
  }
  // Test-only: lets tests and outside checks read one-time codes. Never registered in production.
  await app.register(
    outboxTestRoutes({ enabled: !config.isProduction, db: services.database.db, outbox: services.outbox }),
  );
  await app.register(
    auditRoutes({
      database: services.database,
      clock: services.clock,
      auditSigningKey: services.auditSigningKey,
    }),
  );

  await registerWebAssets(app, config.webDistDir);
  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    const wantsPage = request.method === 'GET' || request.method === 'HEAD';
    if (url.startsWith('/api/') || url === '/api' || !wantsPage || url.startsWith('/assets/')) {
      return reply
        .status(404)
        .send({ code: 'NOT_FOUND', message: '请求的接口或文件不存在', requestId: request.id });
    }
    return sendSpaShell(config.webDistDir, request, reply);
  });

  return Object.assign(app, { registeredRoutes }) as unknown as App;
}
