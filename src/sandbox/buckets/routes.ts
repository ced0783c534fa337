// Buckets as the Hub serves them to huggingface_hub (create_bucket, bucket_info, list_buckets, delete_bucket,
// list_bucket_tree, get_bucket_paths_info, batch_bucket_files) and to @huggingface/hub (createRepo/deleteRepo/listFiles/
// pathsInfo/commit on `buckets/ns/name`). Files are added by Xet hash: the content must already be in the Xet store.
import {requireUser, INVALID_CREDENTIALS, type RouteModule, type SandboxRequest} from '../context.js';
import {HttpError, readJson, sendJson} from '../http.js';
import {INVALID_REPO_NAME, checkRepoPath, isValidName} from '../hub/paths.js';
import {flag} from '../hub/route-params.js';
import {ndjsonLines} from '../routes/commit.js';
import {canReadPrivate, canWrite} from '../permissions.js';
import {BucketStore, bucketSize, bucketTree, fileItem, type BucketRecord} from './store.js';
import type {SandboxCore} from '../context.js';
import {xetFiles, type XetFiles} from '../xet/service.js';

const NS = '(?<ns>[^/]+)';
const NAME = '(?<name>[^/]+)';
export const BUCKET_TREE_PAGE_SIZE = 1000;
const MAX_BATCH_LINE = 64 * 1024;

const stores = new WeakMap<SandboxCore, BucketStore>();
export function bucketStore(core: SandboxCore): BucketStore {
  let store = stores.get(core);
  if (!store) {
    store = new BucketStore(core.dataDir);
    stores.set(core, store);
  }
  return store;
}

/** `me` is the caller's own namespace, as on the Hub. */
function namespaceOf(ctx: SandboxRequest, ns: string): string {
  if (ns !== 'me') return ns;
  if (ctx.auth.kind !== 'user') throw new HttpError(401, INVALID_CREDENTIALS);
  return ctx.auth.user.name;
}

export function bucketNotFound(ctx: SandboxRequest): HttpError {
  if (ctx.auth.kind === 'invalid') return new HttpError(401, INVALID_CREDENTIALS);
  if (ctx.auth.kind === 'anonymous') return new HttpError(401, 'Invalid username or password.', 'RepoNotFound');
  return new HttpError(404, 'Bucket not found', 'RepoNotFound');
}

export function canSeeBucket(ctx: SandboxRequest, bucket: BucketRecord): boolean {
  if (!bucket.private) return true;
  return ctx.auth.kind === 'user' && canReadPrivate(ctx.auth.user, ctx.auth.token, bucket.namespace);
}

/** A bucket the caller may read, or the Hub's 401/404 (a private bucket of someone else does not exist). */
export async function bucketForRead(ctx: SandboxRequest, ns: string, name: string): Promise<BucketRecord> {
  if (ctx.auth.kind === 'invalid') throw new HttpError(401, INVALID_CREDENTIALS);
  const bucket = await bucketStore(ctx.sandbox).get(namespaceOf(ctx, ns), name);
  if (!bucket || !canSeeBucket(ctx, bucket)) throw bucketNotFound(ctx);
  return bucket;
}

/** A bucket the caller may write: 401 without a token, 404 if unseen, 403 with a read-only token or role. */
export async function bucketForWrite(ctx: SandboxRequest, ns: string, name: string): Promise<BucketRecord> {
  const {user, token} = requireUser(ctx);
  const bucket = await bucketForRead(ctx, ns, name);
  if (!canWrite(user, token, bucket.namespace))
    throw new HttpError(403, "You don't have the rights to write to this bucket");
  return bucket;
}

export function bucketUrl(core: SandboxCore, bucket: Pick<BucketRecord, 'namespace' | 'name'>): string {
  return `${core.baseUrl}/buckets/${bucket.namespace}/${bucket.name}`;
}

function infoBody(bucket: BucketRecord): Record<string, unknown> {
  return {
    _id: bucket.id,
    id: `${bucket.namespace}/${bucket.name}`,
    author: bucket.namespace,
    private: bucket.private,
    createdAt: bucket.createdAt,
    size: bucketSize(bucket),
    totalFiles: Object.keys(bucket.files).length,
  };
}

/** `mtime` as huggingface_hub sends it (ms since the epoch) or an ISO date; else now. */
function mtimeOf(value: unknown, now: string): string {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 8.64e15)
    return new Date(value).toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return now;
}

