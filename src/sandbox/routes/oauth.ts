// OAuth device-code login (RFC 8628) so browser login can be practised and tested offline:
//   POST /oauth/device              client_id -> device_code, user_code, verification_uri(_complete), expires_in, interval
//   POST /oauth/token               device_code grant -> authorization_pending | slow_down | expired_token | access_denied | token
//   GET  /oauth/device/verify       the "browser" page: shows the code, approve/deny as practice-user
//   POST /oauth/device/verify       the form (tests post it directly)
//   GET  /oauth/userinfo            OpenID userinfo for a token
//   GET  /.well-known/openid-configuration
import {randomBytes, randomInt} from 'node:crypto';
import {MAIN_USER, findUser, objectId, randomTokenValue, type SandboxToken, type SandboxUser} from '../accounts.js';
import {requireUser, type RouteModule, type SandboxCore, type SandboxRequest} from '../context.js';
import {HttpError, readBody, sendHtml, sendJson} from '../http.js';
import {hostAllowed} from '../server.js';
import {escapeHtml} from './pages.js';
import {keyMatches, requireFormKey} from '../forms.js';
import {isDeviceApprovalKey, isDeviceStartKey} from '../../core/auth/sandbox-form-key.js';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** How long an OAuth access token from the sandbox lives (seconds). */
export const OAUTH_TOKEN_TTL = 30 * 24 * 3600;
export const OAUTH_SCOPE = 'openid profile read-repos write-repos jobs';

export const oauthSettings = new WeakMap<
  SandboxCore,
  {interval?: number; expiresIn?: number; startsPerMinute?: number}
>();

interface DeviceGrant {
  deviceCode: string;
  userCode: string;
  clientId: string;
  createdAt: number;
  expiresAt: number;
  interval: number;
  lastPoll?: number;
  status: 'pending' | 'approved' | 'denied';
  user?: string;
}

/** At most this many device logins wait for approval at once (a person has one or two). */
export const MAX_PENDING_GRANTS = 100;
/**
 * Device logins started a minute at most by one client (SandboxOptions.oauth.startsPerMinute): a client is its
 * client_id and User-Agent (the server listens on 127.0.0.1 only, so every caller has the same address). Past it, 429.
 */
export const MAX_DEVICE_STARTS_PER_MINUTE = 30;
/**
 * All clients together, a minute, at most this many times the per-client quota: a flood under a new client id each
 * request is bounded too. The app's own starts on the sandbox it started carry a key derived from the form key
 * (core/auth/sandbox-form-key.ts deviceStartKey): they count against their own quota only, so no flood locks them out.
 */
export const ALL_CLIENTS_QUOTA_FACTOR = 2;
/** Clients remembered by the quota at most (the oldest forgotten first). */
const MAX_QUOTA_CLIENTS = 1000;
/** A pending grant not polled for this many of its intervals is taken as abandoned (the app polls every interval). */
const ABANDONED_AFTER_INTERVALS = 3;
/** Grants kept at most, expired ones included. */
const MAX_KEPT_GRANTS = 1000;
/** Client ids are short (the Hub's are UUIDs); a longer one is refused rather than kept. */
const MAX_CLIENT_ID = 200;

const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

function newUserCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

function normaliseUserCode(code: string): string {
  const c = code.toUpperCase().replace(/[^A-Z]/g, '');
  return c.length === 8 ? `${c.slice(0, 4)}-${c.slice(4)}` : code.toUpperCase();
}

async function readForm(ctx: SandboxRequest): Promise<URLSearchParams> {
  const body = await readBody(ctx.req, 64 * 1024);
  const type = ctx.req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(json).map(([k, v]) => [k, String(v)]));
    } catch {
      throw new HttpError(400, 'Malformed JSON in request body');
    }
  }
  return new URLSearchParams(body.toString('utf8'));
}

function oauthError(ctx: SandboxRequest, status: number, error: string, description: string): void {
  sendJson(ctx, status, {error, error_description: description}, {'Cache-Control': 'no-store'});
}

