// `login --switch NAME`, as `hf auth switch` does it: the named stored_tokens entry becomes the token file's token.
// stored_tokens is only read; an env variable that still wins is reported, as huggingface_hub warns.
import {resolveHfPaths, type Env, type HfPaths} from './paths.js';
import {envTokenSource, type TokenSource} from './resolve.js';
import {readStoredTokens} from './stored-tokens.js';
import {writeTokenFile} from './token-file.js';

export type SwitchResult =
  | {status: 'switched'; paths: HfPaths; name: string; shadowedBy?: TokenSource}
  | {status: 'not-found'; paths: HfPaths; name: string; available: string[]; problem?: string};

export async function switchToken(env: Env, name: string): Promise<SwitchResult> {
  const paths = resolveHfPaths(env);
  const stored = await readStoredTokens(paths.storedTokensPath);
  const entry = stored.tokens.find((t) => t.name === name && t.token);
  if (!entry?.token) {
    const problem = stored.status === 'corrupt' || stored.status === 'unreadable' ? stored.reason : undefined;
    return {
      status: 'not-found',
      paths,
      name,
      available: stored.tokens.filter((t) => t.token).map((t) => t.name),
      ...(problem ? {problem} : {}),
    };
  }
  await writeTokenFile(paths.tokenPath, entry.token);
  const fromEnv = envTokenSource(env);
  return fromEnv && fromEnv.token !== entry.token
    ? {status: 'switched', paths, name, shadowedBy: fromEnv.source}
    : {status: 'switched', paths, name};
}
