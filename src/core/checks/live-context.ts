// What the live checks need: the token in effect and where it came from, and a Hub client for it.
// The real client (core/hub/client.ts createHubClient) satisfies LiveHub; tests pass one bound to a sandbox.
import type {HubFixes} from './hub-fixes.js';
import {createHubClient, type HubClient} from '../hub/client.js';
import {describeHubError, type HubErrorDescription} from '../hub/errors.js';
import {classifyWhoAmI, type TokenInfo, type WhoAmIResponse} from '../tokens/classify.js';
import type {Env} from '../store/paths.js';
import {resolveToken, type TokenSource} from '../store/resolve.js';

export type LiveHub = Pick<HubClient, 'whoAmI'> &
  Partial<Pick<HubClient, 'repoExists' | 'checkRepoAccess' | 'listJobHardware'>>;
export type HubFactory = (options: {hubUrl: string; accessToken?: string}) => LiveHub;

export interface LiveContext {
  endpoint: string;
  /** The token in effect (HF_TOKEN env > HUGGING_FACE_HUB_TOKEN > saved file). Never shown whole. */
  token?: string;
  source?: TokenSource;
  tokenPath?: string;
  /** An env var wins over a different saved token. */
  shadowsSavedToken: boolean;
  shadowedName?: string;
  /** A client bound to `token`; absent offline. */
  hub?: LiveHub;
  /** How the fixes are worded (default: for the endpoint, hubFixes; the wizard words the sandbox's for its own keys). */
  fixes?: HubFixes;
}

export type WhoAmIOutcome = {ok: true; who: WhoAmIResponse; info: TokenInfo} | {ok: false; error: HubErrorDescription};

export async function createLiveContext(options: {
  env: Env;
  endpoint: string;
  offline?: boolean;
  hub?: LiveHub | HubFactory;
}): Promise<LiveContext> {
  const r = await resolveToken(options.env);
  const ctx: LiveContext = {
    endpoint: options.endpoint,
    shadowsSavedToken: r.shadowsSavedToken,
    tokenPath: r.paths.tokenPath,
  };
  if (r.token) ctx.token = r.token;
  if (r.source) ctx.source = r.source;
  if (r.shadowedName) ctx.shadowedName = r.shadowedName;
  if (!options.offline && r.token) {
    const h = options.hub;
    ctx.hub =
      typeof h === 'function'
        ? h({hubUrl: options.endpoint, accessToken: r.token})
        : (h ?? createHubClient({hubUrl: options.endpoint, accessToken: r.token}));
  }
  return ctx;
}

/** One whoami per run, shared by the live checks. */
export async function whoAmIOnce(
  ctx: LiveContext,
  cache: {value?: Promise<WhoAmIOutcome>},
): Promise<WhoAmIOutcome | undefined> {
  if (!ctx.hub || !ctx.token) return undefined;
  cache.value ??= ctx.hub.whoAmI().then(
    (who) => ({ok: true as const, who, info: classifyWhoAmI(who)}),
    (err: unknown) => ({
      ok: false as const,
      error: describeHubError(err, {endpoint: ctx.endpoint, secrets: [ctx.token!]}),
    }),
  );
  return cache.value;
}

export function sourceLabel(ctx: Pick<LiveContext, 'source' | 'tokenPath'>): string {
  if (ctx.source === 'file') return `your saved login (${ctx.tokenPath ?? 'token file'})`;
  if (ctx.source) return `the ${ctx.source} environment variable`;
  return 'nowhere';
}
