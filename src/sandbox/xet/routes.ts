// Xet as the Hub speaks it: the read/write token routes of repos and buckets, and a CAS under `<sandbox>/_xet`
// (xorb and shard uploads, file reconstructions v1 and v2, signed ranged xorb reads), plus bucket file downloads
// (`/buckets/{ns}/{name}/resolve/{path}`: Xet file info for clients that ask for it, the bytes otherwise).
import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import type {RouteModule, SandboxCore, SandboxRequest} from '../context.js';
import {HttpError, readBody, sendJson} from '../http.js';
import {checkRepoPath} from '../hub/paths.js';
import {hubStore, repoForRead, repoForWrite} from '../hub/service.js';
import {typeFromPlural} from '../hub/paths.js';
import {sendContent} from '../routes/files.js';
import {bucketForRead, bucketForWrite} from '../buckets/routes.js';
import {MAX_SHARD_BYTES, xetFiles, type XetFileRecord} from './service.js';

/** CAS tokens live this long (the clients refresh a minute before). */
export const XET_TOKEN_SECONDS = 3600;
/** Signed xorb URLs live this long. */
const XORB_URL_SECONDS = 3600;

export function casUrl(core: SandboxCore): string {
  return `${core.baseUrl}/_xet`;
}

function sign(core: SandboxCore, text: string): string {
  return createHmac('sha256', hubStore(core).key).update(text).digest('base64url');
}

/** A short-lived CAS credential: scope and expiry, HMAC-signed with the sandbox's key (never an hf_ token). */
export function mintCasToken(core: SandboxCore, scope: 'read' | 'write'): {accessToken: string; exp: number} {
  const exp = Math.floor(Date.now() / 1000) + XET_TOKEN_SECONDS;
  const payload = Buffer.from(JSON.stringify({s: scope, exp})).toString('base64url');
  return {accessToken: `xet_${payload}.${sign(core, payload)}`, exp};
}

