// Practice accounts: users, orgs and tokens, and how a request's Authorization header maps to them.
import {randomBytes} from 'node:crypto';
import type {PracticeTokenLabel} from './types.js';

export type OrgRole = 'admin' | 'write' | 'contributor' | 'read';

export interface SandboxOrg {
  id: string;
  name: string;
  fullname: string;
  /** whoami's `securityRestrictions` for this org (e.g. `token-policy`: tokens need the org's approval). */
  securityRestrictions?: string[];
  /** whoami's `orgs[].canPay` (default true: the sandbox runs the org's jobs; the practice org without credits says false). */
  canPay?: boolean;
}

export interface SandboxUser {
  id: string;
  name: string;
  fullname: string;
  email: string;
  isPro: boolean;
  canPay: boolean;
  orgs: {name: string; roleInOrg: OrgRole}[];
  /** Defaults to `/avatars/<name>.svg`. */
  avatarUrl?: string;
  /** Defaults to `prepaid`. */
  billingMode?: 'prepaid' | 'postpaid';
}

export interface FineGrainedScope {
  entity: {_id: string; type: 'user' | 'org' | 'model' | 'dataset' | 'space'; name: string};
  permissions: string[];
}

export interface SandboxToken {
  value: string;
  /** `auth.accessToken.displayName`; also the stored_tokens section name when saved. */
  displayName: string;
  owner: string;
  role: 'read' | 'write' | 'fineGrained';
  createdAt: string;
  /** Expired and revoked tokens answer 401 like any unknown token. */
  expired?: boolean;
  fineGrained?: {scoped: FineGrainedScope[]; global: string[]; canReadGatedRepos: boolean};
  /** The label under which `sandbox --json` and startSandbox() report it. */
  label?: string;
  /** An OAuth access token (browser login): whoami says `auth.type: "oauth"` and shows no displayName. */
  oauth?: boolean;
  /** ISO time after which the token answers 401 (OAuth tokens). */
  expiresAt?: string;
  /** Practice: whoami always says it expires this many seconds from now (auth.expiresAt), and it keeps working. */
  expiresSoonSeconds?: number;
}

export interface Accounts {
  users: SandboxUser[];
  orgs: SandboxOrg[];
  tokens: SandboxToken[];
}

export const MAIN_USER = 'practice-user';
export const OTHER_USER = 'practice-friend';
export const PRACTICE_ORG = 'practice-org';

