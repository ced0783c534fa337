// Volumes for sandbox jobs. Jobs are local processes, not containers, so a volume cannot appear at its real mount
// path (`/data`): each volume's files are written into a per-job folder, and the mount path is rewritten to that
// folder in the job's command, arguments and environment values. Read-only volumes are made read-only for real with
// a private mount namespace (`unshare -Urm` + a read-only bind mount) where the machine allows it, else by file
// permissions (which a process running as root ignores; the log says which). When the job ends, what it wrote into
// a read-write bucket volume is stored in the Xet CAS and committed to the bucket (new, changed and deleted files).
import {spawnSync} from 'node:child_process';
import {chmod, copyFile, mkdir, readdir, stat} from 'node:fs/promises';
import {createWriteStream} from 'node:fs';
import {pipeline} from 'node:stream/promises';
import {Readable} from 'node:stream';
import {dirname, join, relative, sep} from 'node:path';
import {findUser} from '../accounts.js';
import type {SandboxCore} from '../context.js';
import {bucketStore} from '../buckets/routes.js';
import {checkRepoPath, isValidName} from '../hub/paths.js';
import {hubStore, resolveRevision} from '../hub/service.js';
import {userCanWriteNamespace, userIsMember} from '../permissions.js';
import {xetFiles} from '../xet/service.js';
import type {JobRecord} from './spec.js';

export interface VolumeSpec {
  type: 'bucket' | 'model' | 'dataset';
  source: string;
  mountPath: string;
  readOnly: boolean;
  path: string;
  revision: string;
}

export interface MountedVolume {
  spec: VolumeSpec;
  dir: string;
  /** What was there at mount time (relative path -> size and mtime), to find what the job changed. */
  before: Map<string, {size: number; mtimeMs: number}>;
}

export interface MountPlan {
  volumes: MountedVolume[];
  /** The job's strings with every mount path replaced by its folder. */
  rewrite(text: string): string;
  /** argv prefix that makes the read-only folders read-only (a mount namespace), or none. */
  wrap(argv: string[]): string[];
  log: string[];
}

export class VolumeError extends Error {}

/** Validates the Hub's volume objects ({type, source, mountPath, readOnly?, path?, revision?}). */
export function parseVolumes(raw: unknown[] | null | undefined): VolumeSpec[] {
  const out: VolumeSpec[] = [];
  for (const [i, v] of (raw ?? []).entries()) {
    const bad = (why: string) => new VolumeError(`Volume ${i + 1}: ${why}`);
    if (!v || typeof v !== 'object') throw bad('expected an object {type, source, mountPath}');
    const o = v as Record<string, unknown>;
    const type = o.type ?? 'model';
    if (type === 'space')
      throw bad(
        'space volumes are not emulated by the sandbox (it has no Spaces storage); use a bucket, model or dataset',
      );
    if (type !== 'bucket' && type !== 'model' && type !== 'dataset')
      throw bad(`unknown type ${JSON.stringify(String(type)).slice(0, 40)}`);
    const source = o.source;
    if (typeof source !== 'string' || source.split('/').length !== 2 || !source.split('/').every(isValidName))
      throw bad('source must be "namespace/name"');
    const mountPath = o.mountPath ?? o.mount_path;
    if (
      typeof mountPath !== 'string' ||
      !/^\/[A-Za-z0-9._\-/]{0,200}$/.test(mountPath) ||
      mountPath === '/' ||
      mountPath.split('/').some((s) => s === '..' || s === '.')
    ) {
      throw bad('mountPath must be an absolute path like /data (letters, digits, . _ - /)');
    }
    const path =
      o.path === undefined || o.path === null || o.path === ''
        ? ''
        : checkRepoPath(String(o.path).replace(/\/+$/, ''), 'volume path');
    const readOnly = type === 'bucket' ? o.readOnly === true || o.read_only === true : true;
    const revision = typeof o.revision === 'string' && o.revision ? o.revision : 'main';
    out.push({type, source, mountPath: mountPath.replace(/\/+$/, ''), readOnly, path, revision});
  }
  const paths = out.map((v) => v.mountPath);
  for (const p of paths)
    if (paths.some((q) => q !== p && (q.startsWith(`${p}/`) || q === p)))
      throw new VolumeError(`Two volumes share or nest mount path ${p}`);
  return out;
}

