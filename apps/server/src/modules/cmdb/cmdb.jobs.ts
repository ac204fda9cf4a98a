import { buffer as readAll } from 'node:stream/consumers';
import { sql } from 'drizzle-orm';
import { PROJECT_MANAGING_ROLES, chinaDay, cmdbAbilities, shiftDay } from '@opsdesk/domain';
import type { Deps, Ctx } from '../../http/context.js';
import type { JobDefinition } from '../../jobs/job-system.js';
import { actorOf, findPrincipalByUserId } from '../auth/auth.repository.js';
import { storageFor } from '../attachments/attachment.service.js';
import { notify } from '../notifications/notification.service.js';
import { findCiType } from './ci-type.repository.js';
import { visibleProject } from './ci.resolve.js';
import { findImport, updateImport } from './ci-import.repository.js';
import { IMPORT_JOB, runImport } from './ci-import.service.js';
import { readSheet } from './ci-import.sheet.js';

/**
 * A large import, run in the background as the user who uploaded it (their abilities are checked
 * again: a role taken away meanwhile stops it). A retry after a crash re-runs the file: the upsert
 * is idempotent, so rows already written come out unchanged.
 */
async function importJob(deps: Deps, data: { importId?: unknown }): Promise<void> {
  const id = typeof data.importId === 'string' ? data.importId : null;
  const record = id ? await findImport(deps.db, null, id) : null;
  if (!record || record.status === 'done' || !record.sourceKey) return;
  const fail = (failure: string) =>
    updateImport(deps.db, record.id, { status: 'failed', failure, finishedAt: deps.now() });
  const principal = record.createdBy ? await findPrincipalByUserId(deps.db, record.createdBy) : null;
  if (!principal || principal.user.disabled)
    return void (await fail('the user who started the import is gone or disabled'));
  const ctx: Ctx = {
    db: deps.db,
    deps,
    actor: actorOf(principal),
    actorName: principal.user.displayName,
    credential: 'session',
    requestId: `job:${IMPORT_JOB}:${record.id}`,
    ip: null,
    lang: record.lang,
    now: deps.now(),
  };
  const project = await visibleProject(deps.db, ctx.actor, record.projectId);
  const type = await findCiType(deps.db, record.typeId);
  if (!project || !type || !cmdbAbilities(ctx.actor, project.id).import)
    return void (await fail('not allowed any more'));
  const storage = storageFor(ctx);
  const sheet = await readSheet(record.format, await readAll(await storage.open(record.sourceKey)));
  await runImport(ctx, record, project, type, sheet);
  await updateImport(deps.db, record.id, { sourceKey: null });
  await storage.remove(record.sourceKey);
}

/**
 * Daily: tells the managers of each project which CIs' warranties end within 30, 60 or 90 days.
 * Each CI is claimed once per warranty end and window (ci_warranty_notices, in the same
 * transaction as the notifications), only for a window nearer than any it was already announced
 * in, so reruns, retries and two nodes never repeat one; the notice groups a project's CIs.
 */
export async function warrantyReminders(deps: Deps): Promise<number> {
  const now = deps.now();
  const today = chinaDay(now);
  const horizon = shiftDay(today, 90);
  return deps.db.transaction(async (tx) => {
    const claimed = await tx.execute<{
      ci_id: string;
      bucket: number;
      name: string;
      project_id: string;
      project_name: string;
    }>(sql`
      WITH due AS (
        SELECT c.id, c.name, c.project_id, c.warranty_end,
          CASE WHEN c.warranty_end - ${today}::date <= 30 THEN 30 WHEN c.warranty_end - ${today}::date <= 60 THEN 60 ELSE 90 END AS bucket
        FROM cis c
        WHERE c.deleted_at IS NULL AND c.status <> 'retired' AND c.warranty_end BETWEEN ${today}::date AND ${horizon}::date
      ),
      fresh AS (
        INSERT INTO ci_warranty_notices (ci_id, warranty_end, bucket, notified_at)
        SELECT d.id, d.warranty_end, d.bucket, ${now} FROM due d
        WHERE NOT EXISTS (SELECT 1 FROM ci_warranty_notices n WHERE n.ci_id = d.id AND n.warranty_end = d.warranty_end AND n.bucket <= d.bucket)
        ON CONFLICT DO NOTHING
        RETURNING ci_id, bucket
      )
      SELECT f.ci_id, f.bucket, d.name, d.project_id, p.name AS project_name
      FROM fresh f JOIN due d ON d.id = f.ci_id JOIN projects p ON p.id = d.project_id
      ORDER BY d.project_id, f.bucket, d.warranty_end, d.name`);
    const groups = new Map<string, typeof claimed.rows>();
    for (const r of claimed.rows) {
      const k = `${r.project_id}:${r.bucket}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    let sent = 0;
    for (const rows of groups.values()) {
      const { project_id: projectId, project_name: projectName, bucket } = rows[0]!;
      const managers = await tx.execute<{ user_id: string }>(sql`
        SELECT DISTINCT m.user_id FROM project_members m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = ${projectId} AND m.role = ANY(${`{${PROJECT_MANAGING_ROLES.join(',')}}`}::text[]) AND u.kind = 'staff' AND NOT u.disabled`);
      const names =
        rows
          .slice(0, 5)
          .map((r) => r.name)
          .join('、') + (rows.length > 5 ? ' …' : '');
      sent += await notify(tx, {
        userIds: managers.rows.map((m) => m.user_id),
        kind: 'cmdb.warrantyEnding',
        params: { project: projectName, count: rows.length, days: bucket, names },
        link: `/cmdb/cis?projectId=${projectId}&warrantyEndFrom=${today}&warrantyEndTo=${shiftDay(today, bucket)}`,
        objectType: 'project',
        objectId: projectId,
        projectId,
        dedupeKey: `cmdb.warranty:${projectId}:${bucket}:${today}:${rows[0]!.ci_id}`,
        now,
      });
    }
    return sent;
  });
}

export const CMDB_JOBS: JobDefinition[] = [
  { name: IMPORT_JOB, handler: (deps, data) => importJob(deps, data) },
  {
    name: 'cmdb.warranty-reminders',
    cron: '0 8 * * *',
    handler: async (deps) => void (await warrantyReminders(deps)),
  },
];