function requireCasToken(ctx: SandboxRequest, scope: 'read' | 'write'): void {
  const header = ctx.req.headers.authorization ?? '';
  const m = /^Bearer xet_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header);
  if (!m)
    throw new HttpError(401, 'A Xet CAS token is required (get one from the xet-read-token or xet-write-token route)');
  const expected = Buffer.from(sign(ctx.sandbox, m[1]!));
  const given = Buffer.from(m[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new HttpError(401, 'Invalid Xet CAS token');
  const claims = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as {s: string; exp: number};
  if (claims.exp * 1000 < Date.now()) throw new HttpError(401, 'Expired Xet CAS token');
  if (scope === 'write' && claims.s !== 'write') throw new HttpError(403, 'This Xet token may only read');
}

function xorbUrl(core: SandboxCore, hash: string): string {
  const exp = Math.floor(Date.now() / 1000) + XORB_URL_SECONDS;
  return `${casUrl(core)}/xorbs/${hash}?exp=${exp}&sig=${sign(core, `xorb:${hash}:${exp}`)}`;
}

/** The terms covering bytes [start, end) of a file, with where the first one starts. */
async function reconstruction(ctx: SandboxRequest, hash: string, version: 1 | 2): Promise<void> {
  requireCasToken(ctx, 'read');
  const xet = xetFiles(ctx.sandbox);
  const record = await xet.get(hash);
  if (!record) throw new HttpError(404, `No file ${hash} in the Xet store`);
  let start = 0;
  let end = record.size;
  const range = /^bytes=(\d+)-(\d*)$/.exec(ctx.req.headers.range?.trim() ?? '');
  if (range) {
    start = Number(range[1]);
    end = range[2] === '' ? record.size : Math.min(Number(range[2]) + 1, record.size);
    if (start >= record.size && record.size > 0)
      throw new HttpError(416, 'Requested range not satisfiable', undefined, {
        'Content-Range': `bytes */${record.size}`,
      });
  }
  const terms: {hash: string; unpacked_length: number; range: {start: number; end: number}}[] = [];
  let position = 0;
  let offsetIntoFirst = 0;
  for (const term of record.terms) {
    const termEnd = position + term.unpackedLength;
    if (termEnd > start && position < end) {
      if (terms.length === 0) offsetIntoFirst = start - position;
      terms.push({hash: term.hash, unpacked_length: term.unpackedLength, range: {start: term.start, end: term.end}});
    }
    position = termEnd;
  }
  // One fetch entry per xorb, its chunk ranges merged (a file that repeats content names one range several times):
  // the clients fetch each URL once, with every range (multipart/byteranges when there are several).
  const merged = new Map<string, {start: number; end: number}[]>();
  for (const t of terms) (merged.get(t.hash) ?? merged.set(t.hash, []).get(t.hash)!).push({...t.range});
  const v1: Record<string, unknown[]> = {};
  const v2: Record<string, unknown[]> = {};
  for (const [hash, list] of merged) {
    list.sort((a, b) => a.start - b.start);
    const ranges: {start: number; end: number}[] = [];
    for (const r of list) {
      const last = ranges[ranges.length - 1];
      if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
      else ranges.push({...r});
    }
    const chunks = (await xet.xorbChunks(hash)) ?? [];
    const url = xorbUrl(ctx.sandbox, hash);
    const described = ranges.map((r) => ({
      chunks: r,
      bytes: {start: chunks[r.start]?.start ?? 0, end: (chunks[r.end - 1]?.end ?? 1) - 1},
    }));
    v1[hash] = described.map((d) => ({range: d.chunks, url, url_range: d.bytes}));
    v2[hash] = [{url, ranges: described}];
  }
  const body =
    version === 1
      ? {offset_into_first_range: offsetIntoFirst, terms, fetch_info: v1}
      : {offset_into_first_range: offsetIntoFirst, terms, xorbs: v2};
  sendJson(ctx, 200, body);
}

/** Sends a Xet file's bytes (reconstructed by the server) with single-range support. */
export async function sendXetFile(
  ctx: SandboxRequest,
  record: XetFileRecord,
  headers: Record<string, string>,
): Promise<void> {
  const size = record.size;
  let start = 0;
  let end = size;
  let status = 200;
  const out: Record<string, string | number> = {'X-Request-Id': ctx.requestId, 'Accept-Ranges': 'bytes', ...headers};
  const m = /^bytes=(\d*)-(\d*)$/.exec(ctx.req.headers.range?.trim() ?? '');
  if (m && !(m[1] === '' && m[2] === '')) {
    if (m[1] === '') start = Math.max(size - Number(m[2]), 0);
    else {
      start = Number(m[1]);
      if (m[2] !== '') end = Math.min(Number(m[2]) + 1, size);
    }
    if (start >= size && size > 0)
      throw new HttpError(416, 'Requested range not satisfiable', undefined, {'Content-Range': `bytes */${size}`});
    if (size === 0) end = 0;
    status = 206;
    out['Content-Range'] = size === 0 ? 'bytes 0-0/0' : `bytes ${start}-${end - 1}/${size}`;
  }
  out['Content-Length'] = Math.max(end - start, 0);
  ctx.res.writeHead(status, out);
  if (ctx.req.method === 'HEAD' || end <= start) {
    ctx.res.end();
    return;
  }
  await pipeline(Readable.from(xetFiles(ctx.sandbox).read(record, start, end)), ctx.res).catch(() => {
    // The client went away mid-download.
  });
}

/** `bytes=a-b,c-d` with explicit bounds (what the Xet clients send), each clamped to the size; else undefined. */
function parseRanges(header: string | undefined, size: number): {start: number; end: number}[] | undefined {
  const m = /^bytes=(.+)$/.exec(header?.trim() ?? '');
  if (!m) return undefined;
  const out: {start: number; end: number}[] = [];
  for (const part of m[1]!.split(',')) {
    const r = /^\s*(\d+)-(\d+)\s*$/.exec(part);
    if (!r) return undefined;
    const start = Number(r[1]);
    const end = Math.min(Number(r[2]), size - 1);
    if (start > end)
      throw new HttpError(416, 'Requested range not satisfiable', undefined, {'Content-Range': `bytes */${size}`});
    out.push({start, end});
  }
  if (out.length > 100) throw new HttpError(400, 'At most 100 ranges per request');
  return out;
}

/** A multipart/byteranges answer (RFC 9110 §14.6), each part streamed from the file. */
async function sendMultipart(
  ctx: SandboxRequest,
  file: string,
  size: number,
  ranges: {start: number; end: number}[],
): Promise<void> {
  const boundary = `sandbox-${randomBytes(12).toString('hex')}`;
  const heads = ranges.map(
    (r, i) =>
      `${i === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ${r.start}-${r.end}/${size}\r\n\r\n`,
  );
  const tail = `\r\n--${boundary}--\r\n`;
  const length =
    heads.reduce((n, h) => n + Buffer.byteLength(h), 0) +
    ranges.reduce((n, r) => n + r.end - r.start + 1, 0) +
    Buffer.byteLength(tail);
  ctx.res.writeHead(206, {
    'X-Request-Id': ctx.requestId,
    'Content-Type': `multipart/byteranges; boundary=${boundary}`,
    'Content-Length': length,
  });
  if (ctx.req.method === 'HEAD') {
    ctx.res.end();
    return;
  }
  async function* body(): AsyncGenerator<Buffer> {
    for (const [i, r] of ranges.entries()) {
      yield Buffer.from(heads[i]!);
      for await (const piece of createReadStream(file, {start: r.start, end: r.end})) yield piece as Buffer;
    }
    yield Buffer.from(tail);
  }
  await pipeline(Readable.from(body()), ctx.res).catch(() => {
    // The client went away mid-download.
  });
}

/**
 * A Xet-backed file as the Hub's resolve answers it (bucket files, and model/dataset files uploaded with Xet): the Xet
 * headers (`X-Xet-Hash`, the `xet-auth` and `xet-reconstruction-info` links) with `etag` as ETag; the file info for
 * `Accept: application/vnd.xet-fileinfo+json` (@huggingface/hub then reads it with XetBlob), else the bytes themselves
 * (what huggingface_hub without hf_xet and curl get).
 */
export async function sendXetResolve(
  ctx: SandboxRequest,
  file: {xetHash: string; etag: string; refreshRoute: string; contentType?: string; headers?: Record<string, string>},
): Promise<void> {
  const record = await xetFiles(ctx.sandbox).get(file.xetHash);
  if (!record) throw new HttpError(500, `Xet file ${file.xetHash} is missing from the sandbox store`);
  const refreshUrl = `${ctx.sandbox.baseUrl}${file.refreshRoute}`;
  const reconstructionUrl = `${casUrl(ctx.sandbox)}/v1/reconstructions/${file.xetHash}`;
  const headers: Record<string, string> = {
    ...file.headers,
    ETag: `"${file.etag}"`,
    'X-Linked-ETag': `"${file.etag}"`,
    'X-Linked-Size': String(record.size),
    'X-Xet-Hash': file.xetHash,
    'X-Xet-Refresh-Route': file.refreshRoute,
    Link: `<${refreshUrl}>; rel="xet-auth", <${reconstructionUrl}>; rel="xet-reconstruction-info"`,
  };
  if ((ctx.req.headers.accept ?? '').includes('application/vnd.xet-fileinfo+json')) {
    const info = {hash: file.xetHash, refreshUrl, reconstructionUrl, etag: file.etag, size: record.size};
    sendJson(ctx, 200, info, {...headers, 'Content-Type': 'application/vnd.xet-fileinfo+json'});
    return;
  }
  await sendXetFile(ctx, record, {...headers, 'Content-Type': file.contentType ?? 'application/octet-stream'});
}

const TYPES = '(?<types>models|datasets|spaces|buckets)';

export const registerXetRoutes: RouteModule = (router, sandbox) => {
  const xet = xetFiles(sandbox);

  // Token routes: huggingface_hub's xet_connection_info_refresh_url, @huggingface/hub's refreshWriteTokenUrl and the
  // `xet-auth` link of a download. Reading needs read access to the repo or bucket, writing needs write access.
  router.on(
    'GET',
    new RegExp(`^/api/${TYPES}/(?<ns>[^/]+)/(?<name>[^/]+)/xet-(?<scope>read|write)-token(?:/(?<rev>.+))?$`),
    async (ctx) => {
      const {types, ns, name, scope} = ctx.params as {types: string; ns: string; name: string; scope: 'read' | 'write'};
      if (types === 'buckets') {
        await (scope === 'write' ? bucketForWrite(ctx, ns, name) : bucketForRead(ctx, ns, name));
      } else {
        const type = typeFromPlural(types)!;
        await (scope === 'write'
          ? repoForWrite(ctx, type, ns, name, 'push to this repo')
          : repoForRead(ctx, type, ns, name));
      }
      const token = mintCasToken(sandbox, scope);
      sendJson(ctx, 200, {casUrl: casUrl(sandbox), ...token});
    },
  );

  router.on('POST', /^\/_xet\/v1\/xorbs\/default\/(?<hash>[0-9a-f]{64})$/, async (ctx) => {
    requireCasToken(ctx, 'write');
    const inserted = await xet.putXorb(ctx.params.hash!, ctx.req);
    sendJson(ctx, 200, {was_inserted: inserted});
  });

  router.on('POST', /^\/_xet\/v1\/shards$/, async (ctx) => {
    requireCasToken(ctx, 'write');
    const body = await readBody(ctx.req, MAX_SHARD_BYTES);
    const recorded = await xet.putShard(body);
    sendJson(ctx, 200, {result: recorded > 0 ? 1 : 0});
  });

  // Global deduplication: the sandbox keeps none, so every chunk is new to it (the clients then upload it).
  router.on('GET', /^\/_xet\/v1\/chunks\/default\/(?<hash>[0-9a-f]{64})$/, async (ctx) => {
    requireCasToken(ctx, 'read');
    throw new HttpError(404, 'No shard holds this chunk (the sandbox does no global deduplication)');
  });

  router.on('GET', /^\/_xet\/v1\/reconstructions\/(?<hash>[0-9a-f]{64})$/, (ctx) =>
    reconstruction(ctx, ctx.params.hash!, 1),
  );
  router.on('GET', /^\/_xet\/v2\/reconstructions\/(?<hash>[0-9a-f]{64})$/, (ctx) =>
    reconstruction(ctx, ctx.params.hash!, 2),
  );

  // Signed, ranged xorb reads (the clients send no Authorization here, as to a presigned storage URL).
  router.on('GET', /^\/_xet\/xorbs\/(?<hash>[0-9a-f]{64})$/, async (ctx) => {
    const hash = ctx.params.hash!;
    const exp = Number(ctx.url.searchParams.get('exp'));
    const sig = Buffer.from(ctx.url.searchParams.get('sig') ?? '');
    const expected = Buffer.from(sign(sandbox, `xorb:${hash}:${exp}`));
    if (
      !Number.isInteger(exp) ||
      exp * 1000 < Date.now() ||
      sig.length !== expected.length ||
      !timingSafeEqual(sig, expected)
    ) {
      throw new HttpError(403, 'Invalid or expired signed URL');
    }
    const chunks = await xet.xorbChunks(hash);
    if (!chunks) throw new HttpError(404, 'Xorb not found');
    const size = chunks[chunks.length - 1]!.end;
    const ranges = parseRanges(ctx.req.headers.range, size);
    if (ranges && ranges.length > 1) {
      await sendMultipart(ctx, xet.xorbPath(hash), size, ranges);
      return;
    }
    await sendContent(ctx, {file: xet.xorbPath(hash), size, headers: {'Content-Type': 'application/octet-stream'}});
  });

  // Bucket file downloads: Xet file info (Accept: application/vnd.xet-fileinfo+json) or the bytes.
  router.on(['GET', 'HEAD'], /^\/buckets\/(?<ns>[^/]+)\/(?<name>[^/]+)\/resolve\/(?<path>.+)$/, async (ctx) => {
    const bucket = await bucketForRead(ctx, ctx.params.ns!, ctx.params.name!);
    const path = checkRepoPath(ctx.params.path);
    const file = bucket.files[path];
    if (!file)
      throw new HttpError(
        404,
        `Entry not found: ${path} does not exist in bucket ${bucket.namespace}/${bucket.name}`,
        'EntryNotFound',
      );
    const refreshRoute = `/api/buckets/${bucket.namespace}/${bucket.name}/xet-read-token`;
    await sendXetResolve(ctx, {
      xetHash: file.xetHash,
      etag: file.xetHash,
      refreshRoute,
      ...(file.contentType ? {contentType: file.contentType} : {}),
    });
  });
};