let unshareProbe: string | null | undefined;
/** `unshare` if it can make a private user + mount namespace here without privileges (probed once). */
function namespaceTool(): string | null {
  if (unshareProbe !== undefined) return unshareProbe;
  unshareProbe = null;
  if (process.platform !== 'linux') return null;
  for (const candidate of ['/usr/bin/unshare', '/bin/unshare']) {
    // Inside a private namespace: this read-only remount of /tmp is seen by nobody else.
    const r = spawnSync(
      candidate,
      [
        '-Urm',
        '/bin/sh',
        '-c',
        'mount --bind /tmp /tmp && mount -o remount,bind,ro /tmp /tmp && ! touch /tmp/.hf-probe 2>/dev/null',
      ],
      {timeout: 5000, stdio: 'ignore'},
    );
    if (r.status === 0) {
      unshareProbe = candidate;
      break;
    }
  }
  return unshareProbe;
}

async function walk(
  dir: string,
  base = dir,
  out = new Map<string, {size: number; mtimeMs: number}>(),
): Promise<Map<string, {size: number; mtimeMs: number}>> {
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, base, out);
    else if (entry.isFile()) {
      const s = await stat(full);
      out.set(relative(base, full).split(sep).join('/'), {size: s.size, mtimeMs: s.mtimeMs});
    }
  }
  return out;
}

async function makeReadOnly(dir: string): Promise<void> {
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await makeReadOnly(full);
    else await chmod(full, 0o444);
  }
  await chmod(dir, 0o555);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Writes each volume's files into `<root>/volumes/<n>` and plans the rewrite; throws VolumeError for the job's log. */
export async function mountVolumes(core: SandboxCore, job: JobRecord, root: string): Promise<MountPlan> {
  const specs = parseVolumes(job.volumes);
  const creator = findUser(core.accounts, job.createdBy.name);
  const volumes: MountedVolume[] = [];
  const log: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const [ns, name] = spec.source.split('/') as [string, string];
    const dir = join(root, 'volumes', String(i + 1));
    await mkdir(dir, {recursive: true, mode: 0o700});
    const where = spec.path ? ` (folder ${spec.path})` : '';
    const prefix = spec.path ? `${spec.path}/` : '';
    let count = 0;
    if (spec.type === 'bucket') {
      const bucket = await bucketStore(core).get(ns, name);
      const visible = bucket && (!bucket.private || (creator !== undefined && userIsMember(creator, ns)));
      if (!bucket || !visible)
        throw new VolumeError(`Bucket ${spec.source} not found (or not visible to ${job.createdBy.name})`);
      if (!spec.readOnly && !(creator && userCanWriteNamespace(creator, ns)))
        throw new VolumeError(`${job.createdBy.name} cannot write to bucket ${spec.source}: mount it read-only`);
      const xet = xetFiles(core);
      for (const [path, f] of Object.entries(bucket.files)) {
        if (prefix && !path.startsWith(prefix)) continue;
        const record = await xet.get(f.xetHash);
        if (!record) throw new VolumeError(`Bucket file ${path} is missing from the Xet store`);
        const target = join(dir, ...path.slice(prefix.length).split('/'));
        await mkdir(dirname(target), {recursive: true});
        await pipeline(Readable.from(xet.read(record)), createWriteStream(target));
        count++;
      }
    } else {
      const store = hubStore(core);
      const repo = await store.getRepo(spec.type, ns, name);
      const visible = repo && (!repo.private || (creator !== undefined && userIsMember(creator, ns)));
      if (!repo || !visible)
        throw new VolumeError(
          `${spec.type === 'model' ? 'Model' : 'Dataset'} ${spec.source} not found (or not visible to ${job.createdBy.name})`,
        );
      const commit = await resolveRevision(store, repo, spec.revision).catch(() => {
        throw new VolumeError(`Revision ${spec.revision} of ${spec.source} not found`);
      });
      for (const [path, entry] of Object.entries(commit.files)) {
        if (prefix && !path.startsWith(prefix)) continue;
        const target = join(dir, ...path.slice(prefix.length).split('/'));
        await mkdir(dirname(target), {recursive: true});
        const viaXet = entry.lfs?.xetHash ? await xetFiles(core).get(entry.lfs.xetHash) : undefined;
        if (viaXet) await pipeline(Readable.from(xetFiles(core).read(viaXet)), createWriteStream(target));
        else await copyFile(entry.lfs ? store.lfsPath(entry.lfs.oid) : store.gitPath(entry.oid), target);
        count++;
      }
    }
    if (spec.path && count === 0) {
      if (spec.type !== 'bucket' || spec.readOnly)
        throw new VolumeError(`${spec.source} has no folder ${spec.path} to mount`);
    }
    const before = await walk(dir);
    volumes.push({spec, dir, before});
    log.push(
      `[sandbox] volume ${spec.type} ${spec.source}${spec.type === 'bucket' ? '' : `@${spec.revision}`}${where} -> ${spec.mountPath}: ${count} file${count === 1 ? '' : 's'} copied to ${dir}; ${spec.mountPath} in the command, arguments and environment is rewritten to that folder (no containers here)${spec.readOnly ? '; read-only' : '; read-write: what the job writes there is uploaded to the bucket when it ends'}.`,
    );
  }
  const readOnly = volumes.filter((v) => v.spec.readOnly);
  const tool = readOnly.length ? namespaceTool() : null;
  if (readOnly.length) {
    if (tool)
      log.push(`[sandbox] read-only volumes are read-only bind mounts in a private mount namespace (${tool} -Urm).`);
    else {
      for (const v of readOnly) await makeReadOnly(v.dir);
      log.push(
        '[sandbox] read-only volumes are read-only by file permissions only (no unprivileged mount namespace on this machine): a process running as root can still write there.',
      );
    }
  }
  const ordered = [...volumes].sort((a, b) => b.spec.mountPath.length - a.spec.mountPath.length);
  const patterns = ordered.map((v) => ({
    re: new RegExp(`(^|[\\s=:'"(,])${escapeRe(v.spec.mountPath)}(?=$|[/\\s:'"),;])`, 'g'),
    dir: v.dir,
  }));
  return {
    volumes,
    log,
    rewrite(text: string): string {
      let out = text;
      for (const p of patterns) out = out.replace(p.re, (_m, lead: string) => `${lead}${p.dir}`);
      return out;
    },
    wrap(argv: string[]): string[] {
      if (!tool || readOnly.length === 0) return argv;
      const script =
        'n=$1; shift; i=0; while [ "$i" -lt "$n" ]; do mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" || { echo "[sandbox] could not make $1 read-only" >&2; exit 97; }; shift; i=$((i+1)); done; exec "$@"';
      return [
        tool,
        '-Urm',
        '/bin/sh',
        '-c',
        script,
        'sh',
        String(readOnly.length),
        ...readOnly.map((v) => v.dir),
        ...argv,
      ];
    },
  };
}

