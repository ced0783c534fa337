// Repo routes huggingface_hub calls beyond creating, reading and committing: auth_check
// (GET /api/{type}s/{ns}/{name}/auth-check[/write]), tags (create_tag: POST …/tag/{revision} {tag, message};
// delete_tag: DELETE …/tag/{tag}; list_repo_refs lists them; a tag name works as a revision) and move_repo
// (POST /api/repos/move {fromRepo, toRepo, type}: a rename, or a move to another namespace the caller may write).
import {mkdir, rename} from 'node:fs/promises';
import {dirname} from 'node:path';
import {requireUser, type RouteModule} from '../context.js';
import {HttpError, readJson, sendJson} from '../http.js';
import {isValidName, REPO_TYPES} from '../hub/paths.js';
import {NAME, NS, TYPES, repoTypeParam} from '../hub/route-params.js';
import {hubStore, repoForRead, repoForWrite, repoKey, resolveRevision, revisionNotFound} from '../hub/service.js';
import {canWrite, type RepoType} from '../permissions.js';

const TAG_NAME = /^[A-Za-z0-9._-]{1,200}$/;

function checkTagName(tag: unknown): string {
  if (typeof tag !== 'string' || !TAG_NAME.test(tag) || tag.includes('..') || tag.startsWith('.')) {
    throw new HttpError(
      400,
      `Invalid tag name "${String(tag).slice(0, 100)}" (the sandbox accepts letters, digits, '.', '_' and '-')`,
    );
  }
  return tag;
}

function splitRepoId(id: unknown, field: string): {namespace: string; name: string} {
  const parts = typeof id === 'string' ? id.split('/') : [];
  if (parts.length !== 2 || !isValidName(parts[0]!) || !isValidName(parts[1]!))
    throw new HttpError(400, `"${field}" must be "namespace/name"`);
  return {namespace: parts[0]!, name: parts[1]!};
}

export const registerRefRoutes: RouteModule = (router, sandbox) => {
  const store = hubStore(sandbox);

  // 200 when the caller may read (or, with /write, push to) the repo; else the Hub's 401/403/404.
  router.on('GET', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/auth-check(?<write>/write)?$`), async (ctx) => {
    const {ns, name, write} = ctx.params as {ns: string; name: string; write?: string};
    if (write) await repoForWrite(ctx, repoTypeParam(ctx), ns, name, 'push to this repo');
    else await repoForRead(ctx, repoTypeParam(ctx), ns, name);
    sendJson(ctx, 200, {});
  });

  router.on('POST', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/tag/(?<rev>.+)$`), async (ctx) => {
    const type = repoTypeParam(ctx);
    const {ns, name, rev} = ctx.params as {ns: string; name: string; rev: string};
    await repoForWrite(ctx, type, ns, name, 'push to this repo');
    const body = (await readJson(ctx.req)) as {tag?: unknown} | null;
    const tag = checkTagName(body?.tag);
    await store.withLock(repoKey(type, ns, name), async () => {
      const repo = (await store.getRepo(type, ns, name))!;
      const ref = `refs/tags/${tag}`;
      if (repo.refs[ref]) throw new HttpError(409, `Tag ${tag} already exists`);
      repo.refs[ref] = (await resolveRevision(store, repo, rev)).oid;
      await store.saveRepo(repo);
    });
    sendJson(ctx, 200, {});
  });

  router.on('DELETE', new RegExp(`^/api/${TYPES}/${NS}/${NAME}/tag/(?<tag>[^/]+)$`), async (ctx) => {
    const type = repoTypeParam(ctx);
    const {ns, name, tag} = ctx.params as {ns: string; name: string; tag: string};
    await repoForWrite(ctx, type, ns, name, 'push to this repo');
    await store.withLock(repoKey(type, ns, name), async () => {
      const repo = (await store.getRepo(type, ns, name))!;
      if (!repo.refs[`refs/tags/${tag}`]) throw revisionNotFound(tag);
      delete repo.refs[`refs/tags/${tag}`];
      await store.saveRepo(repo);
    });
    sendJson(ctx, 200, {});
  });

  router.on('POST', /^\/api\/repos\/move$/, async (ctx) => {
    const {user, token} = requireUser(ctx);
    const body = ((await readJson(ctx.req)) ?? {}) as {fromRepo?: unknown; toRepo?: unknown; type?: unknown};
    const type = (body.type ?? 'model') as RepoType;
    if (!REPO_TYPES.includes(type)) throw new HttpError(400, `"type" must be one of ${REPO_TYPES.join(', ')}`);
    const from = splitRepoId(body.fromRepo, 'fromRepo');
    const to = splitRepoId(body.toRepo, 'toRepo');
    await repoForWrite(ctx, type, from.namespace, from.name, 'move this repo');
    if (!canWrite(user, token, to.namespace, {type, name: to.name})) {
      throw new HttpError(403, `You don't have the rights to create a repo under the namespace "${to.namespace}"`);
    }
    await store.withLock(repoKey(type, from.namespace, from.name), async () => {
      if (await store.getRepo(type, to.namespace, to.name))
        throw new HttpError(409, `A ${type} repo ${to.namespace}/${to.name} already exists`);
      const target = store.repoDir(type, to.namespace, to.name);
      await mkdir(dirname(target), {recursive: true, mode: 0o700});
      await rename(store.repoDir(type, from.namespace, from.name), target);
      const repo = (await store.getRepo(type, to.namespace, to.name))!;
      repo.namespace = to.namespace;
      repo.name = to.name;
      await store.saveRepo(repo);
    });
    sendJson(ctx, 200, {});
  });
};
