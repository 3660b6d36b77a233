import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDependencyRules } from './check-dependency-rules.ts';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-deps-'));
  for (const [file, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), body);
  }
  return root;
}

describe('dependency rules', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });
  const check = (files: Record<string, string>) => {
    const root = tree(files);
    roots.push(root);
    return checkDependencyRules(root).map((v) => `${v.file}: ${v.rule}`);
  };

  it('passes the project itself', () => {
    expect(checkDependencyRules(path.resolve(import.meta.dirname, '..'))).toEqual([]);
  });

  it('allows the shapes the architecture describes', () => {
    expect(
      check({
        'apps/api/src/services.ts': "import { legalAid } from './modules/legal-aid/index.ts';",
        'apps/api/src/modules/legal-aid/index.ts': "export * from './legal-aid.service.ts';",
        'apps/api/src/modules/legal-aid/legal-aid.service.ts':
          "import { r } from './legal-aid.repo.ts'; import { m } from '../mediation/index.ts'; import { db } from '../../platform/db/database.ts';",
        'apps/api/src/modules/legal-aid/legal-aid.rules.ts':
          "import { z } from 'zod'; import { p } from '@zhucheng/contracts';",
        'packages/contracts/src/index.ts': "import { z } from 'zod'; export * from './a.ts';",
        'apps/web/src/features/legal-aid/index.ts': "import { Table } from '../../components/table.tsx';",
        'apps/web/src/app/features.ts': "import legalAid from '../features/legal-aid/index.ts';",
        'apps/api/src/modules/tracking/gateway.test.ts':
          "import { a } from '../corrections/corrections.fixture.ts';",
      }),
    ).toEqual([]);
  });

  it('catches each broken rule', () => {
    expect(
      check({
        'apps/api/src/platform/audit/audit.ts': "import { x } from '../../modules/legal-aid/index.ts';",
        'apps/api/src/modules/mediation/mediation.service.ts':
          "import { repo } from '../legal-aid/legal-aid.repo.ts'; import { f } from '../legal-aid/legal-aid.fixture.ts';",
        'apps/api/src/modules/legal-aid/legal-aid.rules.ts':
          "import fs from 'node:fs'; import { find } from './legal-aid.repo.ts';",
        'packages/contracts/src/index.ts': "import dayjs from 'dayjs';",
        'apps/web/src/features/mediation/page.tsx': "import { X } from '../legal-aid/pages/list.tsx';",
        'apps/web/src/lib/api.ts': "import { menu } from '../features/legal-aid/index.ts';",
        'apps/web/src/app/x.ts': "import { AppError } from '../../../api/src/platform/http/app-error.ts';",
      }),
    ).toEqual(
      expect.arrayContaining([
        'apps/api/src/platform/audit/audit.ts: platform/ never imports a module',
        'apps/api/src/modules/mediation/mediation.service.ts: module legal-aid is used only through its index.ts',
        'apps/api/src/modules/legal-aid/legal-aid.rules.ts: *.rules.ts imports nothing with I/O',
        'packages/contracts/src/index.ts: packages/contracts imports only zod',
        'apps/web/src/features/mediation/page.tsx: web features do not import each other',
        'apps/web/src/lib/api.ts: components/ and lib/ import no feature and no shell',
        'apps/web/src/app/x.ts: the web shares code with the api only through @zhucheng/contracts',
      ]),
    );
  });
});
