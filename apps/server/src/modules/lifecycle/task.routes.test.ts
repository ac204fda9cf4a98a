import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { serviceTenant, uploadTo } from './lifecycle.test-support.js';
import type { ServiceTenant } from './lifecycle.test-support.js';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await testApp({ uploadLimit: 64 * 1024 });
  f = factories(t.deps);
  t.clock.set(new Date('2026-03-01T02:00:00Z'));
});

/** A started project and one of its start-checklist tasks. */
async function started(key = 'start.kickoff_meeting') {
  const s = await serviceTenant(f);
  expect(
    (await client(t.app, await f.session(s.pm)).post(`/api/v1/projects/${s.project.id}/lifecycle/start`, {}))
      .statusCode,
  ).toBe(200);
  const tasks = (
    await client(t.app, await f.session(s.pm)).get(`/api/v1/projects/${s.project.id}/tasks?limit=50`)
  ).json().items as { id: string; templateKey: string }[];
  return { s, task: tasks.find((x) => x.templateKey === key)! };
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);

describe('a lifecycle task', () => {
  it('is completed by its owner with evidence and a comment, reopened by the manager, each step audited', async () => {
    const { s, task } = await started();
    const pm = await f.session(s.pm);
    // The manager hands it to the engineer, who hears about it.
    const moved = await client(t.app, pm).patch(`/api/v1/project-tasks/${task.id}`, {
      ownerId: s.engineer.id,
      dueDate: '2026-03-15',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      owner: { id: s.engineer.id },
      dueDate: '2026-03-15',
      abilities: { update: true, complete: true, reopen: false },
    });
    const bell = await t.deps.pool.query(
      `SELECT kind FROM notifications WHERE user_id = $1 AND object_id = $2`,
      [s.engineer.id, task.id],
    );
    expect(bell.rows).toEqual([{ kind: 'project_task.assigned' }]);

    const eng = await f.session(s.engineer);
    expect((await uploadTo(t.app, eng, 'project_task', task.id, PNG)).statusCode).toBe(201);
    const done = await client(t.app, eng).post(`/api/v1/project-tasks/${task.id}/complete`, {
      comment: '启动会已召开，纪要见附件',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      completedBy: { id: s.engineer.id },
      attachmentCount: 1,
      overdue: false,
      abilities: { complete: false, attach: false },
    });
    expect((await client(t.app, eng).post(`/api/v1/project-tasks/${task.id}/complete`, {})).statusCode).toBe(
      409,
    );
    expect((await client(t.app, eng).post(`/api/v1/project-tasks/${task.id}/reopen`, {})).statusCode).toBe(
      403,
    );

    const reopened = await client(t.app, pm).post(`/api/v1/project-tasks/${task.id}/reopen`, {
      comment: '纪要缺签字',
    });
    expect(reopened.json()).toMatchObject({ status: 'open', completedBy: null });
    const comments = (await client(t.app, pm).get(`/api/v1/project-tasks/${task.id}/comments`)).json().items;
    expect(comments.map((c: { kind: string; body: string | null }) => [c.kind, c.body])).toEqual([
      ['completed', '启动会已召开，纪要见附件'],
      ['reopened', '纪要缺签字'],
    ]);
    const audit = await t.deps.pool.query(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id`, [
      task.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'project_task.create',
      'project_task.update',
      'attachment.upload',
      'project_task.complete',
      'project_task.reopen',
    ]);
  });

  it('is cancelled with a reason, and commented on by staff, not by a requester', async () => {
    const { s, task } = await started();
    const pm = client(t.app, await f.session(s.pm));
    expect(
      (await pm.post(`/api/v1/project-tasks/${task.id}/cancel`, {})).json().error.details.fields[0].path,
    ).toBe('comment');
    expect(
      (await pm.post(`/api/v1/project-tasks/${task.id}/cancel`, { comment: '客户不需要启动会' })).json(),
    ).toMatchObject({ status: 'cancelled', abilities: { reopen: true } });
    const byEngineer = await client(t.app, await f.session(s.engineer)).post(
      `/api/v1/project-tasks/${task.id}/comments`,
      { body: '已知悉' },
    );
    expect(byEngineer.statusCode, byEngineer.body).toBe(201);
    expect(byEngineer.json()).toMatchObject({
      kind: 'comment',
      body: '已知悉',
      author: { id: s.engineer.id },
    });
    expect(
      (
        await client(t.app, await f.session(s.requester)).post(`/api/v1/project-tasks/${task.id}/comments`, {
          body: '?',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses bad input field by field and saves nothing: unknown owner, a contact as owner, a bad date, an unknown key', async () => {
    const { s, task } = await started();
    const pm = client(t.app, await f.session(s.pm), 'en');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ownerId: '0190a000-0000-7000-8000-000000000000' }, 'ownerId', 'unknownReference'],
      [{ ownerId: s.requester.id }, 'ownerId', 'staffOnly'],
      [{ ownerId: (await f.user()).id }, 'ownerId', 'notProjectStaff'],
      [{ dueDate: '2026-02-30' }, 'dueDate', 'invalid_format'],
      [{ colour: 'red' }, 'colour', 'unrecognized_keys'],
      [{ title: { 'zh-CN': '', en: 'x' } }, 'title.zh-CN', 'too_small'],
    ];
    for (const [body, path, code] of cases) {
      const res = await pm.patch(`/api/v1/project-tasks/${task.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ path, code });
    }
    const after = (await pm.get(`/api/v1/project-tasks/${task.id}`)).json();
    expect(after).toMatchObject({ owner: { id: s.pm.id }, dueDate: '2026-03-22' });
  });

  it('refuses evidence that is too large (413, field-level) and keeps nothing', async () => {
    const { s, task } = await started();
    const res = await uploadTo(
      t.app,
      await f.session(s.pm),
      'project_task',
      task.id,
      Buffer.concat([PNG, Buffer.alloc(70 * 1024)]),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.details.fields[0]).toMatchObject({ path: 'file', code: 'fileTooLarge' });
    const rows = await t.deps.pool.query(`SELECT 1 FROM attachments WHERE owner_id = $1`, [task.id]);
    expect(rows.rowCount).toBe(0);
  });

  it("holds the project's documents (contract, plans) as attachments of the project", async () => {
    const s = await serviceTenant(f);
    const res = await uploadTo(t.app, await f.session(s.pm), 'project', s.project.id, PNG, '合同扫描件.png');
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (await uploadTo(t.app, await f.session(s.engineer), 'project', s.project.id, PNG)).statusCode,
    ).toBe(403);
    const list = await client(t.app, await f.session(s.requester)).get(
      `/api/v1/attachments?ownerType=project&ownerId=${s.project.id}`,
    );
    expect(list.json().items.map((a: { fileName: string }) => a.fileName)).toEqual(['合同扫描件.png']);
    const other = await serviceTenant(f);
    expect(
      (
        await client(t.app, await f.session(other.pm)).get(
          `/api/v1/attachments?ownerType=project&ownerId=${s.project.id}`,
        )
      ).statusCode,
    ).toBe(404);
  });
});

