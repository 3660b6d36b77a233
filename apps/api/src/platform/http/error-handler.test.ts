import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { AppError } from './app-error.ts';
import { registerErrorHandler } from './error-handler.ts';

// The same compilers and handler buildApp installs, around routes that fail in each way a user can meet.
describe('error handler', () => {
  let app: FastifyInstance;
  const secret = 'connection to 10.0.0.5 refused: password=hunter2';

  beforeAll(async () => {
    z.config(zhCN());
    const typed = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    typed.setValidatorCompiler(validatorCompiler);
    typed.setSerializerCompiler(serializerCompiler);
    registerErrorHandler(typed);
    await typed.register(rateLimit, {
      global: false,
      errorResponseBuilder: () => AppError.tooManyRequests(),
    });
    typed.post(
      '/echo',
      {
        schema: {
          body: z.object({
            name: z.string().min(2),
            age: z.number().int().min(0),
            contact: z.object({ phone: z.string().regex(/^1\d{10}$/, '请填写 11 位手机号') }),
          }),
          querystring: z.object({ page: z.coerce.number().int().min(1).default(1) }),
        },
      },
      async (req) => ({ ok: true, name: req.body.name }),
    );
    typed.get('/conflict', async () => {
      throw AppError.conflict('该记录已被他人修改，请刷新后重试');
    });
    typed.get('/crash', async () => {
      throw new Error(secret);
    });
    typed.get('/limited', { config: { rateLimit: { max: 2, timeWindow: 60_000 } } }, async () => ({
      ok: true,
    }));
    await typed.ready();
    app = typed;
  });
  afterAll(() => app.close());

  it('lists each invalid field with a Chinese message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      payload: { name: '王', age: -1, contact: { phone: '123' } },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['age', 'contact.phone', 'name']);
    expect(body.fields.find((f: { path: string }) => f.path === 'contact.phone').message).toBe(
      '请填写 11 位手机号',
    );
    // zod's Chinese locale, not English.
    expect(body.fields.find((f: { path: string }) => f.path === 'name').message).toMatch(/[\u4e00-\u9fa5]/);
    expect(body.message).toMatch(/^提交的内容有误：/);
  });

  it('names query parameters as such', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/echo?page=0',
      payload: { name: '王小明', age: 30, contact: { phone: '13800138000' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('查询参数 page');
  });

  it('accepts a valid request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      payload: { name: '王小明', age: 30, contact: { phone: '13800138000' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, name: '王小明' });
  });

  it('explains malformed JSON in Chinese', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'INVALID_JSON',
      message: '提交的内容不是有效的 JSON，请检查后重试',
    });
  });

  it('answers an AppError with its own status, code and message', async () => {
    const res = await app.inject({ method: 'GET', url: '/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重试' });
  });

  it('never leaks internals in a 500', async () => {
    const res = await app.inject({ method: 'GET', url: '/crash' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(body.message).toContain(body.requestId);
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('10.0.0.5');
  });

  it('rate-limits a route that opts in, in Chinese', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await app.inject({ method: 'GET', url: '/limited' })).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const res = await app.inject({ method: 'GET', url: '/limited' });
    expect(res.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: '操作过于频繁，请稍后再试' });
    expect(res.headers['retry-after']).toBeDefined();
  });
});
