// Preupload (the server decides LFS vs regular) and the NDJSON commit endpoint, including pull requests.
import type {IncomingMessage} from 'node:http';
import type {RouteModule} from '../context.js';
import {HttpError, readJson, sendJson} from '../http.js';
import {isLfsByAttributes, parseGitAttributes} from '../hub/gitattributes.js';
import {checkRepoPath, gitPrefix} from '../hub/paths.js';
import {NAME, NS, TYPES, flag, repoTypeParam} from '../hub/route-params.js';
import {
  applyCommit,
  hubStore,
  readSmallFile,
  refName,
  repoForWrite,
  resolveRevision,
  revisionNotFound,
  type CommitOp,
} from '../hub/service.js';
import {isSha256, lfsEntry} from '../hub/store.js';
import {xetFiles} from '../xet/service.js';

/** LFS when at least this big (what the upstream tests expect of the Hub). */
export const LFS_SIZE_THRESHOLD = 1_000_000;
/** One NDJSON line (a base64 inline file is one line) may not exceed this. */
export const MAX_NDJSON_LINE = 10 * 1024 * 1024;

/** Splits a request body into lines without buffering more than one line; a line over `maxLine` answers 413. */
export async function* ndjsonLines(req: IncomingMessage, maxLine: number): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  for await (const chunk of req) {
    let buf = chunk as Buffer;
    for (;;) {
      const nl = buf.indexOf(0x0a);
      if (nl === -1) {
        pendingLength += buf.length;
        if (pendingLength > maxLine)
          throw new HttpError(413, `NDJSON line longer than ${maxLine} bytes; upload large files through LFS`);
        pending.push(buf);
        break;
      }
      const piece = buf.subarray(0, nl);
      if (pendingLength + piece.length > maxLine)
        throw new HttpError(413, `NDJSON line longer than ${maxLine} bytes; upload large files through LFS`);
      pending.push(piece);
      const line = Buffer.concat(pending).toString('utf8');
      pending = [];
      pendingLength = 0;
      if (line.trim()) yield line;
      buf = buf.subarray(nl + 1);
    }
  }
  if (pendingLength > 0) {
    const line = Buffer.concat(pending).toString('utf8');
    if (line.trim()) yield line;
  }
}

const BASE64_RE = /^[A-Za-z0-9+/\r\n]*={0,2}$/;

