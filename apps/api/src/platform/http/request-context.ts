import type { RequestContext } from '../access/principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, set by the access hook before any handler runs. */
    ctx: RequestContext;
  }
}