/** create_bucket / createRepo({repo: 'buckets/ns/name'}): 200 {url, name, id}; 409 when it exists. */
async function createBucket(ctx: SandboxRequest, store: BucketStore): Promise<void> {
  const {user, token} = requireUser(ctx);
  const namespace = namespaceOf(ctx, ctx.params.ns!);
  const name = ctx.params.name!;
  if (!isValidName(namespace) || !isValidName(name)) throw new HttpError(400, INVALID_REPO_NAME);
  const raw = await readJson<Record<string, unknown>>(ctx.req, 64 * 1024).catch((error: unknown) => {
    // huggingface_hub always sends a JSON object, @huggingface/hub too; an empty body means the defaults.
    if (error instanceof HttpError && error.message === 'Expected a JSON body') return {} as Record<string, unknown>;
    throw error;
  });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new HttpError(400, 'Expected a JSON object');
  if (raw.visibility !== undefined && !['public', 'private', 'protected'].includes(String(raw.visibility))) {
    throw new HttpError(400, 'visibility must be "public", "private" or "protected"');
  }
  if (!canWrite(user, token, namespace))
    throw new HttpError(403, "You don't have the rights to create a bucket under this namespace");
  const isPrivate = raw.visibility !== undefined ? raw.visibility !== 'public' : raw.private === true;
  const existing = await store.withLock(namespace, name, async () => {
    const found = await store.get(namespace, name);
    if (!found) await store.create(namespace, name, isPrivate);
    return found;
  });
  const url = bucketUrl(ctx.sandbox, {namespace, name});
  if (existing) {
    // The 409 carries the bucket's url: create_bucket(exist_ok=True) reads it from this very answer.
    const message = 'You already created this bucket';
    sendJson(
      ctx,
      409,
      {error: message, url, name: `${namespace}/${name}`, id: existing.id},
      {'X-Error-Message': message},
    );
    return;
  }
  const created = (await store.get(namespace, name))!;
  sendJson(ctx, 200, {url, name: `${namespace}/${name}`, id: created.id});
}

/** delete_bucket: the caller must be able to write to it. */
async function deleteBucket(ctx: SandboxRequest, store: BucketStore): Promise<void> {
  const bucket = await bucketForWrite(ctx, ctx.params.ns!, ctx.params.name!);
  await store.withLock(bucket.namespace, bucket.name, () => store.delete(bucket.namespace, bucket.name));
  sendJson(ctx, 200, {});
}

/** list_buckets: the buckets of a namespace the caller can see (`me` = their own), `search` filters names. */
async function listBuckets(ctx: SandboxRequest, store: BucketStore): Promise<void> {
  if (ctx.auth.kind === 'invalid') throw new HttpError(401, INVALID_CREDENTIALS);
  const namespace = namespaceOf(ctx, ctx.params.ns!);
  const search = ctx.url.searchParams.get('search');
  const buckets = (await store.list(namespace))
    .filter((b) => canSeeBucket(ctx, b))
    .filter((b) => !search || b.name.includes(search));
  sendJson(ctx, 200, buckets.map(infoBody));
}

/** list_bucket_tree / listFiles: files and folders under a prefix folder, paginated by an absolute Link header. */
async function listBucketTree(ctx: SandboxRequest): Promise<void> {
  const bucket = await bucketForRead(ctx, ctx.params.ns!, ctx.params.name!);
  const rawDir = (ctx.params.rest ?? '').replace(/\/+$/, '');
  const dir = rawDir === '' ? '' : checkRepoPath(rawDir);
  const q = ctx.url.searchParams;
  const items = bucketTree(bucket.files, dir, flag(q.get('recursive')));
  const limitParam = Number(q.get('limit'));
  const pageSize =
    Number.isInteger(limitParam) && limitParam > 0
      ? Math.min(limitParam, BUCKET_TREE_PAGE_SIZE)
      : BUCKET_TREE_PAGE_SIZE;
  let offset = 0;
  const cursor = q.get('cursor');
  if (cursor) {
    offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) throw new HttpError(400, 'Invalid cursor');
  }
  const headers: Record<string, string> = {};
  if (offset + pageSize < items.length) {
    const next = new URL(ctx.url.pathname, ctx.sandbox.baseUrl);
    for (const [k, v] of q) if (k !== 'cursor') next.searchParams.append(k, v);
    next.searchParams.set('cursor', Buffer.from(String(offset + pageSize)).toString('base64url'));
    headers.Link = `<${next.toString()}>; rel="next"`;
  }
  sendJson(ctx, 200, items.slice(offset, offset + pageSize), headers);
}

/** get_bucket_paths_info / pathsInfo: the files among `paths` (missing ones are left out, folders too). */
async function bucketPathsInfo(ctx: SandboxRequest): Promise<void> {
  const bucket = await bucketForRead(ctx, ctx.params.ns!, ctx.params.name!);
  const body = await readJson<{paths?: unknown}>(ctx.req, 4 * 1024 * 1024);
  if (!body || !Array.isArray(body.paths) || body.paths.some((p) => typeof p !== 'string')) {
    throw new HttpError(400, 'Expected {"paths": [string, ...]}');
  }
  if (body.paths.length > 1000) throw new HttpError(400, 'At most 1000 paths per request');
  const out = [];
  for (const p of body.paths as string[]) {
    const f = bucket.files[p];
    if (f) out.push(fileItem(p, f));
  }
  sendJson(ctx, 200, out);
}

