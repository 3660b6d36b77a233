import multipart from '@fastify/multipart';
import {
  caseListQuerySchema,
  importKindListSchema,
  importReportSchema,
  importResultSchema,
} from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../http/request-context.ts';
import type { CaseService } from '../cases/cases.service.ts';
import type { Clock } from '../clock/clock.ts';
import { AppError } from '../http/app-error.ts';
import { caseExportColumns } from './case-export.ts';
import type { ImportUpload, SpreadsheetService } from './spreadsheets.service.ts';
import { attachmentDisposition, streamXlsx, XLSX_MIME } from './xlsx.ts';

export interface SpreadsheetRoutesDeps {
  spreadsheets: Pick<SpreadsheetService, 'kinds' | 'template' | 'import'>;
  cases: Pick<CaseService, 'exportRows'>;
  clock: Clock;
  /** The files module's upload limit. */
  maxBytes: number;
}

const kindParams = z.object({
  kind: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)+$/, '导入类型格式不正确')
    .max(64)
    .describe('导入类型，如 legalAid.ledger'),
});

function multipartError(err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError('NOT_MULTIPART', 415, '请以 multipart/form-data 表单上传文件');
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_FILES_LIMIT') {
    return AppError.badRequest('一次只能上传一个文件');
  }
  if (code === 'FST_MP_PREMATURE_CLOSE') return AppError.badRequest('上传中断，请重试');
  return err;
}

/** 台账导入 (templates, imports) and list exports (全部案件). */
export function spreadsheetRoutes(deps: SpreadsheetRoutesDeps): FastifyPluginAsyncZod {
  const { spreadsheets, cases } = deps;
  return async (app) => {
    // Encapsulated in this plugin, like the files module's; the same size limit (one more byte, so the
    // service sees the excess and answers with the limit).
    await app.register(multipart, {
      limits: { fileSize: deps.maxBytes + 1, files: 1, fields: 2, fieldSize: 200, parts: 3 },
    });

    app.get(
      '/api/imports',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['spreadsheets'],
          summary: '本人可以使用的台账导入类型及其列',
          response: { 200: importKindListSchema },
        },
      },
      async (request) => ({ items: spreadsheets.kinds(request.ctx) }),
    );

    app.get(
      '/api/imports/:kind/template.xlsx',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['spreadsheets'],
          summary: '下载导入模板（中文表头、填写说明；须有该导入类型的权限）',
          params: kindParams,
        },
      },
      async (request, reply) => {
        const template = await spreadsheets.template(request.ctx, request.params.kind);
        return reply
          .header('content-type', XLSX_MIME)
          .header('content-disposition', attachmentDisposition(template.filename))
          .header('cache-control', 'private, no-store')
          .send(template.bytes);
      },
    );

    app.post(
      '/api/imports/:kind',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['spreadsheets'],
          summary:
            '导入台账（multipart/form-data，字段 file 为 .xlsx）：逐行校验，全部正确才在一个事务中写入；' +
            '有错误时答 422 并列出每处错误的行号、列名和原因，不写入任何数据',
          consumes: ['multipart/form-data'],
          params: kindParams,
          response: { 201: importResultSchema, 422: importReportSchema },
        },
      },
      async (request, reply) => {
        let file: ImportUpload | undefined;
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
          }
        } catch (err) {
          throw multipartError(err);
        }
        if (!file) throw AppError.badRequest('请选择要导入的 Excel 文件');
        const outcome = await spreadsheets.import(request.ctx, request.params.kind, file);
        return outcome.ok ? reply.code(201).send(outcome.result) : reply.code(422).send(outcome.report);
      },
    );

    app.get(
      '/api/cases/export.xlsx',
      {
        // Streams the file; a HEAD would be audited as an export without sending one.
        exposeHeadRoute: false,
        config: { permission: 'case:read' },
        schema: {
          tags: ['spreadsheets'],
          summary: '导出案件列表（与案件列表相同的筛选和排序，不分页；记入审计日志）',
          querystring: caseListQuerySchema,
        },
      },
      async (request, reply) => {
        const rows = cases.exportRows(request.ctx, request.query);
        const day = deps.clock.today();
        return streamXlsx(reply, `案件列表-${day}.xlsx`, {
          sheetName: '案件列表',
          columns: caseExportColumns(deps.clock.timeZone),
          rows,
        });
      },
    );
  };
}
