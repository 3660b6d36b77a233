import type { RoutePermission } from '@zhucheng/contracts';
import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a caller needs to use the route: a permission code, or `public`. */
    permission?: RoutePermission;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission;
}

// Routes the documentation plugin adds itself; they only describe the API.
const documentationPrefix = '/api/docs';

/**
 * Every API route must say which permission it needs: a route without one fails at start-up, not in
 * production. The list of registered routes feeds the permission-matrix test.
 */
export function enforceRoutePermissions(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let permission = route.config?.permission;
    if (!permission && route.url.startsWith(documentationPrefix)) permission = 'public';
    if (!permission) {
      throw new Error(`route ${methods.join(',')} ${route.url} does not declare config.permission`);
    }
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, permission });
    }
  });
  return routes;
}
