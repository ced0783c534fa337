// Repos: create, delete, info, settings and listing; registers the commit, LFS and file-read routes too.
import type {IncomingMessage} from 'node:http';
import {INVALID_CREDENTIALS, requireUser, type RouteModule, type SandboxRequest} from '../context.js';
import {HttpError, readBody, readJson, sendJson} from '../http.js';
import {canWrite, type RepoType} from '../permissions.js';
import {INVALID_REPO_NAME, REPO_TYPES, checkRepoPath, isValidName} from '../hub/paths.js';
import {NAME, NS, TYPES, flag, repoTypeParam} from '../hub/route-params.js';
import {
  REPO_NOT_FOUND,
  canSee,
  createRepoRecord,
  hubStore,
  repoForRead,
  repoForWrite,
  repoKey,
  repoUrl,
  readSmallFile,
  resolveRevision,
  revisionNotFound,
} from '../hub/service.js';
import {cardData} from '../hub/card-data.js';
import {commitOid} from '../hub/store.js';
import type {HubStore, RepoRecord, TreeEntry} from '../hub/store.js';
import {registerCommitRoutes} from './commit.js';
import {registerFileRoutes} from './files.js';
import {registerHistoryRoutes} from './history.js';
import {registerLfsRoutes} from './lfs.js';

interface CreateBody {
  name?: unknown;
  organization?: unknown;
  type?: unknown;
  private?: unknown;
  visibility?: unknown;
  license?: unknown;
  sdk?: unknown;
  files?: unknown;
}

function parseRepoDesignation(
  body: CreateBody,
  defaultNamespace: string,
): {type: RepoType; namespace: string; name: string} {
  if (typeof body.name !== 'string' || body.name === '') throw new HttpError(400, 'Missing repo name ("name")');
  const type = (body.type ?? 'model') as RepoType;
  if (!REPO_TYPES.includes(type))
    throw new HttpError(400, `Invalid repo type "${String(body.type)}": expected model, dataset or space`);
  let namespace =
    typeof body.organization === 'string' && body.organization !== '' ? body.organization : defaultNamespace;
  let name = body.name;
  if (name.includes('/')) {
    const parts = name.split('/');
    if (parts.length !== 2) throw new HttpError(400, INVALID_REPO_NAME);
    [namespace, name] = parts as [string, string];
  }
  if (!isValidName(name) || !isValidName(namespace)) throw new HttpError(400, INVALID_REPO_NAME);
  return {type, namespace, name};
}

async function readJsonBody<T>(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<T> {
  const body = await readJson<T>(req, limit);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'Expected a JSON object');
  return body;
}

function repoInfoBody(
  ctx: SandboxRequest,
  repo: RepoRecord,
  sha: string,
  files: Record<string, TreeEntry>,
  blobs: boolean,
  readme?: string,
): Record<string, unknown> {
  // cardData and tags come from the README's metadata as on the Hub (the license chosen at creation otherwise).
  const card =
    (readme === undefined ? undefined : cardData(readme)) ?? (repo.license ? {license: repo.license} : undefined);
  const license = typeof card?.license === 'string' ? card.license : undefined;
  const cardTags = Array.isArray(card?.tags) ? card.tags.filter((t): t is string => typeof t === 'string') : [];
  const id = `${repo.namespace}/${repo.name}`;
  const siblings = Object.keys(files)
    .sort()
    .map((path) => {
      const entry = files[path]!;
      if (!blobs) return {rfilename: path};
      const s: Record<string, unknown> = {rfilename: path, blobId: entry.oid, size: entry.size};
      if (entry.lfs) s.lfs = {sha256: entry.lfs.oid, size: entry.lfs.size, pointerSize: entry.lfs.pointerSize};
      return s;
    });
  const usedStorage = Object.values(files).reduce((n, e) => n + e.size, 0);
  const body: Record<string, unknown> = {
    _id: repo.id,
    id,
    ...(repo.type === 'model' ? {modelId: id} : {}),
    author: repo.namespace,
    sha,
    createdAt: repo.createdAt,
    lastModified: repo.lastModified,
    private: repo.private,
    disabled: false,
    gated: false,
    downloads: 0,
    likes: 0,
    tags: [...cardTags, ...(license ? [`license:${license}`] : [])],
    ...(card ? {cardData: card} : {}),
    ...(repo.type === 'space' ? {sdk: repo.sdk ?? 'static', runtime: {stage: 'NO_APP_FILE'}} : {}),
    siblings,
    usedStorage,
    url: repoUrl(ctx.sandbox, repo),
  };
  return body;
}

