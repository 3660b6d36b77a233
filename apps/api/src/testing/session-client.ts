import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../app.ts';

/** A signed-in caller for `app.inject`: keeps the session cookie and sends the CSRF token on writes. */
export interface SessionClient {
  cookie: string;
  csrfToken: string;
  request(method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function signIn(app: App, username: string, password: string): Promise<SessionClient> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] ?? '';
  const csrfToken: string = res.json().csrfToken;
  return {
    cookie,
    csrfToken,
    request(method, url, payload) {
      return app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrfToken },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
    },
  };
}
