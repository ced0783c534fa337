// The sandbox Hub's repo logic: who may see or change a repo (answered as the Hub answers), revisions, and commits.
import {readFile} from 'node:fs/promises';
import {objectId} from '../accounts.js';
import {INVALID_CREDENTIALS, type SandboxCore, type SandboxRequest} from '../context.js';
import {HttpError} from '../http.js';
import {canReadPrivate, canWrite, type RepoType} from '../permissions.js';
import {DEFAULT_GITATTRIBUTES} from './gitattributes.js';
import {gitPrefix} from './paths.js';
import {HubStore, commitOid, type CommitRecord, type RepoRecord, type TreeEntry} from './store.js';

const stores = new WeakMap<SandboxCore, HubStore>();

export function hubStore(core: SandboxCore): HubStore {
  let store = stores.get(core);
  if (!store) {
    store = new HubStore(core.dataDir);
    stores.set(core, store);
  }
  return store;
}

export function repoKey(type: RepoType, namespace: string, name: string): string {
  return `${type}s/${namespace}/${name}`;
}

export function repoUrl(core: SandboxCore, repo: Pick<RepoRecord, 'type' | 'namespace' | 'name'>): string {
  return `${core.baseUrl}/${gitPrefix(repo.type)}${repo.namespace}/${repo.name}`;
}

export const REPO_NOT_FOUND = 'Repository not found';
export const ANONYMOUS_REPO_NOT_FOUND = 'Invalid username or password.';

/** The Hub's answer for a repo the caller may not see (or that does not exist): 401 anonymous, 404 with a token. */
export function repoNotFound(ctx: SandboxRequest): HttpError {
  if (ctx.auth.kind === 'invalid') return new HttpError(401, INVALID_CREDENTIALS);
  if (ctx.auth.kind === 'anonymous') return new HttpError(401, ANONYMOUS_REPO_NOT_FOUND, 'RepoNotFound');
  return new HttpError(404, REPO_NOT_FOUND, 'RepoNotFound');
}

export function canSee(ctx: SandboxRequest, repo: RepoRecord): boolean {
  if (!repo.private) return true;
  if (ctx.auth.kind !== 'user') return false;
  return canReadPrivate(ctx.auth.user, ctx.auth.token, repo.namespace, {type: repo.type, name: repo.name});
}

/** A repo the caller may read, or the Hub's 401/404. An invalid token is refused even on public repos, as the Hub does. */
export async function repoForRead(
  ctx: SandboxRequest,
  type: RepoType,
  namespace: string,
  name: string,
): Promise<RepoRecord> {
  if (ctx.auth.kind === 'invalid') throw new HttpError(401, INVALID_CREDENTIALS);
  const repo = await hubStore(ctx.sandbox).getRepo(type, namespace, name);
  if (!repo || !canSee(ctx, repo)) throw repoNotFound(ctx);
  return repo;
}

/** A repo the caller may write to: 401 without a valid token, 404 if they cannot see it, 403 if they can only read it. */
export async function repoForWrite(
  ctx: SandboxRequest,
  type: RepoType,
  namespace: string,
  name: string,
  action: string,
): Promise<RepoRecord> {
  if (ctx.auth.kind !== 'user') throw new HttpError(401, INVALID_CREDENTIALS);
  const repo = await repoForRead(ctx, type, namespace, name);
  if (!canWrite(ctx.auth.user, ctx.auth.token, namespace, {type, name})) {
    throw new HttpError(403, `You don't have the rights to ${action}`);
  }
  return repo;
}

// ---- revisions -------------------------------------------------------------------------------

/** `main` -> `refs/heads/main`; `refs/...` unchanged. */
export function refName(rev: string): string {
  return rev.startsWith('refs/') ? rev : `refs/heads/${rev}`;
}

export function revisionNotFound(rev: string): HttpError {
  return new HttpError(404, `Invalid rev id: ${rev}`, 'RevisionNotFound');
}

/** A branch, `refs/pr/N`, `refs/heads/x` or a full commit oid -> the commit. */
export async function resolveRevision(store: HubStore, repo: RepoRecord, rev: string): Promise<CommitRecord> {
  // A branch first, then a tag of that name (as the Hub resolves a bare revision).
  const ref =
    repo.refs[refName(rev === 'HEAD' ? 'main' : rev)] ??
    (rev.startsWith('refs/') ? undefined : repo.refs[`refs/tags/${rev}`]);
  const oid = ref ?? (/^[0-9a-f]{40}$/.test(rev) ? rev : undefined);
  const commit = oid ? await store.getCommit(repo, oid) : undefined;
  if (!commit) throw revisionNotFound(rev);
  return commit;
}

/**
 * Splits what follows `/tree/` or `/resolve/` into revision and path. The revision is one segment (clients encode
 * `refs/pr/1` as `refs%2Fpr%2F1`, already decoded here), except `refs/pr/N`, `refs/heads/X` and `refs/convert/X`,
 * which listFiles sends unencoded.
 */
export function splitRevision(rest: string): {rev: string; path: string} {
  const segments = rest.split('/');
  let take = 1;
  if (segments[0] === 'refs' && segments.length >= 3 && ['pr', 'heads', 'convert', 'tags'].includes(segments[1]!))
    take = 3;
  return {rev: segments.slice(0, take).join('/'), path: segments.slice(take).join('/')};
}