/** The refs of `repo` under `prefix` as list_repo_refs shows them ({name, ref, targetCommit}), named without `strip`. */
function refsUnder(
  repo: RepoRecord,
  prefix: string,
  strip: string,
): {name: string; ref: string; targetCommit: string}[] {
  return Object.entries(repo.refs)
    .filter(([ref]) => ref.startsWith(prefix))
    .map(([ref, oid]) => ({name: ref.slice(strip.length), ref, targetCommit: oid}));
}

/** POST /api/repos/create: a new repo for the caller or an org they may write to, with optional first files. */
async function createRepo(ctx: SandboxRequest, store: HubStore): Promise<void> {
  const {user, token} = requireUser(ctx);
  const body = await readJsonBody<CreateBody>(ctx.req);
  const {type, namespace, name} = parseRepoDesignation(body, user.name);
  if (!canWrite(user, token, namespace, {type, name})) {
    throw new HttpError(403, `You don't have the rights to create a ${type} under this namespace`);
  }
  const isPrivate = body.visibility !== undefined ? body.visibility === 'private' : body.private === true;
  if (body.visibility !== undefined && !['public', 'private', 'protected'].includes(String(body.visibility))) {
    throw new HttpError(400, 'visibility must be "public", "private" or "protected"');
  }
  if (
    body.license !== undefined &&
    (typeof body.license !== 'string' || !/^[A-Za-z0-9.+-]{1,64}$/.test(body.license))
  ) {
    throw new HttpError(400, 'Invalid license');
  }
  const files = await initialFiles(store, body.files);
  const repo = await store.withLock(repoKey(type, namespace, name), async () => {
    const existing = await store.getRepo(type, namespace, name);
    if (existing) {
      // The Hub's 409 carries the repo's url: huggingface_hub's create_repo(exist_ok=True) reads it.
      throw new HttpError(
        409,
        `You already created this ${type} repo`,
        undefined,
        {},
        {url: repoUrl(ctx.sandbox, existing)},
      );
    }
    return createRepoRecord(store, {
      type,
      namespace,
      name,
      private: isPrivate,
      author: user.name,
      ...(typeof body.license === 'string' ? {license: body.license} : {}),
      ...(type === 'space' ? {sdk: typeof body.sdk === 'string' ? body.sdk : 'static'} : {}),
      files,
    });
  });
  sendJson(ctx, 200, {url: repoUrl(ctx.sandbox, repo), name: `${namespace}/${name}`, id: repo.id});
}

/** The `files` of a create request ({path, content, encoding?}), stored as blobs before the repo exists. */
async function initialFiles(store: HubStore, raw: unknown): Promise<{path: string; entry: TreeEntry}[]> {
  const files: {path: string; entry: TreeEntry}[] = [];
  if (raw === undefined) return files;
  if (!Array.isArray(raw)) throw new HttpError(400, '"files" must be an array');
  for (const f of raw as {path?: unknown; content?: unknown; encoding?: unknown}[]) {
    const path = checkRepoPath(f?.path);
    if (typeof f.content !== 'string') throw new HttpError(400, `Missing content for ${path}`);
    const content = f.encoding === 'base64' ? Buffer.from(f.content, 'base64') : Buffer.from(f.content, 'utf8');
    files.push({path, entry: await store.putRegular(content)});
  }
  return files;
}

/** DELETE /api/repos/delete: the repo named in the body, if the caller may write to it. */
async function deleteRepo(ctx: SandboxRequest, store: HubStore): Promise<void> {
  const {user} = requireUser(ctx);
  const body = await readJsonBody<CreateBody>(ctx.req);
  const {type, namespace, name} = parseRepoDesignation(body, user.name);
  const repo = await repoForWrite(ctx, type, namespace, name, 'delete this repo');
  await store.withLock(repoKey(type, namespace, name), () => store.deleteRepo(repo));
  sendJson(ctx, 200, {});
}

