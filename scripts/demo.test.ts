import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoRegistry } from '../apps/api/src/demo-steps.ts';
import { runDemoScript } from './demo.ts';

// `npm run demo` as an operator runs it: its own process on a data directory, exit codes and all.

const root = path.resolve(import.meta.dirname, '..');

function runDemo(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: '', ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('npm run demo', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhucheng-demo-'));
  const env = { DATA_DIR: dataDir, DEMO_PASSWORD: 'Beihai#Demo2026' };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  // The CLI's own behaviour, on the platform's accounts step only (DEMO_STEPS): each module's demo test
  // runs that module's steps and checks its figures; the whole list in one order is checked below.
  it('writes the demo accounts once, prints them, and makes nothing on a second run', async () => {
    const first = await runDemo({ ...env, DEMO_STEPS: 'platform' });
    expect(first.out).toContain('本次运行的步骤：platform.accounts');
    expect(first.out).toMatch(/countyclerk +县区局工作人员 +黄志强 +海城区司法局/);
    expect(first.out).toMatch(/officeclerk +司法所工作人员 +韦丽华 +海城区中街司法所/);
    expect(first.out).toContain('本次建立的演示账号的密码：DEMO_PASSWORD 中设置的密码');
    // A fresh data directory: the three administrators are made too, and their passwords shown once.
    expect(first.out).toMatch(/admin +\S{14}（首次登录后须修改）/);
    expect(first.code).toBe(0);

    const second = await runDemo({ ...env, DEMO_STEPS: 'platform' });
    expect(second.out).toContain('演示数据已经写入过，本次没有新增记录。');
    expect(second.out).toMatch(/leader +局领导 +陈建国 +北海市司法局/);
    expect(second.out).not.toContain('首次登录后须修改');
    expect(second.code).toBe(0);
  }, 120_000);

  // The refusals stop before the database opens; they run in this process, which is quicker.
  const runHere = async (extra: Record<string, string>) => {
    const lines: string[] = [];
    const code = await runDemoScript({ NODE_ENV: 'test', ...env, ...extra }, (line) => lines.push(line));
    return { code, out: lines.join('\n') };
  };

  it('refuses production with exit code 2', async () => {
    const { code, out } = await runHere({ NODE_ENV: 'production' });
    expect(out).toContain('生产环境（NODE_ENV=production）不能写入演示数据');
    expect(out).toContain('Demo data is never written in production');
    expect(code).toBe(2);
  });

  it('stops while the platform holds the data directory, and on a weak DEMO_PASSWORD', async () => {
    const lockFile = path.join(dataDir, 'platform.lock');
    // A live process other than this one stands in for a running `npm start`.
    fs.writeFileSync(lockFile, `${process.ppid}\n`);
    try {
      const locked = await runHere({});
      expect(locked.out).toContain('请先停止平台（npm start）');
      expect(locked.code).toBe(1);
    } finally {
      fs.rmSync(lockFile, { force: true });
    }
    const weak = await runHere({ DEMO_PASSWORD: 'demo1234' });
    expect(weak.out).toContain('演示数据未能写入：DEMO_PASSWORD 不符合密码策略');
    expect(weak.code).toBe(1);
  });

  it('DEMO_STEPS names modules; an unknown one stops with the known names', async () => {
    const unknown = await runHere({ DEMO_STEPS: 'legalAid,fishing' });
    expect(unknown.out).toMatch(
      /演示数据未能写入：没有这些模块的演示数据：fishing（可选：platform、legalAid、mediation/,
    );
    expect(unknown.code).toBe(1);
  });

  it('runs each module’s steps after the steps they depend on', () => {
    const ids = createDemoRegistry()
      .ordered()
      .map((s) => s.id);
    expect(ids[0]).toBe('platform.accounts');
    for (const [before, after] of [
      ['legalAid.registry', 'legalAid.cases'],
      ['mediation.registry', 'mediation.disputes'],
    ] as const) {
      expect(ids.indexOf(before)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(after)).toBeGreaterThan(ids.indexOf(before));
    }
    expect(
      createDemoRegistry()
        .only(['mediation'])
        .ordered()
        .map((s) => s.id),
    ).toEqual(['platform.accounts', 'mediation.registry', 'mediation.disputes']);
  });
});
