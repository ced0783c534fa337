// /settings/tokens/new: the Hub's "create a token" page, with the query parameters huggingface.co prefills it from
// (tokenType=read|write|fineGrained, ownUserPermissions, orgs, orgPermissions, canReadGatedRepos; see
// core/tokens/least-privilege.ts). GET shows what the token would allow; the Create form is there only when the page
// was opened with this sandbox's form key (the app's link), and POST checks the key and a same-site origin (forms.ts).
// The new practice token has exactly those scopes and is shown once, in the browser only, as the Hub does.
import {MAIN_USER, findOrg, findUser, objectId, randomTokenValue, type SandboxToken} from '../accounts.js';
import {appFlag, type RouteModule, type SandboxRequest} from '../context.js';
import {keyMatches, requireFormKey} from '../forms.js';
import {confirmationCode, sameCode, tokenPageNonce} from '../../core/auth/sandbox-form-key.js';
import {HttpError, readBody, sendHtml} from '../http.js';
import {escapeHtml, sendPage} from './pages.js';

/** The fine-grained permission names the sandbox knows (the Hub has more; these are the ones jobs need). */
const KNOWN = [
  'repo.content.read',
  'repo.write',
  'job.write',
  'inference.serverless.write',
  'discussion.write',
  'user.webhooks.read',
  'user.webhooks.write',
];

interface Requested {
  tokenType: 'read' | 'write' | 'fineGrained';
  own: string[];
  orgs: string[];
  orgPermissions: string[];
  canReadGatedRepos: boolean;
  name: string;
}

function parseRequest(ctx: SandboxRequest, params: URLSearchParams): Requested {
  const type = params.get('tokenType') ?? 'fineGrained';
  if (type !== 'read' && type !== 'write' && type !== 'fineGrained')
    throw new HttpError(400, 'tokenType must be read, write or fineGrained');
  const perms = (key: string) => {
    const list = [...new Set(params.getAll(key))];
    const unknown = list.filter((p) => !KNOWN.includes(p));
    if (unknown.length)
      throw new HttpError(
        400,
        `Unknown permission ${JSON.stringify(unknown[0]!.slice(0, 60))} in ${key}; known: ${KNOWN.join(', ')}`,
      );
    return list;
  };
  const orgs = [...new Set(params.getAll('orgs'))];
  const user = findUser(ctx.sandbox.accounts, MAIN_USER)!;
  for (const org of orgs) {
    if (!findOrg(ctx.sandbox.accounts, org) || !user.orgs.some((m) => m.name === org))
      throw new HttpError(400, `${MAIN_USER} is not a member of the org ${JSON.stringify(org.slice(0, 60))}`);
  }
  const name =
    (params.get('name') ?? '').trim().slice(0, 60) ||
    `practice ${type === 'fineGrained' ? 'fine-grained' : type} token (made here)`;
  return {
    tokenType: type,
    own: perms('ownUserPermissions'),
    orgs,
    orgPermissions: perms('orgPermissions'),
    canReadGatedRepos: params.get('canReadGatedRepos') === 'true',
    name,
  };
}

function describe(r: Requested): string {
  if (r.tokenType !== 'fineGrained')
    return `<p>A classic <strong>${r.tokenType}</strong> token of ${MAIN_USER}: ${r.tokenType === 'read' ? 'reads your repos, cannot run jobs' : 'everything you can do, on every repo and org'}.</p>`;
  const rows = [
    `<tr><td>user ${escapeHtml(MAIN_USER)}</td><td>${escapeHtml(r.own.join(', ') || '(nothing)')}</td></tr>`,
    ...r.orgs.map(
      (o) => `<tr><td>org ${escapeHtml(o)}</td><td>${escapeHtml(r.orgPermissions.join(', ') || '(nothing)')}</td></tr>`,
    ),
  ].join('\n');
  return `<p>A <strong>fine-grained</strong> token of ${MAIN_USER} with exactly:</p><table><tr><th>on</th><th>permissions</th></tr>\n${rows}\n</table>
<p>Public gated repos: ${r.canReadGatedRepos ? 'can read' : 'cannot read'}.</p>`;
}

function hidden(params: URLSearchParams): string {
  return [...params]
    .filter(([k]) => k !== 'key' && k !== 'code')
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
}

/**
 * The page opened without the app's key. The link with one comes from the app on this machine that can read the
 * sandbox's folder (the one that started it, or a learner's wizard at `--endpoint URL` as a user who may read it);
 * a ready practice token is the other way, with the command that reaches this sandbox.
 */
function noKeyNote(ctx: SandboxRequest): string {
  const flag = appFlag(ctx.sandbox);
  const wizard = ctx.sandbox.servedByUrl
    ? `the wizard at this address (<code>npx hf-jobs-wizard ${escapeHtml(flag)}</code>, as a user who may read this sandbox's folder) shows it on its Login step`
    : 'the app that started this sandbox shows it (it carries a key only that app knows)';
  return `<p class="note">To create it, open this page from the link the app shows: ${wizard}. Or log in with a ready practice token: <code>npx hf-jobs-wizard login ${escapeHtml(flag)} --practice fine-grained</code>.</p>`;
}

