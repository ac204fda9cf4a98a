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
  t = await testApp();
  f = factories(t.deps);
  t.clock.set(new Date('2026-03-01T02:00:00Z'));
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

/** A started project with its service plan (an approval task), optionally attached and submitted. */
async function servicePlan(opts: { attach?: boolean; submit?: boolean } = {}) {
  const s = await serviceTenant(f);
  const pm = await f.session(s.pm);
  expect(
    (await client(t.app, pm).post(`/api/v1/projects/${s.project.id}/lifecycle/start`, {})).statusCode,
  ).toBe(200);
  const tasks = (
    await client(t.app, pm).get(`/api/v1/projects/${s.project.id}/tasks?category=approval`)
  ).json().items as { id: string; templateKey: string }[];
  const plan = tasks.find((x) => x.templateKey === 'start.service_plan')!;
  if (opts.attach || opts.submit)
    expect((await uploadTo(t.app, pm, 'project_task', plan.id, PDF, '服务方案.pdf')).statusCode).toBe(201);
  if (opts.submit)
    expect(
      (await client(t.app, pm).post(`/api/v1/project-tasks/${plan.id}/submit`, { comment: '请审批' }))
        .statusCode,
    ).toBe(200);
  return { s, plan };
}

const bell = async (userId: string, taskId: string) =>
  (
    await t.deps.pool.query(
      `SELECT kind, params FROM notifications WHERE user_id = $1 AND object_id = $2 ORDER BY created_at, id`,
      [userId, taskId],
    )
  ).rows;

