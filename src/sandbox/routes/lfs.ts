// Git LFS batch API and the signed upload URLs it hands out: basic PUT for one object, multipart (part PUTs answering
// ETags, then a completion POST) for large ones, and `"transfer": "xet"` when the client offers it (as the Hub answers
// for Xet-enabled repos): each object to upload then points at the repo's xet-write-token route, with a CAS token in
// its header, and the client uploads xorbs and shards to the CAS (src/sandbox/xet) before committing by sha256.
// Upload URLs carry their own authorisation (HMAC over method, path, size and expiry) and take no Authorization header.
import {createHmac, timingSafeEqual} from 'node:crypto';
import type {RouteModule, SandboxCore, SandboxRequest} from '../context.js';
import {HttpError, readJson, sendJson} from '../http.js';
import {GIT_TYPES, NS, repoTypeParam} from '../hub/route-params.js';
import {hubStore, repoForRead, repoForWrite} from '../hub/service.js';
import {isSha256, type HubStore} from '../hub/store.js';
import {sendContent} from './files.js';
import {casUrl, mintCasToken, sendXetFile} from '../xet/routes.js';
import {xetFiles} from '../xet/service.js';

/** Objects at least this big are uploaded in parts. */
export const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
export const MULTIPART_CHUNK_SIZE = 8 * 1024 * 1024;
/** The largest object the sandbox accepts (the Hub's per-file limit). */
export const MAX_LFS_OBJECT_SIZE = 50 * 1024 ** 3;
/** How long a signed upload URL stays valid. */
export const UPLOAD_URL_TTL_SECONDS = 24 * 3600;
const LFS_JSON = 'application/vnd.git-lfs+json';

function sign(store: HubStore, method: string, path: string, size: number, exp: number): string {
  return createHmac('sha256', store.key).update(`${method}\n${path}\n${size}\n${exp}`).digest('hex');
}

export function signedUrl(core: SandboxCore, store: HubStore, method: string, path: string, size: number): string {
  const exp = Math.floor(Date.now() / 1000) + UPLOAD_URL_TTL_SECONDS;
  return `${core.baseUrl}${path}?size=${size}&exp=${exp}&sig=${sign(store, method, path, size, exp)}`;
}

