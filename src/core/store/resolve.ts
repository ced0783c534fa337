// Which token is in effect, like huggingface_hub's get_token(): HF_TOKEN, else HUGGING_FACE_HUB_TOKEN, else the token file.
import {registerSecret} from '../tokens/mask.js';
import {StoreError} from './errors.js';
import {resolveHfPaths, type Env, type HfPaths} from './paths.js';
import {readStoredTokens, type StoredTokensRead} from './stored-tokens.js';
import {cleanToken, readTokenFile} from './token-file.js';

export type TokenSource = 'HF_TOKEN' | 'HUGGING_FACE_HUB_TOKEN' | 'file';

export interface TokenResolution {
  paths: HfPaths;
  /** The token in effect, or undefined when not logged in. */
  token?: string;
  source?: TokenSource;
  /** The token saved in the token file, if any (whether or not it is in effect). */
  fileToken?: string;
  /** The token file exists but cannot be read (a folder, no permission...): one clear line. It then counts as absent. */
  tokenFileProblem?: string;
  /** The stored_tokens name whose hf_token equals the token in effect (like the `*` of `hf auth list`). */
  activeName?: string;
  /** Name of the saved token (if in stored_tokens) that an env var is hiding. */
  shadowedName?: string;
  /** True when an env var wins over a different saved token file. */
  shadowsSavedToken: boolean;
  stored: StoredTokensRead;
  /** HF_OIDC_RESOURCE is set: huggingface_hub would try OIDC first, which this tool does not do. */
  oidcConfigured: boolean;
}

/** The env var that wins, following `os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN")`. */
export function envTokenSource(env: Env): {source: TokenSource; token: string} | undefined {
  const name: TokenSource | undefined = env.HF_TOKEN
    ? 'HF_TOKEN'
    : env.HUGGING_FACE_HUB_TOKEN
      ? 'HUGGING_FACE_HUB_TOKEN'
      : undefined;
  if (!name) return undefined;
  const token = cleanToken(env[name]);
  return token ? {source: name, token} : undefined;
}

export async function resolveToken(env: Env): Promise<TokenResolution> {
  const paths = resolveHfPaths(env);
  const [file, stored] = await Promise.all([
    readTokenFileOrProblem(paths.tokenPath),
    readStoredTokens(paths.storedTokensPath),
  ]);
  const fileToken = file.token;
  const fromEnv = envTokenSource(env);
  const result: TokenResolution = {
    paths,
    stored,
    shadowsSavedToken: false,
    oidcConfigured: Boolean(env.HF_OIDC_RESOURCE),
  };
  if (fileToken !== undefined) result.fileToken = fileToken;
  if (file.problem !== undefined) result.tokenFileProblem = file.problem;
  if (fromEnv) {
    result.token = fromEnv.token;
    result.source = fromEnv.source;
    if (fileToken !== undefined && fileToken !== fromEnv.token) {
      result.shadowsSavedToken = true;
      const hidden = stored.tokens.find((t) => t.token === fileToken);
      if (hidden) result.shadowedName = hidden.name;
    }
  } else if (fileToken !== undefined) {
    result.token = fileToken;
    result.source = 'file';
  }
  if (result.token !== undefined) {
    const active = stored.tokens.find((t) => t.token === result.token);
    if (active) result.activeName = active.name;
  }
  // Every token this process has seen is masked by value in all output, whatever its shape.
  registerSecret(result.token);
  registerSecret(fileToken);
  for (const t of stored.tokens) registerSecret(t.token);
  return result;
}

async function readTokenFileOrProblem(tokenPath: string): Promise<{token?: string; problem?: string}> {
  try {
    const token = await readTokenFile(tokenPath);
    return token === undefined ? {} : {token};
  } catch (error) {
    if (error instanceof StoreError) return {problem: error.message};
    throw error;
  }
}

/** Where the token came from, for messages: `HF_TOKEN environment variable` or the file path. */
export function describeSource(resolution: Pick<TokenResolution, 'source' | 'paths'>): string {
  if (resolution.source === 'file') return `the saved login (${resolution.paths.tokenPath})`;
  if (resolution.source) return `the ${resolution.source} environment variable`;
  return 'nowhere (not logged in)';
}
