import {
  caseDocumentSchema,
  documentTemplateSchema,
  documentTemplateUpdateSchema,
  generateDocumentSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../http/request-context.ts';
import { idempotencyHeaders, idempotentCreate } from '../idempotency/idempotency.http.ts';
import type { IdempotencyService } from '../idempotency/idempotency.service.ts';
import type { DocumentsService } from './documents.service.ts';

export interface DocumentsRoutesDeps {
  documents: Pick<
    DocumentsService,
    'listTemplates' | 'updateTemplate' | 'previewTemplate' | 'generate' | 'listForCase' | 'preview'
  >;
  idempotency: Pick<IdempotencyService, 'withIdempotency'>;
}

const templateSchema = documentTemplateSchema.meta({ id: 'DocumentTemplate', description: '文书模板' });
const documentSchema = caseDocumentSchema.meta({ id: 'CaseDocument', description: '案件文书' });
const templateParams = z.object({ id: z.coerce.number({ error: '模板编号不正确' }).int().positive() });
const uuidParams = z.object({ id: z.uuid('编号格式不正确') });

const pdfHeaders = (disposition: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': disposition,
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, no-store',
});

/** 文书: templates (list, edit, style preview) and a case's documents (generate, list, PDF preview). */
export function documentsRoutes(deps: DocumentsRoutesDeps): FastifyPluginAsyncZod {
  const { documents, idempotency } = deps;
  return async (app) => {
    app.get(
      '/api/documents/templates',
      {
        config: { permission: 'document:read' },
        schema: {
          tags: ['documents'],
          summary: '文书模板（可按案件类型筛选），含每个模板可用的填充项',
          querystring: z.object({ caseType: z.string().trim().min(1).optional() }),
          response: { 200: z.object({ items: z.array(templateSchema) }) },
        },
      },
      async (request) => ({ items: await documents.listTemplates(request.ctx, request.query.caseType) }),
    );

    app.put(
      '/api/documents/templates/:id',
      {
        config: { permission: 'document:manageTemplates' },
        schema: {
          tags: ['documents'],
          summary: '修改文书模板（保存为新版本，已生成的文书记录其所用版本；version 须为最新，否则 409）',
          params: templateParams,
          body: documentTemplateUpdateSchema,
          response: { 200: templateSchema },
        },
      },
      async (request) => documents.updateTemplate(request.ctx, request.params.id, request.body),
    );

    app.get(
      '/api/documents/templates/:id/preview.pdf',
      {
        exposeHeadRoute: false,
        config: { permission: 'document:manageTemplates' },
        schema: {
          tags: ['documents'],
          summary: '模板样式预览（PDF，填充项显示为名称；需安装 fonts-noto-cjk）',
          params: templateParams,
        },
      },
      async (request, reply) => {
        const pdf = await documents.previewTemplate(request.ctx, request.params.id);
        return reply.headers(pdfHeaders(pdf.disposition)).send(pdf.bytes);
      },
    );

    app.post(
      '/api/cases/:id/documents',
      {
        config: { permission: 'document:generate' },
        schema: {
          tags: ['documents'],
          summary: '按模板生成案件文书（分配文号、生成 Word 文书并存为案件附件；支持 Idempotency-Key）',
          params: uuidParams,
          headers: idempotencyHeaders,
          body: generateDocumentSchema,
          response: { 201: documentSchema, 200: documentSchema },
        },
      },
      async (request, reply) =>
        idempotentCreate(idempotency, request, reply, (tx) =>
          documents.generate(tx, request.ctx, request.params.id, request.body),
        ),
    );

    app.get(
      '/api/cases/:id/documents',
      {
        config: { permission: 'document:read' },
        schema: {
          tags: ['documents'],
          summary: '案件已生成的文书（Word 文件经 /api/files/:id 下载）',
          params: uuidParams,
          response: { 200: z.object({ items: z.array(documentSchema) }) },
        },
      },
      async (request) => ({ items: await documents.listForCase(request.ctx, request.params.id) }),
    );

    app.get(
      '/api/documents/:id/preview.pdf',
      {
        exposeHeadRoute: false,
        config: { permission: 'document:read' },
        schema: {
          tags: ['documents'],
          summary: '文书 PDF 预览（记入审计日志；需安装 fonts-noto-cjk，否则 503）',
          params: uuidParams,
        },
      },
      async (request, reply) => {
        const pdf = await documents.preview(request.ctx, request.params.id);
        return reply.headers(pdfHeaders(pdf.disposition)).send(pdf.bytes);
      },
    );
  };
}