function sendPage(ctx: SandboxRequest, status: number, title: string, body: string): void {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - sandbox Hub</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
code{font-size:1.6rem;letter-spacing:.15em}button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}</style></head>
<body><p><small>Sandbox Hub (offline practice; nothing here is huggingface.co)</small></p><h1>${escapeHtml(title)}</h1>
${body}</body></html>`;
  sendHtml(ctx, status, html);
}

/** The device grants of one sandbox, found by device code (the app's) or by the code the person types. */
class DeviceGrants {
  private readonly byDeviceCode = new Map<string, DeviceGrant>();
  private readonly byUserCode = new Map<string, string>();

  /**
   * A new grant with a user code no pending grant uses; old expired grants are swept first. At MAX_PENDING_GRANTS
   * pending, one is ended first (its poll hears expired_token): the oldest of the client id that has the most waiting.
   * Before, the 101st request was refused for 15 min, so anything that filled the list locked the app's own login
   * out; now the newest login always starts, and a flood under one client id ends its own grants, not the app's.
   * A grant that nobody polls goes first (a flood under a new client id each request left one grant a client id, and
   * the oldest of those was the app's own login, polled all along); with the start quota, a flood cannot fill the
   * list before its grants look abandoned.
   */
  start(clientId: string, expiresIn: number, interval: number): DeviceGrant {
    this.sweep();
    if (this.pending() >= MAX_PENDING_GRANTS) this.endOneForRoom();
    let userCode = newUserCode();
    while (this.byUserCode.has(userCode)) userCode = newUserCode();
    const now = Date.now();
    const grant: DeviceGrant = {
      deviceCode: randomBytes(20).toString('hex'),
      userCode,
      clientId,
      createdAt: now,
      expiresAt: Date.now() + expiresIn * 1000,
      interval,
      status: 'pending',
    };
    this.byDeviceCode.set(grant.deviceCode, grant);
    this.byUserCode.set(userCode, grant.deviceCode);
    return grant;
  }

  forDevice(deviceCode: string): DeviceGrant | undefined {
    return this.byDeviceCode.get(deviceCode);
  }

  /** The grant for a code as typed (any case, with or without the dash). */
  forTypedCode(code: string | null): DeviceGrant | undefined {
    return code ? this.byDeviceCode.get(this.byUserCode.get(normaliseUserCode(code)) ?? '') : undefined;
  }

  forget(grant: DeviceGrant): void {
    this.byDeviceCode.delete(grant.deviceCode);
    this.byUserCode.delete(grant.userCode);
  }

  private endOneForRoom(): void {
    const now = Date.now();
    const waiting = [...this.byDeviceCode.values()].filter((g) => g.status === 'pending' && g.expiresAt >= now);
    const quiet = (g: DeviceGrant) => now - (g.lastPoll ?? g.createdAt);
    const abandoned = waiting.filter((g) => quiet(g) > ABANDONED_AFTER_INTERVALS * g.interval * 1000);
    if (abandoned.length) {
      abandoned.reduce((a, b) => (quiet(b) > quiet(a) ? b : a)).expiresAt = now - 1;
      return;
    }
    const perClient = new Map<string, number>();
    for (const g of waiting) perClient.set(g.clientId, (perClient.get(g.clientId) ?? 0) + 1);
    let most = 0;
    for (const n of perClient.values()) most = Math.max(most, n);
    // Map order is creation order: the first found is the oldest.
    const victim = waiting.find((g) => perClient.get(g.clientId) === most);
    if (victim) victim.expiresAt = now - 1;
  }

  private pending(): number {
    const now = Date.now();
    let n = 0;
    for (const grant of this.byDeviceCode.values()) if (grant.status === 'pending' && grant.expiresAt >= now) n++;
    return n;
  }

  private sweep(): void {
    const now = Date.now();
    // Expired grants stay an hour (a late poll hears expired_token), unless they pile up: then they go at once.
    const keep = this.byDeviceCode.size >= MAX_KEPT_GRANTS ? 0 : 3600_000;
    for (const grant of this.byDeviceCode.values()) if (grant.expiresAt + keep < now) this.forget(grant);
  }
}

/** The times of the device logins started in the last minute: at most `perMinute` of them. */
class MinuteWindow {
  private readonly times: number[] = [];

  /** The seconds until one more start is allowed (0: allowed now). */
  wait(perMinute: number, now: number): number {
    while (this.times.length && this.times[0]! <= now - 60_000) this.times.shift();
    if (this.times.length < perMinute) return 0;
    return Math.max(1, Math.ceil((this.times[this.times.length - perMinute]! + 60_000 - now) / 1000));
  }

  count(now: number): void {
    // Bounded: a start is counted only when wait() allowed it, so a window holds at most its quota.
    this.times.push(now);
  }

  idle(now: number): boolean {
    return !this.times.length || this.times[this.times.length - 1]! <= now - 60_000;
  }
}

/**
 * The start quota: `perMinute` a client (client_id and User-Agent), all unproven clients together `perMinute` times
 * ALL_CLIENTS_QUOTA_FACTOR; the app's own starts (`proven`) only their own quota. Before, one quota for everyone: a
 * local flood got the app's own login a 429.
 */
class StartQuota {
  private readonly clients = new Map<string, MinuteWindow>();
  private readonly all = new MinuteWindow();

  /** Counts a start and returns 0, or (over a quota) the seconds until one is allowed again and which quota. */
  take(client: string, proven: boolean, perMinute: number): {wait: number; quota: number} {
    const now = Date.now();
    const key = `${proven ? 'app' : 'other'}\n${client}`;
    let mine = this.clients.get(key);
    const own = mine?.wait(perMinute, now) ?? 0;
    if (own) return {wait: own, quota: perMinute};
    const ceiling = perMinute * ALL_CLIENTS_QUOTA_FACTOR;
    const all = proven ? 0 : this.all.wait(ceiling, now);
    if (all) return {wait: all, quota: ceiling};
    if (!mine) {
      if (this.clients.size >= MAX_QUOTA_CLIENTS) this.forgetIdle(now);
      mine = new MinuteWindow();
      this.clients.set(key, mine);
    }
    mine.count(now);
    if (!proven) this.all.count(now);
    return {wait: 0, quota: perMinute};
  }

  private forgetIdle(now: number): void {
    for (const [key, window] of this.clients) if (window.idle(now)) this.clients.delete(key);
    // Still full (a flood inside the minute; the ceiling bounds it): the oldest entries go.
    for (const key of this.clients.keys()) {
      if (this.clients.size < MAX_QUOTA_CLIENTS) break;
      this.clients.delete(key);
    }
  }
}

/** GET /.well-known/openid-configuration: where the sandbox's OAuth endpoints are. */
function sendOpenidConfiguration(ctx: SandboxRequest, sandbox: SandboxCore): void {
  const base = sandbox.baseUrl;
  sendJson(ctx, 200, {
    issuer: base,
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
    userinfo_endpoint: `${base}/oauth/userinfo`,
    device_authorization_endpoint: `${base}/oauth/device`,
    jwks_uri: `${base}/oauth/jwks`,
    response_types_supported: ['code'],
    grant_types_supported: [DEVICE_GRANT],
    scopes_supported: ['openid', 'profile', 'email', 'read-repos', 'write-repos', 'manage-repos', 'jobs'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
  });
}

/** The sandbox's own pages (its address, or localhost / [::1] on its port). */
function sameOrigin(sandbox: SandboxCore, origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && hostAllowed(sandbox, url.host);
  } catch {
    return false;
  }
}

/** POST /oauth/device: a device code, the code to type and where to type it. */
async function startDeviceLogin(
  ctx: SandboxRequest,
  sandbox: SandboxCore,
  grants: DeviceGrants,
  quota: StartQuota,
): Promise<void> {
  // The app starts a device login from the terminal (no Origin header); a web page's POST always carries one. A page
  // on another site cannot read the answer, so its grants could only fill the list: refused before anything is kept.
  const origin = ctx.req.headers.origin;
  if (origin !== undefined && !sameOrigin(sandbox, origin))
    return oauthError(
      ctx,
      403,
      'access_denied',
      `A device login is started by the app in a terminal, not by a web page (Origin ${JSON.stringify(String(origin).slice(0, 100))})`,
    );
  const form = await readForm(ctx);
  const clientId = form.get('client_id');
  if (!clientId) return oauthError(ctx, 400, 'invalid_request', 'Missing client_id');
  if (clientId.length > MAX_CLIENT_ID)
    return oauthError(ctx, 400, 'invalid_request', `client_id is longer than ${MAX_CLIENT_ID} characters`);
  const {
    interval = 5,
    expiresIn = 900,
    startsPerMinute = MAX_DEVICE_STARTS_PER_MINUTE,
  } = oauthSettings.get(sandbox) ?? {};
  const userAgent = String(ctx.req.headers['user-agent'] ?? '').slice(0, 200);
  const proven = isDeviceStartKey(sandbox.formKey, form.get('key'));
  const {wait, quota: limit} = quota.take(`${clientId}\n${userAgent}`, proven, startsPerMinute);
  // The Hub's words when it rate-limits (its quota and period named), and when to retry (no final stop: the app
  // adds one after the description).
  if (wait)
    return sendJson(
      ctx,
      429,
      {
        error: 'rate_limited',
        error_description: `We had to rate limit you, you hit the quota of ${limit} device logins per minute. Retry in ${wait} seconds`,
      },
      {'Cache-Control': 'no-store', 'Retry-After': String(wait)},
    );
  const grant = grants.start(clientId, expiresIn, interval);
  const verificationUri = `${sandbox.baseUrl}/oauth/device/verify`;
  sendJson(ctx, 200, {
    device_code: grant.deviceCode,
    user_code: grant.userCode,
    verification_uri: verificationUri,
    verification_uri_complete: `${verificationUri}?user_code=${encodeURIComponent(grant.userCode)}`,
    expires_in: expiresIn,
    interval,
  });
}

/** POST /oauth/token: the app polls; pending, slow down, expired, denied, or (once approved) a token. */
async function pollDeviceToken(ctx: SandboxRequest, sandbox: SandboxCore, grants: DeviceGrants): Promise<void> {
  const form = await readForm(ctx);
  const grantType = form.get('grant_type');
  if (grantType !== DEVICE_GRANT) {
    return oauthError(ctx, 400, 'unsupported_grant_type', `The sandbox supports grant_type ${DEVICE_GRANT}`);
  }
  const grant = grants.forDevice(form.get('device_code') ?? '');
  if (!grant) return oauthError(ctx, 400, 'invalid_grant', 'Unknown or already used device_code');
  const clientId = form.get('client_id');
  if (clientId && clientId !== grant.clientId)
    return oauthError(ctx, 400, 'invalid_client', 'client_id does not match the device code');
  const now = Date.now();
  if (now > grant.expiresAt) {
    grants.forget(grant);
    return oauthError(ctx, 400, 'expired_token', 'The device code has expired');
  }
  if (grant.status === 'denied') {
    grants.forget(grant);
    return oauthError(ctx, 400, 'access_denied', 'The user denied the authorization request');
  }
  if (grant.status === 'pending') {
    const tooSoon = grant.lastPoll !== undefined && now - grant.lastPoll < grant.interval * 1000;
    grant.lastPoll = now;
    if (tooSoon) {
      grant.interval += 5;
      return oauthError(ctx, 400, 'slow_down', `Polling too fast; wait ${grant.interval} seconds between requests`);
    }
    return oauthError(ctx, 400, 'authorization_pending', 'The user has not approved the request yet');
  }
  grants.forget(grant);
  const user = findUser(sandbox.accounts, grant.user ?? MAIN_USER);
  if (!user) return oauthError(ctx, 400, 'invalid_grant', 'The approving user no longer exists');
  const token = oauthToken(user, now);
  sandbox.accounts.tokens.push(token);
  await sandbox.saveAccounts();
  sendJson(
    ctx,
    200,
    {access_token: token.value, token_type: 'bearer', expires_in: OAUTH_TOKEN_TTL, scope: OAUTH_SCOPE},
    {'Cache-Control': 'no-store'},
  );
}

/** The token an approved device login gets: fine-grained, the user's own repos and jobs, expiring like OAuth's. */
function oauthToken(user: SandboxUser, now: number): SandboxToken {
  return {
    value: randomTokenValue(),
    displayName: `oauth-${user.name}`,
    owner: user.name,
    role: 'fineGrained',
    createdAt: new Date(now).toISOString(),
    oauth: true,
    expiresAt: new Date(now + OAUTH_TOKEN_TTL * 1000).toISOString(),
    fineGrained: {
      scoped: [
        {
          entity: {_id: user.id, type: 'user', name: user.name},
          permissions: ['repo.content.read', 'repo.write', 'job.write'],
        },
      ],
      global: [],
      canReadGatedRepos: false,
    },
  };
}

/** The "browser" page: a form to type the code, or the code to check with approve/deny (only with the form key). */
function sendVerifyPage(
  ctx: SandboxRequest,
  sandbox: SandboxCore,
  grants: DeviceGrants,
  code: string | null,
  status = 200,
  notice = '',
): void {
  const key = ctx.url.searchParams.get('key');
  const grant = grants.forTypedCode(code);
  // The form key itself, or the key the app derived for this one code (the link it opened: forms.ts).
  const keyOk =
    keyMatches(sandbox.formKey, key) ||
    (grant !== undefined && isDeviceApprovalKey(sandbox.formKey, grant.userCode, key));
  if (!code || !grant) {
    sendPage(
      ctx,
      code ? 404 : 200,
      'Connect a device',
      `${code ? `<p><strong>Unknown or expired code ${escapeHtml(code)}.</strong> Start the login again in the terminal.</p>` : ''}
