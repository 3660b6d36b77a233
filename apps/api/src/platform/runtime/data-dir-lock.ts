import fs from 'node:fs';
import path from 'node:path';

// PGlite allows one process per data directory; two would corrupt it. The lock file holds the owner's
// PID; a lock left by a process that no longer runs (kill -9, power cut) is taken over.

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'platform.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return {
        release() {
          try {
            if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(owner) && owner !== process.pid && processAlive(owner)) {
        throw new DataDirLockedError(
          `数据目录 ${dataDir} 正被另一个平台进程（PID ${owner}）使用。` +
            '内嵌数据库同一时间只能由一个进程打开：请先停止那个进程，或用 DATA_DIR 指定另一个数据目录。',
        );
      }
      fs.unlinkSync(file);
    }
  }
  throw new DataDirLockedError(`无法锁定数据目录 ${dataDir}，请稍后重试`);
}
