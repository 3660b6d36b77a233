import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

// `npm run dev`: the API with reload on change, and Vite with hot reload proxying /api to it.
const root = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'apps/api/src/main.ts'], {
    cwd: root,
    stdio: 'inherit',
  }),
  spawn('npm', ['run', 'dev', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' }),
];
process.stdout.write(
  '开发模式：接口 http://127.0.0.1:3000 ，页面（热更新）http://127.0.0.1:5173/ 与 /portal/\n',
);

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGINT');
  setTimeout(() => process.exit(code), 5000).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