<form method="get" action="/oauth/device/verify"><p>Enter the code shown in your terminal:</p>
<input name="user_code" autocomplete="off" placeholder="ABCD-EFGH">${keyOk ? `<input type="hidden" name="key" value="${escapeHtml(key!)}">` : ''} <button type="submit">Continue</button></form>`,
    );
    return;
  }
  const expired = Date.now() > grant.expiresAt;
  sendPage(
    ctx,
    status,
    'Connect a device',
    `${notice}<p>A terminal asks to sign in to the sandbox Hub as <strong>${escapeHtml(MAIN_USER)}</strong> with this code:</p>
<p><code>${escapeHtml(grant.userCode)}</code></p>
<p>Check that it matches what your terminal shows. The app gets a token that can read and write your repos and run jobs.</p>
${
  expired
    ? '<p><strong>This code has expired.</strong> Start the login again in the terminal.</p>'
    : grant.status !== 'pending'
      ? `<p>Already ${grant.status}.</p>`
      : !keyOk
        ? '<p><strong>Open the link your terminal printed</strong> (it carries a key only the app that started this sandbox knows): this page cannot approve a login without it.</p>'
        : `<form method="post" action="/oauth/device/verify"><input type="hidden" name="user_code" value="${escapeHtml(grant.userCode)}"><input type="hidden" name="key" value="${escapeHtml(key!)}">
<button type="submit" name="action" value="approve">Approve</button><button type="submit" name="action" value="deny">Deny</button></form>`
}`,
  );
}

/** POST /oauth/device/verify: approve or deny a pending code as practice-user (the form key is required). */
async function answerVerifyForm(ctx: SandboxRequest, sandbox: SandboxCore, grants: DeviceGrants): Promise<void> {
  const form = await readForm(ctx);
  const code = form.get('user_code');
  const grant = grants.forTypedCode(code);
  requireFormKey(ctx, form, (key) => grant !== undefined && isDeviceApprovalKey(sandbox.formKey, grant.userCode, key));
  const action = form.get('action');
  if (!grant) return sendVerifyPage(ctx, sandbox, grants, code ?? '', 404);
  if (action !== 'approve' && action !== 'deny') throw new HttpError(400, 'action must be "approve" or "deny"');
  if (Date.now() > grant.expiresAt) return sendVerifyPage(ctx, sandbox, grants, code, 400);
  if (grant.status === 'pending') {
    grant.status = action === 'approve' ? 'approved' : 'denied';
    grant.user = MAIN_USER;
  }
  sendPage(
    ctx,
    200,
    grant.status === 'approved' ? 'Device connected' : 'Request denied',
    grant.status === 'approved'
      ? '<p>You can close this page and go back to the terminal.</p>'
      : '<p>The terminal will report that the login was denied.</p>',
  );
}

/** GET /oauth/userinfo: OpenID userinfo (with the Hub's isPro, canPay, orgs) for the caller's token. */
function sendUserinfo(ctx: SandboxRequest, sandbox: SandboxCore): void {
  const {user} = requireUser(ctx);
  sendJson(ctx, 200, {
    sub: user.id,
    name: user.fullname,
    preferred_username: user.name,
    email: user.email,
    email_verified: true,
    picture: `${sandbox.baseUrl}${user.avatarUrl ?? `/avatars/${user.name}.svg`}`,
    profile: `${sandbox.baseUrl}/${user.name}`,
    isPro: user.isPro,
    canPay: user.canPay,
    orgs: user.orgs.map((o) => ({sub: objectId(), name: o.name, preferred_username: o.name, roleInOrg: o.roleInOrg})),
  });
}

export const registerOauthRoutes: RouteModule = (router, sandbox) => {
  const grants = new DeviceGrants();
  const quota = new StartQuota();
  router.on('GET', /^\/\.well-known\/openid-configuration$/, (ctx) => sendOpenidConfiguration(ctx, sandbox));
  router.on('POST', /^\/oauth\/device$/, (ctx) => startDeviceLogin(ctx, sandbox, grants, quota));
  router.on('POST', /^\/oauth\/token$/, (ctx) => pollDeviceToken(ctx, sandbox, grants));
  router.on(['GET', 'HEAD'], /^\/oauth\/device\/verify$/, (ctx) =>
    sendVerifyPage(ctx, sandbox, grants, ctx.url.searchParams.get('user_code')),
  );
  router.on('POST', /^\/oauth\/device\/verify$/, (ctx) => answerVerifyForm(ctx, sandbox, grants));
  router.on('GET', /^\/oauth\/userinfo$/, (ctx) => sendUserinfo(ctx, sandbox));
};
