import { eq, sql } from 'drizzle-orm';
import { GLOBAL_ROLES } from '@opsdesk/domain';
import type { GlobalRole } from '@opsdesk/domain';
import { users } from '../db/schema/index.js';
import type { Deps } from '../http/context.js';
import { uuid7 } from '../lib/ids.js';
import { hashPassword } from '../lib/password-hash.js';
import { recordAudit } from '../modules/audit/audit.record.js';
import { passwordProblems } from '../modules/auth/auth.service.js';
import { currentPolicy } from '../modules/security-policy/security-policy.service.js';
import { ruleMessage } from '@opsdesk/contracts';

interface Args {
  username?: string | undefined;
  password?: string | undefined;
  name?: string | undefined;
  role?: string | undefined;
}

const cliCtx = (deps: Deps) => ({
  db: deps.db,
  deps,
  actor: null,
  actorName: 'cli',
  requestId: 'cli',
  ip: null,
  lang: 'zh-CN' as const,
  now: deps.now(),
});

async function checkPassword(deps: Deps, password: string, username: string): Promise<string[]> {
  const problems = passwordProblems(password, username, await currentPolicy(deps.db));
  return problems.map((p) => ruleMessage(p.rule, 'en', p.params) ?? p.rule);
}

/** `opsdesk user create`: how the first admin (or any staff user) is made without a default password. */
export async function createUserFromCli(deps: Deps, args: Args): Promise<number> {
  if (!args.username || !args.password || !args.name) {
    console.error('opsdesk user create needs --username, --password and --name');
    return 2;
  }
  const role = args.role as GlobalRole | undefined;
  if (role && !(GLOBAL_ROLES as readonly string[]).includes(role)) {
    console.error(`--role must be one of: ${GLOBAL_ROLES.join(', ')}`);
    return 2;
  }
  const problems = await checkPassword(deps, args.password, args.username);
  if (problems.length) {
    console.error(`password refused: ${problems.join('; ')}`);
    return 2;
  }
  const exists = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${args.username})`);
  if (exists.length) {
    console.error(`a user named ${args.username} already exists`);
    return 2;
  }
  const id = uuid7();
  const now = deps.now();
  const hash = await hashPassword(args.password);
  await deps.db.transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      kind: 'staff',
      username: args.username!,
      passwordHash: hash,
      displayName: args.name!,
      globalRoles: role ? [role] : [],
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, cliCtx(deps), {
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      detail: { via: 'cli', username: args.username, globalRoles: role ? [role] : [] },
    });
  });
  console.log(`created ${args.username}${role ? ` (${role})` : ''}`);
  return 0;
}

/** `opsdesk user password`: resets a password from the server's shell (e.g. a lost demo login). */
export async function resetPasswordFromCli(deps: Deps, args: Args): Promise<number> {
  if (!args.username || !args.password) {
    console.error('opsdesk user password needs --username and --password');
    return 2;
  }
  const [user] = await deps.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${args.username})`);
  if (!user) {
    console.error(`no user named ${args.username}`);
    return 2;
  }
  const problems = await checkPassword(deps, args.password, user.username ?? '');
  if (problems.length) {
    console.error(`password refused: ${problems.join('; ')}`);
    return 2;
  }
  const hash = await hashPassword(args.password);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash: hash,
        failedLoginCount: 0,
        lockedUntil: null,
        passwordChangedAt: deps.now(),
        updatedAt: deps.now(),
      })
      .where(eq(users.id, user.id));
    await recordAudit(tx, cliCtx(deps), {
      action: 'user.password_reset',
      objectType: 'user',
      objectId: user.id,
      detail: { via: 'cli' },
    });
  });
  console.log(`password of ${user.username} reset`);
  return 0;
}
