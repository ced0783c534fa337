// Who may do what, as the Hub decides it: the user's rights in a namespace, limited by the token's role or scopes.
import type {SandboxToken, SandboxUser} from './accounts.js';

export type RepoType = 'model' | 'dataset' | 'space';

/** Whether the *user* (ignoring the token) may write in a namespace: their own, or an org where their role allows. */
export function userCanWriteNamespace(user: SandboxUser, namespace: string): boolean {
  if (user.name === namespace) return true;
  const membership = user.orgs.find((o) => o.name === namespace);
  return membership !== undefined && membership.roleInOrg !== 'read';
}

export function userIsMember(user: SandboxUser, namespace: string): boolean {
  return user.name === namespace || user.orgs.some((o) => o.name === namespace);
}

function scopedPermissions(token: SandboxToken, namespace: string, repo?: {type: RepoType; name: string}): string[] {
  const out: string[] = [];
  for (const scope of token.fineGrained?.scoped ?? []) {
    const e = scope.entity;
    const namespaceMatch = (e.type === 'user' || e.type === 'org') && e.name === namespace;
    const repoMatch = repo !== undefined && e.type === repo.type && e.name === `${namespace}/${repo.name}`;
    if (namespaceMatch || repoMatch) out.push(...scope.permissions);
  }
  return out;
}

/** Whether this token has a fine-grained permission for the namespace (or the repo in it). */
export function tokenHasScope(
  token: SandboxToken,
  permission: string,
  namespace: string,
  repo?: {type: RepoType; name: string},
): boolean {
  return scopedPermissions(token, namespace, repo).includes(permission);
}

/** Create, delete, commit: the user must be able to write there, and the token must allow writing. */
export function canWrite(
  user: SandboxUser,
  token: SandboxToken,
  namespace: string,
  repo?: {type: RepoType; name: string},
): boolean {
  if (!userCanWriteNamespace(user, namespace)) return false;
  if (token.role === 'write') return true;
  if (token.role === 'fineGrained') return tokenHasScope(token, 'repo.write', namespace, repo);
  return false;
}

/** Read a private repo: membership of the namespace, and a token that may read contents there. */
export function canReadPrivate(
  user: SandboxUser,
  token: SandboxToken,
  namespace: string,
  repo?: {type: RepoType; name: string},
): boolean {
  if (!userIsMember(user, namespace)) return false;
  if (token.role === 'read' || token.role === 'write') return true;
  return (
    tokenHasScope(token, 'repo.content.read', namespace, repo) || tokenHasScope(token, 'repo.write', namespace, repo)
  );
}

/** Run, cancel or read jobs in a namespace: a write token where the user can write, or fine-grained `job.write` there. */
export function canRunJobs(user: SandboxUser, token: SandboxToken, namespace: string): boolean {
  if (!userCanWriteNamespace(user, namespace)) return false;
  if (token.role === 'write') return true;
  if (token.role === 'fineGrained') return tokenHasScope(token, 'job.write', namespace);
  return false;
}
