// What a token is and what it may do, from the whoami-v2 answer (hf-auth-and-jobs.md §2). Pure: no I/O.
import {safeSectionName} from '../store/ini.js';

/** The whoami-v2 JSON as the Hub sends it (only the fields we read; everything optional but `name`). */
export interface WhoAmIResponse {
  type?: string;
  id?: string;
  name: string;
  fullname?: string;
  email?: string | null;
  isPro?: boolean;
  canPay?: boolean;
  orgs?: {name: string; fullname?: string; roleInOrg?: string; type?: string}[];
  auth?: {
    type?: string;
    accessToken?: {
      displayName?: string;
      role?: string;
      createdAt?: string | Date;
      fineGrained?: {
        scoped?: {entity: {_id?: string; type: string; name?: string}; permissions: string[]}[];
        global?: string[];
        canReadGatedRepos?: boolean;
      };
    };
    expiresAt?: string | Date;
  };
}

export type TokenKind = 'read' | 'write' | 'fineGrained' | 'oauth' | 'unknown';

export interface FineGrainedScope {
  entity: {type: string; name: string};
  permissions: string[];
}

export interface OrgMembership {
  name: string;
  /** `admin` | `write` | `contributor` | `read`, or undefined when the Hub did not say. */
  roleInOrg?: string;
}

export interface TokenInfo {
  user: string;
  fullname?: string;
  kind: TokenKind;
  /** The raw `auth.accessToken.role` (e.g. `write`, `admin`, `god`, `fineGrained`). */
  role?: string;
  /** Set when the role is unusual and we treat it like another (e.g. admin -> write-like). */
  roleNote?: string;
  /** `auth.accessToken.displayName`, absent for OAuth tokens. */
  displayName?: string;
  /** The name huggingface_hub saves it under: displayName, else `oauth-<user>`. */
  storageName: string;
  scopes: FineGrainedScope[];
  globalPermissions: string[];
  canReadGatedRepos: boolean;
  orgs: OrgMembership[];
  expiresAt?: string;
  isPro?: boolean;
  canPay?: boolean;
}

const WRITE_LIKE_ROLES: Record<string, string> = {
  admin: 'role "admin" is treated like a write token',
  god: 'role "god" (staff) is treated like a write token',
  contributor: 'role "contributor" is treated like a write token',
};

function isoOf(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : String(value);
}

export function classifyWhoAmI(who: WhoAmIResponse): TokenInfo {
  const access = who.auth?.accessToken;
  const role = access?.role;
  const authType = who.auth?.type;
  const fine = access?.fineGrained;
  const scopes: FineGrainedScope[] = (fine?.scoped ?? [])
    .filter((s) => s && s.entity && typeof s.entity.type === 'string')
    .map((s) => ({entity: {type: s.entity.type, name: s.entity.name ?? ''}, permissions: [...(s.permissions ?? [])]}));

  let kind: TokenKind;
  let roleNote: string | undefined;
  if (authType === 'oauth') kind = 'oauth';
  else if (role === 'read') kind = 'read';
  else if (role === 'write') kind = 'write';
  else if (role === 'fineGrained') kind = 'fineGrained';
  else if (role !== undefined && WRITE_LIKE_ROLES[role]) {
    kind = 'write';
    roleNote = WRITE_LIKE_ROLES[role];
  } else kind = 'unknown';

  const info: TokenInfo = {
    user: who.name,
    kind,
    storageName: safeSectionName(access?.displayName ? access.displayName : `oauth-${who.name}`),
    scopes,
    globalPermissions: [...(fine?.global ?? [])],
    // Classic tokens read every gated repo the account was granted; fine-grained ones only with the checkbox.
    canReadGatedRepos:
      fine !== undefined || kind === 'fineGrained'
        ? fine?.canReadGatedRepos === true
        : kind === 'read' || kind === 'write',
    orgs: (who.orgs ?? []).map((o) => (o.roleInOrg ? {name: o.name, roleInOrg: o.roleInOrg} : {name: o.name})),
  };
  if (who.fullname !== undefined) info.fullname = who.fullname;
  if (role !== undefined) info.role = role;
  if (roleNote !== undefined) info.roleNote = roleNote;
  if (access?.displayName) info.displayName = access.displayName;
  const expires = isoOf(who.auth?.expiresAt);
  if (expires !== undefined) info.expiresAt = expires;
  if (who.isPro !== undefined) info.isPro = who.isPro;
  if (who.canPay !== undefined) info.canPay = who.canPay;
  return info;
}

