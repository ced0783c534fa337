// One owner per sandbox data folder. The wizard, `status`, `example`, `check` and `troubleshoot` with `--sandbox` all
// use ~/.cache/hf-jobs-wizard/sandbox-data; two servers on one folder would each load the jobs, mark the other's running
// jobs ERROR and lose each other's commits. So the first process takes `owner.lock` (created exclusively) and records
// where it listens in `owner.json` (0600: it holds the form key); every later process finds that owner alive (its pid
// runs on this boot and its URL proves it knows the recorded instance id) and talks to it over HTTP instead of serving
// the folder itself. A lock left by a dead process (SIGKILL, a reboot) is broken under a second exclusive file, so two
// processes can never both break it and both own the folder.
import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {chmod, lstat, mkdir, open, readdir, readFile, realpath, stat, unlink} from 'node:fs/promises';
import {dirname, join, parse, resolve} from 'node:path';
import type {RouteModule} from './context.js';
import {sendJson} from './http.js';
import {writeTextAtomic} from './hub/store.js';

export interface OwnerRecord {
  pid: number;
  /** `http://127.0.0.1:PORT` of the owning server. */
  url: string;
  /** Random per server: a pid and port reused by something else do not answer with it. */
  instance: string;
  formKey: string;
  startedAt: string;
}

interface LockContent {
  pid: number;
  boot?: string;
  instance: string;
}

/** A clear one-line reason the data folder cannot be used (no errno dump, no hang). */
export class SandboxDataError extends Error {
  constructor(
    message: string,
    readonly reason: 'unusable' | 'busy',
    /** The errno code behind an 'unusable' folder (EACCES, ENOENT…). */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SandboxDataError';
  }
}

const PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'it is a file, not a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'a part of the path cannot hold folders',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
};

function unusable(dir: string, error: unknown): SandboxDataError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new SandboxDataError(
    `cannot use the sandbox data folder ${dir} (${PROBLEMS[code] ?? (code || 'unknown error')}); pick a folder you can write to`,
    'unusable',
    code,
  );
}

/**
 * Creates the folder one level at a time. `mkdir(…, {recursive: true})` never returns for a path under /proc on
 * Linux (Node loops on ENOENT), so the sandbox made `--data /proc/x` hang; here each level fails at once.
 */
export async function ensureDataDir(dir: string): Promise<void> {
  const full = resolve(dir);
  const levels: string[] = [];
  for (let d = full; d !== parse(d).root; d = dirname(d)) levels.unshift(d);
  for (const level of levels) {
    try {
      const s = await stat(level);
      if (!s.isDirectory())
        throw Object.assign(new Error('not a directory'), {code: level === full ? 'EEXIST' : 'ENOTDIR'});
      continue;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unusable(dir, error);
    }
    try {
      await mkdir(level, {mode: 0o700});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unusable(dir, error);
    }
  }
  await checkOwnFolder(dir, full);
  // A folder we cannot write to fails now, with its name, rather than at the first save.
  const probe = join(full, `.probe-${process.pid}-${randomBytes(3).toString('hex')}`);
  try {
    await writeTextAtomic(probe, '');
    await unlink(probe);
  } catch (error) {
    throw unusable(dir, error);
  }
}

/**
 * The folder must be this user's, and only this user's to change: another local user who made it first (`--data
 * /tmp/workshop` on a shared machine) could put an accounts.json with tokens they know in it, then run jobs, i.e.
 * commands, as this user through the sandbox's port. A folder of ours that others may write to is closed (0700);
 * anything in it another user made is refused.
 */
async function checkOwnFolder(dir: string, full: string): Promise<void> {
  const uid = process.getuid?.();
  if (uid === undefined) return; // Windows: no POSIX owners
  await checkParents(dir, full, uid);
  const info = await stat(full);
  if (info.uid !== uid)
    throw new SandboxDataError(
      `cannot use the sandbox data folder ${dir}: it belongs to another user (uid ${info.uid}), who could change its tokens; pick a folder of your own`,
      'unusable',
      'EOWNER',
    );
  if ((info.mode & 0o022) === 0) return;
  // Others could write here until now: close it, then refuse what they may have put in.
  await chmod(full, 0o700);
  for (const name of await readdir(full)) {
    const entry = await lstat(join(full, name));
    if (entry.uid !== uid)
      throw new SandboxDataError(
        `cannot use the sandbox data folder ${dir}: ${name} in it was made by another user (uid ${entry.uid}), who could have changed the sandbox's tokens; remove it or pick a new folder`,
        'unusable',
        'EOWNER',
      );
  }
}

/**
 * The folders above it, as ssh checks those above ~/.ssh: each must be this user's or root's, and not writable by
 * others, or another user could rename the data folder away and put one of theirs (with tokens they know) in its
 * place between two starts. A world-writable folder with the sticky bit (/tmp) is fine: there only an entry's owner
 * may rename it. Both the path as given and the one its symlinks lead to are checked.
 */
