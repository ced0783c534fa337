// The sandbox Hub's buckets on disk: one JSON record a bucket (visibility, dates, and path -> Xet file), kept under
// `<dataDir>/hub/buckets/<namespace>/<name>.json`, written atomically. A bucket has no git history: a file is a path
// pointing at a Xet file hash (content lives in the Xet store, src/sandbox/xet/), as on the Hub.
import {mkdir, readFile, readdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {objectId} from '../accounts.js';
import {HttpError} from '../http.js';
import {isValidName} from '../hub/paths.js';
import {writeJsonAtomic} from '../hub/store.js';

export interface BucketFileRecord {
  xetHash: string;
  size: number;
  /** ISO date: the client's modification time (huggingface_hub sends `mtime` in ms) or the upload time. */
  mtime: string;
  uploadedAt: string;
  contentType?: string;
}

export interface BucketRecord {
  id: string;
  namespace: string;
  name: string;
  private: boolean;
  createdAt: string;
  files: Record<string, BucketFileRecord>;
}

export class BucketStore {
  readonly root: string;
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(dataDir: string) {
    this.root = join(dataDir, 'hub', 'buckets');
  }

  private file(namespace: string, name: string): string {
    if (!isValidName(namespace) || !isValidName(name)) throw new HttpError(400, 'Invalid bucket id');
    return join(this.root, namespace, `${name}.json`);
  }

  /** Runs `fn` with the bucket's lock held: batches and deletion are serialised per bucket. */
  async withLock<T>(namespace: string, name: string, fn: () => Promise<T>): Promise<T> {
    const key = `${namespace}/${name}`;
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

  async get(namespace: string, name: string): Promise<BucketRecord | undefined> {
    if (!isValidName(namespace) || !isValidName(name)) return undefined;
    try {
      return JSON.parse(await readFile(this.file(namespace, name), 'utf8')) as BucketRecord;
    } catch {
      return undefined;
    }
  }

  async save(bucket: BucketRecord): Promise<void> {
    await mkdir(join(this.root, bucket.namespace), {recursive: true, mode: 0o700});
    await writeJsonAtomic(this.file(bucket.namespace, bucket.name), bucket);
  }

  async create(namespace: string, name: string, isPrivate: boolean): Promise<BucketRecord> {
    const bucket: BucketRecord = {
      id: objectId(),
      namespace,
      name,
      private: isPrivate,
      createdAt: new Date().toISOString(),
      files: {},
    };
    await this.save(bucket);
    return bucket;
  }

  async delete(namespace: string, name: string): Promise<void> {
    await rm(this.file(namespace, name), {force: true});
  }

  async list(namespace: string): Promise<BucketRecord[]> {
    if (!isValidName(namespace)) return [];
    const names = await readdir(join(this.root, namespace)).catch(() => [] as string[]);
    const out: BucketRecord[] = [];
    for (const file of names.sort()) {
      if (!file.endsWith('.json')) continue;
      const bucket = await this.get(namespace, file.slice(0, -'.json'.length));
      if (bucket) out.push(bucket);
    }
    return out;
  }
}

export function bucketSize(bucket: BucketRecord): number {
  return Object.values(bucket.files).reduce((n, f) => n + f.size, 0);
}

export interface BucketTreeItem {
  type: 'file' | 'directory';
  path: string;
  size?: number;
  xetHash?: string;
  mtime?: string;
  uploadedAt: string;
  contentType?: string;
}

export function fileItem(path: string, f: BucketFileRecord): BucketTreeItem {
  return {
    type: 'file',
    path,
    size: f.size,
    xetHash: f.xetHash,
    mtime: f.mtime,
    uploadedAt: f.uploadedAt,
    ...(f.contentType ? {contentType: f.contentType} : {}),
  };
}

/**
 * The entries under folder `dir` ('' = root), sorted by path: direct children (files and folders, a folder's
 * uploadedAt is its newest file's), or every file below with `recursive` (folders too, as the Hub lists them).
 */
export function bucketTree(files: Record<string, BucketFileRecord>, dir: string, recursive: boolean): BucketTreeItem[] {
  const prefix = dir ? `${dir}/` : '';
  const items = new Map<string, BucketTreeItem>();
  for (const [path, f] of Object.entries(files)) {
    if (!path.startsWith(prefix)) continue;
    const parts = path.slice(prefix.length).split('/');
    for (let i = 1; i < parts.length; i++) {
      if (!recursive && i > 1) break;
      const d = prefix + parts.slice(0, i).join('/');
      const existing = items.get(d);
      if (!existing || existing.uploadedAt < f.uploadedAt)
        items.set(d, {type: 'directory', path: d, uploadedAt: f.uploadedAt});
    }
    if (!recursive && parts.length > 1) continue;
    items.set(path, fileItem(path, f));
  }
  return [...items.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