/** After the job: new, changed and deleted files of read-write bucket volumes go to the bucket. */
export async function syncBack(core: SandboxCore, plan: MountPlan): Promise<string[]> {
  const log: string[] = [];
  for (const v of plan.volumes) {
    if (v.spec.type !== 'bucket' || v.spec.readOnly) continue;
    const [ns, name] = v.spec.source.split('/') as [string, string];
    const after = await walk(v.dir);
    const prefix = v.spec.path ? `${v.spec.path}/` : '';
    const changed = [...after].filter(([p, s]) => {
      const b = v.before.get(p);
      return !b || b.size !== s.size || b.mtimeMs !== s.mtimeMs;
    });
    const deleted = [...v.before.keys()].filter((p) => !after.has(p));
    if (changed.length === 0 && deleted.length === 0) {
      log.push(`[sandbox] bucket ${v.spec.source}: the job changed nothing in ${v.spec.mountPath}.`);
      continue;
    }
    const xet = xetFiles(core);
    const added: {path: string; hash: string; size: number; mtime: string}[] = [];
    for (const [p, s] of changed) {
      const {hash, size} = await xet.ingestFile(join(v.dir, ...p.split('/')));
      added.push({path: prefix + p, hash, size, mtime: new Date(s.mtimeMs).toISOString()});
    }
    const store = bucketStore(core);
    await store.withLock(ns, name, async () => {
      const bucket = await store.get(ns, name);
      if (!bucket) throw new VolumeError(`Bucket ${v.spec.source} was deleted while the job ran`);
      const now = new Date().toISOString();
      for (const a of added) bucket.files[a.path] = {xetHash: a.hash, size: a.size, mtime: a.mtime, uploadedAt: now};
      for (const p of deleted) delete bucket.files[prefix + p];
      await store.save(bucket);
    });
    log.push(
      `[sandbox] bucket ${v.spec.source}: uploaded ${added.length} new or changed file${added.length === 1 ? '' : 's'}${deleted.length ? `, removed ${deleted.length}` : ''} from ${v.spec.mountPath} (${added
        .map((a) => a.path)
        .slice(0, 5)
        .join(', ')}${added.length > 5 ? ', …' : ''}).`,
    );
  }
  return log;
}
