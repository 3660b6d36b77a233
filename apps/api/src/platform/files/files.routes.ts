import multipart from '@fastify/multipart';
import { filePolicySchema, storedFileSchema } from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../http/request-context.ts';
import { AppError } from '../http/app-error.ts';
import {
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyHeaders,
  idempotencyKeyOf,
} from '../idempotency/idempotency.http.ts';
import type { FilesService, UploadInput } from './files.service.ts';

export interface FilesRoutesDeps {
  files: Pick<FilesService, 'policy' | 'upload' | 'download' | 'listForCase' | 'listMine' | 'remove'>;
}

const fileSchema = storedFileSchema.meta({ id: 'StoredFile', description: '附件' });
const idParams = z.object({ id: z.uuid('编号格式不正确') });

/** Text fields of an upload form (case, category): short, few. */
const FIELD_LIMIT = 10;
const FIELD_BYTES = 200;

function multipartError(err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError('NOT_MULTIPART', 415, '请以 multipart/form-data 表单上传文件');
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_FILES_LIMIT') {
    return AppError.badRequest('一次只能上传一个文件，表单字段过多');
  }
  if (code === 'FST_MP_PREMATURE_CLOSE') return AppError.badRequest('上传中断，请重试');
  if (code === 'FST_PROTO_VIOLATION') return AppError.badRequest('表单字段名称不正确');
  return err;
}

/** 附件: upload, download, a case's files, the caller's own files. */
export function filesRoutes(deps: FilesRoutesDeps & { maxBytes: number }): FastifyPluginAsyncZod {
  const { files } = deps;
  return async (app) => {
    await app.register(multipart, {
      // One more byte than allowed, so the store sees the excess and answers with the limit.
      limits: {
        fileSize: deps.maxBytes + 1,
        files: 1,
        fields: FIELD_LIMIT,
        fieldSize: FIELD_BYTES,
        parts: FIELD_LIMIT + 1,
      },
    });

    app.get(
      '/api/files/policy',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['files'],
          summary: '上传规则：大小上限与允许的文件类型',
          response: { 200: filePolicySchema },
        },
      },
      async () => files.policy(),
    );

    app.post(
      '/api/files',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['files'],
          summary:
            '上传一个文件（multipart/form-data：先 caseId、category 字段，后 file）。类型按内容识别；' +
            '工作人员可归入本人数据范围内的案件，群众上传的文件保存在本人名下',
          consumes: ['multipart/form-data'],
          headers: idempotencyHeaders,
          response: { 201: fileSchema },
        },
      },
      async (request, reply) => {
        const fields: Record<string, string> = {};
        let file: UploadInput['file'] | undefined;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file') {
                part.file.resume();
                throw AppError.badRequest('文件字段名应为 file');
              }
              file = { stream: part.file, filename: part.filename };
              break;
            }
            if (typeof part.value === 'string' && part.value !== '') fields[part.fieldname] = part.value;
          }
        } catch (err) {
          throw multipartError(err);
        }
        if (!file) throw AppError.badRequest('请选择要上传的文件');
        const outcome = await files.upload(
          request.ctx,
          { fields, file },
          {
            idempotencyKey: idempotencyKeyOf(request),
            method: request.method,
            path: request.url,
          },
        );
        if (outcome.replayed) reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
        return reply.code(201).send(outcome.body);
      },
    );

    app.get(
      '/api/files',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['files'],
          summary: '我上传的文件（unattached=true 时只列尚未归入案件的）',
          querystring: z.object({ unattached: z.enum(['true', 'false']).optional() }),
          response: { 200: z.object({ items: z.array(fileSchema) }) },
        },
      },
      async (request) => ({
        items: await files.listMine(request.ctx, { unattachedOnly: request.query.unattached === 'true' }),
      }),
    );

    app.get(
      '/api/files/:id',
      {
        // A HEAD would pass the access check and be audited as a download without sending anything.
        exposeHeadRoute: false,
        config: { permission: 'authenticated' },
        schema: {
          tags: ['files'],
          summary: '下载文件（核对访问权限并记入审计日志；inline=true 时 PDF 和图片在浏览器中预览）',
          params: idParams,
          querystring: z.object({ inline: z.enum(['true', 'false']).optional() }),
        },
      },
      async (request, reply) => {
        const download = await files.download(request.ctx, request.params.id, {
          inline: request.query.inline === 'true',
        });
        return reply
          .header('content-type', download.mime)
          .header('content-length', String(download.size))
          .header('content-disposition', download.disposition)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(download.stream);
      },
    );

    app.delete(
      '/api/files/:id',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['files'],
          summary: '删除自己上传的文件（保留内容以备核查，记入审计日志）',
          params: idParams,
        },
      },
      async (request, reply) => {
        await files.remove(request.ctx, request.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/cases/:id/files',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['files'],
          summary: '案件的附件（案件须在本人数据范围内）',
          params: idParams,
          response: { 200: z.object({ items: z.array(fileSchema) }) },
        },
      },
      async (request) => ({ items: await files.listForCase(request.ctx, request.params.id) }),
    );
  };
}
