// The browser pages the app links to, answered by the sandbox as small self-contained HTML pages (no external
// assets, no scripts): the token settings pages, repo pages and job pages. A browser sends no token, so a page
// follows the same access rules as the API for an anonymous caller; a whole token is never printed.
import {open} from 'node:fs/promises';
import {APP_COMMAND} from '../../core/invocation.js';
import {maskToken, redactSecrets, unsplitTokens} from '../../core/tokens/mask.js';
import {maskSplitTokens} from '../../core/tokens/split.js';
import type {SandboxToken} from '../accounts.js';
import {appFlag, type RouteModule, type SandboxRequest} from '../context.js';
import {HttpError, sendHtml} from '../http.js';
import {gitPrefix} from '../hub/paths.js';
import {NAME, NS} from '../hub/route-params.js';
import {canSee, hubStore, resolveRevision} from '../hub/service.js';
import type {JobRecord} from '../jobs/spec.js';
import type {RepoType} from '../permissions.js';

/** First path segments that are never a namespace (API, OAuth, the other page families). */
const RESERVED = ['api', 'settings', 'jobs', 'datasets', 'spaces', 'models', 'oauth', '_sandbox', 'resolve'];
const PAGE_NS = `(?<ns>(?!(?:${RESERVED.join('|')})/)(?!\\.)[^/]+)`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Token-shaped text wherever it stands: glued to a word (`TOKEN_hf_…`, `xhf_…`) or right after an escape sequence,
 * which a `\b` before the prefix would let through whole.
 */
const GLUED_TOKEN = /(?:hf_oauth_|hf_|api_org_)[A-Za-z0-9]{16,}/g;

/** Every token the sandbox ever issued. */
function knownTokens(ctx: SandboxRequest): string[] {
  return ctx.sandbox.accounts.tokens.map((t) => t.value);
}

/**
 * Masks every token the sandbox knows (each one it ever issued, wherever it stands in the text), then anything
 * token-shaped, glued to other text or not.
 */
export function maskForPage(ctx: SandboxRequest, text: string, extraSecrets: Iterable<string> = []): string {
  const known = [...knownTokens(ctx), ...extraSecrets];
  return redactSecrets(text, known).replace(GLUED_TOKEN, (match) => maskToken(match));
}

