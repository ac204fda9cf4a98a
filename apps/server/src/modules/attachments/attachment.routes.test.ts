import { existsSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { projectAbilities } from '@opsdesk/domain';
import { projects } from '../../db/schema/index.js';
import { projectVisible } from '../../db/scope.js';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { registerAttachmentOwner } from './attachment.owners.js';

let t: TestApp;
let f: Factories;

// A stand-in owner type scoped like a project (the real owners register in their modules).
registerAttachmentOwner('test_owner', async (db, actor, ownerId) => {
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, ownerId), projectVisible(actor, projects.id)));
  if (!rows[0]) return null;
  return { projectId: ownerId, canRead: true, canWrite: projectAbilities(actor, ownerId).update };
});

beforeAll(async () => {
  t = await testApp({ uploadLimit: 64 * 1024 });
  f = factories(t.deps);
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 7),
]);

function multipart(fileName: string, content: Buffer, field = 'file') {
  const boundary = '----opsdesk' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(auth: Auth | null, ownerId: string, fileName: string, content: Buffer, query = '') {
  const m = multipart(fileName, content);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/attachments?ownerType=test_owner&ownerId=${ownerId}${query}`,
    headers: { ...(auth?.headers ?? {}), 'content-type': m.contentType, 'accept-language': 'zh-CN' },
    payload: m.body,
  });
}

describe('attachments', () => {
  it('uploads, lists, downloads (as a file, or inline for images) and removes, auditing each', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const res = await upload(pm, a.project.id, '服务方案-现场照片.png', PNG, '&category=service_plan');
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json();
    expect(att).toMatchObject({
      fileName: '服务方案-现场照片.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
      category: 'service_plan',
      inline: true,
      uploadedBy: { id: a.pm.id },
    });

    const list = (
      await client(t.app, await f.session(a.contact)).get(
        `/api/v1/attachments?ownerType=test_owner&ownerId=${a.project.id}`,
      )
    ).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([att.id]);
    expect(list.items[0].abilities).toEqual({ delete: false });

    const dl = await client(t.app, pm).get(att.downloadUrl);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect(dl.headers['content-disposition']).toContain('attachment; filename=');
    expect(dl.headers['content-disposition']).toContain(encodeURIComponent('服务方案-现场照片.png'));
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    const inline = await client(t.app, pm).get(`${att.downloadUrl}?inline=1`);
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);

    expect((await client(t.app, pm).delete(`/api/v1/attachments/${att.id}`)).statusCode).toBe(200);
    expect((await client(t.app, pm).get(att.downloadUrl)).statusCode).toBe(404);
    const audit = await t.deps.pool.query(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id`, [
      a.project.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['attachment.upload', 'attachment.delete']);
  });

  it('never serves HTML inline: refuses .html and a fake image, downloads text as a file', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const html = await upload(pm, a.project.id, 'x.html', Buffer.from('<script>alert(1)</script>'));
    expect(html.statusCode).toBe(400);
    expect(html.json().error.details.fields[0]).toMatchObject({ path: 'file', code: 'fileTypeNotAllowed' });
    const fake = await upload(pm, a.project.id, 'photo.png', Buffer.from('<html><body>hi</body></html>'));
    expect(fake.json().error.details.fields[0]).toMatchObject({ path: 'file', code: 'fileContentMismatch' });
    const txt = (await upload(pm, a.project.id, 'note.txt', Buffer.from('<b>hello</b>'))).json();
    const dl = await client(t.app, pm).get(`${txt.downloadUrl}?inline=1`);
    expect(dl.headers['content-type']).toMatch(/^text\/plain/);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('refuses a file over the size limit with 413 and keeps nothing', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const before = existsSync(t.deps.config.attachmentsDir)
      ? readdirSync(t.deps.config.attachmentsDir, { recursive: true }).length
      : 0;
    const res = await upload(pm, a.project.id, 'big.png', Buffer.concat([PNG, Buffer.alloc(70 * 1024)]));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.details.fields[0]).toMatchObject({ path: 'file', code: 'fileTooLarge' });
    const after = existsSync(t.deps.config.attachmentsDir)
      ? readdirSync(t.deps.config.attachmentsDir, { recursive: true }).length
      : 0;
    expect(after).toBeLessThanOrEqual(before + 1); // at most a new shard folder, never a file
    const list = (
      await client(t.app, pm).get(`/api/v1/attachments?ownerType=test_owner&ownerId=${a.project.id}`)
    ).json();
    expect(list.items).toEqual([]);
  });

  it('answers bad requests with field errors: no file, unknown owner type', async () => {
    const a = await f.tenant();
    const pm = await f.session(a.pm);
    const noFile = await t.app.inject({
      method: 'POST',
      url: `/api/v1/attachments?ownerType=test_owner&ownerId=${a.project.id}`,
      headers: { ...pm.headers, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(noFile.statusCode).toBe(400);
    const unknown = await client(t.app, pm).get(
      `/api/v1/attachments?ownerType=spaceship&ownerId=${a.project.id}`,
    );
    expect(unknown.json().error.details.fields[0]).toMatchObject({
      path: 'ownerType',
      code: 'unknownOwnerType',
    });
  });
});

let shared: { id: string; project: string } | null = null;
async function sharedAttachment() {
  const a = await f.tenant();
  const res = await upload(await f.session(a.pm), a.project.id, 'plan.pdf', Buffer.from('%PDF-1.7 test'));
  shared = { id: res.json().id, project: a.project.id };
  return { a, ...shared };
}

securityTests('POST /attachments', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  const m = multipart('a.png', PNG);
  void m;
  return {
    ...t,
    f,
    method: 'POST',
    url: `/api/v1/attachments?ownerType=test_owner&ownerId=${a.project.id}`,
    body: {},
    allowed: await f.session(a.pm),
    allowedStatus: 400, // a JSON body is not a file: validated after the caller is authorised
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.engineer),
  };
});

securityTests('GET /attachments', async () => {
  const { a, project } = await sharedAttachment();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/attachments?ownerType=test_owner&ownerId=${project}`,
    allowed: await f.session(a.contact),
    outsider: await f.session(b.contact),
  };
});

securityTests('GET /attachments/:id/content', async () => {
  const { a, id } = await sharedAttachment();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/attachments/${id}/content`,
    allowed: await f.session(a.fieldEngineer),
    outsider: await f.session(b.fieldEngineer),
  };
});

securityTests('DELETE /attachments/:id', async () => {
  const { a, id } = await sharedAttachment();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/attachments/${id}`,
    allowed: await f.session(a.pm),
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.contact),
  };
});
