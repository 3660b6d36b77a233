// A signed-in caller over plain HTTP, for seeding what a journey needs before the browser opens (accounts,
// roles) without clicking through pages another journey already covers.

export interface ApiSession {
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** POST /api/files (multipart): the stored file's id. */
  upload(filename: string, bytes: Buffer, type: string): Promise<string>;
}

export async function apiSignIn(url: string, username: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await fetch(`${url}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await answer.text();
      if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async upload(filename: string, bytes: Buffer, type: string): Promise<string> {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
      const answer = await fetch(`${url}/api/files`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      const text = await answer.text();
      if (!answer.ok) throw new Error(`upload ${filename}: ${answer.status} ${text}`);
      return (JSON.parse(text) as { id: string }).id;
    },
  };
}

interface UnitNode {
  id: number;
  name: string;
  children: UnitNode[];
}

/** The id of the unit with this exact name in the caller's organisation tree. */
export async function unitId(session: ApiSession, name: string): Promise<number> {
  const { tree } = await session.request<{ tree: UnitNode[] }>('GET', '/api/org/units');
  const stack = [...tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.name === name) return node.id;
    stack.push(...node.children);
  }
  throw new Error(`no unit named ${name}`);
}

/**
 * A staff account with these roles, its initial password already replaced by `password`: the system
 * administrator opens it, the security administrator assigns the roles (三员分立).
 */
export async function createStaff(
  url: string,
  admin: ApiSession,
  secadmin: ApiSession,
  account: { username: string; displayName: string; unit: string; roles: string[]; password: string },
): Promise<string> {
  const created = await admin.request<{ user: { id: string }; initialPassword: string }>(
    'POST',
    '/api/access/users',
    {
      username: account.username,
      displayName: account.displayName,
      unitId: await unitId(admin, account.unit),
    },
  );
  await secadmin.request('PUT', `/api/access/users/${created.user.id}/roles`, { roleCodes: account.roles });
  const first = await apiSignIn(url, account.username, created.initialPassword);
  await first.request('POST', '/api/auth/password', {
    currentPassword: created.initialPassword,
    newPassword: account.password,
  });
  return created.user.id;
}
