import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureChromium } from './chromium.ts';

export default function setup(): void {
  ensureChromium();
  // The server under test serves the built console and portal: build them if sources changed.
  const root = path.resolve(import.meta.dirname, '../..');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-web-build.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('web build failed');
}
