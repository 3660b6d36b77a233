import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const installCommand = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

/**
 * Browsers cannot be downloaded here, so the journeys use Debian's Chromium. As root on Debian it is
 * installed on the spot; anywhere else the run stops with the exact command to run.
 */
export function ensureChromium(): void {
  if (fs.existsSync(chromiumPath)) return;
  const canInstall =
    process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH;
  if (canInstall) {
    process.stdout.write(`Chromium not found at ${chromiumPath}; installing: ${installCommand}\n`);
    const r = spawnSync('sh', ['-c', `${installCommand} >/tmp/zhucheng-chromium-install.log 2>&1`], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status === 0 && fs.existsSync(chromiumPath)) return;
  }
  throw new Error(
    `端到端测试需要 Chromium，但 ${chromiumPath} 不存在。\n` +
      `Chromium is required for the browser journeys and was not found at ${chromiumPath}.\n` +
      `Install it with:  sudo sh -c '${installCommand}'\n` +
      'or point CHROMIUM_PATH at an existing Chromium binary.',
  );
}