// ---- creating repos and commits ------------------------------------------------------------

export type CommitOp =
  | {kind: 'file'; path: string; entry: TreeEntry}
  | {kind: 'delete'; path: string}
  | {kind: 'deleteFolder'; path: string};

export interface CommitRequest {
  branch: string;
  createPr: boolean;
  parentCommit?: string;
  title: string;
  description: string;
  author: string;
  ops: CommitOp[];
}

export interface CommitResult {
  commit: CommitRecord;
  ref: string;
  prNumber?: number;
}

export function licenseReadme(license: string): string {
  return `---\nlicense: ${license}\n---\n`;
}

export async function createRepoRecord(
  store: HubStore,
  init: {
    type: RepoType;
    namespace: string;
    name: string;
    private: boolean;
    author: string;
    license?: string;
    sdk?: string;
    files?: {path: string; entry: TreeEntry}[];
  },
): Promise<RepoRecord> {
  const now = new Date().toISOString();
  const files: Record<string, TreeEntry> = {'.gitattributes': await store.putRegularFromString(DEFAULT_GITATTRIBUTES)};
  if (init.license) files['README.md'] = await store.putRegularFromString(licenseReadme(init.license));
  for (const f of init.files ?? []) files[f.path] = f.entry;
  const base = {parents: [], title: 'initial commit', message: '', date: now, files};
  const commit: CommitRecord = {...base, oid: commitOid(base), authors: [init.author]};
  const repo: RepoRecord = {
    id: objectId(),
    type: init.type,
    namespace: init.namespace,
    name: init.name,
    private: init.private,
    createdAt: now,
    lastModified: now,
    refs: {'refs/heads/main': commit.oid},
    discussions: 0,
    pullRequests: {},
  };
  if (init.license) repo.license = init.license;
  if (init.sdk) repo.sdk = init.sdk;
  await store.saveRepo(repo);
  await store.saveCommit(repo, commit);
  return repo;
}

/** Applies a commit under the repo lock: checks the branch, parentCommit (412 when stale) and every operation. */
export async function applyCommit(
  store: HubStore,
  type: RepoType,
  namespace: string,
  name: string,
  request: CommitRequest,
): Promise<CommitResult> {
  return store.withLock(repoKey(type, namespace, name), async () => {
    const repo = await store.getRepo(type, namespace, name);
    if (!repo) throw new HttpError(404, REPO_NOT_FOUND, 'RepoNotFound');
    const baseRef = refName(request.branch);
    const headOid = repo.refs[baseRef];
    if (!headOid) throw revisionNotFound(request.branch);
    const head = await store.getCommit(repo, headOid);
    if (!head) throw new HttpError(500, `Commit ${headOid} is missing from the sandbox store`);
    if (request.parentCommit !== undefined && request.parentCommit !== head.oid) {
      throw new HttpError(412, 'A commit has happened since. Please refresh and try again.', 'PreconditionFailed');
    }
    const files: Record<string, TreeEntry> = {...head.files};
    for (const op of request.ops) {
      if (op.kind === 'file') {
        files[op.path] = op.entry;
      } else if (op.kind === 'delete') {
        if (!files[op.path])
          throw new HttpError(404, `Entry not found: ${op.path} does not exist in ${request.branch}`, 'EntryNotFound');
        delete files[op.path];
      } else {
        const prefix = op.path.replace(/\/+$/, '') + '/';
        const doomed = Object.keys(files).filter((p) => p.startsWith(prefix));
        if (doomed.length === 0)
          throw new HttpError(
            404,
            `Entry not found: folder ${op.path} does not exist in ${request.branch}`,
            'EntryNotFound',
          );
        for (const p of doomed) delete files[p];
      }
    }
    const date = new Date().toISOString();
    const base = {parents: [head.oid], title: request.title, message: request.description, date, files};
    const commit: CommitRecord = {...base, oid: commitOid(base), authors: [request.author]};
    await store.saveCommit(repo, commit);
    let ref = baseRef;
    let prNumber: number | undefined;
    if (request.createPr) {
      prNumber = repo.discussions + 1;
      repo.discussions = prNumber;
      ref = `refs/pr/${prNumber}`;
      repo.pullRequests[String(prNumber)] = {
        title: request.title,
        base: baseRef,
        author: request.author,
        createdAt: date,
      };
    }
    repo.refs[ref] = commit.oid;
    repo.lastModified = date;
    await store.saveRepo(repo);
    const result: CommitResult = {commit, ref};
    if (prNumber !== undefined) result.prNumber = prNumber;
    return result;
  });
}

/** Reads a small regular file of a commit (e.g. `.gitattributes`); undefined when absent or LFS. */
export async function readSmallFile(
  store: HubStore,
  commit: CommitRecord,
  path: string,
  limit = 1024 * 1024,
): Promise<string | undefined> {
  const entry = commit.files[path];
  if (!entry || entry.lfs || entry.size > limit) return undefined;
  try {
    return await readFile(store.gitPath(entry.oid), 'utf8');
  } catch {
    return undefined;
  }
}
