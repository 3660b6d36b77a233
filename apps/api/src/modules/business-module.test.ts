import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseFlowMetric } from '../platform/metrics/case-metrics.ts';
import { exampleCaseSeries } from '../platform/numbering/numbering-testing.ts';
import { exampleApplication } from '../platform/workflow/workflow-testing.ts';
import { signIn } from '../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../testing/test-app.ts';
import { type BusinessModule, defineBusinessModule, moduleServices } from './business-module.ts';
import { shippedModules } from './index.ts';

// A module as a business line declares one: its case type, number series and metric reach the platform's
// registries, its services are built once from the platform's, and its routes are served by the app.
class GreetingService {
  constructor(readonly caseTypeName: string) {}
  greet(name: string) {
    return `您好，${name}。本模块办理“${this.caseTypeName}”。`;
  }
}

const exampleModule = defineBusinessModule({
  name: 'example',
  label: '示例业务',
  caseTypes: [exampleApplication],
  numberSeries: [exampleCaseSeries],
  metrics: [
    caseFlowMetric({
      name: 'example.cases',
      label: '示例申请收结案情况',
      description: '示例',
      caseTypes: ['example.application'],
    }),
  ],
  createServices: (platform) => new GreetingService(platform.workflow.types.get('example.application').name),
  routes: (greeting) => async (app) => {
    app.get(
      '/api/example/greeting',
      {
        config: { permission: 'authenticated' },
        schema: { querystring: z.object({ name: z.string().min(1) }) },
      },
      async (request) => ({ text: greeting.greet(request.query.name) }),
    );
  },
});

describe('business modules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: [exampleModule as BusinessModule] });
  });
  afterAll(() => t?.close());

  it("puts a module's declarations into the platform's registries and builds its services once", () => {
    expect(t.services.workflow.types.has('example.application')).toBe(true);
    expect(t.services.numbering.series.has('example.case')).toBe(true);
    expect(t.services.moduleList.map((m) => m.name)).toEqual(['example']);
    const greeting = moduleServices(t.services, exampleModule);
    expect(greeting).toBeInstanceOf(GreetingService);
    expect(moduleServices(t.services, exampleModule)).toBe(greeting);
  });

  it("serves the module's routes behind the platform's access gate", async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/example/greeting?name=张三' });
    expect(anonymous.statusCode).toBe(401);
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const res = await admin.request('GET', `/api/example/greeting?name=${encodeURIComponent('张三')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ text: '您好，张三。本模块办理“示例申请”。' });
  });

  it('refuses a module name that is not camelCase', () => {
    expect(() => defineBusinessModule({ ...exampleModule, name: 'legal-aid' })).toThrow(/camelCase/);
  });

  it('ships every module once', () => {
    const names = shippedModules.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
