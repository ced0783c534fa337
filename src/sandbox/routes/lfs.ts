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

export const registerLfsRoutes: RouteModule = (router, sandbox) => {
  const store = hubStore(sandbox);

  router.on('POST', new RegExp(`^/${GIT_TYPES}${NS}/(?<name>[^/]+?)\\.git/info/lfs/objects/batch$`), async (ctx) => {
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
    // LFS storage is per repo on the Hub: an object counts as already uploaded only if this repo references it.
    const inRepo = new Set<string>();
    for (const oid of new Set(Object.values(repo.refs))) {
      const commit = await store.getCommit(repo, oid);
      for (const entry of Object.values(commit?.files ?? {})) if (entry.lfs) inRepo.add(entry.lfs.oid);
    }
    const transfers = Array.isArray(body.transfers) ? (body.transfers as unknown[]) : ['basic'];
    const multipartOk = transfers.includes('multipart');
    const xetOk = operation === 'upload' && transfers.includes('xet');
    const xet = xetFiles(sandbox);
    const xetUpload = () => {
      const token = mintCasToken(sandbox, 'write');
      const rev =
        body.ref && typeof body.ref === 'object' && typeof (body.ref as {name?: unknown}).name === 'string'
          ? (body.ref as {name: string}).name
          : 'main';
      return {
        href: `${sandbox.baseUrl}/api/${type}s/${ns}/${name}/xet-write-token/${encodeURIComponent(rev)}`,
        header: {
          'X-Xet-Cas-Url': casUrl(sandbox),
          'X-Xet-Access-Token': token.accessToken,
          'X-Xet-Token-Expiration': String(token.exp),
          'X-Xet-Session-Id': ctx.requestId,
        },
      };
    };

    const objects = [];
    for (const raw of body.objects as {oid?: unknown; size?: unknown}[]) {
      const oid = raw?.oid;
      const size = raw?.size;
      if (!isSha256(oid)) {
        objects.push({
          oid: String(oid),
          size,
          error: {code: 422, message: 'Invalid oid: expected a sha256 (64 lowercase hex characters)'},
        });
        continue;
      }
      if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
        objects.push({oid, size, error: {code: 422, message: 'Invalid size'}});
        continue;
      }
      if (size > MAX_LFS_OBJECT_SIZE) {
        objects.push({
          oid,
          size,
          error: {code: 422, message: `Object is larger than the ${MAX_LFS_OBJECT_SIZE / 1024 ** 3} GB per-file limit`},
        });
        continue;
      }
      let stored = await store.lfsSize(oid);
      if (stored === undefined && inRepo.has(oid)) stored = (await xet.bySha256(oid))?.record.size;
      if (operation === 'download') {
        if (stored === undefined) objects.push({oid, size, error: {code: 404, message: 'Object does not exist'}});
        else
          objects.push({
            oid,
            size: stored,
            authenticated: true,
            actions: {download: {href: signedUrl(sandbox, store, 'GET', `/_sandbox/lfs/objects/${oid}`, stored)}},
          });
        continue;
      }
      if (stored === size && inRepo.has(oid)) {
        // Already uploaded: no actions, as git-lfs servers answer.
        objects.push({oid, size, authenticated: true});
        continue;
      }
      if (xetOk) {
        objects.push({oid, size, authenticated: true, actions: {upload: xetUpload()}});
        continue;
      }
      if (multipartOk && size >= MULTIPART_THRESHOLD) {
        const id = await store.createMultipart(oid, size, MULTIPART_CHUNK_SIZE);
        const parts = Math.ceil(size / MULTIPART_CHUNK_SIZE);
        const header: Record<string, string> = {chunk_size: String(MULTIPART_CHUNK_SIZE)};
        for (let n = 1; n <= parts; n++) {
          header[String(n).padStart(5, '0')] = signedUrl(
            sandbox,
            store,
            'PUT',
            `/_sandbox/lfs/multipart/${id}/${n}`,
            size,
          );
        }
        objects.push({
          oid,
          size,
          authenticated: true,
          actions: {upload: {href: signedUrl(sandbox, store, 'POST', `/_sandbox/lfs/multipart/${id}`, size), header}},
        });
      } else {
        objects.push({
          oid,
          size,
          authenticated: true,
          actions: {upload: {href: signedUrl(sandbox, store, 'PUT', `/_sandbox/lfs/upload/${oid}`, size)}},
        });
      }
    }
    sendJson(ctx, 200, {transfer: xetOk ? 'xet' : 'basic', objects}, {'Content-Type': LFS_JSON});
  });

  // Basic upload: the whole object, streamed to disk and verified against the oid and size.
  router.on('PUT', /^\/_sandbox\/lfs\/upload\/(?<oid>[0-9a-f]{64})$/, async (ctx) => {
    const size = verifySigned(ctx, store, 'PUT');
    await store.putLfsStream(ctx.req, ctx.params.oid!, size);
    ctx.res.writeHead(200, {'X-Request-Id': ctx.requestId, 'Content-Length': 0});
    ctx.res.end();
  });

  // Multipart: one part, written at its offset; answers the part's ETag.
  router.on('PUT', /^\/_sandbox\/lfs\/multipart\/(?<id>[0-9a-f]{32})\/(?<part>[0-9]{1,5})$/, async (ctx) => {
    verifySigned(ctx, store, 'PUT');
    const etag = await store.writePart(ctx.params.id!, Number(ctx.params.part), ctx.req);
    ctx.res.writeHead(200, {'X-Request-Id': ctx.requestId, ETag: etag, 'Content-Length': 0});
    ctx.res.end();
  });

  // Multipart completion: checks every part's ETag, hashes the assembled object, moves it into the store.
  router.on('POST', /^\/_sandbox\/lfs\/multipart\/(?<id>[0-9a-f]{32})$/, async (ctx) => {
    verifySigned(ctx, store, 'POST');
    const body = await readJson<{oid?: unknown; parts?: unknown}>(ctx.req);
    if (!body || !Array.isArray(body.parts))
      throw new HttpError(400, 'Expected {"oid", "parts": [{"partNumber", "etag"}]}');
    const upload = await store.readMultipart(ctx.params.id!);
    if (body.oid !== undefined && body.oid !== upload.oid) throw new HttpError(400, 'oid does not match this upload');
    await store.completeMultipart(ctx.params.id!, body.parts as {partNumber: number; etag: string}[]);
    sendJson(ctx, 200, {oid: upload.oid, size: upload.size}, {'Content-Type': LFS_JSON});
  });

  // Signed download URLs from the batch API (operation "download").
  router.on(['GET', 'HEAD'], /^\/_sandbox\/lfs\/objects\/(?<oid>[0-9a-f]{64})$/, async (ctx) => {
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
  });
};
