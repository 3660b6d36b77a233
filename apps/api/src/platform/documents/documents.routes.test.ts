import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SessionClient, signIn } from '../../testing/session-client.ts';
import { createTestApp, type TestApp, testPasswords } from '../../testing/test-app.ts';
import { caseRecord } from '../cases/cases.schema.ts';
import { fixedClock } from '../clock/clock.ts';
import { exampleCaseSeries, exampleDecisionSeries } from '../numbering/numbering-testing.ts';
import { staffContext } from '../org/org-testing.ts';
import { exampleApplication } from '../workflow/workflow-testing.ts';
import { renderPdf } from './document-pdf.ts';
import { docxPart, exampleDecisionTemplate, readZip } from './documents-testing.ts';

// 文书 over HTTP: a decision generated for a case opens as a .docx in the GB/T 9704 layout carrying its
// number, date and parties; templates are edited in versions; nothing is stored or numbered for a case
// out of scope; the PDF preview is a real PDF with the CJK font embedded.
describe('official documents', () => {
  let t: TestApp;
  // 10:00 in Beihai on Friday 2026-11-27.
  const clock = fixedClock('2026-11-27T02:00:00Z');
  let clerk: SessionClient;
  let outsider: SessionClient;
  let templateAdmin: SessionClient;
  let caseId: string;
  let caseNo: string;

  const q = async (text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows;
  const unitId = async (name: string) =>
    Number((await q('select id from org_unit where name = $1', [name]))[0]?.id);
  const count = async (table: string) => Number((await q(`select count(*)::int as n from ${table}`))[0]?.n);
  const decisionCounter = async () =>
    Number(
      (
        await q(
          "select coalesce(max(last_value), 0)::int as v from number_sequence where series = 'example.decision'",
        )
      )[0]?.v ?? 0,
    );

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      caseTypes: [exampleApplication],
      numberSeries: [exampleCaseSeries, exampleDecisionSeries],
    });
    t.services.documents.templates.add(exampleDecisionTemplate);
    // A case type's own field, read for the case in the generating transaction.
    t.services.documents.templates.addFields({
      caseType: 'example.application',
      fields: [{ code: 'aidKind', label: '援助形式' }],
      load: async (executor, id) => {
        const [row] = await executor.select().from(caseRecord).where(eq(caseRecord.id, id));
        return { aidKind: row?.title.includes('张三') ? '代理' : '' };
      },
    });
    const admin = await signIn(t.app, 'admin', testPasswords.admin);
    const secadmin = await signIn(t.app, 'secadmin', testPasswords.secadmin);
    const haicheng = await unitId('海城区司法局');
    const yinhai = await unitId('银海区司法局');
    const role = async (code: string, permissions: string[]) => {
      const res = await secadmin.request('POST', '/api/access/roles', {
        code,
        name: code,
        dataScope: 'unitAndBelow',
        permissions,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await role('docClerk', ['case:read', 'party:read', 'party:manage', 'document:read', 'document:generate']);
    await role('docAdmin', ['document:read', 'document:manageTemplates']);
    const staff = async (username: string, unit: number, roleCodes: string[]) => {
      const created = await admin.request('POST', '/api/access/users', {
        username,
        displayName: username,
        unitId: unit,
      });
      expect(created.statusCode, created.body).toBe(201);
      const { user, initialPassword } = created.json();
      const assigned = await secadmin.request('PUT', `/api/access/users/${user.id}/roles`, { roleCodes });
      expect(assigned.statusCode, assigned.body).toBe(200);
      const first = await signIn(t.app, username, initialPassword);
      await first.request('POST', '/api/auth/password', {
        currentPassword: initialPassword,
        newPassword: 'Beihai#2026docs',
      });
      return signIn(t.app, username, 'Beihai#2026docs');
    };
    clerk = await staff('hcdocs', haicheng, ['docClerk']);
    outsider = await staff('yhdocs', yinhai, ['docClerk']);
    templateAdmin = await staff('hcdocadmin', haicheng, ['docAdmin']);
    const created = await t.services.workflow.create(staffContext({ all: true }, ['org:read']), {
      type: 'example.application',
      competentUnitId: haicheng,
      title: '张三申请法律援助',
      participants: [],
    });
    caseId = created.id;
    caseNo = created.caseNo ?? '';
    const party = async (name: string, role: string) => {
      const person = await clerk.request('POST', '/api/persons', { name });
      expect(person.statusCode, person.body).toBe(201);
      const added = await clerk.request('POST', `/api/cases/${caseId}/parties`, {
        role,
        personId: person.json().person.id,
      });
      expect(added.statusCode, added.body).toBe(201);
    };
    await party('张三', 'applicant');
    await party('欧阳明月', 'applicant');
    await party('李四', 'respondent');
  });
  afterAll(() => t.close());

  const generate = (client: SessionClient, id: string, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/documents`,
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      payload: { templateCode: 'decision' },
    });

  it('generates a .docx that opens, carries the number, date and parties, and keeps the GB/T 9704 page', async () => {
    expect(caseNo).toMatch(/^海城司援〔2026〕第\d+号$/);
    const res = await generate(clerk, caseId);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      caseId,
      templateCode: 'decision',
      templateVersion: 1,
      name: '示例给予法律援助决定书',
      docNo: '海城司援决〔2026〕1号',
      downloadUrl: `/api/files/${doc.fileId}`,
    });

    // Downloaded the way the case page does: through the guarded file route.
    const download = await clerk.request('GET', doc.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const bytes = download.rawPayload;
    const parts = readZip(bytes);
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = docxPart(bytes);
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(text).toContain('海城司援决〔2026〕1号');
    expect(text).toContain('给予法律援助决定书');
    expect(text).toContain('申请人：张三、欧阳明月');
    expect(text).toContain(`（案号：${caseNo}）`);
    expect(text).toContain('海城区司法局');
    expect(text).toContain('2026年11月27日');
    expect(text).not.toContain('{{');

    // A4 = 210 × 297 mm and margins 37/35/28/26 mm, at 1440/25.4 twips per millimetre.
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    const pgSz = /<w:pgSz\b[^>]*\/>/.exec(xml)?.[0] ?? '';
    expect(pgSz).toContain(`w:w="${twips(210)}"`);
    expect(pgSz).toContain(`w:h="${twips(297)}"`);
    expect(twips(210)).toBe(11906);
    expect(twips(297)).toBe(16838);
    const pgMar = /<w:pgMar\b[^>]*\/>/.exec(xml)?.[0] ?? '';
    expect(pgMar).toContain(`w:top="${twips(37)}"`);
    expect(pgMar).toContain(`w:bottom="${twips(35)}"`);
    expect(pgMar).toContain(`w:left="${twips(28)}"`);
    expect(pgMar).toContain(`w:right="${twips(26)}"`);
    expect([twips(37), twips(35), twips(28), twips(26)]).toEqual([2098, 1984, 1587, 1474]);
    // Title 二号 (22 pt = 44 half-points) 方正小标宋简体, body 三号 (16 pt = 32) 仿宋_GB2312, 28 pt lines.
    expect(xml).toMatch(
      /w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>[\s\S]*?<w:t[^>]*>给予法律援助决定书</,
    );
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*?<w:sz w:val="32"\/>/);
    expect(xml).toContain('w:line="560" w:lineRule="exact"');
    // Page numbers — 1 — at the foot.
    const footerName = [...parts.keys()].find((k) => /^word\/footer\d*\.xml$/.test(k)) ?? '';
    const footer = docxPart(bytes, footerName);
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');

    // The case_document row names the template version; the file is a document of the case; audited.
    const [row] = await q('select template_version, doc_no, file_id from case_document where id = $1', [
      doc.id,
    ]);
    expect(row).toEqual({ template_version: 1, doc_no: '海城司援决〔2026〕1号', file_id: doc.fileId });
    const [file] = await q('select category, case_id from stored_file where id = $1', [doc.fileId]);
    expect(file).toEqual({ category: 'document', case_id: caseId });
    const audits = await q("select entity_id from audit_log where action = 'document.generate'");
    expect(audits).toEqual([{ entity_id: caseId }]);

    const list = await clerk.request('GET', `/api/cases/${caseId}/documents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
  });

  it('a case out of scope: 404, no file, no document, no number used', async () => {
    const before = {
      files: await count('stored_file'),
      documents: await count('case_document'),
      counter: await decisionCounter(),
    };
    const res = await generate(outsider, caseId);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('案件不存在或您无权查看');
    expect((await outsider.request('GET', `/api/cases/${caseId}/documents`)).statusCode).toBe(404);
    expect({
      files: await count('stored_file'),
      documents: await count('case_document'),
      counter: await decisionCounter(),
    }).toEqual(before);
  });

  it('a retry with the same Idempotency-Key makes one document and uses one number', async () => {
    const before = await count('case_document');
    const key = '6a1f0d2e-9a44-4f7e-8f5e-1d7b3c2a9e01';
    const first = await generate(clerk, caseId, key);
    const again = await generate(clerk, caseId, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(first.json().docNo).toBe('海城司援决〔2026〕2号');
    expect(await count('case_document')).toBe(before + 1);
    expect(await decisionCounter()).toBe(2);
  });

  it('the PDF preview is a PDF with the CJK font embedded, and is audited', async () => {
    const [doc] = (await clerk.request('GET', `/api/cases/${caseId}/documents`)).json().items;
    const res = await clerk.request('GET', doc.previewUrl);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(1);
    // The subset of Noto Serif CJK SC is embedded (pdfkit names it XXXXXX+NotoSerifCJKsc-…).
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    expect(raw).toMatch(/\/FontFile[23]? /);
    expect(raw).toContain('/ToUnicode');
    const audits = await q("select detail from audit_log where action = 'document.preview'");
    expect(audits).toEqual([{ detail: { documentId: doc.id, docNo: doc.docNo } }]);
    expect((await outsider.request('GET', doc.previewUrl)).statusCode).toBe(404);
  });

  it('without the fonts the preview answers 503 naming the package, not 500', async () => {
    await expect(
      renderPdf(
        { docNo: null, title: '标题', paragraphs: ['正文'], issuingUnit: '单位', date: '2026年11月27日' },
        '/nonexistent',
      ),
    ).rejects.toMatchObject({ statusCode: 503, message: expect.stringContaining('fonts-noto-cjk') });
  });

  it('template edits: unknown placeholder 400, stale version 409, old versions kept', async () => {
    const listed = await templateAdmin.request(
      'GET',
      '/api/documents/templates?caseType=example.application',
    );
    expect(listed.statusCode, listed.body).toBe(200);
    const template = listed.json().items.find((x: { code: string }) => x.code === 'decision');
    expect(template).toMatchObject({
      version: 1,
      caseTypeName: '示例申请',
      numberSeries: 'example.decision',
      title: '给予法律援助决定书',
    });
    expect(template.fields.map((f: { code: string }) => f.code)).toContain('applicantNames');

    const unknown = await templateAdmin.request('PUT', `/api/documents/templates/${template.id}`, {
      version: 1,
      name: template.name,
      title: template.title,
      body: [...template.body, '被申请人：{{respondentName}}，地址：{{ address }}'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('{{respondentName}}、{{address}}');

    // Without the permission: 403 (the clerk generates but does not edit templates).
    const forbidden = await clerk.request('PUT', `/api/documents/templates/${template.id}`, {
      version: 1,
      name: template.name,
      title: template.title,
      body: template.body,
    });
    expect(forbidden.statusCode).toBe(403);

    const edited = await templateAdmin.request('PUT', `/api/documents/templates/${template.id}`, {
      version: 1,
      name: template.name,
      title: template.title,
      body: [...template.body, '被申请人：{{respondentNames}}', '援助形式：{{aidKind}}'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);

    const stale = await templateAdmin.request('PUT', `/api/documents/templates/${template.id}`, {
      version: 1,
      name: template.name,
      title: template.title,
      body: template.body,
    });
    expect(stale.statusCode).toBe(409);

    const versions = await q(
      'select version, body from document_template_version where template_id = $1 order by version',
      [template.id],
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]?.body).toEqual(exampleDecisionTemplate.body);
    expect(
      await q("select count(*)::int as n from audit_log where action = 'document.template.update'"),
    ).toEqual([{ n: 1 }]);

    // A document made now names version 2 and carries the new paragraph; the earlier ones still say 1.
    const res = await generate(clerk, caseId);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().templateVersion).toBe(2);
    const bytes = (await clerk.request('GET', res.json().downloadUrl)).rawPayload;
    expect(docxPart(bytes)).toContain('被申请人：李四');
    expect(docxPart(bytes)).toContain('援助形式：代理');

    const preview = await templateAdmin.request('GET', `/api/documents/templates/${template.id}/preview.pdf`);
    expect(preview.statusCode).toBe(200);
    expect(preview.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