describe('customer approval of a plan', () => {
  it("goes from the team to the customer's approver, who approves it in the portal; everyone sees where it stands", async () => {
    const { s, plan } = await servicePlan();
    const pm = client(t.app, await f.session(s.pm), 'en');
    // The document to approve comes first.
    const early = await pm.post(`/api/v1/project-tasks/${plan.id}/submit`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields).toEqual([
      { path: 'attachments', code: 'attachmentRequired', message: 'Attach the document to approve first' },
    ]);
    expect(
      (await uploadTo(t.app, await f.session(s.pm), 'project_task', plan.id, PDF, '服务方案.pdf')).statusCode,
    ).toBe(201);
    // A plan is approved, not simply completed.
    expect((await pm.post(`/api/v1/project-tasks/${plan.id}/complete`, {})).statusCode).toBe(403);
    const submitted = await pm.post(`/api/v1/project-tasks/${plan.id}/submit`, { comment: '请审批服务方案' });
    expect(submitted.json()).toMatchObject({
      status: 'awaiting_approval',
      abilities: { submit: false, approve: false },
    });
    expect(await bell(s.approver.id, plan.id)).toEqual([
      {
        kind: 'project_task.approval_requested',
        params: expect.objectContaining({ titleZh: '服务方案（客户审批）' }),
      },
    ]);

    const approver = client(t.app, await f.session(s.approver));
    const seen = (await approver.get(`/api/v1/project-tasks?view=awaiting_approval`)).json().items;
    expect(seen.map((x: { id: string }) => x.id)).toEqual([plan.id]);
    expect(seen[0].abilities).toMatchObject({ approve: true, reject: true, update: false });
    const docs = await approver.get(`/api/v1/attachments?ownerType=project_task&ownerId=${plan.id}`);
    expect(docs.json().items.map((a: { fileName: string }) => a.fileName)).toEqual(['服务方案.pdf']);

    const approved = await approver.post(`/api/v1/project-tasks/${plan.id}/approve`, { comment: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'done',
      approvedBy: { id: s.approver.id },
      abilities: { approve: false },
    });
    expect((await approver.post(`/api/v1/project-tasks/${plan.id}/approve`, {})).statusCode).toBe(409);

    const teamView = (await pm.get(`/api/v1/project-tasks/${plan.id}`)).json();
    expect(teamView).toMatchObject({ status: 'done', approvedBy: { id: s.approver.id } });
    const history = (await pm.get(`/api/v1/project-tasks/${plan.id}/comments`)).json().items;
    expect(history.map((c: { kind: string; author: { id: string } }) => [c.kind, c.author.id])).toEqual([
      ['submitted', s.pm.id],
      ['approved', s.approver.id],
    ]);
    expect((await bell(s.pm.id, plan.id)).map((n) => n.kind)).toEqual(['project_task.approved']);
    const audit = await t.deps.pool.query(
      `SELECT action, actor_id FROM audit_log WHERE object_id = $1 AND action LIKE 'project_task.%' ORDER BY id`,
      [plan.id],
    );
    expect(audit.rows.map((r) => [r.action, r.actor_id])).toEqual([
      ['project_task.create', s.pm.id], // generated when the manager started the project
      ['project_task.submit', s.pm.id],
      ['project_task.approve', s.approver.id],
    ]);
  });

  it('is rejected with a comment, which sends it back to the team', async () => {
    const { s, plan } = await servicePlan({ submit: true });
    const approver = client(t.app, await f.session(s.approver));
    const noComment = await approver.post(`/api/v1/project-tasks/${plan.id}/reject`, {});
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.details.fields[0].path).toBe('comment');
    const rejected = await approver.post(`/api/v1/project-tasks/${plan.id}/reject`, {
      comment: '请补充备件清单',
    });
    expect(rejected.json()).toMatchObject({ status: 'open', approvedBy: null });
    expect((await bell(s.pm.id, plan.id)).at(-1)).toEqual({
      kind: 'project_task.rejected',
      params: expect.objectContaining({ comment: '请补充备件清单' }),
    });
  });

  it('can be approved only by an approver of that project: not a requester, not the team, not another customer', async () => {
    const { s, plan } = await servicePlan({ submit: true });
    for (const who of [s.requester, s.pm, s.fieldEngineer]) {
      const res = await client(t.app, await f.session(who)).post(
        `/api/v1/project-tasks/${plan.id}/approve`,
        {},
      );
      expect(res.statusCode, who.kind).toBe(403);
    }
    const other = await serviceTenant(f);
    expect(
      (
        await client(t.app, await f.session(other.approver)).post(
          `/api/v1/project-tasks/${plan.id}/approve`,
          {},
        )
      ).statusCode,
    ).toBe(404);
    // A contact of the same customer who approves a different project is no approver here.
    const sibling = await f.project({ customerId: s.customer.id });
    const siblingApprover = await f.contact(s.customer.id);
    await f.member(sibling.id, siblingApprover.id, 'customer_approver');
    expect(
      (
        await client(t.app, await f.session(siblingApprover)).post(
          `/api/v1/project-tasks/${plan.id}/approve`,
          {},
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await client(t.app, await f.session(s.pm)).get(`/api/v1/project-tasks/${plan.id}`)).json().status,
    ).toBe('awaiting_approval');
  });
});

async function approvalCase(
  action: string,
  body: unknown,
  who: (s: ServiceTenant) => { allowed: ServiceTenant['pm']; tooLittle: ServiceTenant['pm'] },
  submit = true,
) {
  const { s, plan } = await servicePlan({ attach: true, submit });
  const o = await serviceTenant(f);
  const r = who(s);
  return {
    ...t,
    f,
    method: 'POST' as const,
    url: `/api/v1/project-tasks/${plan.id}/${action}`,
    body,
    allowed: await f.session(r.allowed),
    outsider: await f.session(o.approver),
    tooLittleRole: await f.session(r.tooLittle),
  };
}

securityTests('POST /project-tasks/:id/submit', () =>
  approvalCase('submit', {}, (s) => ({ allowed: s.pm, tooLittle: s.engineer }), false),
);
securityTests('POST /project-tasks/:id/approve', () =>
  approvalCase('approve', {}, (s) => ({ allowed: s.approver, tooLittle: s.requester })),
);
securityTests('POST /project-tasks/:id/reject', () =>
  approvalCase('reject', { comment: '不同意' }, (s) => ({ allowed: s.approver, tooLittle: s.pm })),
);
