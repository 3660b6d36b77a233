import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { addParticipants, insertCase } from '../cases/cases.repo.ts';
import { samples } from './files-testing.ts';

const mimes = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

interface Caller {
  cookie: string;
  csrfToken: string;
}

/** A multipart body as a browser sends it: the fields first, then the file. */
async function multipart(
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; type?: string },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file)
    form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

// Uploads and downloads through the whole app: 1 MB limit, staff of two districts, a citizen.
describe('files', () => {
  let t: TestApp;
  let admin: SessionClient;
  let secadmin: SessionClient;
  let clerk: Caller & { id: string };
  let outsider: Caller & { id: string };
  let citizen: Caller;
  let caseId: string;
  const MB = 1024 * 1024;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);

  const createStaff = async (username: string, unit: number, roleCodes: string[]) => {
    const created = await admin.request('POST', '/api/access/users', {
      username,
      displayName: `测试${username}`,
      unitId: unit,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { user, initialPassword } = created.json();
    const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const first = await signIn(t.app, username, initialPassword);
    const newPassword = 'Beihai#fileX9';
    const changed = await first.request('POST', '/api/auth/password', {
      currentPassword: initialPassword,
      newPassword,
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const client = await signIn(t.app, username, newPassword);
    return { id: user.id as string, cookie: client.cookie, csrfToken: client.csrfToken };
  };

  const signInCitizen = async (phone: string): Promise<Caller> => {
    await t.app.inject({ method: 'POST', url: '/api/auth/citizen/code', payload: { phone } });
    const outbox = await t.app.inject({
      method: 'GET',
      url: `/api/test/outbox?recipient=${phone}&template=auth.otp`,
    });
    const code = /(\d{6})/.exec(outbox.json().messages[0]?.body ?? '')?.[1] ?? '';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/citizen/login',
      payload: { phone, code },
    });
    expect(res.statusCode, res.body).toBe(200);
    const raw = res.headers['set-cookie'];
    const cookie = ((Array.isArray(raw) ? raw[0] : raw) ?? '').split(';')[0] ?? '';
    return { cookie, csrfToken: res.json().csrfToken };
  };

  const upload = async (
    who: Caller,
    file: { name: string; bytes: Buffer; type?: string } | undefined,
    fields: Record<string, string> = {},
    key?: string,
  ) => {
    const body = await multipart(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: body.payload,
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrfToken,
        'content-type': body.contentType,
        ...(key ? { 'idempotency-key': key } : {}),
      },
    });
  };
  const get = (who: Caller, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

  /** Every file under uploads and tmp, to show a refusal left nothing behind. */
  const storedContent = () => {
    const out: string[] = [];
    const walk = (dir: string) => {
      if (!fs.existsSync(dir)) return;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else out.push(path.relative(t.config.dataDir, full));
      }
    };
    walk(path.join(t.config.dataDir, 'uploads'));
    walk(path.join(t.config.dataDir, 'tmp'));
    return out.sort();
  };
  const fileRows = async () => Number((await q('select count(*)::int as n from stored_file'))[0]?.n);
  const downloadsAudited = async (fileId: string) =>
    Number(
      (
        await q(
          "select count(*)::int as n from audit_log where action = 'file.download' and entity_id = $1",
          [fileId],
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    t = await createTestApp({ env: { UPLOAD_MAX_MB: '1' } });
    admin = await signIn(t.app, 'admin', testPasswords.admin);
    secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const haicheng = await unitId('海城区司法局');
    const yinhai = await unitId('银海区司法局');
    clerk = await createStaff('fileclerk', haicheng, ['countyStaff']);
    outsider = await createStaff('fileoutsider', yinhai, ['countyStaff']);
    citizen = await signInCitizen('13907790011');
    caseId = crypto.randomUUID();
    const now = new Date();
    await insertCase(t.database.db, {
      id: caseId,
      caseType: 'example.application',
      status: 'submitted',
      competentUnitId: haicheng,
      receivingUnitId: haicheng,
      title: '张三申请法律援助',
      createdAt: now,
      updatedAt: now,
    });
  });
  afterAll(() => t?.close());

  it('tells the upload form the limit and the allowed types', async () => {
    const res = await get(citizen, '/api/files/policy');
    expect(res.statusCode).toBe(200);
    expect(res.json().maxBytes).toBe(MB);
    expect(res.json().allowed.map((a: { extension: string }) => a.extension)).toEqual([
      'pdf',
      'jpg',
      'png',
      'docx',
      'xlsx',
    ]);
  });

  it.each(Object.keys(mimes) as (keyof typeof mimes)[])(
    'accepts a %s by its content, keeps its SHA-256 and lists it on the case',
    async (kind) => {
      const bytes = samples[kind]();
      // The browser's claim is ignored: the type comes from the content.
      const res = await upload(
        clerk,
        { name: `证据-${kind}.bin`, bytes, type: 'text/plain' },
        {
          caseId,
          category: 'evidence',
        },
      );
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      expect(body).toMatchObject({
        caseId,
        category: 'evidence',
        mime: mimes[kind],
        size: bytes.length,
        sha256,
      });
      expect(body.name).toMatch(new RegExp(`^证据-${kind}\\.bin\\.(pdf|png|jpg|docx|xlsx)$`));
      const [row] = await q(
        'select sha256, size, mime, storage_key, owner_kind, owner_id from stored_file where id = $1',
        [body.id],
      );
      expect(row).toMatchObject({ sha256, mime: mimes[kind], owner_kind: 'staff', owner_id: clerk.id });
      const onDisk = path.join(t.config.dataDir, 'uploads', ...String(row?.storage_key).split('/'));
      expect(String(row?.storage_key)).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      expect(fs.readFileSync(onDisk).equals(bytes)).toBe(true);
      const list = await get(clerk, `/api/cases/${caseId}/files`);
      expect(list.json().items.map((f: { id: string }) => f.id)).toContain(body.id);
    },
  );

  describe('refusals store nothing', () => {
    let before: { rows: number; content: string[] };
    beforeAll(async () => {
      before = { rows: await fileRows(), content: storedContent() };
    });
    const nothingStored = async () => {
      expect(await fileRows()).toBe(before.rows);
      expect(storedContent()).toEqual(before.content);
    };

    it('refuses a renamed .exe with 415 naming the allowed types', async () => {
      const res = await upload(
        clerk,
        { name: '发票.pdf', bytes: samples.exe(), type: 'application/pdf' },
        { caseId },
      );
      expect(res.statusCode).toBe(415);
      expect(res.json().message).toBe(
        '不支持该文件类型，只能上传 PDF、JPG、PNG、Word（DOCX）、Excel（XLSX） 文件',
      );
      await nothingStored();
    });

    it('refuses a ZIP that is not a Word or Excel file', async () => {
      const res = await upload(clerk, { name: '材料.docx', bytes: samples.zip() }, { caseId });
      expect(res.statusCode).toBe(415);
      await nothingStored();
    });

    it('refuses more than UPLOAD_MAX_MB with 413 naming the limit', async () => {
      const bytes = Buffer.concat([samples.pdf(), Buffer.alloc(MB)]);
      const res = await upload(clerk, { name: '大文件.pdf', bytes }, { caseId });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({
        code: 'FILE_TOO_LARGE',
        message: '文件超过大小上限 1 MB，请压缩或拆分后再上传',
      });
      await nothingStored();
    });

    it('accepts exactly the limit', async () => {
      const bytes = Buffer.concat([samples.pdf(), Buffer.alloc(MB - samples.pdf().length)]);
      const res = await upload(clerk, { name: '刚好.pdf', bytes }, {});
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().size).toBe(MB);
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/files/${res.json().id}`,
        headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken },
      });
      expect(del.statusCode).toBe(204);
      before = { rows: await fileRows(), content: storedContent() };
    });

    it('refuses an empty file with 400', async () => {
      const res = await upload(clerk, { name: '空.pdf', bytes: Buffer.alloc(0) }, { caseId });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('文件是空的，请选择有内容的文件');
      await nothingStored();
    });

    it('refuses a request without a file, and an unknown category', async () => {
      expect((await upload(clerk, undefined, { caseId })).statusCode).toBe(400);
      const res = await upload(clerk, { name: 'a.pdf', bytes: samples.pdf() }, { category: 'secret' });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('请选择材料类别');
      await nothingStored();
    });

    it('answers 404 for a case outside the uploader’s scope', async () => {
      const res = await upload(outsider, { name: 'a.pdf', bytes: samples.pdf() }, { caseId });
      expect(res.statusCode).toBe(404);
      await nothingStored();
    });

    it('does not let a citizen put a file into a case', async () => {
      const res = await upload(citizen, { name: 'a.pdf', bytes: samples.pdf() }, { caseId });
      expect(res.statusCode).toBe(403);
      await nothingStored();
    });
  });

  it('downloads with the Chinese name, nosniff and an audit row; out of scope is 404 and not audited', async () => {
    const bytes = samples.pdf();
    const created = await upload(
      clerk,
      { name: '../../etc/调解协议书（签字版）.pdf', bytes },
      { caseId, category: 'document' },
    );
    expect(created.statusCode).toBe(201);
    const file = created.json();
    expect(file.name).toBe('调解协议书（签字版）.pdf');

    const denied = await get(outsider, file.downloadUrl);
    expect(denied.statusCode).toBe(404);
    expect(await downloadsAudited(file.id)).toBe(0);
    expect((await get(outsider, `/api/cases/${caseId}/files`)).statusCode).toBe(404);

    const res = await get(clerk, file.downloadUrl);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="__________.pdf"; filename*=UTF-8''${encodeURIComponent('调解协议书（签字版）.pdf')}`,
    );
    expect(await downloadsAudited(file.id)).toBe(1);
    const inline = await get(clerk, `${file.downloadUrl}?inline=true`);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('stores a retried upload once under the same Idempotency-Key', async () => {
    const rows = await fileRows();
    const content = storedContent().length;
    const key = crypto.randomUUID();
    const file = { name: '照片.png', bytes: samples.png() };
    const first = await upload(clerk, file, { caseId, category: 'photo' }, key);
    const again = await upload(clerk, file, { caseId, category: 'photo' }, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await fileRows()).toBe(rows + 1);
    expect(storedContent().length).toBe(content + 1);
    // The same key with another file is refused, and leaves nothing.
    const other = await upload(
      clerk,
      { name: '照片.jpg', bytes: samples.jpeg() },
      { caseId, category: 'photo' },
      key,
    );
    expect(other.statusCode).toBe(422);
    expect(await fileRows()).toBe(rows + 1);
    expect(storedContent().length).toBe(content + 1);
  });

  it('keeps a citizen’s upload theirs until a case takes it', async () => {
    const res = await upload(
      citizen,
      { name: '低保证.jpg', bytes: samples.jpeg(), type: 'image/jpeg' },
      {
        category: 'hardshipProof',
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ caseId: null, ownerKind: 'citizen', category: 'hardshipProof' });
    const mine = await get(citizen, '/api/files?unattached=true');
    expect(mine.json().items.map((f: { id: string }) => f.id)).toEqual([file.id]);
    expect((await get(citizen, file.downloadUrl)).statusCode).toBe(200);
    // Staff see it only once it is in a case in their scope.
    expect((await get(clerk, file.downloadUrl)).statusCode).toBe(404);

    const [row] = await q('select owner_id from stored_file where id = $1', [file.id]);
    const attached = await t.services.database.db.transaction((tx) =>
      t.services.files.attachToCase(
        tx,
        { principal: null, ip: '127.0.0.1', requestId: 'test' },
        {
          caseId,
          owner: { kind: 'citizen', id: String(row?.owner_id) },
          fileIds: [file.id],
        },
      ),
    );
    expect(attached.map((f) => f.caseId)).toEqual([caseId]);
    expect((await get(clerk, file.downloadUrl)).statusCode).toBe(200);
    expect((await get(outsider, file.downloadUrl)).statusCode).toBe(404);
    expect((await get(citizen, '/api/files?unattached=true')).json().items).toEqual([]);
    // Someone else's citizen files never move.
    const again = await t.services.database.db.transaction((tx) =>
      t.services.files.attachToCase(
        tx,
        { principal: null, ip: '127.0.0.1', requestId: 'test' },
        {
          caseId,
          owner: { kind: 'citizen', id: crypto.randomUUID() },
          fileIds: [file.id],
        },
      ),
    );
    expect(again).toEqual([]);
  });

  it('keeps a generated document as a case file', async () => {
    const bytes = samples.docx();
    const stored = await t.services.files.storeGenerated(undefined, {
      caseId,
      name: '给予法律援助决定书',
      mime: mimes.docx,
      bytes,
      category: 'document',
    });
    expect(stored).toMatchObject({ caseId, name: '给予法律援助决定书.docx', size: bytes.length });
    const res = await get(clerk, stored.downloadUrl);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    const audit = await q('select action from audit_log where entity_id = $1 order by id', [stored.id]);
    expect(audit.map((r) => r.action)).toEqual(['file.generate', 'file.download']);
  });

  it('shows a participating citizen the case’s documents and their own files, not the staff’s evidence', async () => {
    const me = await get(citizen, '/api/auth/me');
    const citizenId = String(me.json().user.id);
    const stranger = await signInCitizen('13907790012');
    await addParticipants(
      t.database.db,
      caseId,
      [{ accountKind: 'citizen', accountId: citizenId, role: 'applicant' }],
      new Date(),
    );
    const items: { id: string; category: string; ownerKind: string }[] = (
      await get(citizen, `/api/cases/${caseId}/files`)
    ).json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((f) => f.category === 'document' || f.ownerKind === 'citizen')).toBe(true);
    const staffList: { id: string; category: string }[] = (
      await get(clerk, `/api/cases/${caseId}/files`)
    ).json().items;
    const document = staffList.find((f) => f.category === 'document');
    const evidence = staffList.find((f) => f.category === 'evidence');
    expect((await get(citizen, `/api/files/${document?.id}`)).statusCode).toBe(200);
    expect((await get(citizen, `/api/files/${evidence?.id}`)).statusCode).toBe(404);
    expect((await get(stranger, `/api/files/${document?.id}`)).statusCode).toBe(404);
    expect((await get(stranger, `/api/cases/${caseId}/files`)).statusCode).toBe(404);
  });

  it('lets only the uploader delete, keeps the content and audits it', async () => {
    const created = await upload(clerk, { name: '草稿.pdf', bytes: samples.pdf() }, { caseId });
    const id = created.json().id;
    const [row] = await q('select storage_key from stored_file where id = $1', [id]);
    const del = (who: Caller) =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/files/${id}`,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken },
      });
    expect((await del(outsider)).statusCode).toBe(404);
    expect((await del(clerk)).statusCode).toBe(204);
    expect((await get(clerk, `/api/files/${id}`)).statusCode).toBe(404);
    expect(
      fs.existsSync(path.join(t.config.dataDir, 'uploads', ...String(row?.storage_key).split('/'))),
    ).toBe(true);
    const audit = await q("select action from audit_log where entity_id = $1 and action = 'file.delete'", [
      id,
    ]);
    expect(audit).toHaveLength(1);
  });
});
