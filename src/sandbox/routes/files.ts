// File reads: the tree listing (paginated with an absolute Link header) and resolve/raw downloads, streamed from
// disk with single byte ranges, quoted ETags, X-Linked-* for LFS files and the LFS pointer on `raw`.
import {createHash} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {pipeline} from 'node:stream/promises';
import type {RouteModule, SandboxRequest} from '../context.js';
import {HttpError, sendJson} from '../http.js';
import {checkRepoPath} from '../hub/paths.js';
import {GIT_TYPES, NAME, NS, TYPES, flag, repoTypeParam} from '../hub/route-params.js';
import {hubStore, repoForRead, resolveRevision, splitRevision} from '../hub/service.js';
import {sendXetResolve} from '../xet/routes.js';
import {
  lfsFields,
  lfsPointer,
  type CommitRecord,
  type HubStore,
  type RepoRecord,
  type TreeEntry,
} from '../hub/store.js';

export const TREE_PAGE_SIZE = 1000;
/** With expand=true the Hub pages by 50 (computing last commits is expensive). */
export const TREE_EXPAND_PAGE_SIZE = 50;

export function entryNotFound(path: string, rev: string): HttpError {
  return new HttpError(404, `Entry not found: ${path} does not exist at revision ${rev}`, 'EntryNotFound');
}

interface Range {
  start: number;
  end: number;
}

/** One `bytes=` range; undefined for none or an unsupported form (multiple ranges: served whole, as allowed). */
function parseRange(header: string | undefined, size: number): Range | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(size - suffix, 0);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return undefined;
  }
  if (start >= size) return 'unsatisfiable';
  return {start, end};
}

export interface Content {
  /** A file on disk, or small in-memory text (LFS pointers). */
  file?: string;
  text?: string;
  size: number;
  headers: Record<string, string>;
}

/** Sends content with Range support: 200 whole, 206 with Content-Range, 416 out of range; HEAD sends headers only. */
export async function sendContent(ctx: SandboxRequest, content: Content): Promise<void> {
  const {size} = content;
  const headers: Record<string, string | number> = {
    'X-Request-Id': ctx.requestId,
    'Accept-Ranges': 'bytes',
    ...content.headers,
  };
  const range = parseRange(ctx.req.headers.range, size);
  let status = 200;
  let start = 0;
  let end = size - 1;
  if (range === 'unsatisfiable') {
    if (size === 0) {
      // Clients probe with `bytes=0-0` to learn the size: answer it even for an empty file.
      status = 206;
      headers['Content-Range'] = 'bytes 0-0/0';
      end = -1;
    } else {
      throw new HttpError(416, 'Requested range not satisfiable', undefined, {'Content-Range': `bytes */${size}`});
    }
  } else if (range) {
    status = 206;
    start = range.start;
    end = range.end;
    headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  }
  const length = Math.max(end - start + 1, 0);
  headers['Content-Length'] = length;
  if (ctx.req.method === 'HEAD' || length === 0) {
    ctx.res.writeHead(status, headers);
    ctx.res.end();
    return;
  }
  if (content.text !== undefined) {
    ctx.res.writeHead(status, headers);
    ctx.res.end(Buffer.from(content.text).subarray(start, end + 1));
    return;
  }
  const stream = createReadStream(content.file!, {start, end});
  // Open before sending headers so a missing blob is a clean 500 rather than a cut response.
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  ctx.res.writeHead(status, headers);
  await pipeline(stream, ctx.res).catch(() => {
    // The client went away mid-download: nothing to answer.
  });
}

export function dirOid(children: string[]): string {
  return createHash('sha1').update(children.join('\n')).digest('hex');
}

export interface TreeItem {
  type: 'file' | 'directory';
  oid: string;
  size: number;
  path: string;
  lfs?: {oid: string; size: number; pointerSize: number};
  xetHash?: string;
  lastCommit?: {id: string; title: string; date: string};
}

