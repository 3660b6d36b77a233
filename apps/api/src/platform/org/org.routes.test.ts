import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { createTestDatabase } from '../../testing/test-database.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { registerErrorHandler } from '../http/error-handler.ts';
import '../http/request-context.ts';
import { enforceRoutePermissions, type RegisteredRoute } from '../http/route-permission.ts';
import { generateOrgTree } from './org.generate.ts';
import { expandSubtrees } from './org.repo.ts';
import { orgRoutes } from './org.routes.ts';
import { OrgService } from './org.service.ts';
import { auditRecorder, staffContext } from './org-testing.ts';

z.config(zhCN());

describe('organisation routes', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let cityBureauId: number;
  let registered: RegisteredRoute[] = [];
  const clock = fixedClock('2026-03-02T01:00:00Z');
  const recorder = auditRecorder();

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ cityBureauId } = await generateOrgTree(database.db, { cityDivisionCode: '450500', clock }));
    const org = new OrgService({ db: database.db, clock, audit: recorder.audit });
    app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registered = enforceRoutePermissions(app);
    registerErrorHandler(app);
    await app.register(swagger, {
      openapi: { openapi: '3.0.3', info: { title: 't', version: '0' } },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    // Stands in for the access hook: `x-test-units` lists the caller's units, absent means city-wide.
    app.decorateRequest('ctx');
    app.addHook('onRequest', async (request) => {
      const units = request.headers['x-test-units'];
      request.ctx =
        typeof units === 'string'
          ? staffContext({ unitIds: units.split(',').map(Number) })
          : staffContext({ all: true });
    });
    await app.register(orgRoutes({ org }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('declares the org permissions on every route', () => {
    expect(registered.filter((r) => r.url.startsWith('/api/org/'))).toEqual([
      { method: 'GET', url: '/api/org/units', permission: 'org:read' },
      { method: 'POST', url: '/api/org/units', permission: 'org:manage' },
      { method: 'PATCH', url: '/api/org/units/:id', permission: 'org:manage' },
    ]);
  });

  it('GET /api/org/units answers the tree in the caller scope', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/org/units' });
    expect(res.statusCode).toBe(200);
    const { tree } = res.json();
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({
      id: cityBureauId,
      name: '北海市司法局',
      kindLabel: '市司法局',
      parentId: null,
    });
    expect(tree[0].children).toHaveLength(6);
    const hepu = tree[0].children.find((c: { name: string }) => c.name === '合浦县司法局');
    expect(hepu.children).toHaveLength(16);

    const county = [...(await expandSubtrees(database.db, [hepu.id]))].join(',');
    const scoped = await app.inject({
      method: 'GET',
      url: '/api/org/units',
      headers: { 'x-test-units': county },
    });
    expect(scoped.json().tree.map((n: { name: string }) => n.name)).toEqual(['合浦县司法局']);
  });

  it('POST creates a unit (201) and validates in Chinese', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: cityBureauId, kind: 'notaryOffice', name: '北海市北海公证处' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'notaryOffice', kindLabel: '公证处', version: 1, depth: 1 });

    const bad = await app.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: cityBureauId, kind: 'bank', name: '  ' },
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['kind', 'name']);
    expect(body.fields.find((f: { path: string }) => f.path === 'name').message).toBe('请填写机构名称');
  });

  it('PATCH renames with the version, 409 when stale, 404 outside the scope', async () => {
    const tree = (await app.inject({ method: 'GET', url: '/api/org/units' })).json().tree;
    const notary = tree[0].children.find((c: { name: string }) => c.name === '北海市北海公证处');
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/org/units/${notary.id}`,
      payload: { name: '北海市海城公证处', version: notary.version },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '北海市海城公证处', version: notary.version + 1 });

    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/org/units/${notary.id}`,
      payload: { name: '北海市银海公证处', version: notary.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', message: '该机构已被他人修改，请刷新后重试' });

    const outside = await app.inject({
      method: 'PATCH',
      url: `/api/org/units/${notary.id}`,
      headers: { 'x-test-units': '999' },
      payload: { status: 'disabled', version: notary.version + 1 },
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().message).toBe('机构不存在或您无权查看');

    const empty = await app.inject({
      method: 'PATCH',
      url: `/api/org/units/${notary.id}`,
      payload: { version: 2 },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('请至少修改一项');
  });

  it('describes the recursive tree in OpenAPI (needs transformObject in the swagger setup)', async () => {
    const doc = app.swagger() as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/org/units', '/api/org/units/{id}']));
    expect(doc.components.schemas.OrgTreeNode?.properties.children).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/OrgTreeNode' },
    });
    expect(doc.components.schemas.OrgUnit?.properties).toHaveProperty('version');
  });
});
