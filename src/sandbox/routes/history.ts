// Repo reads the real clients use besides the tree: the commits list (huggingface_hub list_repo_commits, hfjs
// listCommits; paginated with an absolute Link header like the tree), paths-info (get_paths_info / pathsInfo; form
// or JSON body) and POST /api/validate-yaml, which huggingface_hub calls before every README.md commit.
import type {RouteModule, SandboxRequest} from '../context.js';
import {HttpError, readBody, sendJson} from '../http.js';
import {checkCardYaml} from '../hub/card-yaml.js';
import {checkRepoPath} from '../hub/paths.js';
import {NAME, NS, TYPES, flag, repoTypeParam} from '../hub/route-params.js';
import {hubStore, repoForRead, resolveRevision} from '../hub/service.js';
import {lfsFields, type CommitRecord} from '../hub/store.js';
import {dirOid, lastCommits, type TreeItem} from './files.js';

/** The Hub's default and largest page of commits. */
export const COMMITS_PAGE_SIZE = 50;
export const COMMITS_MAX_PAGE_SIZE = 1000;
/** paths-info answers at most this many paths (the Hub's own cap is 1000). */
const PATHS_INFO_MAX = 1000;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!);
}

function commitJson(commit: CommitRecord, formatted: boolean): Record<string, unknown> {
  return {
    id: commit.oid,
    title: commit.title,
    message: commit.message,
    date: commit.date,
    authors: commit.authors.map((user) => ({user, avatar: `/avatars/${encodeURIComponent(user)}.svg`})),
    ...(formatted ? {formatted: {title: escapeHtml(commit.title), message: escapeHtml(commit.message)}} : {}),
  };
}

function decodeCursor(cursor: string | null): number {
  if (!cursor) return 0;
  const decoded = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(decoded) || decoded < 0) throw new HttpError(400, 'Invalid cursor');
  return decoded;
}

/** `paths` and `expand` from a JSON body (hfjs) or a form body with repeated `paths` (huggingface_hub). */
async function pathsInfoRequest(ctx: SandboxRequest): Promise<{paths: string[]; expand: boolean}> {
  const raw = (await readBody(ctx.req, 4 * 1024 * 1024)).toString('utf8');
  const type = ctx.req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    let body: {paths?: unknown; expand?: unknown};
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      throw new HttpError(400, 'Malformed JSON in request body');
    }
    if (
      !body ||
      typeof body !== 'object' ||
      !Array.isArray(body.paths) ||
      !body.paths.every((p) => typeof p === 'string')
    ) {
      throw new HttpError(400, '"paths" must be an array of strings');
    }
    return {paths: body.paths as string[], expand: body.expand === true};
  }
  const form = new URLSearchParams(raw);
  return {paths: form.getAll('paths'), expand: flag(form.get('expand'))};
}

export const registerHistoryRoutes: RouteModule = (router, sandbox) => {
  const store = hubStore(sandbox);

  router.on('GET', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/commits/(?<rev>.+)$`), async (ctx) => {
    const {ns, name, rev} = ctx.params as {ns: string; name: string; rev: string};
    const repo = await repoForRead(ctx, repoTypeParam(ctx), ns, name);
    const head = await resolveRevision(store, repo, rev);
    const q = ctx.url.searchParams;
    const limitParam = Number(q.get('limit'));
    const pageSize =
      Number.isInteger(limitParam) && limitParam > 0 ? Math.min(limitParam, COMMITS_MAX_PAGE_SIZE) : COMMITS_PAGE_SIZE;
    const offset = decodeCursor(q.get('cursor'));
    const formatted = q.getAll('expand[]').concat(q.getAll('expand')).includes('formatted');
    // First-parent history, newest first; read one more than the page to know whether there is a next page.
    const page: CommitRecord[] = [];
    let current: CommitRecord | undefined = head;
    let index = 0;
    while (current && page.length <= pageSize) {
      if (index >= offset) page.push(current);
      index++;
      const parent: string | undefined = current.parents[0];
      current = parent ? await store.getCommit(repo, parent) : undefined;
    }
    const headers: Record<string, string> = {};
    if (page.length > pageSize) {
      page.length = pageSize;
      const next = new URL(ctx.url.pathname, sandbox.baseUrl);
      for (const [k, v] of q) if (k !== 'cursor') next.searchParams.append(k, v);
      next.searchParams.set('cursor', Buffer.from(String(offset + pageSize)).toString('base64url'));
      headers.Link = `<${next.toString()}>; rel="next"`;
    }
    sendJson(
      ctx,
      200,
      page.map((c) => commitJson(c, formatted)),
      headers,
    );
  });

  router.on('POST', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/paths-info/(?<rev>.+)$`), async (ctx) => {
    const {ns, name, rev} = ctx.params as {ns: string; name: string; rev: string};
    const repo = await repoForRead(ctx, repoTypeParam(ctx), ns, name);
    const commit = await resolveRevision(store, repo, rev);
    const {paths, expand} = await pathsInfoRequest(ctx);
    if (paths.length > PATHS_INFO_MAX) throw new HttpError(400, `At most ${PATHS_INFO_MAX} paths per request`);
    const items: TreeItem[] = [];
    const seen = new Set<string>();
    for (const rawPath of paths) {
      const path = checkRepoPath(rawPath.replace(/\/+$/, ''));
      if (seen.has(path)) continue;
      seen.add(path);
      const entry = commit.files[path];
      if (entry) {
        items.push({type: 'file', oid: entry.oid, size: entry.size, path, ...lfsFields(entry)});
        continue;
      }
      const children = Object.keys(commit.files)
        .filter((p) => p.startsWith(`${path}/`))
        .sort()
        .map((p) => `${p}:${commit.files[p]!.oid}`);
      // A path that does not exist is left out, as the Hub does.
      if (children.length) items.push({type: 'directory', oid: dirOid(children), size: 0, path});
    }
    if (expand) await lastCommits(store, repo, commit, items);
    sendJson(ctx, 200, items);
  });

  // huggingface_hub HfApi._validate_yaml: {content, repoType} -> 200 {errors: [], warnings}, or 400 with errors.
  router.on('POST', /^\/api\/validate-yaml$/, async (ctx) => {
    const raw = (await readBody(ctx.req, 10 * 1024 * 1024)).toString('utf8');
    let body: {content?: unknown; repoType?: unknown};
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      throw new HttpError(400, 'Malformed JSON in request body');
    }
    if (!body || typeof body !== 'object' || typeof body.content !== 'string')
      throw new HttpError(400, '"content" must be a string');
    if (body.repoType !== undefined && !['model', 'dataset', 'space'].includes(String(body.repoType))) {
      throw new HttpError(400, '"repoType" must be model, dataset or space');
    }
    const result = checkCardYaml(body.content);
    if (result.errors.length) {
      throw new HttpError(
        400,
        `Invalid metadata in README.md: ${result.errors[0]!.message}`,
        undefined,
        {},
        {...result},
      );
    }
    sendJson(ctx, 200, result);
  });
};