export function objectId(): string {
  return randomBytes(12).toString('hex');
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A token in the real shape (`hf_` + 34 letters and digits), random per call. */
export function randomTokenValue(): string {
  const bytes = randomBytes(34);
  let body = '';
  for (const b of bytes) body += ALPHANUMERIC[b % ALPHANUMERIC.length];
  return `hf_${body}`;
}

/** The practice world every fresh sandbox starts with. */
export function createPracticeAccounts(): Accounts {
  const now = new Date().toISOString();
  const org: SandboxOrg = {id: objectId(), name: PRACTICE_ORG, fullname: 'Practice Org (sandbox)'};
  const user: SandboxUser = {
    id: objectId(),
    name: MAIN_USER,
    fullname: 'Practice User (sandbox)',
    email: 'practice-user@sandbox.invalid',
    isPro: false,
    canPay: true,
    orgs: [{name: PRACTICE_ORG, roleInOrg: 'write'}],
  };
  const friend: SandboxUser = {
    id: objectId(),
    name: OTHER_USER,
    fullname: 'Practice Friend (sandbox)',
    email: 'practice-friend@sandbox.invalid',
    isPro: false,
    canPay: true,
    orgs: [{name: PRACTICE_ORG, roleInOrg: 'read'}],
  };
  const token = (
    label: PracticeTokenLabel | 'friend-write',
    displayName: string,
    extra: Partial<SandboxToken>,
  ): SandboxToken => ({
    value: randomTokenValue(),
    displayName,
    owner: MAIN_USER,
    role: 'write',
    createdAt: now,
    label,
    ...extra,
  });
  return {
    users: [user, friend],
    orgs: [org],
    tokens: [
      token('write', 'practice write token', {role: 'write'}),
      token('read', 'practice read token', {role: 'read'}),
      token('fine-grained', 'practice fine-grained token', {
        role: 'fineGrained',
        fineGrained: {
          scoped: [
            {
              entity: {_id: user.id, type: 'user', name: MAIN_USER},
              permissions: ['repo.content.read', 'repo.write', 'job.write'],
            },
          ],
          global: [],
          canReadGatedRepos: false,
        },
      }),
      token('expired', 'practice expired token', {role: 'write', expired: true}),
      expiringToken(),
      token('friend-write', 'practice friend write token', {role: 'write', owner: OTHER_USER}),
    ],
  };
}

/** The 'expiring' practice token: a write token whose whoami says it expires in 5 minutes, every time it is asked. */
export const EXPIRES_SOON_SECONDS = 5 * 60;

export function expiringToken(): SandboxToken {
  return {
    value: randomTokenValue(),
    displayName: 'practice expiring token',
    owner: MAIN_USER,
    role: 'write',
    createdAt: new Date().toISOString(),
    label: 'expiring',
    expiresSoonSeconds: EXPIRES_SOON_SECONDS,
  };
}

/** Practice tokens added after a data folder was first made: a saved world gets the ones it lacks (nothing else changes). */
export function addMissingPracticeTokens(accounts: Accounts): boolean {
  if (accounts.tokens.some((t) => t.label === 'expiring')) return false;
  accounts.tokens.push(expiringToken());
  return true;
}

export type Auth = {kind: 'anonymous'} | {kind: 'invalid'} | {kind: 'user'; user: SandboxUser; token: SandboxToken};

export function authenticate(accounts: Accounts, authorization: string | undefined): Auth {
  if (!authorization) return {kind: 'anonymous'};
  const m = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!m) return {kind: 'invalid'};
  const value = m[1]!.trim();
  // @huggingface/hub's whoAmI sends `Bearer undefined` when it has no token.
  if (value === 'undefined' || value === '') return {kind: 'anonymous'};
  const token = accounts.tokens.find((t) => t.value === value);
  if (!token || token.expired) return {kind: 'invalid'};
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return {kind: 'invalid'};
  const user = accounts.users.find((u) => u.name === token.owner);
  if (!user) return {kind: 'invalid'};
  return {kind: 'user', user, token};
}

export function findOrg(accounts: Accounts, name: string): SandboxOrg | undefined {
  return accounts.orgs.find((o) => o.name === name);
}

export function findUser(accounts: Accounts, name: string): SandboxUser | undefined {
  return accounts.users.find((u) => u.name === name);
}

/** The whoami-v2 body for an authenticated token, in the Hub's shape. */
export function whoamiBody(accounts: Accounts, user: SandboxUser, token: SandboxToken): Record<string, unknown> {
  const accessToken: Record<string, unknown> = token.oauth
    ? {role: token.role, createdAt: token.createdAt}
    : {displayName: token.displayName, role: token.role, createdAt: token.createdAt};
  if (token.role === 'fineGrained' && token.fineGrained) accessToken.fineGrained = token.fineGrained;
  return {
    type: 'user',
    id: user.id,
    name: user.name,
    fullname: user.fullname,
    email: user.email,
    emailVerified: true,
    canPay: user.canPay,
    isPro: user.isPro,
    periodEnd: null,
    avatarUrl: user.avatarUrl ?? `/avatars/${user.name}.svg`,
    billingMode: user.billingMode ?? 'prepaid',
    orgs: user.orgs.map((membership) => {
      const org = findOrg(accounts, membership.name);
      return {
        type: 'org',
        id: org?.id ?? objectId(),
        name: membership.name,
        fullname: org?.fullname ?? membership.name,
        email: null,
        canPay: org?.canPay ?? true,
        isEnterprise: false,
        roleInOrg: membership.roleInOrg,
        ...(org?.securityRestrictions ? {securityRestrictions: [...org.securityRestrictions]} : {}),
      };
    }),
    auth: token.oauth
      ? {type: 'oauth', accessToken, ...(token.expiresAt ? {expiresAt: token.expiresAt} : {})}
      : {
          type: 'access_token',
          accessToken,
          ...(token.expiresSoonSeconds
            ? {expiresAt: new Date(Date.now() + token.expiresSoonSeconds * 1000).toISOString()}
            : {}),
        },
  };
}