async function checkParents(dir: string, full: string, uid: number): Promise<void> {
  const chains = new Set<string>();
  const ancestors = (path: string) => {
    for (let d = dirname(path); ; d = dirname(d)) {
      chains.add(d);
      if (d === parse(d).root) break;
    }
  };
  ancestors(full);
  ancestors(await realpath(full));
  for (const parent of chains) {
    const info = await stat(parent);
    if (info.uid !== uid && info.uid !== 0)
      throw new SandboxDataError(
        `cannot use the sandbox data folder ${dir}: ${parent} above it belongs to another user (uid ${info.uid}), who could swap the folder for one of theirs; pick a folder under your home`,
        'unusable',
        'EOWNER',
      );
    if ((info.mode & 0o022) !== 0 && (info.mode & 0o1000) === 0)
      throw new SandboxDataError(
        `cannot use the sandbox data folder ${dir}: other users can change ${parent} above it (mode ${(info.mode & 0o7777).toString(8).padStart(4, '0')}, no sticky bit) and could swap the folder for one of theirs; pick a folder under your home, or run chmod go-w ${parent}`,
        'unusable',
        'EPARENT',
      );
  }
}

let bootId: string | undefined | null = null;
function currentBoot(): string | undefined {
  if (bootId === null) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
    } catch {
      bootId = undefined;
    }
  }
  return bootId;
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** What the owner answers to a nonce: proof it knows the instance id, which it never sends. */
function ownerProof(instance: string, nonce: string, port: string): string {
  return createHmac('sha256', instance).update(`sandbox-owner:${nonce}:${port}`).digest('hex');
}

/** The port a URL reaches (the scheme's default when it names none). */
function portOf(url: string): string {
  const u = new URL(url);
  return u.port || (u.protocol === 'https:' ? '443' : '80');
}

/**
 * Whether the server at `record.url` is the owner that wrote `record` (2 s bound): it must answer a fresh nonce with
 * the proof only the instance id makes. The id itself was the answer before, to anyone who asked: a local program
 * that learned it, then held the port once the owner was gone (its pid reused), passed for the owner and was sent the
 * practice tokens.
 */
