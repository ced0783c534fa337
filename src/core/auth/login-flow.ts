// The whole login, without a terminal: clean the input, check its shape, ask whoami-v2, save like huggingface_hub.
// Used by the `login` command and by the wizard screens (src/ui, src/plain).
import type {HubErrorKind} from '../hub/errors.js';
import type {Env} from '../store/paths.js';
import {saveLogin, type SaveLoginResult} from '../store/session.js';
import type {TokenInfo, WhoAmIResponse} from '../tokens/classify.js';
import {normalizeTokenInput, validateTokenFormat, type TokenFormatProblem} from '../tokens/format.js';
import {maskToken} from '../tokens/mask.js';
import {verifyToken, type VerifySource} from './verify.js';

export interface LoginInput {
  env: Env;
  endpoint: string;
  /** What the person pasted/piped, or the device-flow access token. Normalised here. */
  rawToken: string;
  /** stored_tokens name; default: the token's name on the Hub, or `oauth-<user>`. */
  name?: string;
  source?: VerifySource;
  refreshToken?: string;
  /** Unix seconds (OAuth). */
  expiresAt?: number;
  /** false: validate only, save nothing. Default true. */
  save?: boolean;
  fetch?: typeof fetch;
}

export type LoginOutcome =
  | {
      ok: true;
      token: string;
      maskedToken: string;
      who: WhoAmIResponse;
      info: TokenInfo;
      name: string;
      saved?: SaveLoginResult;
    }
  | {ok: false; stage: 'format'; problem: TokenFormatProblem; message: string}
  | {ok: false; stage: 'verify'; kind: HubErrorKind; status?: number; message: string};

export async function loginWithToken(input: LoginInput): Promise<LoginOutcome> {
  const token = normalizeTokenInput(input.rawToken);
  const format = validateTokenFormat(token, {tokensPage: `${input.endpoint.replace(/\/+$/, '')}/settings/tokens`});
  if (!format.ok) return {ok: false, stage: 'format', problem: format.problem, message: format.reason};
  const verified = await verifyToken({
    endpoint: input.endpoint,
    token,
    source: input.source ?? 'input',
    ...(input.fetch ? {fetch: input.fetch} : {}),
  });
  if (!verified.ok) {
    const out: LoginOutcome = {ok: false, stage: 'verify', kind: verified.error.kind, message: verified.message};
    if (verified.error.status !== undefined) out.status = verified.error.status;
    return out;
  }
  const name = input.name ?? verified.info.storageName;
  const outcome: LoginOutcome = {
    ok: true,
    token,
    maskedToken: maskToken(token),
    who: verified.who,
    info: verified.info,
    name,
  };
  if (input.save !== false) {
    outcome.saved = await saveLogin(input.env, {
      name,
      token,
      ...(input.refreshToken ? {refreshToken: input.refreshToken} : {}),
      ...(input.expiresAt !== undefined ? {expiresAt: input.expiresAt} : {}),
    });
  }
  return outcome;
}