/** One operation of a bucket batch, checked; copyFile is an add by Xet hash like addFile. */
type BatchOp =
  {type: 'add'; path: string; xetHash: string; mtime: unknown; contentType?: string} | {type: 'delete'; path: string};

/** The NDJSON lines of a batch, each checked: a bad line refuses the whole batch (400) before anything changes. */
async function readBatchOps(ctx: SandboxRequest): Promise<BatchOp[]> {
  const ops: BatchOp[] = [];
  let count = 0;
  for await (const line of ndjsonLines(ctx.req, MAX_BATCH_LINE)) {
    if (++count > 10_000) throw new HttpError(400, 'At most 10000 operations per batch');
    let op: Record<string, unknown>;
    try {
      op = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new HttpError(400, 'Malformed NDJSON line in batch');
    }
    if (!op || typeof op !== 'object') throw new HttpError(400, 'Each batch line must be a JSON object');
    const path = checkRepoPath(op.path);
    if (op.type === 'deleteFile') {
      ops.push({type: 'delete', path});
    } else if (op.type === 'addFile' || op.type === 'copyFile') {
      if (typeof op.xetHash !== 'string' || !/^[0-9a-f]{64}$/.test(op.xetHash))
        throw new HttpError(400, `Invalid xetHash for ${path}`);
      ops.push({
        type: 'add',
        path,
        xetHash: op.xetHash,
        mtime: op.mtime,
        ...(typeof op.contentType === 'string' ? {contentType: op.contentType.slice(0, 200)} : {}),
      });
    } else {
      throw new HttpError(400, `Unknown batch operation type ${JSON.stringify(String(op.type)).slice(0, 50)}`);
    }
  }
  return ops;
}

/**
 * batch_bucket_files / commit to a bucket: NDJSON addFile {path, xetHash, mtime?, contentType?}, copyFile
 * {path, xetHash, sourceRepoType, sourceRepoId}, deleteFile {path}. Answers {success, failed: [{path, error}]};
 * 422 when some operation failed (the others are applied: the Hub's batch is not transactional).
 */
async function applyBucketBatch(ctx: SandboxRequest, store: BucketStore, xet: XetFiles): Promise<void> {
  const target = await bucketForWrite(ctx, ctx.params.ns!, ctx.params.name!);
  const ops = await readBatchOps(ctx);
  const failed: {path: string; error: string}[] = [];
  let success = 0;
  await store.withLock(target.namespace, target.name, async () => {
    const bucket = await store.get(target.namespace, target.name);
    if (!bucket) throw bucketNotFound(ctx);
    const now = new Date().toISOString();
    for (const op of ops) {
      if (op.type === 'delete') {
        if (!bucket.files[op.path]) {
          failed.push({path: op.path, error: 'File not found'});
          continue;
        }
        delete bucket.files[op.path];
      } else {
        // The content must be in the Xet store (uploaded through the CAS endpoints first), as on the Hub.
        const size = await xet.fileSize(op.xetHash);
        if (size === undefined) {
          failed.push({path: op.path, error: `Xet file ${op.xetHash} is not known to the CAS: upload it first`});
          continue;
        }
        bucket.files[op.path] = {
          xetHash: op.xetHash,
          size,
          mtime: mtimeOf(op.mtime, now),
          uploadedAt: now,
          ...(op.contentType ? {contentType: op.contentType} : {}),
        };
      }
      success++;
    }
    await store.save(bucket);
  });
  sendJson(ctx, failed.length ? 422 : 200, {success, failed});
}

export const registerBucketRoutes: RouteModule = (router, sandbox) => {
  const store = bucketStore(sandbox);
  const xet = xetFiles(sandbox);
  const bucket = new RegExp(`^/api/buckets/${NS}/${NAME}$`);
  router.on('POST', bucket, (ctx) => createBucket(ctx, store));
  router.on('GET', bucket, async (ctx) => {
    sendJson(ctx, 200, infoBody(await bucketForRead(ctx, ctx.params.ns!, ctx.params.name!)));
  });
  router.on('DELETE', bucket, (ctx) => deleteBucket(ctx, store));
  router.on('GET', new RegExp(`^/api/buckets/${NS}$`), (ctx) => listBuckets(ctx, store));
  router.on('GET', new RegExp(`^/api/buckets/${NS}/${NAME}/tree(?:/(?<rest>.*))?$`), listBucketTree);
  router.on('POST', new RegExp(`^/api/buckets/${NS}/${NAME}/paths-info$`), bucketPathsInfo);
  router.on('POST', new RegExp(`^/api/buckets/${NS}/${NAME}/batch$`), (ctx) => applyBucketBatch(ctx, store, xet));
};