export async function ownerAnswers(record: OwnerRecord, timeoutMs = 2000): Promise<boolean> {
  try {
    const nonce = randomBytes(16).toString('hex');
    const res = await fetch(`${record.url}/_sandbox/owner?nonce=${nonce}`, {signal: AbortSignal.timeout(timeoutMs)});
    if (!res.ok) return false;
    const body = (await res.json()) as {proof?: unknown};
    // Bound to the port asked: a program on another port that relays the nonce to the real owner's /_sandbox/owner
    // (public, like every route of a local server) gets a proof for the owner's port, not its own.
    const expected = Buffer.from(ownerProof(record.instance, nonce, portOf(record.url)));
    const given = Buffer.from(typeof body.proof === 'string' ? body.proof : '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  } catch {
    return false;
  }
}

/**
 * Whether the server at `url` is the live owner of the data folder `dir` (the instance id in its owner.json proves
 * it): `learn --endpoint URL --sandbox-data DIR` sends DIR's practice tokens only then. Before, it sent them to
 * whatever held the port: once the sandbox stopped, another local program listening there got the write token, which
 * works again when the sandbox is started on the same folder (and runs jobs, i.e. commands, as this user).
 */
export async function servesDataDir(url: string, dir: string): Promise<boolean> {
  const record = await readJson<OwnerRecord>(join(dir, 'owner.json'));
  if (!record || typeof record.instance !== 'string' || record.instance === '') return false;
  return ownerAnswers({...record, url: url.replace(/\/+$/, '')});
}

/** `GET /_sandbox/owner?nonce=N`: the proof for N, so a second process knows it reached this folder's owner. */
export function ownerRoute(instance: string): RouteModule {
  return (router) => {
    router.on('GET', /^\/_sandbox\/owner$/, (ctx) => {
      const nonce = ctx.url.searchParams.get('nonce') ?? '';
      if (!/^[0-9a-f]{32}$/.test(nonce)) return sendJson(ctx, 400, {error: 'nonce must be 32 hex digits'});
      sendJson(ctx, 200, {proof: ownerProof(instance, nonce, String(ctx.req.socket.localPort))});
    });
  };
}

/** What `GET /_sandbox/info` answers: this is the app's sandbox (core/hub/sandbox-info.ts checks the same words). */
const SANDBOX_APP = 'hf-jobs-wizard sandbox';

/**
 * `GET /_sandbox/info`: `{app, dataDir}`, so a learner's process reached by URL (a workshop's shared sandbox) knows it
 * talks to this app's sandbox and where its practice tokens are (`accounts.json`, 0600: only a user who may read the
 * folder gets them; the path itself gives nothing). Not a page: no browser can read it from another site (no CORS
 * header, and a foreign Host gets 421).
 */
export const infoRoute: RouteModule = (router, sandbox) => {
  router.on('GET', /^\/_sandbox\/info$/, (ctx) => sendJson(ctx, 200, {app: SANDBOX_APP, dataDir: sandbox.dataDir}));
};

export interface Ownership {
  instance: string;
  /** Records where the owner listens, for the next process. */
  publish(record: Omit<OwnerRecord, 'pid' | 'instance' | 'startedAt'>): Promise<void>;
  release(): Promise<void>;
}

export type Claim = {kind: 'owner'; ownership: Ownership} | {kind: 'running'; record: OwnerRecord};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isStale(lock: LockContent | undefined, lockAgeMs: number): boolean {
  // Unreadable: being written right now, unless it has been so for a while (a crash between create and write).
  if (!lock) return lockAgeMs > 5000;
  if (lock.boot && currentBoot() && lock.boot !== currentBoot()) return true;
  return !pidAlive(lock.pid);
}

/** Breaks a stale lock holding `<lock>.break` exclusively, re-checking under it; true when the lock is gone. */
async function breakStale(lockFile: string): Promise<void> {
  const breaker = `${lockFile}.break`;
  let handle;
  try {
    handle = await open(breaker, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone is breaking it; a breaker left by a crash is cleared after 10 s.
    const age = await stat(breaker).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > 10_000) await unlink(breaker).catch(() => {});
    return;
  }
  try {
    const age = await stat(lockFile).then(
      (s) => Date.now() - s.mtimeMs,
      () => -1,
    );
    if (age >= 0 && isStale(await readJson<LockContent>(lockFile), age)) await unlink(lockFile).catch(() => {});
  } finally {
    await handle.close();
    await unlink(breaker).catch(() => {});
  }
}

/**
 * Becomes the owner of `dir`, or finds the live owner. Waits (bounded by `waitMs`) while an owner is starting up;
 * a stale lock is broken. Never returns two owners for one folder.
 */
export async function claimDataDir(dir: string, options: {waitMs?: number} = {}): Promise<Claim> {
  const lockFile = join(dir, 'owner.lock');
  const ownerFile = join(dir, 'owner.json');
  const deadline = Date.now() + (options.waitMs ?? 15_000);
  const instance = randomBytes(12).toString('hex');
  let holder: LockContent | undefined;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      try {
        const boot = currentBoot();
        await handle.writeFile(
          JSON.stringify({pid: process.pid, instance, ...(boot ? {boot} : {})} satisfies LockContent),
        );
      } finally {
        await handle.close();
      }
      return {kind: 'owner', ownership: ownership(lockFile, ownerFile, instance)};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unusable(dir, error);
    }
    holder = await readJson<LockContent>(lockFile);
    const age = await stat(lockFile).then(
      (s) => Date.now() - s.mtimeMs,
      () => -1,
    );
    if (age < 0) continue; // released meanwhile
    if (isStale(holder, age)) {
      await breakStale(lockFile);
      continue;
    }
    const record = await readJson<OwnerRecord>(ownerFile);
    if (record && holder && record.instance === holder.instance && (await ownerAnswers(record)))
      return {kind: 'running', record};
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  throw new SandboxDataError(
    `the sandbox data folder ${dir} is held by process ${holder?.pid ?? '(unknown)'}, which does not answer; stop that process (or, if it is not a sandbox, remove ${lockFile})`,
    'busy',
  );
}

function ownership(lockFile: string, ownerFile: string, instance: string): Ownership {
  let released = false;
  return {
    instance,
    async publish(record) {
      const full: OwnerRecord = {pid: process.pid, instance, startedAt: new Date().toISOString(), ...record};
      await writeTextAtomic(ownerFile, JSON.stringify(full, null, 2));
    },
    async release() {
      if (released) return;
      released = true;
      // Only our own lock: never one a later owner took after ours was (wrongly) judged stale.
      const lock = await readJson<LockContent>(lockFile);
      if (lock?.instance !== instance) return;
      const record = await readJson<OwnerRecord>(ownerFile);
      if (record?.instance === instance) await unlink(ownerFile).catch(() => {});
      await unlink(lockFile).catch(() => {});
    },
  };
}

/** Whether the owner described by `record` no longer holds `dir` (its process ended, or it released the lock). */
export async function ownerGone(dir: string, record: OwnerRecord): Promise<boolean> {
  if (!pidAlive(record.pid)) return true;
  const lock = await readJson<LockContent>(join(dir, 'owner.lock'));
  return lock?.instance !== record.instance;
}