export const registerCommitRoutes: RouteModule = (router, sandbox) => {
  const store = hubStore(sandbox);

  router.on('POST', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/preupload/(?<rev>.+)$`), async (ctx) => {
    const type = repoTypeParam(ctx);
    const {ns, name, rev} = ctx.params as {ns: string; name: string; rev: string};
    const repo = await repoForWrite(ctx, type, ns, name, 'push to this repo');
    const body = await readJson<{files?: unknown; gitAttributes?: unknown}>(ctx.req);
    if (!body || typeof body !== 'object' || !Array.isArray(body.files))
      throw new HttpError(400, 'Expected {"files": [...]}');
    if (body.files.length > 1000) throw new HttpError(400, 'At most 1000 files per preupload call');
    const head = await resolveRevision(store, repo, rev);
    const attributes =
      typeof body.gitAttributes === 'string'
        ? body.gitAttributes
        : ((await readSmallFile(store, head, '.gitattributes')) ?? '');
    const rules = parseGitAttributes(attributes);
    const files = (body.files as {path?: unknown; size?: unknown; sample?: unknown}[]).map((f) => {
      const path = checkRepoPath(f?.path);
      const size = typeof f.size === 'number' && f.size >= 0 ? f.size : 0;
      const sample = typeof f.sample === 'string' ? Buffer.from(f.sample, 'base64') : Buffer.alloc(0);
      const lfs = size >= LFS_SIZE_THRESHOLD || sample.includes(0) || isLfsByAttributes(rules, path);
      const existing = head.files[path];
      return {path, uploadMode: lfs ? 'lfs' : 'regular', shouldIgnore: false, ...(existing ? {oid: existing.oid} : {})};
    });
    sendJson(ctx, 200, {files, commitOid: head.oid});
  });

  router.on('POST', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/commit/(?<rev>.+)$`), async (ctx) => {
    const type = repoTypeParam(ctx);
    const {ns, name, rev} = ctx.params as {ns: string; name: string; rev: string};
    const repo = await repoForWrite(ctx, type, ns, name, 'push to this repo');
    const {user} = ctx.auth as {user: {name: string}};
    const createPr = flag(ctx.url.searchParams.get('create_pr'));
    if (!repo.refs[refName(rev)]) throw revisionNotFound(rev);

    let header: {summary?: unknown; description?: unknown; parentCommit?: unknown} | undefined;
    const ops: CommitOp[] = [];
    let lineNo = 0;
    for await (const line of ndjsonLines(ctx.req, MAX_NDJSON_LINE)) {
      lineNo++;
      let parsed: {key?: unknown; value?: Record<string, unknown>};
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        throw new HttpError(400, `Malformed NDJSON: line ${lineNo} is not JSON`);
      }
      if (!parsed || typeof parsed !== 'object' || typeof parsed.value !== 'object' || parsed.value === null) {
        throw new HttpError(400, `Malformed NDJSON: line ${lineNo} must be {"key": ..., "value": {...}}`);
      }
      const value = parsed.value;
      if (lineNo === 1 && parsed.key !== 'header')
        throw new HttpError(400, 'The first NDJSON line must be the commit header');
      switch (parsed.key) {
        case 'header':
          if (lineNo !== 1) throw new HttpError(400, 'Only one commit header is allowed');
          header = value;
          break;
        case 'file': {
          const path = checkRepoPath(value.path);
          if (typeof value.content !== 'string') throw new HttpError(400, `Missing content for ${path}`);
          const encoding = value.encoding ?? 'base64';
          if (encoding !== 'base64' && encoding !== 'utf-8' && encoding !== 'utf8')
            throw new HttpError(400, `Unsupported encoding for ${path}`);
          if (encoding === 'base64' && !BASE64_RE.test(value.content))
            throw new HttpError(400, `Invalid base64 content for ${path}`);
          const content = Buffer.from(value.content, encoding === 'base64' ? 'base64' : 'utf8');
          ops.push({kind: 'file', path, entry: await store.putRegular(content)});
          break;
        }
        case 'lfsFile': {
          const path = checkRepoPath(value.path);
          if (value.algo !== undefined && value.algo !== 'sha256')
            throw new HttpError(400, `Unsupported LFS hash algorithm for ${path}`);
          if (!isSha256(value.oid)) throw new HttpError(400, `Invalid LFS oid for ${path}: expected 64 hex characters`);
          let stored = await store.lfsSize(value.oid);
          let xetHash: string | undefined;
          if (stored === undefined) {
            // Uploaded with the Xet transfer: the CAS knows the file by the sha256 its shard carried (checked once).
            const viaXet = await xetFiles(sandbox).bySha256(
              value.oid,
              typeof value.size === 'number' ? value.size : undefined,
            );
            if (viaXet) {
              stored = viaXet.record.size;
              xetHash = viaXet.hash;
            }
          }
          if (stored === undefined) {
            throw new HttpError(
              422,
              `Your push was rejected because an LFS pointer for ${path} points to a file that was never uploaded (oid ${value.oid})`,
            );
          }
          if (value.size !== undefined && value.size !== stored) {
            throw new HttpError(
              422,
              `LFS object ${value.oid} is ${stored} bytes, the commit says ${String(value.size)}`,
            );
          }
          const entry = lfsEntry(value.oid, stored);
          if (xetHash) entry.lfs!.xetHash = xetHash;
          ops.push({kind: 'file', path, entry});
          break;
        }
        case 'deletedFile':
          ops.push({kind: 'delete', path: checkRepoPath(value.path)});
          break;
        case 'deletedFolder':
          ops.push({kind: 'deleteFolder', path: checkRepoPath(String(value.path ?? '').replace(/\/+$/, ''))});
          break;
        default:
          throw new HttpError(400, `Unknown NDJSON key on line ${lineNo}: ${JSON.stringify(parsed.key)}`);
      }
    }
    if (!header) throw new HttpError(400, 'Missing commit header');
    if (
      header.parentCommit !== undefined &&
      (typeof header.parentCommit !== 'string' || !/^[0-9a-f]{40}$/.test(header.parentCommit))
    ) {
      throw new HttpError(400, 'parentCommit must be a full commit oid (40 hex characters)');
    }
    const title =
      typeof header.summary === 'string' && header.summary.trim()
        ? header.summary.trim().split('\n')[0]!
        : 'Update files';
    const result = await applyCommit(store, type, ns, name, {
      branch: rev,
      createPr,
      ...(typeof header.parentCommit === 'string' ? {parentCommit: header.parentCommit} : {}),
      title: title.slice(0, 500),
      description: typeof header.description === 'string' ? header.description : '',
      author: user.name,
      ops,
    });
    const base = `${sandbox.baseUrl}/${gitPrefix(type)}${ns}/${name}`;
    sendJson(ctx, 200, {
      success: true,
      commitOid: result.commit.oid,
      commitUrl: `${base}/commit/${result.commit.oid}`,
      commitMessage: result.commit.message ? `${result.commit.title}\n\n${result.commit.message}` : result.commit.title,
      hookOutput: '',
      ...(result.prNumber !== undefined ? {pullRequestUrl: `${base}/discussions/${result.prNumber}`} : {}),
    });
  });
};
