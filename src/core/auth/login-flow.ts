// The whole login, without a terminal: clean the input, check its shape, ask whoami-v2, save like huggingface_hub.
// The one token path: the `login` command runs loginWithToken; the wizard runs the same steps apart (its paste screen
// checks the format with checkTokenInput, its services verify with verifyLogin and its config step saves with
// saveVerifiedLogin), so format, verify and save are each written once, here.
import type {HubErrorKind} from '../hub/errors.js';
import type {Env} from '../store/paths.js';
import {saveLogin, type SaveLoginResult} from '../store/session.js';
import type {TokenInfo, WhoAmIResponse} from '../tokens/classify.js';
import {checkTokenInput, type TokenFormatProblem} from '../tokens/format.js';
import {maskToken} from '../tokens/mask.js';
import {verifyToken, type VerifySource} from './verify.js';

/** What is saved with a token besides its name: the OAuth extras of a browser (device) login. */
export interface LoginExtras {
  refreshToken?: string;
  /** Unix seconds (OAuth). */
  expiresAt?: number;
}

export interface LoginInput extends LoginExtras {
  env: Env;
  endpoint: string;
  /** What the person pasted/piped, or the device-flow access token. Normalised here. */
  rawToken: string;
  /** stored_tokens name; default: the token's name on the Hub, or `oauth-<user>`. */
  name?: string;
  source?: VerifySource;
  /** false: validate only, save nothing. Default true. */
  save?: boolean;
  fetch?: typeof fetch;
}

export interface VerifiedLogin {
  ok: true;
  token: string;
  maskedToken: string;
  who: WhoAmIResponse;
  info: TokenInfo;
  /** The stored_tokens name it is saved under. */
  name: string;
}

export type VerifyFailure = {ok: false; stage: 'verify'; kind: HubErrorKind; status?: number; message: string};

export type LoginOutcome =
  | (VerifiedLogin & {saved?: SaveLoginResult})
  | {ok: false; stage: 'format'; problem: TokenFormatProblem; message: string}
  | VerifyFailure;

/** The OAuth extras to save for a device-flow token (expires_in counted from `nowMs`). */
export function deviceLoginExtras(token: {refreshToken?: string; expiresIn?: number}, nowMs = Date.now()): LoginExtras {
  const extras: LoginExtras = {};
  if (token.refreshToken) extras.refreshToken = token.refreshToken;
  if (token.expiresIn !== undefined) extras.expiresAt = Math.floor(nowMs / 1000) + token.expiresIn;
  return extras;
}

/** The verify step: whoami-v2 with an already clean token; the name defaults to the Hub's (storageName). */
export async function verifyLogin(input: {
  endpoint: string;
  token: string;
  source?: VerifySource;
  name?: string;
  /** What to do about a rejected token, worded for where the person is (the wizard's sandbox: its practice tokens). */
  fix?: string;
  fetch?: typeof fetch;
}): Promise<VerifiedLogin | VerifyFailure> {
  const {token} = input;
  const verified = await verifyToken({
    endpoint: input.endpoint,
    token,
    source: input.source ?? 'input',
    ...(input.fix ? {fix: input.fix} : {}),
    ...(input.fetch ? {fetch: input.fetch} : {}),
  });
  if (!verified.ok) {
    const out: VerifyFailure = {ok: false, stage: 'verify', kind: verified.error.kind, message: verified.message};
    if (verified.error.status !== undefined) out.status = verified.error.status;
    return out;
  }
  return {
    ok: true,
    token,
    maskedToken: maskToken(token),
    who: verified.who,
    info: verified.info,
    name: input.name ?? verified.info.storageName,
  };
}

/** The save step: stored_tokens under `name` (with the OAuth extras), then the active token file. */
export function saveVerifiedLogin(
  env: Env,
  login: {name: string; token: string} & LoginExtras,
): Promise<SaveLoginResult> {
  return saveLogin(env, {
    name: login.name,
    token: login.token,
    ...(login.refreshToken ? {refreshToken: login.refreshToken} : {}),
    ...(login.expiresAt !== undefined ? {expiresAt: login.expiresAt} : {}),
  });
}

export async function loginWithToken(input: LoginInput): Promise<LoginOutcome> {
  const format = checkTokenInput(input.rawToken, input.endpoint);
  if (!format.ok) return {ok: false, stage: 'format', problem: format.problem, message: format.reason};
  const verified = await verifyLogin({
    endpoint: input.endpoint,
    token: format.token,
    ...(input.source ? {source: input.source} : {}),
    ...(input.name !== undefined ? {name: input.name} : {}),
    ...(input.fetch ? {fetch: input.fetch} : {}),
  });
  if (!verified.ok) return verified;
  const outcome: LoginOutcome = {...verified};
  if (input.save !== false) outcome.saved = await saveVerifiedLogin(input.env, {...input, ...verified});
  return outcome;
}