/** The entries under `dir` ('' = root): direct children, or everything below with `recursive`. Sorted by path. */
function listTree(files: Record<string, TreeEntry>, dir: string, recursive: boolean): TreeItem[] {
  const prefix = dir ? `${dir}/` : '';
  const items = new Map<string, TreeItem>();
  const dirChildren = new Map<string, string[]>();
  for (const [path, entry] of Object.entries(files)) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const parts = rest.split('/');
    // Every directory between `dir` and the file.
    for (let i = 1; i < parts.length; i++) {
      const d = prefix + parts.slice(0, i).join('/');
      if (!recursive && i > 1) break;
      const list = dirChildren.get(d) ?? [];
      list.push(`${path}:${entry.oid}`);
      dirChildren.set(d, list);
    }
    if (!recursive && parts.length > 1) continue;
    const item: TreeItem = {type: 'file', oid: entry.oid, size: entry.size, path, ...lfsFields(entry)};
    items.set(path, item);
  }
  for (const [d, children] of dirChildren)
    items.set(d, {type: 'directory', oid: dirOid(children.sort()), size: 0, path: d});
  return [...items.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The last commit that changed each path (walking back at most `limit` commits). */
export async function lastCommits(
  store: HubStore,
  repo: RepoRecord,
  head: CommitRecord,
  items: TreeItem[],
  limit = 1000,
): Promise<void> {
  const pending = new Map(items.map((i) => [i.path, i]));
  const oidIn = (c: CommitRecord, item: TreeItem): string | undefined => {
    if (item.type === 'file') return c.files[item.path]?.oid;
    const prefix = `${item.path}/`;
    const children = Object.keys(c.files)
      .filter((p) => p.startsWith(prefix))
      .sort()
      .map((p) => `${p}:${c.files[p]!.oid}`);
    return children.length ? children.join('\n') : undefined;
  };
  let current = head;
  const currentKeys = new Map(items.map((i) => [i.path, oidIn(head, i)]));
  for (let depth = 0; depth < limit && pending.size > 0; depth++) {
    const parent = current.parents[0] ? await store.getCommit(repo, current.parents[0]) : undefined;
    for (const [path, item] of [...pending]) {
      if (!parent || oidIn(parent, item) !== currentKeys.get(path)) {
        item.lastCommit = {id: current.oid, title: current.title, date: current.date};
        pending.delete(path);
      }
    }
    if (!parent) break;
    current = parent;
  }
  for (const item of pending.values()) item.lastCommit = {id: current.oid, title: current.title, date: current.date};
}

export const registerFileRoutes: RouteModule = (router, sandbox) => {
  const store = hubStore(sandbox);

  router.on('GET', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/tree/(?<rest>.*)$`), async (ctx) => {
    const type = repoTypeParam(ctx);
    const {ns, name} = ctx.params as {ns: string; name: string};
    const repo = await repoForRead(ctx, type, ns, name);
    const {rev, path: rawPath} = splitRevision(ctx.params.rest ?? '');
    if (!rev) throw new HttpError(400, 'Missing revision');
    const commit = await resolveRevision(store, repo, rev);
    const dir = rawPath.replace(/\/+$/, '') === '' ? '' : checkRepoPath(rawPath.replace(/\/+$/, ''));
    const q = ctx.url.searchParams;
    const recursive = flag(q.get('recursive'));
    const expand = flag(q.get('expand'));
    if (dir && commit.files[dir]) throw new HttpError(400, `${dir} is a file, not a directory`);
    const items = listTree(commit.files, dir, recursive);
    if (dir && items.length === 0) throw entryNotFound(dir, rev);

    const maxPage = expand ? TREE_EXPAND_PAGE_SIZE : TREE_PAGE_SIZE;
    const limitParam = Number(q.get('limit'));
    const pageSize = Number.isInteger(limitParam) && limitParam > 0 ? Math.min(limitParam, maxPage) : maxPage;
    let offset = 0;
    const cursor = q.get('cursor');
    if (cursor) {
      const decoded = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (!Number.isInteger(decoded) || decoded < 0) throw new HttpError(400, 'Invalid cursor');
      offset = decoded;
    }
    const page = items.slice(offset, offset + pageSize);
    if (expand) await lastCommits(store, repo, commit, page);
    const headers: Record<string, string> = {};
    if (offset + pageSize < items.length) {
      const next = new URL(ctx.url.pathname, sandbox.baseUrl);
      for (const [k, v] of q) if (k !== 'cursor') next.searchParams.append(k, v);
      next.searchParams.set('cursor', Buffer.from(String(offset + pageSize)).toString('base64url'));
      headers.Link = `<${next.toString()}>; rel="next"`;
    }
    sendJson(ctx, 200, page, headers);
  });

  const download = async (ctx: SandboxRequest) => {
    const type = repoTypeParam(ctx);
    const {ns, name, kind} = ctx.params as {ns: string; name: string; kind: 'resolve' | 'raw'};
    const repo = await repoForRead(ctx, type, ns, name);
    const {rev, path: rawPath} = splitRevision(ctx.params.rest ?? '');
    const commit = await resolveRevision(store, repo, rev);
    const path = checkRepoPath(rawPath);
    const entry = commit.files[path];
    if (!entry) throw entryNotFound(path, rev);
    const filename = path.split('/').pop()!;
    const headers: Record<string, string> = {
      'X-Repo-Commit': commit.oid,
      'Cache-Control': 'private, max-age=0, must-revalidate',
    };
    if (!flag(ctx.url.searchParams.get('noContentDisposition'))) {
      headers['Content-Disposition'] =
        `inline; filename*=UTF-8''${encodeURIComponent(filename)}; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}";`;
    }
    if (entry.lfs && kind === 'raw') {
      const pointer = lfsPointer(entry.lfs.oid, entry.lfs.size);
      await sendContent(ctx, {
        text: pointer,
        size: Buffer.byteLength(pointer),
        headers: {...headers, ETag: `"${entry.oid}"`, 'Content-Type': 'text/plain; charset=utf-8'},
      });
      return;
    }
    if (entry.lfs?.xetHash) {
      await sendXetResolve(ctx, {
        xetHash: entry.lfs.xetHash,
        etag: entry.lfs.oid,
        refreshRoute: `/api/${type}s/${ns}/${name}/xet-read-token/${encodeURIComponent(rev ?? 'main')}`,
        headers,
      });
      return;
    }
    if (entry.lfs) {
      await sendContent(ctx, {
        file: store.lfsPath(entry.lfs.oid),
        size: entry.lfs.size,
        headers: {
          ...headers,
          ETag: `"${entry.lfs.oid}"`,
          'X-Linked-ETag': `"${entry.lfs.oid}"`,
          'X-Linked-Size': String(entry.lfs.size),
          'Content-Type': 'application/octet-stream',
        },
      });
      return;
    }
    await sendContent(ctx, {
      file: store.gitPath(entry.oid),
      size: entry.size,
      headers: {...headers, ETag: `"${entry.oid}"`, 'Content-Type': 'text/plain; charset=utf-8'},
    });
  };
  router.on(['GET', 'HEAD'], new RegExp(`^/${GIT_TYPES}${NS}/${NAME}/(?<kind>resolve|raw)/(?<rest>.+)$`), download);
};