/** Human label for the token type. */
export function describeKind(info: TokenInfo): string {
  switch (info.kind) {
    case 'read':
      return 'read token (classic)';
    case 'write':
      return info.roleNote ? `write token (${info.roleNote})` : 'write token (classic)';
    case 'fineGrained':
      return 'fine-grained token';
    case 'oauth':
      return 'OAuth token (browser login)';
    default:
      return `token with an unrecognised role${info.role ? ` "${info.role}"` : ''}`;
  }
}

/** A few lines summarising what the token may do, for login/status output. */
export function summarizePermissions(info: TokenInfo): string[] {
  const lines: string[] = [];
  switch (info.kind) {
    case 'read':
      lines.push('Can read public and your private repos; cannot push, create repos or run Jobs.');
      break;
    case 'write':
      lines.push(
        'Can read, push and run Jobs wherever your account can write (your namespace and orgs where you have write access).',
      );
      break;
    case 'unknown':
      lines.push('The Hub reported a role this tool does not know; permissions are unclear.');
      break;
    default:
      if (info.scopes.length === 0 && info.kind === 'oauth')
        lines.push('Scopes were not reported for this OAuth token.');
      for (const s of info.scopes) {
        const perms = s.permissions.length ? s.permissions.join(', ') : '(no permissions)';
        lines.push(`${s.entity.type} ${s.entity.name || '(unnamed)'}: ${perms}`);
      }
      if (info.kind === 'fineGrained' && info.scopes.length === 0) lines.push('No scoped permissions at all.');
      if (info.globalPermissions.length) lines.push(`global: ${info.globalPermissions.join(', ')}`);
      lines.push(
        info.canReadGatedRepos
          ? 'Can read public gated repos you have access to.'
          : 'Cannot read gated repos (the "public gated repos" box is unchecked).',
      );
  }
  return lines;
}

export interface RepoRef {
  type: 'model' | 'dataset' | 'space' | 'bucket' | 'kernel';
  namespace: string;
  name: string;
}

export type Goal =
  {kind: 'run-job'; namespace: string} | {kind: 'push'; repo: RepoRef} | {kind: 'read-private'; repo: RepoRef};

export interface GoalVerdict {
  ok: boolean;
  /** Short: what is missing, e.g. `job.write on practice-org`. */
  missing?: string;
  /** One or two sentences for a person. */
  explanation: string;
  /** True when whoami does not tell us for sure (unknown org role, OAuth scopes); the Hub has the last word. */
  uncertain?: boolean;
}

const WRITE_ORG_ROLES = new Set(['admin', 'write', 'contributor']);

type Access = {level: 'write' | 'read' | 'none' | 'unknown'; why: string};

/** What the account (not the token) may do in a namespace. */
function accountAccess(info: TokenInfo, namespace: string): Access {
  if (namespace === info.user) return {level: 'write', why: 'your own namespace'};
  const org = info.orgs.find((o) => o.name === namespace);
  if (!org) return {level: 'none', why: `you (${info.user}) are not a member of "${namespace}"`};
  if (org.roleInOrg === undefined) return {level: 'unknown', why: `your role in "${namespace}" is not reported`};
  if (WRITE_ORG_ROLES.has(org.roleInOrg)) return {level: 'write', why: `you are ${org.roleInOrg} in "${namespace}"`};
  return {level: 'read', why: `your role in "${namespace}" is "${org.roleInOrg}", which cannot write`};
}

function repoPath(repo: RepoRef): string {
  return `${repo.namespace}/${repo.name}`;
}

const REPO_ENTITY_TYPES = new Set(['model', 'dataset', 'space', 'bucket', 'kernel']);

/** Does a fine-grained scope grant `permission` on this namespace (or on this exact repo)? */
function scopeGrants(info: TokenInfo, permission: string, namespace: string, repo?: RepoRef): boolean {
  return info.scopes.some((s) => {
    if (!s.permissions.includes(permission)) return false;
    if ((s.entity.type === 'user' || s.entity.type === 'org') && s.entity.name === namespace) return true;
    return (
      repo !== undefined &&
      REPO_ENTITY_TYPES.has(s.entity.type) &&
      s.entity.type === repo.type &&
      s.entity.name === repoPath(repo)
    );
  });
}

