// Check a token against the Hub (whoami-v2) and classify it; the 401 message names where the token came from,
// like huggingface_hub's "Invalid user token." suffixes.
import {createHubClient} from '../hub/client.js';
import {describeHubError, type HubErrorDescription} from '../hub/errors.js';
import {classifyWhoAmI, type TokenInfo, type WhoAmIResponse} from '../tokens/classify.js';
import {APP_COMMAND} from '../invocation.js';
import {hubFixes} from '../checks/hub-fixes.js';

/** Where the token being checked came from. `input`: pasted, piped on stdin, or from browser login. */
export type VerifySource = 'input' | 'HF_TOKEN' | 'HUGGING_FACE_HUB_TOKEN' | 'file';

export type VerifyResult =
  {ok: true; who: WhoAmIResponse; info: TokenInfo} | {ok: false; error: HubErrorDescription; message: string};

/** `fix`: what to do instead, worded for where the person is (the wizard's sandbox offers its practice tokens in place). */
export function invalidTokenMessage(source: VerifySource, endpoint: string, fix?: string): string {
  switch (source) {
    case 'HF_TOKEN':
    case 'HUGGING_FACE_HUB_TOKEN':
      return `Invalid user token. The token from the ${source} environment variable is invalid. Note that ${source} takes precedence over the saved login.`;
    case 'file':
      return `Invalid user token. The saved token is invalid (revoked or expired). Run \`${APP_COMMAND} login\` to set a new one.`;
    default:
      return `Invalid user token. ${endpoint} rejected the token you gave: it is wrong, revoked or expired. ${fix ?? hubFixes(endpoint).newToken('a new token')}`;
  }
}

export async function verifyToken(params: {
  endpoint: string;
  token: string;
  source: VerifySource;
  /** What to do about a rejected token given here (default: the endpoint's "get a new token" fix). */
  fix?: string;
  fetch?: typeof fetch;
}): Promise<VerifyResult> {
  const client = createHubClient({
    hubUrl: params.endpoint,
    accessToken: params.token,
    ...(params.fetch ? {fetch: params.fetch} : {}),
  });
  try {
    const who = await client.whoAmI();
    return {ok: true, who, info: classifyWhoAmI(who)};
  } catch (err) {
    const error = describeHubError(err, {endpoint: params.endpoint, secrets: [params.token]});
    const message =
      error.kind === 'unauthorized'
        ? invalidTokenMessage(params.source, params.endpoint, params.fix)
        : error.kind === 'rate-limited'
          ? "You've hit the rate limit for /api/whoami-v2, which is intentionally strict. Wait a few minutes and retry."
          : error.message;
    return {ok: false, error, message};
  }
}