/** GET /api/{type}/{ns}/{name}[/revision/{rev}]: repo info at a revision (siblings with blob ids on request). */
async function repoInfo(ctx: SandboxRequest, store: HubStore): Promise<void> {
  const type = repoTypeParam(ctx);
  const repo = await repoForRead(ctx, type, ctx.params.ns!, ctx.params.name!);
  const commit = await resolveRevision(store, repo, ctx.params.rev ?? 'main');
  const expand = ctx.url.searchParams.getAll('expand[]').concat(ctx.url.searchParams.getAll('expand'));
  const blobs = flag(ctx.url.searchParams.get('blobs')) || expand.includes('siblings');
  sendJson(
    ctx,
    200,
    repoInfoBody(ctx, repo, commit.oid, commit.files, blobs, await readSmallFile(store, commit, 'README.md')),
  );
}

/** PUT .../settings: visibility (huggingface_hub update_repo_settings / update_repo_visibility). */
async function updateRepoSettings(ctx: SandboxRequest, store: HubStore): Promise<void> {
  const type = repoTypeParam(ctx);
  const {ns, name} = ctx.params as {ns: string; name: string};
  await repoForWrite(ctx, type, ns, name, 'change the settings of this repo');
  const body = await readJsonBody<{private?: unknown; visibility?: unknown}>(ctx.req);
  await store.withLock(repoKey(type, ns, name), async () => {
    const repo = await store.getRepo(type, ns, name);
    if (!repo) throw new HttpError(404, REPO_NOT_FOUND, 'RepoNotFound');
    if (typeof body.private === 'boolean') repo.private = body.private;
    if (body.visibility === 'private' || body.visibility === 'public') repo.private = body.visibility === 'private';
    await store.saveRepo(repo);
  });
  sendJson(ctx, 200, {});
}

/** POST or DELETE .../branch/{branch} (huggingface_hub create_branch / delete_branch). */
async function createOrDeleteBranch(ctx: SandboxRequest, store: HubStore): Promise<void> {
  const type = repoTypeParam(ctx);
  const {ns, name, branch} = ctx.params as {ns: string; name: string; branch: string};
  await repoForWrite(ctx, type, ns, name, 'push to this repo');
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(branch) || branch.includes('..') || branch.startsWith('.')) {
    throw new HttpError(400, `Invalid branch name "${branch}" (the sandbox accepts letters, digits, '.', '_' and '-')`);
  }
  if (ctx.req.method === 'DELETE') await deleteBranch(store, type, ns, name, branch);
  else await createBranch(ctx, store, type, ns, name, branch);
  sendJson(ctx, 200, {});
}

async function deleteBranch(store: HubStore, type: RepoType, ns: string, name: string, branch: string): Promise<void> {
  if (branch === 'main') throw new HttpError(403, 'You cannot delete the default branch');
  const ref = `refs/heads/${branch}`;
  await store.withLock(repoKey(type, ns, name), async () => {
    const repo = await store.getRepo(type, ns, name);
    if (!repo?.refs[ref]) throw revisionNotFound(branch);
    delete repo.refs[ref];
    await store.saveRepo(repo);
  });
}

/** A branch from a starting point (default main) or empty; an existing one only with overwrite. */
async function createBranch(
  ctx: SandboxRequest,
  store: HubStore,
  type: RepoType,
  ns: string,
  name: string,
  branch: string,
): Promise<void> {
  const ref = `refs/heads/${branch}`;
  const raw = (await readBody(ctx.req, 64 * 1024)).toString('utf8');
  let body: {startingPoint?: unknown; emptyBranch?: unknown; overwrite?: unknown} = {};
  try {
    if (raw.trim()) body = JSON.parse(raw) as typeof body;
  } catch {
    throw new HttpError(400, 'Malformed JSON in request body');
  }
  if (!body || typeof body !== 'object') throw new HttpError(400, 'Expected a JSON object');
  await store.withLock(repoKey(type, ns, name), async () => {
    const repo = await store.getRepo(type, ns, name);
    if (!repo) throw new HttpError(404, REPO_NOT_FOUND, 'RepoNotFound');
    const exists = repo.refs[ref] !== undefined;
    if (exists && body.overwrite !== true) throw new HttpError(409, `Reference already exists: ${ref}`);
    if (exists && body.startingPoint === undefined && body.emptyBranch !== true) return;
    let target: string;
    if (body.emptyBranch === true) {
      const base = {
        parents: [] as string[],
        title: `Create empty branch ${branch}`,
        message: '',
        date: new Date().toISOString(),
        files: {},
      };
      const commit = {...base, oid: commitOid(base), authors: [(ctx.auth as {user: {name: string}}).user.name]};
      await store.saveCommit(repo, commit);
      target = commit.oid;
    } else {
      target = (
        await resolveRevision(store, repo, typeof body.startingPoint === 'string' ? body.startingPoint : 'main')
      ).oid;
    }
    repo.refs[ref] = target;
    await store.saveRepo(repo);
  });
}

