import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The dependency rules of ARCHITECTURE.md, checked on every `npm test`:
// - apps/api: platform/ never imports modules/; a module is entered only through its index.ts (tests may
//   also use another module's *.fixture.ts);
//   *.rules.ts stays pure (no I/O, no repositories, no database).
// - packages/contracts imports only zod.
// - apps/web: features do not import each other; components/ and lib/ import no feature or shell.
// - the api and the web share code only through @zhucheng/contracts.

export interface Violation {
  file: string;
  imported: string;
  rule: string;
}

const sourceExt = /\.(ts|tsx)$/;

function listSources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (sourceExt.test(entry.name)) out.push(full);
  }
  return out;
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

const ioPackages =
  /^(node:|pg$|pg-boss|drizzle-orm|@electric-sql\/|fastify|@fastify\/|fs$|path$|child_process$)/;

export function checkDependencyRules(root: string): Violation[] {
  const violations: Violation[] = [];
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const apiSrc = path.join(root, 'apps/api/src');
  const webSrc = path.join(root, 'apps/web/src');

  for (const file of listSources(apiSrc)) {
    const from = rel(file);
    const inPlatform = from.startsWith('apps/api/src/platform/');
    const ownModule = /^apps\/api\/src\/modules\/([^/]+)\//.exec(from)?.[1];
    for (const spec of importsOf(file)) {
      const target = spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : spec;
      const targetModule = /^apps\/api\/src\/modules\/([^/]+)\/(.+)$/.exec(target);
      if (spec.includes('apps/web') || target.startsWith('apps/web/')) {
        violations.push({
          file: from,
          imported: spec,
          rule: 'the api shares code with the web only through @zhucheng/contracts',
        });
      }
      if (inPlatform && targetModule) {
        violations.push({ file: from, imported: spec, rule: 'platform/ never imports a module' });
      }
      // A test may build on another module's test fixtures (its *.fixture.ts), as its users would set it up.
      const fixtureForTest = from.endsWith('.test.ts') && targetModule?.[2]?.endsWith('.fixture.ts');
      if (
        targetModule &&
        targetModule[1] !== ownModule &&
        targetModule[2] !== 'index.ts' &&
        !fixtureForTest
      ) {
        violations.push({
          file: from,
          imported: spec,
          rule: `module ${targetModule[1]} is used only through its index.ts`,
        });
      }
      if (from.endsWith('.rules.ts') && !from.endsWith('.test.ts')) {
        const impure =
          ioPackages.test(spec) ||
          /\.(repo|service|routes|schema)\.ts$/.test(target) ||
          target.includes('/platform/db/');
        if (impure)
          violations.push({ file: from, imported: spec, rule: '*.rules.ts imports nothing with I/O' });
      }
    }
  }

  for (const file of listSources(path.join(root, 'packages/contracts/src'))) {
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.') && spec !== 'zod' && !spec.startsWith('zod/')) {
        violations.push({ file: rel(file), imported: spec, rule: 'packages/contracts imports only zod' });
      }
    }
  }

  for (const file of listSources(webSrc)) {
    const from = rel(file);
    const ownFeature = /^apps\/web\/src\/features\/([^/]+)\//.exec(from)?.[1];
    const isShared = /^apps\/web\/src\/(components|lib)\//.test(from);
    for (const spec of importsOf(file)) {
      const target = spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : spec;
      const targetFeature = /^apps\/web\/src\/features\/([^/]+)\//.exec(target)?.[1];
      if (spec.includes('apps/api') || target.startsWith('apps/api/')) {
        violations.push({
          file: from,
          imported: spec,
          rule: 'the web shares code with the api only through @zhucheng/contracts',
        });
      }
      if (ownFeature && targetFeature && targetFeature !== ownFeature) {
        violations.push({ file: from, imported: spec, rule: 'web features do not import each other' });
      }
      if (isShared && (targetFeature || /^apps\/web\/src\/(app|portal)\//.test(target))) {
        violations.push({
          file: from,
          imported: spec,
          rule: 'components/ and lib/ import no feature and no shell',
        });
      }
    }
  }
  return violations;
}

if (process.argv[1] === import.meta.filename) {
  const root = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(import.meta.dirname, '..');
  const violations = checkDependencyRules(root);
  if (violations.length === 0) {
    process.stdout.write('依赖规则检查通过。\n');
  } else {
    process.stderr.write(`依赖规则被违反（${violations.length} 处）：\n`);
    for (const v of violations) process.stderr.write(`  ${v.file} → ${v.imported}\n    规则：${v.rule}\n`);
    process.exit(1);
  }
}