async function securityCase(
  method: 'GET' | 'PATCH' | 'POST',
  path: string,
  body: unknown,
  roles: (s: ServiceTenant) => { allowed: ServiceTenant['pm']; tooLittle?: ServiceTenant['pm'] },
  allowedStatus?: number,
) {
  const { s, task } = await started();
  const o = await serviceTenant(f);
  const r = roles(s);
  return {
    ...t,
    f,
    method,
    url: `/api/v1/project-tasks/${task.id}${path}`,
    body,
    allowed: await f.session(r.allowed),
    ...(allowedStatus ? { allowedStatus } : {}),
    outsider: await f.session(o.pm),
    ...(r.tooLittle ? { tooLittleRole: await f.session(r.tooLittle) } : {}),
  };
}

securityTests('GET /project-tasks/:id', () =>
  securityCase('GET', '', undefined, (s) => ({ allowed: s.requester })),
);
securityTests('PATCH /project-tasks/:id', () =>
  securityCase('PATCH', '', { dueDate: '2026-03-29' }, (s) => ({ allowed: s.pm, tooLittle: s.engineer })),
);
securityTests('POST /project-tasks/:id/complete', () =>
  securityCase('POST', '/complete', {}, (s) => ({ allowed: s.pm, tooLittle: s.engineer })),
);
securityTests('POST /project-tasks/:id/cancel', () =>
  securityCase('POST', '/cancel', { comment: '不适用' }, (s) => ({ allowed: s.pm, tooLittle: s.lead })),
);
securityTests('GET /project-tasks/:id/comments', () =>
  securityCase('GET', '/comments', undefined, (s) => ({ allowed: s.approver })),
);
securityTests('POST /project-tasks/:id/comments', () =>
  securityCase(
    'POST',
    '/comments',
    { body: '收到' },
    (s) => ({ allowed: s.engineer, tooLittle: s.requester }),
    201,
  ),
);

securityTests('POST /project-tasks/:id/reopen', async () => {
  const c = await securityCase('POST', '/reopen', {}, (s) => ({ allowed: s.pm, tooLittle: s.engineer }));
  await t.deps.pool.query(`UPDATE project_tasks SET status = 'done' WHERE id = $1`, [c.url.split('/')[4]]);
  return c;
});
