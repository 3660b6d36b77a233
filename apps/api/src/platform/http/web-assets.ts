import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// Serves the built console (`/`) and citizen portal (`/portal/`). Hashed assets are cached for a year;
// HTML is revalidated every time so a new release reaches users at their next page load.

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function webBuildExists(distDir: string): boolean {
  return fs.existsSync(path.join(distDir, 'index.html'));
}

export async function registerWebAssets(app: FastifyInstance, distDir: string): Promise<void> {
  if (!webBuildExists(distDir)) {
    app.log.warn({ distDir }, 'web build not found: run `npm run build:web`');
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    index: ['index.html'],
    wildcard: true,
    cacheControl: false,
    setHeaders(reply, filePath) {
      const rel = path.relative(distDir, filePath).split(path.sep).join('/');
      reply.header('cache-control', rel.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
    },
  });
}

/** The page a browser gets for a client-side route: the portal's shell under /portal, else the console's. */
export function sendSpaShell(distDir: string, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const url = request.url.split('?')[0] ?? '/';
  const shell = url === '/portal' || url.startsWith('/portal/') ? 'portal/index.html' : 'index.html';
  if (!fs.existsSync(path.join(distDir, shell))) {
    return reply
      .status(503)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>珠城智慧司法平台</title>' +
          '<p>前端页面尚未构建。请在项目目录运行 <code>npm run build:web</code> 后刷新本页。</p></html>',
      );
  }
  return reply.header('cache-control', REVALIDATE).sendFile(shell, distDir);
}
