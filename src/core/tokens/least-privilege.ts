// Least privilege: the smallest token a planned job needs, as a prefilled token page URL, and how a pasted
// token compares with it (enough? more than needed?). Pure: no I/O.
//
// The Hub's token page takes these query parameters (seen in public code that builds such links, e.g. the
// Inference Providers docs' `settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained`
// and tools that prefill org scopes): `tokenType=fineGrained`, repeated `ownUserPermissions=<perm>`, repeated
// `orgs=<org>` with repeated `orgPermissions=<perm>` (applied to each listed org), repeated `globalPermissions`,
// and `canReadGatedRepos=true`. The sandbox's /settings/tokens/new honours the same parameters.
import {DEFAULT_ENDPOINT} from '../endpoint.js';
import type {RepoRef, TokenInfo} from './classify.js';

/** What a planned job does on the Hub. `user` is the account that will own the token. */
export interface JobNeeds {
  user: string;
  /** Where the job runs (needs job.write there). */
  namespace: string;
  /** Repos the job creates or pushes to (needs repo.write on their namespace). */
  writes: RepoRef[];
  /** Private repos the job reads (needs repo.content.read on their namespace). */
  reads: RepoRef[];
  /** The job reads a gated repo (needs the "public gated repos" box). */
  readsGated?: boolean;
}

/** One entity (the user or an org) and the fine-grained permissions the job needs on it. */
export interface NeededScope {
  entity: {type: 'user' | 'org'; name: string};
  permissions: string[];
}

/** Permissions per namespace, in a stable order (job.write, repo.write, repo.content.read). */
export function neededScopes(needs: JobNeeds): NeededScope[] {
  const order = ['job.write', 'repo.write', 'repo.content.read'];
  const byName = new Map<string, Set<string>>();
  const add = (ns: string, perm: string) => {
    if (!ns) return;
    if (!byName.has(ns)) byName.set(ns, new Set());
    byName.get(ns)!.add(perm);
  };
  add(needs.namespace, 'job.write');
  for (const repo of needs.writes) add(repo.namespace, 'repo.write');
  for (const repo of needs.reads) add(repo.namespace, 'repo.content.read');
  // repo.write does not promise reading private content (evaluateGoal says so): keep both where both are needed.
  return [...byName].map(([name, perms]) => ({
    entity: {type: name === needs.user ? 'user' : 'org', name},
    permissions: order.filter((p) => perms.has(p)),
  }));
}

/**
 * The prefilled page that creates exactly that token. The Hub's form applies `orgPermissions` to every org in
 * `orgs`, so with several orgs the union of their needs is asked for each (the page shows it; say so).
 */
export function leastPrivilegeTokenUrl(endpoint: string | undefined, needs: JobNeeds): string {
  const params = new URLSearchParams({tokenType: 'fineGrained'});
  const scopes = neededScopes(needs);
  const own = scopes.find((s) => s.entity.type === 'user');
  for (const perm of own?.permissions ?? []) params.append('ownUserPermissions', perm);
  const orgs = scopes.filter((s) => s.entity.type === 'org');
  for (const org of orgs) params.append('orgs', org.entity.name);
  const orgPerms = new Set(orgs.flatMap((o) => o.permissions));
  for (const perm of ['job.write', 'repo.write', 'repo.content.read'])
    if (orgPerms.has(perm)) params.append('orgPermissions', perm);
  if (needs.readsGated) params.set('canReadGatedRepos', 'true');
  return `${(endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '')}/settings/tokens/new?${params.toString()}`;
}

/** One line a person reads: `job.write, repo.write on practice-user`. */
export function describeScopes(scopes: NeededScope[]): string {
  return scopes.map((s) => `${s.permissions.join(', ')} on ${s.entity.name}`).join('; ');
}

export interface TokenFit {
  /** The token can do everything the job needs (as far as whoami tells). */
  enough: boolean;
  /** What is missing, e.g. `job.write on practice-org`. */
  missing: string[];
  /** Powers the job does not need, e.g. `write access to every repo you own (it can delete them)`. */
  extra: string[];
  /** One or two sentences: the verdict and, where the token is broader than needed, the smaller token that is enough. */
  advice: string;
}

const REPO_TYPES = new Set(['model', 'dataset', 'space', 'bucket', 'kernel']);

function grants(info: TokenInfo, permission: string, namespace: string): boolean {
  return info.scopes.some(
    (s) =>
      s.permissions.includes(permission) &&
      (((s.entity.type === 'user' || s.entity.type === 'org') && s.entity.name === namespace) ||
        (REPO_TYPES.has(s.entity.type) && s.entity.name.startsWith(`${namespace}/`))),
  );
}

/** Compare a classified token with what the job needs: enough, and more than needed. */
export function compareTokenToNeeds(info: TokenInfo, needs: JobNeeds): TokenFit {
  const scopes = neededScopes(needs);
  const smaller = `a fine-grained token with ${describeScopes(scopes)}${needs.readsGated ? ' and the "public gated repos" box' : ''} is enough`;
  const missing: string[] = [];
  const extra: string[] = [];
  const memberOf = (ns: string) => ns === info.user || info.orgs.some((o) => o.name === ns);
  for (const s of scopes) if (!memberOf(s.entity.name)) missing.push(`membership in ${s.entity.name}`);

  if (info.kind === 'read') {
    for (const s of scopes)
      for (const p of s.permissions) if (p !== 'repo.content.read') missing.push(`${p} on ${s.entity.name}`);
  } else if (info.kind === 'write') {
    extra.push(
      `write access to every repo of ${info.user}${info.orgs.length ? ` and of the orgs where you can write (${info.orgs.map((o) => o.name).join(', ')})` : ''}, so it can delete them`,
    );
    extra.push('every other right of your account (settings, inference, discussions)');
  } else if (info.kind === 'fineGrained' || (info.kind === 'oauth' && info.scopes.length > 0)) {
    for (const s of scopes)
      for (const p of s.permissions) if (!grants(info, p, s.entity.name)) missing.push(`${p} on ${s.entity.name}`);
    if (needs.readsGated && !info.canReadGatedRepos) missing.push('the "public gated repos" box');
    const neededOn = new Map(scopes.map((s) => [s.entity.name, new Set(s.permissions)]));
    for (const s of info.scopes) {
      const ns =
        s.entity.type === 'user' || s.entity.type === 'org' ? s.entity.name : (s.entity.name.split('/')[0] ?? '');
      const need = neededOn.get(ns);
      const unneeded = s.permissions.filter(
        (p) => !need?.has(p) && !(p === 'repo.content.read' && need?.has('repo.write')),
      );
      if (unneeded.length) extra.push(`${unneeded.join(', ')} on ${s.entity.name || '(unnamed)'}`);
    }
    if (info.globalPermissions.length) extra.push(`global: ${info.globalPermissions.join(', ')}`);
  } else {
    return {
      enough: false,
      missing: ['a token whose permissions the Hub reports'],
      extra,
      advice: `The Hub did not report what this token may do; ${smaller}.`,
    };
  }

  const enough = missing.length === 0;
  let advice: string;
  if (!enough) advice = `This token is not enough: it lacks ${missing.join('; ')}. ${capital(smaller)}.`;
  else if (extra.length)
    advice = `This token is enough, and more than needed: ${extra.join('; ')}. ${capital(smaller)}.`;
  else advice = 'This token is enough and no broader than the job needs.';
  return {enough, missing, extra, advice};
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