/** Control characters (ESC, BEL, CR…) made visible as `\x1b`, so a log line cannot hide or rewrite text when printed. */
export function visibleControls(line: string): string {
  return line.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A page: masked against every known token and token-shaped text as a last pass, whatever the body holds. */
export function sendPage(ctx: SandboxRequest, status: number, title: string, body: string): void {
  const html = maskForPage(
    ctx,
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} - sandbox Hub</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse}td,th{padding:.2rem .8rem .2rem 0;text-align:left;vertical-align:top}
pre{background:#f4f4f4;padding:.6rem;overflow-x:auto;white-space:pre-wrap}.note{background:#fff8dc;padding:.5rem .8rem}</style></head>
<body><p><small>Sandbox Hub at ${escapeHtml(ctx.sandbox.baseUrl)}: offline practice on this machine; nothing here is huggingface.co.</small></p>
<h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`,
  );
  sendHtml(ctx, status, html);
}

const ROLE_TEXT: Record<SandboxToken['role'], string> = {read: 'read', write: 'write', fineGrained: 'fine-grained'};

function loginCommand(ctx: SandboxRequest, label: string): string {
  return `${APP_COMMAND} login ${appFlag(ctx.sandbox)} --practice ${label}`;
}

function tokensPage(ctx: SandboxRequest, asked?: string): void {
  const practice = ctx.sandbox.accounts.tokens.filter((t) => t.label);
  const rows = practice
    .map((t) => {
      const what = t.expired ? `${ROLE_TEXT[t.role]}, expired (answers 401)` : ROLE_TEXT[t.role];
      return `<tr><td><code>${escapeHtml(t.label!)}</code></td><td><code>${escapeHtml(maskToken(t.value))}</code></td><td>${escapeHtml(what)}</td><td>${escapeHtml(t.owner)}</td><td><code>${escapeHtml(loginCommand(ctx, t.label!))}</code></td></tr>`;
    })
    .join('\n');
  const wanted = asked
    ? practice.find((t) => t.label === asked || ROLE_TEXT[t.role] === asked || t.role === asked)
    : undefined;
  const intro = asked
    ? `<p class="note">On huggingface.co this page creates a new ${escapeHtml(asked)} token. The sandbox cannot create tokens: it has practice tokens ready${wanted ? `; for a ${escapeHtml(asked)} token, log in with <code>${escapeHtml(loginCommand(ctx, wanted.label!))}</code>` : ''}.</p>`
    : '<p class="note">On huggingface.co this page lists your access tokens. This is the offline sandbox: its tokens are practice data, made when the sandbox was first started, and cannot be created, edited or revoked here.</p>';
  sendPage(
    ctx,
    200,
    asked ? 'New access token (sandbox)' : 'Access tokens (sandbox)',
    `${intro}
<h2>Practice tokens</h2>
<table><tr><th>label</th><th>token</th><th>kind</th><th>owner</th><th>log in with it</th></tr>
${rows}
</table>
<p>Log in with one in your terminal (no copying needed; the token is never shown whole):</p>
<pre>${escapeHtml(loginCommand(ctx, 'write'))}</pre>
<p>Use <code>read</code>, <code>fine-grained</code> or <code>expired</code> instead of <code>write</code> to see how those fail.</p>`,
  );
}

function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const TYPE_WORD: Record<RepoType, string> = {model: 'model', dataset: 'dataset', space: 'Space'};

async function repoPage(ctx: SandboxRequest, type: RepoType): Promise<void> {
  const namespace = ctx.params.ns!;
  const name = ctx.params.name!;
  const id = `${namespace}/${name}`;
  const store = hubStore(ctx.sandbox);
  const repo = ctx.auth.kind === 'invalid' ? undefined : await store.getRepo(type, namespace, name);
  if (!repo || !canSee(ctx, repo)) {
    // The same answer as the API gives a caller without a token: nothing says whether a private repo exists.
    sendPage(
      ctx,
      404,
      `${TYPE_WORD[type]} ${id} (sandbox)`,
      `<p>No public ${TYPE_WORD[type]} <code>${escapeHtml(id)}</code> in this sandbox.</p>
<p class="note">If it is private: visible through the API with a token. A browser sends no token, so this page cannot show it; the app, <code>hf</code> and the job's <code>HF_TOKEN</code> can, with a token allowed to read it.</p>`,
    );
    return;
  }
  const commit = await resolveRevision(store, repo, 'main');
  const base = `${ctx.sandbox.baseUrl}/${gitPrefix(type)}${id}`;
  const paths = Object.keys(commit.files).sort();
  const rows = paths
    .map(
      (p) =>
        `<tr><td><a href="${escapeHtml(`${base}/resolve/main/${p.split('/').map(encodeURIComponent).join('/')}`)}">${escapeHtml(p)}</a></td><td>${formatSize(commit.files[p]!.size)}</td></tr>`,
    )
    .join('\n');
  sendPage(
    ctx,
    200,
    `${TYPE_WORD[type]} ${id} (sandbox)`,
    `<p>Repo id <code>${escapeHtml(id)}</code> · ${TYPE_WORD[type]} · ${repo.private ? 'private: shown because this request carried a token that may read it' : 'public'} · last commit <code>${escapeHtml(commit.oid.slice(0, 7))}</code> ${escapeHtml(commit.title)}</p>
<h2>Files (${paths.length})</h2>
${paths.length ? `<table><tr><th>path</th><th>size</th></tr>\n${rows}\n</table>` : '<p>No files yet.</p>'}`,
  );
}

