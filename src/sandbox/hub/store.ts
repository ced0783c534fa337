// The sandbox Hub's state on disk. Layout under `<dataDir>/hub/`:
//
//   blobs/lfs/<aa>/<sha256>          LFS objects, named by their sha256 (the ETag of a resolve download)
//   blobs/git/<aa>/<sha1>            regular files, named by their git blob sha1 (`sha1("blob <size>\0" + bytes)`)
//   tmp/                             uploads being streamed (hashed while written, renamed into blobs/ when verified)
//   uploads/<id>.json, <id>.bin      multipart LFS uploads in progress (parts written in place at their offsets)
//   repos/<models|datasets|spaces>/<ns>/<name>/repo.json      id, visibility, refs (branch/PR -> commit oid)
//   repos/<models|datasets|spaces>/<ns>/<name>/commits/<oid>.json   one immutable record per commit: what it changed
//                                    from its first parent (`changed`, `deleted`), or the whole tree (`files`) for a
//                                    first commit and every SNAPSHOT_EVERY commits, so a long history stays small
//   signing.key                      HMAC key for signed upload URLs (so URLs stay valid across restarts)
//
// Every JSON file is written atomically (temp file + rename). Names in paths are validated before they get here
// (namespaces and repo names by isValidName, blob names are hex), so nothing is ever written outside dataDir.
import {createHash, randomBytes} from 'node:crypto';
import {createReadStream, createWriteStream} from 'node:fs';
import {mkdir, open, readFile, readdir, rename, rm, stat, unlink, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {Transform, type Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {HttpError} from '../http.js';
import type {RepoType} from '../permissions.js';
import {isValidName} from './paths.js';

export interface LfsInfo {
  /** sha256 of the content. */
  oid: string;
  size: number;
  pointerSize: number;
  /** Set when the bytes live in the Xet store (uploaded with the `xet` transfer), not in blobs/lfs. */
  xetHash?: string;
}

export interface TreeEntry {
  /** git blob sha1: of the content for regular files, of the pointer text for LFS files. */
  oid: string;
  size: number;
  lfs?: LfsInfo;
}

export interface CommitRecord {
  oid: string;
  parents: string[];
  title: string;
  message: string;
  authors: string[];
  date: string;
  files: Record<string, TreeEntry>;
}

export interface RepoRecord {
  id: string;
  type: RepoType;
  namespace: string;
  name: string;
  private: boolean;
  createdAt: string;
  lastModified: string;
  license?: string;
  sdk?: string;
  /** `refs/heads/main`, `refs/pr/1`, ... -> commit oid. */
  refs: Record<string, string>;
  /** Discussions and PRs share one counter, as on the Hub. */
  discussions: number;
  /** PR number -> {title, base branch, author}. */
  pullRequests: Record<string, {title: string; base: string; author: string; createdAt: string}>;
}

/** A commit as written to disk: a full tree (`files`), or what changed from `parents[0]`. */
interface StoredCommit extends Omit<CommitRecord, 'files'> {
  files?: Record<string, TreeEntry>;
  changed?: Record<string, TreeEntry>;
  deleted?: string[];
  /** Commits since the last full tree (0 for a full one). */
  depth?: number;
}

/** A full tree every this many commits: reading a commit applies at most this many change records. */
export const SNAPSHOT_EVERY = 64;
/** Tree entries kept in the commit cache, all commits together (about 150 bytes each). */
const CACHE_ENTRIES = 150_000;

const HEX40 = /^[0-9a-f]{40}$/;
const HEX64 = /^[0-9a-f]{64}$/;

export function isSha256(s: unknown): s is string {
  return typeof s === 'string' && HEX64.test(s);
}

/** An entry's `lfs` and `xetHash` fields as the Hub's tree and paths-info answers spell them (xetHash beside lfs). */
export function lfsFields(entry: TreeEntry): {
  lfs?: {oid: string; size: number; pointerSize: number};
  xetHash?: string;
} {
  if (!entry.lfs) return {};
  const {oid, size, pointerSize, xetHash} = entry.lfs;
  return {lfs: {oid, size, pointerSize}, ...(xetHash ? {xetHash} : {})};
}

export function lfsPointer(oid: string, size: number): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`;
}

export function gitBlobSha1(content: Buffer | string): string {
  const buf = typeof content === 'string' ? Buffer.from(content) : content;
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

export function lfsEntry(oid: string, size: number): TreeEntry {
  const pointer = lfsPointer(oid, size);
  return {oid: gitBlobSha1(pointer), size, lfs: {oid, size, pointerSize: Buffer.byteLength(pointer)}};
}

/** Writes through a uniquely named temp file and a rename, so concurrent writers of one file never share a temp file. */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, {mode: 0o600});
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, {force: true});
    throw error;
  }
}

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeTextAtomic(file, JSON.stringify(value));
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Counts bytes and hashes what flows through. */
class HashingCounter extends Transform {
  readonly hashes: ReturnType<typeof createHash>[];
  bytes = 0;
  constructor(
    algorithms: string[],
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {
    super();
    this.hashes = algorithms.map((a) => createHash(a));
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      done(new HttpError(400, `Upload is larger than the announced size (${this.limit} bytes)`));
      return;
    }
    for (const h of this.hashes) h.update(chunk);
    done(null, chunk);
  }
}

/** Whether the process that named a tmp/ entry `<pid>-...` still runs (unnamed leftovers count as dead). */
function writerIsAlive(entry: string): boolean {
  const pid = Number(/^(\d+)-/.exec(entry)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class HubStore {
  readonly root: string;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly commitCache = new Map<string, CommitRecord>();
  private cachedEntries = 0;
  private readonly depths = new WeakMap<CommitRecord, number>();
  private signingKey?: Buffer;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'hub');
  }

  async init(): Promise<void> {
    for (const dir of ['blobs/lfs', 'blobs/git', 'tmp', 'uploads', 'repos'])
      await mkdir(join(this.root, dir), {recursive: true, mode: 0o700});
    // Leftovers of uploads interrupted by a crash (files of a process that is gone: another sandbox may share this
    // data dir and be writing its own right now), and multipart uploads abandoned for over a day.
    for (const f of await readdir(join(this.root, 'tmp'))) {
      if (!writerIsAlive(f)) await rm(join(this.root, 'tmp', f), {force: true, recursive: true});
    }
    const dayAgo = Date.now() - 24 * 3600 * 1000;
    for (const f of await readdir(join(this.root, 'uploads'))) {
      const path = join(this.root, 'uploads', f);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < dayAgo) await rm(path, {force: true, recursive: true});
    }
    const keyFile = join(this.root, 'signing.key');
    try {
      this.signingKey = await readFile(keyFile);
    } catch {
      this.signingKey = randomBytes(32);
      await writeFile(keyFile, this.signingKey, {mode: 0o600});
    }
  }

  get key(): Buffer {
    if (!this.signingKey) throw new Error('HubStore.init() was not called');
    return this.signingKey;
  }

  /** Runs `fn` with the repo's lock held: commits, ref updates and deletion are serialised per repo. */
  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    }
  }

  // ---- blobs ---------------------------------------------------------------------------------

  lfsPath(oid: string): string {
    if (!HEX64.test(oid)) throw new HttpError(400, 'Invalid LFS oid');
    return join(this.root, 'blobs/lfs', oid.slice(0, 2), oid);
  }

  gitPath(oid: string): string {
    if (!HEX40.test(oid)) throw new HttpError(400, 'Invalid blob oid');
    return join(this.root, 'blobs/git', oid.slice(0, 2), oid);
  }

  /** The size of a stored LFS object, or undefined. */
  async lfsSize(oid: string): Promise<number | undefined> {
    try {
      return (await stat(this.lfsPath(oid))).size;
    } catch {
      return undefined;
    }
  }

  /** A fresh path under tmp/, named `<pid>-...` so a sandbox starting on the same data dir knows whose it is. */
  tmpPath(label = String(Date.now())): string {
    return join(this.root, 'tmp', `${process.pid}-${label}-${randomBytes(8).toString('hex')}`);
  }

  private async moveIntoPlace(tmp: string, target: string): Promise<void> {
    await mkdir(join(target, '..'), {recursive: true});
    if (await exists(target)) {
      await unlink(tmp).catch(() => undefined);
      return;
    }
    await rename(tmp, target);
  }

  /** Stores a small regular file (already in memory, bounded by the NDJSON line cap) under its git blob sha1. */
  async putRegular(content: Buffer): Promise<TreeEntry> {
    const oid = gitBlobSha1(content);
    const target = this.gitPath(oid);
    if (!(await exists(target))) {
      const tmp = this.tmpPath();
      await writeFile(tmp, content);
      await this.moveIntoPlace(tmp, target);
    }
    return {oid, size: content.length};
  }

  /**
   * Streams an upload to a temp file while hashing it, checks it is exactly `size` bytes with sha256 `oid`,
   * then renames it into the blob store. Never holds the content in memory.
   */
  async putLfsStream(source: Readable, oid: string, size: number): Promise<void> {
    const target = this.lfsPath(oid);
    const tmp = this.tmpPath();
    const counter = new HashingCounter(['sha256'], size);
    try {
      await pipeline(source, counter, createWriteStream(tmp, {mode: 0o600}));
      if (counter.bytes !== size) throw new HttpError(400, `Upload is ${counter.bytes} bytes, ${size} were announced`);
      const actual = counter.hashes[0]!.digest('hex');
      if (actual !== oid) throw new HttpError(400, `Uploaded content has sha256 ${actual}, expected ${oid}`);
      await this.moveIntoPlace(tmp, target);
    } catch (error) {
      await rm(tmp, {force: true});
      throw error;
    }
  }

  /** Hashes a file on disk (streamed) and moves it into the LFS store when it matches. */
  async adoptLfsFile(file: string, oid: string, size: number): Promise<void> {
    const counter = new HashingCounter(['sha256']);
    await pipeline(createReadStream(file), counter, async function* (source) {
      for await (const _ of source) {
        // drain
      }
    });
    if (counter.bytes !== size)
      throw new HttpError(400, `Uploaded object is ${counter.bytes} bytes, ${size} were announced`);
    const actual = counter.hashes[0]!.digest('hex');
    if (actual !== oid) throw new HttpError(400, `Uploaded content has sha256 ${actual}, expected ${oid}`);
    await this.moveIntoPlace(file, this.lfsPath(oid));
  }

  /** Stores text as a regular blob (seeding, and the files of a new repo). */
  async putRegularFromString(text: string): Promise<TreeEntry> {
    return this.putRegular(Buffer.from(text));
  }

  /** Stores generated content as LFS (seeding): the caller gives the whole content. */
  async putLfsBuffer(content: Buffer): Promise<TreeEntry> {
    const oid = createHash('sha256').update(content).digest('hex');
    const target = this.lfsPath(oid);
    if (!(await exists(target))) {
      const tmp = this.tmpPath();
      await writeFile(tmp, content);
      await this.moveIntoPlace(tmp, target);
    }
    return lfsEntry(oid, content.length);
  }

  // ---- multipart uploads ---------------------------------------------------------------------

  uploadFile(id: string, ext: 'json' | 'bin'): string {
    if (!/^[0-9a-f]{32}$/.test(id)) throw new HttpError(404, 'Unknown upload');
    return join(this.root, 'uploads', `${id}.${ext}`);
  }

  partMarker(id: string, part: number): string {
    return join(this.root, 'uploads', `${id}.parts`, String(part));
  }

  async createMultipart(oid: string, size: number, chunkSize: number): Promise<string> {
    const id = randomBytes(16).toString('hex');
    // Parts are written at their offsets; the file grows as they arrive (no preallocation of a size the client chose).
    await (await open(this.uploadFile(id, 'bin'), 'w', 0o600)).close();
    await mkdir(join(this.root, 'uploads', `${id}.parts`), {recursive: true});
    await writeJsonAtomic(this.uploadFile(id, 'json'), {oid, size, chunkSize, createdAt: new Date().toISOString()});
    return id;
  }

  async readMultipart(id: string): Promise<{oid: string; size: number; chunkSize: number}> {
    try {
      return JSON.parse(await readFile(this.uploadFile(id, 'json'), 'utf8')) as {
        oid: string;
        size: number;
        chunkSize: number;
      };
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(404, 'Unknown or finished multipart upload');
    }
  }

  /** Streams one part to its offset in the upload file; returns its ETag (quoted md5, like S3). */
  async writePart(id: string, part: number, source: Readable): Promise<string> {
    const upload = await this.readMultipart(id);
    const parts = Math.ceil(upload.size / upload.chunkSize);
    if (!Number.isInteger(part) || part < 1 || part > parts)
      throw new HttpError(400, `Part number must be 1..${parts}`);
    const start = (part - 1) * upload.chunkSize;
    const expected = Math.min(upload.chunkSize, upload.size - start);
    const counter = new HashingCounter(['md5'], expected);
    await pipeline(source, counter, createWriteStream(this.uploadFile(id, 'bin'), {flags: 'r+', start}));
    if (counter.bytes !== expected)
      throw new HttpError(400, `Part ${part} is ${counter.bytes} bytes, expected ${expected}`);
    const etag = `"${counter.hashes[0]!.digest('hex')}"`;
    await writeFile(this.partMarker(id, part), etag);
    return etag;
  }

  async completeMultipart(id: string, parts: {partNumber: number; etag: string}[]): Promise<void> {
    const upload = await this.readMultipart(id);
    const count = Math.ceil(upload.size / upload.chunkSize);
    const unquote = (s: string) => s.replace(/^W\//, '').replace(/"/g, '');
    for (let n = 1; n <= count; n++) {
      let stored: string;
      try {
        stored = await readFile(this.partMarker(id, n), 'utf8');
      } catch {
        throw new HttpError(400, `Part ${n} was never uploaded`);
      }
      const given = parts.find((p) => p.partNumber === n);
      if (!given || unquote(String(given.etag)) !== unquote(stored))
        throw new HttpError(400, `ETag mismatch for part ${n}`);
    }
    await this.adoptLfsFile(this.uploadFile(id, 'bin'), upload.oid, upload.size);
    await rm(this.uploadFile(id, 'json'), {force: true});
    await rm(join(this.root, 'uploads', `${id}.parts`), {recursive: true, force: true});
  }

  // ---- repos ---------------------------------------------------------------------------------

  repoDir(type: RepoType, namespace: string, name: string): string {
    if (!isValidName(namespace) || !isValidName(name)) throw new HttpError(400, 'Invalid repo id');
    return join(this.root, 'repos', `${type}s`, namespace, name);
  }

  async getRepo(type: RepoType, namespace: string, name: string): Promise<RepoRecord | undefined> {
    if (!isValidName(namespace) || !isValidName(name)) return undefined;
    try {
      return JSON.parse(await readFile(join(this.repoDir(type, namespace, name), 'repo.json'), 'utf8')) as RepoRecord;
    } catch {
      return undefined;
    }
  }

  async saveRepo(repo: RepoRecord): Promise<void> {
    const dir = this.repoDir(repo.type, repo.namespace, repo.name);
    await mkdir(join(dir, 'commits'), {recursive: true});
    await writeJsonAtomic(join(dir, 'repo.json'), repo);
  }

  async deleteRepo(repo: RepoRecord): Promise<void> {
    const dir = this.repoDir(repo.type, repo.namespace, repo.name);
    const trash = this.tmpPath('deleted');
    await rename(dir, trash);
    for (const key of [...this.commitCache.keys()]) if (key.startsWith(dir)) this.commitCache.delete(key);
    await rm(trash, {recursive: true, force: true});
  }

  async listRepos(type: RepoType): Promise<RepoRecord[]> {
    const base = join(this.root, 'repos', `${type}s`);
    const out: RepoRecord[] = [];
    let namespaces: string[] = [];
    try {
      namespaces = await readdir(base);
    } catch {
      return out;
    }
    for (const ns of namespaces) {
      if (!isValidName(ns)) continue;
      for (const name of await readdir(join(base, ns)).catch(() => [] as string[])) {
        const repo = await this.getRepo(type, ns, name);
        if (repo) out.push(repo);
      }
    }
    return out;
  }

  async saveCommit(repo: RepoRecord, commit: CommitRecord): Promise<void> {
    const dir = this.repoDir(repo.type, repo.namespace, repo.name);
    await mkdir(join(dir, 'commits'), {recursive: true});
    const parent = commit.parents[0] ? await this.getCommit(repo, commit.parents[0]) : undefined;
    const {files, ...meta} = commit;
    let stored: StoredCommit = {...meta, files, depth: 0};
    if (parent) {
      const depth = (this.depths.get(parent) ?? 0) + 1;
      const changed: Record<string, TreeEntry> = {};
      let changes = 0;
      for (const [path, entry] of Object.entries(files)) {
        const before = parent.files[path];
        if (!before || before.oid !== entry.oid || before.size !== entry.size || before.lfs?.oid !== entry.lfs?.oid) {
          changed[path] = entry;
          changes++;
        }
      }
      const deleted = Object.keys(parent.files).filter((path) => !(path in files));
      changes += deleted.length;
      // A full tree now and then, or when most of the tree changed anyway.
      if (depth < SNAPSHOT_EVERY && changes * 2 < Object.keys(files).length + 1)
        stored = {...meta, changed, deleted, depth};
    }
    await writeJsonAtomic(join(dir, 'commits', `${commit.oid}.json`), stored);
    this.depths.set(commit, stored.depth ?? 0);
    this.remember(join(dir, 'commits', `${commit.oid}.json`), commit);
  }

  private remember(file: string, commit: CommitRecord): void {
    if (this.commitCache.has(file)) return;
    const size = Object.keys(commit.files).length + 1;
    this.commitCache.set(file, commit);
    this.cachedEntries += size;
    for (const [key, old] of this.commitCache) {
      if (this.cachedEntries <= CACHE_ENTRIES || key === file) break;
      this.commitCache.delete(key);
      this.cachedEntries -= Object.keys(old.files).length + 1;
    }
  }

  private async readStored(file: string): Promise<StoredCommit | undefined> {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as StoredCommit;
    } catch {
      return undefined;
    }
  }

  async getCommit(repo: RepoRecord, oid: string): Promise<CommitRecord | undefined> {
    if (!HEX40.test(oid)) return undefined;
    const dir = join(this.repoDir(repo.type, repo.namespace, repo.name), 'commits');
    const file = join(dir, `${oid}.json`);
    const cached = this.commitCache.get(file);
    if (cached) {
      // Most recently used last: the cache drops from the front.
      this.commitCache.delete(file);
      this.commitCache.set(file, cached);
      return cached;
    }
    // Walk back to a full tree or a cached commit, then apply the changes forward onto one copy.
    const chain: StoredCommit[] = []; // change records, newest first
    let top: StoredCommit | undefined;
    let baseFiles: Record<string, TreeEntry>;
    for (let at = oid; ;) {
      const hit = top ? this.commitCache.get(join(dir, `${at}.json`)) : undefined;
      if (hit) {
        baseFiles = hit.files;
        break;
      }
      const stored = await this.readStored(join(dir, `${at}.json`));
      if (!stored) return undefined;
      top ??= stored;
      if (stored.files) {
        baseFiles = stored.files;
        break;
      }
      chain.push(stored);
      const parent = stored.parents[0];
      if (!parent || !HEX40.test(parent) || chain.length > SNAPSHOT_EVERY * 4) return undefined;
      at = parent;
    }
    const files: Record<string, TreeEntry> = chain.length ? {...baseFiles} : baseFiles;
    for (let i = chain.length - 1; i >= 0; i--) {
      for (const path of chain[i]!.deleted ?? []) delete files[path];
      Object.assign(files, chain[i]!.changed ?? {});
    }
    const {changed: _changed, deleted: _deleted, depth, files: _files, ...meta} = top!;
    const commit: CommitRecord = {...meta, files};
    this.depths.set(commit, depth ?? 0);
    this.remember(file, commit);
    return commit;
  }
}

export function commitOid(parts: {
  parents: string[];
  title: string;
  message: string;
  date: string;
  files: Record<string, TreeEntry>;
}): string {
  const h = createHash('sha1');
  h.update(JSON.stringify([parts.parents, parts.title, parts.message, parts.date]));
  for (const path of Object.keys(parts.files).sort()) h.update(`${path}\0${parts.files[path]!.oid}\n`);
  h.update(randomBytes(8));
  return h.digest('hex');
}