/** Wrong confirmation codes a link may get before it stops working (8 digits: guessing is hopeless in 5). */
const MAX_WRONG_CODES = 5;

export const registerNewTokenRoutes: RouteModule = (router) => {
  // Wrong codes per link nonce. Only links the app made (a valid HMAC) get an entry, so nobody else can fill it.
  const wrongCodes = new Map<string, number>();
  const linkNonce = (ctx: SandboxRequest, key: string | null) => tokenPageNonce(ctx.sandbox.formKey, key);

  router.on(['GET', 'HEAD'], /^\/settings\/tokens\/new\/?$/, (ctx) => {
    const params = ctx.url.searchParams;
    const r = parseRequest(ctx, params);
    const key = params.get('key');
    const nonce = linkNonce(ctx, key);
    const dead = nonce !== undefined && (wrongCodes.get(nonce) ?? 0) >= MAX_WRONG_CODES;
    // The app's link (a derived key) also asks for the code its terminal shows: the link itself may have been read
    // by another local user from the browser's command line; the terminal cannot.
    const codeField =
      nonce !== undefined
        ? `<p><label>Confirmation code shown in your terminal next to this link <input name="code" autocomplete="off" inputmode="numeric" placeholder="1234-5678"></label></p>`
        : '';
    const form = dead
      ? '<p class="note">This link got too many wrong confirmation codes and no longer works: open the token page again from the terminal.</p>'
      : keyMatches(ctx.sandbox.formKey, key) || nonce !== undefined
        ? `<form method="post" action="/settings/tokens/new">${hidden(params)}<input type="hidden" name="key" value="${escapeHtml(key!)}">
<p><label>Name <input name="name" value="${escapeHtml(r.name)}"></label></p>${codeField}<button type="submit">Create token</button></form>`
        : noKeyNote(ctx);
    sendPage(ctx, 200, 'New access token (sandbox)', `${describe(r)}\n${form}`);
  });

  router.on('POST', /^\/settings\/tokens\/new\/?$/, async (ctx) => {
    const form = new URLSearchParams((await readBody(ctx.req, 64 * 1024)).toString('utf8'));
    const nonce = keyMatches(ctx.sandbox.formKey, form.get('key')) ? undefined : linkNonce(ctx, form.get('key'));
    requireFormKey(ctx, form, () => nonce !== undefined);
    if (nonce !== undefined) {
      const wrong = wrongCodes.get(nonce) ?? 0;
      if (wrong >= MAX_WRONG_CODES)
        throw new HttpError(
          403,
          'This link got too many wrong confirmation codes: open the token page again from the terminal.',
        );
      if (!sameCode(form.get('code'), confirmationCode(ctx.sandbox.formKey, nonce))) {
        if (wrongCodes.size >= 1000) wrongCodes.delete(wrongCodes.keys().next().value!);
        wrongCodes.set(nonce, wrong + 1);
        throw new HttpError(
          403,
          'The confirmation code does not match the one your terminal shows next to this link (go back and type it).',
        );
      }
    }
    const r = parseRequest(ctx, form);
    const {accounts} = ctx.sandbox;
    const user = findUser(accounts, MAIN_USER)!;
    const token: SandboxToken = {
      value: randomTokenValue(),
      displayName: r.name,
      owner: MAIN_USER,
      role: r.tokenType,
      createdAt: new Date().toISOString(),
    };
    if (r.tokenType === 'fineGrained') {
      token.fineGrained = {
        scoped: [
          ...(r.own.length
            ? [{entity: {_id: user.id, type: 'user' as const, name: MAIN_USER}, permissions: r.own}]
            : []),
          ...r.orgs.map((o) => ({
            entity: {_id: findOrg(accounts, o)?.id ?? objectId(), type: 'org' as const, name: o},
            permissions: r.orgPermissions,
          })),
        ],
        global: [],
        canReadGatedRepos: r.canReadGatedRepos,
      };
    }
    accounts.tokens.push(token);
    await ctx.sandbox.saveAccounts();
    // Shown once, in this browser page only (as huggingface.co does), never through the page masking of sendPage.
    const body = `<p>Created <strong>${escapeHtml(r.name)}</strong>. Copy it now: it is not shown again.</p>
<p><input type="password" readonly size="44" value="${escapeHtml(token.value)}" aria-label="the new token (select it and copy)"></p>
${describe(r)}
<p>Then paste it where the app asks (<code>npx hf-jobs-wizard login ${escapeHtml(appFlag(ctx.sandbox))}</code> or the wizard's Login step).</p>`;
    sendHtml(
      ctx,
      201,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Token created - sandbox Hub</title></head><body><h1>Token created (sandbox)</h1>${body}</body></html>`,
    );
  });
};
