import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Builds the web surfaces when their sources changed since the last build (or there is none), so
// `npm start` on a fresh clone serves a current console and portal without a separate build step.

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'apps/web/dist');
const stampFile = path.join(dist, '.build-hash');
const inputs = ['apps/web', 'packages/contracts/src', 'package-lock.json'];
const skip = new Set(['node_modules', 'dist', '.vite']);

function collect(entry: string, files: string[]): void {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    files.push(entry);
    return;
  }
  for (const name of fs.readdirSync(full).sort()) {
    if (skip.has(name)) continue;
    collect(path.join(entry, name), files);
  }
}

export function webSourceHash(): string {
  const files: string[] = [];
  for (const input of inputs) collect(input, files);
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

const wanted = webSourceHash();
const built = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
if (built === wanted && fs.existsSync(path.join(dist, 'index.html'))) {
  process.stdout.write('前端构建已是最新。\n');
} else {
  process.stdout.write('正在构建前端（工作台与群众门户）…\n');
  // Always a production build, even when run from a test (NODE_ENV=test would give React's dev build).
  const result = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    process.stderr.write('前端构建失败，请查看上面的错误信息。\n');
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stampFile, `${wanted}\n`);
}
