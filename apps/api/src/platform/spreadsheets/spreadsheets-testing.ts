import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../http/app-error.ts';
import { orgUnit } from '../org/org.schema.ts';
import type { WorkflowService } from '../workflow/workflow.service.ts';
import { defineImportKind, type ImportKindDef, ImportRowRefused } from './import-kind.ts';

// A worked example of an import kind, as a module would declare one next to its service: a ledger of the
// worked example case type (platform/workflow/workflow-testing.ts), each row opened as a case through the
// workflow engine in the import's transaction. Used by the tests; no module ships it.

export const exampleLedgerSources = ['来访', '来电', '来信'] as const;

export function exampleLedger(workflow: Pick<WorkflowService, 'create'>): ImportKindDef {
  return defineImportKind({
    code: 'example.ledger',
    name: '示例申请台账',
    permission: 'org:read',
    columns: [
      {
        key: 'title',
        header: '标题',
        required: true,
        example: '张三申请法律援助',
        note: '不超过 100 个字',
        schema: z.string().max(100, '不能超过 100 个字'),
        width: 30,
      },
      {
        key: 'unit',
        header: '承办单位',
        required: true,
        example: '海城区司法局',
        note: '单位全称，须在本人数据范围内',
        width: 22,
      },
      { key: 'source', header: '来源', options: exampleLedgerSources, example: '来访', width: 10 },
      {
        key: 'receivedOn',
        header: '登记日期',
        example: '2026-03-01',
        note: '日期，格式 2026-03-01',
        schema: z.iso.date('日期格式应为 2026-03-01'),
        width: 14,
      },
    ],
    async commit(tx, ctx, rows) {
      const units = new Map<string, number | undefined>();
      for (const { row, values } of rows) {
        const name = String(values.unit);
        if (!units.has(name)) {
          const [found] = await tx.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.name, name));
          units.set(name, found?.id);
        }
        const unitId = units.get(name);
        if (unitId === undefined) throw new ImportRowRefused(row, '承办单位', `找不到单位“${name}”`);
        try {
          await workflow.create(
            ctx,
            { type: 'example.application', competentUnitId: unitId, title: String(values.title) },
            tx,
          );
        } catch (err) {
          if (err instanceof AppError && err.statusCode < 500)
            throw new ImportRowRefused(row, '承办单位', err.message);
          throw err;
        }
      }
    },
  });
}