/** Checks a signed URL: 403 for a bad or expired signature (as S3 would). Returns the signed size. */
function verifySigned(ctx: SandboxRequest, store: HubStore, method: string): number {
  const q = ctx.url.searchParams;
  const size = Number(q.get('size'));
  const exp = Number(q.get('exp'));
  const sig = q.get('sig') ?? '';
  if (!Number.isSafeInteger(size) || size < 0 || !Number.isSafeInteger(exp) || !/^[0-9a-f]{64}$/.test(sig)) {
    throw new HttpError(403, 'Missing or malformed upload signature', 'SignatureDoesNotMatch');
  }
  const expected = Buffer.from(sign(store, method, ctx.url.pathname, size, exp), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex')))
    throw new HttpError(403, 'Upload signature does not match', 'SignatureDoesNotMatch');
  if (exp * 1000 < Date.now()) throw new HttpError(403, 'Upload URL has expired; run the commit again', 'AccessDenied');
  return size;
}

interface BatchBody {
  operation?: unknown;
  transfers?: unknown;
  objects?: unknown;
  ref?: unknown;
}

/** What a batch request decides once for all its objects. */
interface BatchPlan {
  sandbox: SandboxCore;
  store: HubStore;
  operation: 'upload' | 'download';
  /** The LFS oids this repo's refs reference: only those count as already uploaded (storage is per repo). */
  inRepo: Set<string>;
  multipartOk: boolean;
  /** The client offered "xet" for an upload: objects to upload go to the CAS. */
  xetOk: boolean;
  /** The upload action pointing at the repo's xet-write-token route (a new CAS token each time). */
  xetUpload: () => {href: string; header: Record<string, string>};
}

/** POST {repo}.git/info/lfs/objects/batch: per object, a download or upload action, nothing (already there), or an error. */
async function answerLfsBatch(ctx: SandboxRequest, sandbox: SandboxCore, store: HubStore): Promise<void> {
  const type = repoTypeParam(ctx);
  const {ns, name} = ctx.params as {ns: string; name: string};
  const body = await readJson<BatchBody>(ctx.req);
  if (!body || typeof body !== 'object' || !Array.isArray(body.objects))
    throw new HttpError(422, 'Expected {"operation", "objects": [...]}');
  if (body.objects.length > 1000) throw new HttpError(422, 'At most 1000 objects per batch');
  const operation = body.operation;
  if (operation !== 'upload' && operation !== 'download')
    throw new HttpError(422, 'operation must be "upload" or "download"');
  const repo =
    operation === 'upload'
      ? await repoForWrite(ctx, type, ns, name, 'push to this repo')
      : await repoForRead(ctx, type, ns, name);
  const inRepo = new Set<string>();
  for (const oid of new Set(Object.values(repo.refs))) {
    const commit = await store.getCommit(repo, oid);
    for (const entry of Object.values(commit?.files ?? {})) if (entry.lfs) inRepo.add(entry.lfs.oid);
  }
  const transfers = Array.isArray(body.transfers) ? (body.transfers as unknown[]) : ['basic'];
  const rev =
    body.ref && typeof body.ref === 'object' && typeof (body.ref as {name?: unknown}).name === 'string'
      ? (body.ref as {name: string}).name
      : 'main';
  const plan: BatchPlan = {
    sandbox,
    store,
    operation,
    inRepo,
    multipartOk: transfers.includes('multipart'),
    xetOk: operation === 'upload' && transfers.includes('xet'),
    xetUpload: () => xetUploadAction(ctx, sandbox, `${sandbox.baseUrl}/api/${type}s/${ns}/${name}`, rev),
  };
  const objects = [];
  for (const raw of body.objects as {oid?: unknown; size?: unknown}[]) objects.push(await batchObject(plan, raw));
  sendJson(ctx, 200, {transfer: plan.xetOk ? 'xet' : 'basic', objects}, {'Content-Type': LFS_JSON});
}

/** The upload action of a Xet transfer: the repo's xet-write-token route, with a fresh CAS write token in its header. */
function xetUploadAction(ctx: SandboxRequest, sandbox: SandboxCore, repoApi: string, rev: string) {
  const token = mintCasToken(sandbox, 'write');
  return {
    href: `${repoApi}/xet-write-token/${encodeURIComponent(rev)}`,
    header: {
      'X-Xet-Cas-Url': casUrl(sandbox),
      'X-Xet-Access-Token': token.accessToken,
      'X-Xet-Token-Expiration': String(token.exp),
      'X-Xet-Session-Id': ctx.requestId,
    },
  };
}

/** One object of a batch: its error, its download action, nothing (already uploaded) or its upload action. */
async function batchObject(plan: BatchPlan, raw: {oid?: unknown; size?: unknown}): Promise<Record<string, unknown>> {
  const {sandbox, store} = plan;
  const oid = raw?.oid;
  const size = raw?.size;
  if (!isSha256(oid))
    return {
      oid: String(oid),
      size,
      error: {code: 422, message: 'Invalid oid: expected a sha256 (64 lowercase hex characters)'},
    };
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    return {oid, size, error: {code: 422, message: 'Invalid size'}};
  if (size > MAX_LFS_OBJECT_SIZE) {
    const message = `Object is larger than the ${MAX_LFS_OBJECT_SIZE / 1024 ** 3} GB per-file limit`;
    return {oid, size, error: {code: 422, message}};
  }
  let stored = await store.lfsSize(oid);
  if (stored === undefined && plan.inRepo.has(oid)) stored = (await xetFiles(sandbox).bySha256(oid))?.record.size;
  if (plan.operation === 'download') {
    if (stored === undefined) return {oid, size, error: {code: 404, message: 'Object does not exist'}};
    const href = signedUrl(sandbox, store, 'GET', `/_sandbox/lfs/objects/${oid}`, stored);
    return {oid, size: stored, authenticated: true, actions: {download: {href}}};
  }
  // Already uploaded: no actions, as git-lfs servers answer.
  if (stored === size && plan.inRepo.has(oid)) return {oid, size, authenticated: true};
  if (plan.xetOk) return {oid, size, authenticated: true, actions: {upload: plan.xetUpload()}};
  if (plan.multipartOk && size >= MULTIPART_THRESHOLD)
    return {oid, size, authenticated: true, actions: {upload: await multipartUploadAction(sandbox, store, oid, size)}};
  const href = signedUrl(sandbox, store, 'PUT', `/_sandbox/lfs/upload/${oid}`, size);
  return {oid, size, authenticated: true, actions: {upload: {href}}};
}

/** A multipart upload: one signed PUT URL per part in the header (keys 00001...), completion POSTed to href. */
async function multipartUploadAction(sandbox: SandboxCore, store: HubStore, oid: string, size: number) {
  const id = await store.createMultipart(oid, size, MULTIPART_CHUNK_SIZE);
  const parts = Math.ceil(size / MULTIPART_CHUNK_SIZE);
  const header: Record<string, string> = {chunk_size: String(MULTIPART_CHUNK_SIZE)};
  for (let n = 1; n <= parts; n++) {
    header[String(n).padStart(5, '0')] = signedUrl(sandbox, store, 'PUT', `/_sandbox/lfs/multipart/${id}/${n}`, size);
  }
  return {href: signedUrl(sandbox, store, 'POST', `/_sandbox/lfs/multipart/${id}`, size), header};
}

/** Basic upload: the whole object, streamed to disk and verified against the oid and size. */
async function receiveBasicUpload(ctx: SandboxRequest, store: HubStore): Promise<void> {
  const size = verifySigned(ctx, store, 'PUT');
  await store.putLfsStream(ctx.req, ctx.params.oid!, size);
  ctx.res.writeHead(200, {'X-Request-Id': ctx.requestId, 'Content-Length': 0});
  ctx.res.end();
}

/** Multipart: one part, written at its offset; answers the part's ETag. */
async function receivePart(ctx: SandboxRequest, store: HubStore): Promise<void> {
  verifySigned(ctx, store, 'PUT');
  const etag = await store.writePart(ctx.params.id!, Number(ctx.params.part), ctx.req);
  ctx.res.writeHead(200, {'X-Request-Id': ctx.requestId, ETag: etag, 'Content-Length': 0});
  ctx.res.end();
}

/** Multipart completion: checks every part's ETag, hashes the assembled object, moves it into the store. */
async function completeMultipart(ctx: SandboxRequest, store: HubStore): Promise<void> {
  verifySigned(ctx, store, 'POST');
  const body = await readJson<{oid?: unknown; parts?: unknown}>(ctx.req);
  if (!body || !Array.isArray(body.parts))
    throw new HttpError(400, 'Expected {"oid", "parts": [{"partNumber", "etag"}]}');
  const upload = await store.readMultipart(ctx.params.id!);
  if (body.oid !== undefined && body.oid !== upload.oid) throw new HttpError(400, 'oid does not match this upload');
  await store.completeMultipart(ctx.params.id!, body.parts as {partNumber: number; etag: string}[]);
  sendJson(ctx, 200, {oid: upload.oid, size: upload.size}, {'Content-Type': LFS_JSON});
}

/** Signed download URLs from the batch API (operation "download"): from the LFS store, or rebuilt from the CAS. */
async function sendLfsObject(ctx: SandboxRequest, sandbox: SandboxCore, store: HubStore): Promise<void> {
  const size = verifySigned(ctx, store, 'GET');
  const oid = ctx.params.oid!;
  if ((await store.lfsSize(oid)) !== size) {
    // Uploaded with Xet: the bytes are rebuilt from the CAS (the signature already says this oid was asked for).
    const viaXet = await xetFiles(sandbox).bySha256(oid, size);
    if (!viaXet) throw new HttpError(404, 'Object does not exist');
    await sendXetFile(ctx, viaXet.record, {ETag: `"${oid}"`, 'Content-Type': 'application/octet-stream'});
    return;
  }
  await sendContent(ctx, {
    file: store.lfsPath(oid),
    size,
    headers: {ETag: `"${oid}"`, 'Content-Type': 'application/octet-stream'},
  });
}

export const registerLfsRoutes: RouteModule = (router, sandbox) => {
  const store = hubStore(sandbox);
  router.on('POST', new RegExp(`^/${GIT_TYPES}${NS}/(?<name>[^/]+?)\\.git/info/lfs/objects/batch$`), (ctx) =>
    answerLfsBatch(ctx, sandbox, store),
  );
  router.on('PUT', /^\/_sandbox\/lfs\/upload\/(?<oid>[0-9a-f]{64})$/, (ctx) => receiveBasicUpload(ctx, store));
  router.on('PUT', /^\/_sandbox\/lfs\/multipart\/(?<id>[0-9a-f]{32})\/(?<part>[0-9]{1,5})$/, (ctx) =>
    receivePart(ctx, store),
  );
  router.on('POST', /^\/_sandbox\/lfs\/multipart\/(?<id>[0-9a-f]{32})$/, (ctx) => completeMultipart(ctx, store));
  router.on(['GET', 'HEAD'], /^\/_sandbox\/lfs\/objects\/(?<oid>[0-9a-f]{64})$/, (ctx) =>
    sendLfsObject(ctx, sandbox, store),
  );
};