/** The last `count` lines of a job's log file (the SSE form the runner writes), reading at most its last 64 kB. */
export async function readLogTail(file: string, count: number): Promise<string[]> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return [];
  }
  try {
    const {size} = await handle.stat();
    const length = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(length);
    await handle.read(buf, 0, length, size - length);
    const events = buf.toString('utf8').split('\n\n');
    if (length < size) events.shift(); // cut in the middle of an event
    const lines: string[] = [];
    for (const e of events) {
      if (!e.startsWith('data: ')) continue;
      try {
        const data = (JSON.parse(e.slice(6)) as {data?: unknown}).data;
        if (typeof data === 'string') lines.push(data);
      } catch {
        // a partial event
      }
    }
    return lines.slice(-count);
  } finally {
    await handle.close();
  }
}

/** The job's page ({hub}/jobs/{owner}/{id}): status and the last lines of its log. */
export function sendJobPage(ctx: SandboxRequest, job: JobRecord, lastLines: string[], secrets: string[] = []): void {
  const row = (k: string, v: string) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`;
  const done = ['COMPLETED', 'ERROR', 'CANCELED', 'DELETED'].includes(job.status.stage);
  sendPage(
    ctx,
    200,
    `Job ${job.id} (sandbox)`,
    `<table>
${row('status', `<strong>${escapeHtml(job.status.stage)}</strong>${job.status.message ? ` (${escapeHtml(job.status.message)})` : ''}`)}
${row('owner', escapeHtml(job.owner.name))}
${row('image', `<code>${escapeHtml(job.dockerImage ?? job.spaceId ?? '')}</code>`)}
${row('command', `<code>${escapeHtml(JSON.stringify([...job.command, ...job.arguments]))}</code>`)}
${row('flavor', escapeHtml(job.flavor))}
${row('env', escapeHtml(Object.keys(job.environment).join(', ') || '(none)'))}
${row('secrets', escapeHtml(job.secretNames.join(', ') || '(none)'))}
</table>
<h2>${done ? 'Last log lines' : 'Log so far'}</h2>
${lastLines.length ? `<pre>${escapeHtml(maskForPage(ctx, maskSplitTokens(lastLines.map((l) => visibleControls(unsplitTokens(l))).join('\n'), [...knownTokens(ctx), ...secrets]), secrets))}</pre>` : '<p>No log lines yet.</p>'}
<p>The whole log: <code>hf jobs logs ${escapeHtml(job.id)}</code> with <code>HF_ENDPOINT=${escapeHtml(ctx.sandbox.baseUrl)}</code>, or <code>${escapeHtml(APP_COMMAND)} troubleshoot ${escapeHtml(appFlag(ctx.sandbox))} --job ${escapeHtml(`${job.owner.name}/${job.id}`)}</code>.${done ? '' : ' Reload this page to see more.'}</p>`,
  );
}

export const registerPageRoutes: RouteModule = (router) => {
  router.on('GET', /^\/settings\/tokens\/?$/, (ctx) => tokensPage(ctx));
  router.on('GET', new RegExp(`^/datasets/${NS}/${NAME}/?$`), (ctx) => repoPage(ctx, 'dataset'));
  router.on('GET', new RegExp(`^/spaces/${NS}/${NAME}/?$`), (ctx) => repoPage(ctx, 'space'));
  router.on('GET', new RegExp(`^/${PAGE_NS}/${NAME}/?$`), (ctx) => repoPage(ctx, 'model'));
  router.on('GET', /^\/?$/, (ctx) => {
    if (ctx.url.pathname !== '/') throw new HttpError(404, 'Not Found');
    sendPage(
      ctx,
      200,
      'Sandbox Hub',
      `<p>An offline practice Hub for hf-jobs-wizard. Practice tokens: <a href="/settings/tokens">/settings/tokens</a>.</p>`,
    );
  });
};
