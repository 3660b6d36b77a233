import { systemContext } from '../../apps/api/src/platform/access/principal.ts';
import { exampleCaseSeries } from '../../apps/api/src/platform/numbering/numbering-testing.ts';
import { listUnits } from '../../apps/api/src/platform/org/org.repo.ts';
import { exampleApplication } from '../../apps/api/src/platform/workflow/workflow-testing.ts';
import { runPlatform } from '../../apps/api/src/platform-main.ts';

// The platform as `npm start` runs it, plus the worked example case type (示例申请) the browser journeys
// drive through the shared case pages. Test-only: no shipped code imports this file.
//
// E2E_SEED_EXAMPLE_CASES=3 opens that many example cases at start-up (after the bootstrap accounts and the
// organisation tree exist), as the platform itself: the example type has no HTTP create route.

const titles = [
  '张某某申请法律援助（劳动报酬纠纷，涉及拖欠工资及经济补偿金共计四万余元）',
  '李某某申请法律援助（交通事故人身损害赔偿）',
  '王某某申请法律援助（赡养费纠纷）',
  '赵某某申请法律援助（民间借贷纠纷）',
  '陈某某申请法律援助（工伤保险待遇）',
];

runPlatform({
  overrides: { caseTypes: [exampleApplication], numberSeries: [exampleCaseSeries] },
  afterBootstrap: async (services) => {
    const count = Number(process.env.E2E_SEED_EXAMPLE_CASES ?? '0');
    if (!Number.isInteger(count) || count <= 0) return;
    const units = await listUnits(services.database.db, 'all');
    const city = units.find((unit) => unit.parentId === null);
    if (!city) throw new Error('no city bureau to open example cases for');
    const ctx = systemContext('e2e-seed');
    for (let i = 0; i < count; i += 1) {
      await services.workflow.create(ctx, {
        type: exampleApplication.type,
        competentUnitId: city.id,
        title: titles[i % titles.length] ?? `示例申请 ${i + 1}`,
      });
    }
  },
});