function scoped(info: TokenInfo): boolean {
  return info.kind === 'fineGrained' || (info.kind === 'oauth' && info.scopes.length > 0);
}

/** Can this token do what the job needs? Mirrors the Hub's rules (hf-auth-and-jobs.md §2). */
export function evaluateGoal(info: TokenInfo, goal: Goal): GoalVerdict {
  const ns = goal.kind === 'run-job' ? goal.namespace : goal.repo.namespace;
  const what =
    goal.kind === 'run-job'
      ? `run Jobs in "${ns}"`
      : goal.kind === 'push'
        ? `push to ${repoPath(goal.repo)}`
        : `read ${repoPath(goal.repo)}`;
  const access = accountAccess(info, ns);
  const needsWrite = goal.kind !== 'read-private';

  if (access.level === 'none') {
    return {
      ok: false,
      missing: `membership in ${ns}`,
      explanation: `Cannot ${what}: ${access.why}. Ask an admin of "${ns}" to add you, or use your own namespace "${info.user}".`,
    };
  }
  if (needsWrite && access.level === 'read') {
    return {
      ok: false,
      missing: `write role in ${ns}`,
      explanation: `Cannot ${what}: ${access.why}. Ask an admin of "${ns}" for the write role, or use your own namespace "${info.user}".`,
    };
  }
  const uncertainAccount = access.level === 'unknown';

  if (info.kind === 'unknown') {
    return {
      ok: false,
      missing: 'a known token role',
      uncertain: true,
      explanation: `Cannot tell whether this token may ${what}: the Hub reported an unrecognised role${info.role ? ` "${info.role}"` : ''}.`,
    };
  }

  if (info.kind === 'read') {
    if (goal.kind === 'read-private')
      return verdict(true, `A read token can ${what} (${access.why}).`, uncertainAccount);
    const need = goal.kind === 'push' ? `repo.write on ${ns}` : `job.write on ${ns}`;
    return {
      ok: false,
      missing: goal.kind === 'push' ? 'write permission' : 'permission to run Jobs',
      explanation: `This is a read token: it cannot ${what}. It needs a write token or a fine-grained token with ${need}.`,
    };
  }

  if (info.kind === 'write') {
    return verdict(true, `A write token can ${what} (${access.why}).`, uncertainAccount);
  }

  if (info.kind === 'oauth' && !scoped(info)) {
    return {
      ok: true,
      uncertain: true,
      explanation: `This OAuth token did not report its scopes; the Hub decides whether it may ${what}.`,
    };
  }

  // Fine-grained (or a scoped OAuth token): only where scoped.
  const permission = goal.kind === 'push' ? 'repo.write' : goal.kind === 'run-job' ? 'job.write' : 'repo.content.read';
  const repo = goal.kind === 'run-job' ? undefined : goal.repo;
  if (scopeGrants(info, permission, ns, repo)) {
    return verdict(
      true,
      `The token has ${permission} on ${repo && !scopeGrants(info, permission, ns) ? repoPath(repo) : ns}.`,
      uncertainAccount,
    );
  }
  // Whether repo.write alone also lets a token read private content is not documented: say so instead of guessing.
  if (goal.kind === 'read-private' && scopeGrants(info, 'repo.write', ns, repo)) {
    return {
      ok: true,
      uncertain: true,
      explanation: `The token has repo.write but not repo.content.read on ${ns}; reading may still be refused. Add repo.content.read to be sure.`,
    };
  }
  return {
    ok: false,
    missing: `${permission} on ${ns}`,
    explanation: `This fine-grained token cannot ${what}: it is missing ${permission} on ${ns}. Edit the token at https://huggingface.co/settings/tokens and add ${permission} for "${ns}".`,
  };
}

function verdict(ok: boolean, explanation: string, uncertain: boolean): GoalVerdict {
  return uncertain
    ? {ok, explanation: `${explanation} (your role could not be confirmed; the Hub has the last word)`, uncertain: true}
    : {ok, explanation};
}