/** GET .../refs: branches, tags and (with include_prs) PR refs (huggingface_hub list_repo_refs). */
async function listRefs(ctx: SandboxRequest): Promise<void> {
  const repo = await repoForRead(ctx, repoTypeParam(ctx), ctx.params.ns!, ctx.params.name!);
  const branches = refsUnder(repo, 'refs/heads/', 'refs/heads/');
  const pullRequests = refsUnder(repo, 'refs/pr/', 'refs/');
  const tags = refsUnder(repo, 'refs/tags/', 'refs/tags/');
  sendJson(ctx, 200, {
    branches,
    converts: [],
    tags,
    ...(flag(ctx.url.searchParams.get('include_prs')) ? {pullRequests} : {}),
  });
}

/** GET /api/models?author=ns (and datasets, spaces): the repos the caller can see. */
async function listRepos(ctx: SandboxRequest, store: HubStore): Promise<void> {
  if (ctx.auth.kind === 'invalid') throw new HttpError(401, INVALID_CREDENTIALS);
  const type = repoTypeParam(ctx);
  const author = ctx.url.searchParams.get('author');
  const search = ctx.url.searchParams.get('search');
  const limit = Math.min(Math.max(Number(ctx.url.searchParams.get('limit')) || 1000, 1), 1000);
  const repos = (await store.listRepos(type))
    .filter((r) => canSee(ctx, r))
    .filter((r) => !author || r.namespace === author)
    .filter((r) => !search || `${r.namespace}/${r.name}`.includes(search))
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`))
    .slice(0, limit);
  sendJson(
    ctx,
    200,
    repos.map((r) => ({
      _id: r.id,
      id: `${r.namespace}/${r.name}`,
      ...(type === 'model' ? {modelId: `${r.namespace}/${r.name}`} : {}),
      author: r.namespace,
      private: r.private,
      gated: false,
      likes: 0,
      downloads: 0,
      tags: [],
      createdAt: r.createdAt,
      lastModified: r.lastModified,
    })),
  );
}

export const registerRepoRoutes: RouteModule = (router, sandbox) => {
  const store = hubStore(sandbox);
  router.on('POST', /^\/api\/repos\/create$/, (ctx) => createRepo(ctx, store));
  router.on('DELETE', /^\/api\/repos\/delete$/, (ctx) => deleteRepo(ctx, store));
  router.on('GET', new RegExp(`^/api/${TYPES}/${NS}/${NAME}$`), (ctx) => repoInfo(ctx, store));
  router.on('GET', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/revision/(?<rev>.+)$`), (ctx) => repoInfo(ctx, store));
  router.on('PUT', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/settings$`), (ctx) => updateRepoSettings(ctx, store));
  router.on(['POST', 'DELETE'], new RegExp(`^/api/${TYPES}/${NS}/${NAME}/branch/(?<branch>[^/]+)$`), (ctx) =>
    createOrDeleteBranch(ctx, store),
  );
  router.on('GET', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/refs$`), listRefs);
  router.on('GET', new RegExp(`^/api/${TYPES}$`), (ctx) => listRepos(ctx, store));

  registerCommitRoutes(router, sandbox);
  registerLfsRoutes(router, sandbox);
  registerFileRoutes(router, sandbox);
  registerHistoryRoutes(router, sandbox);
};
