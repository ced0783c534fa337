// Practice tokens on a sandbox reached by its URL (a workshop's shared sandbox, or `hf-jobs-wizard sandbox` in another
// terminal), for `login --endpoint URL --practice LABEL` and the wizard's "Use a practice token": the sandbox says
// which folder it serves (GET /_sandbox/info) and the tokens are read from there, so only a user who may read that
// folder gets them (the same rule as `learn --endpoint URL --sandbox-data DIR`), and only when the server at URL proves
// it is that folder's live owner (`servesDataDir`, sandbox/owner.ts, passed in by the command: core does not import the
// sandbox): a program holding a stopped sandbox's port could name this user's own folder and be sent its tokens.
// Otherwise a sentence saying what to do.
import {sandboxInfo} from '../hub/sandbox-info.js';
import {APP_COMMAND} from '../invocation.js';
import {isSandboxEndpoint, type PracticeToken} from '../practice.js';
import {PracticeTokensError, readOwnerFormKey, readPracticeTokens} from '../store/practice-tokens.js';

export type SharedPractice =
  | {
      ok: true;
      endpoint: string;
      dataDir: string;
      tokens: Record<PracticeToken, string>;
      users: string[];
      /** Its owner's form key: the token page's Create button works from this app's link (a learner's wizard too). */
      formKey?: string;
    }
  /** `not-sandbox`: nothing there answers as this app's sandbox; `unavailable`: it does, but its tokens cannot be had. */
  | {ok: false; reason: 'not-sandbox' | 'unavailable'; message: string; why: string};

/** The practice tokens of the sandbox at `endpoint`, or why there are none to be had from here. */
export async function practiceTokensAt(
  endpoint: string,
  options: {fetch?: typeof fetch; servesDataDir?: (url: string, dataDir: string) => Promise<boolean>} = {},
): Promise<SharedPractice> {
  const base = endpoint.replace(/\/+$/, '');
  const pipe = `\`printf %s "$TOKEN" | ${APP_COMMAND} login --endpoint ${base} --token-stdin\``;
  const no = (reason: 'not-sandbox' | 'unavailable', why: string, how: string): SharedPractice => ({
    ok: false,
    reason,
    why,
    message: how ? `${why} ${how}` : why,
  });
  if (!isSandboxEndpoint(base))
    return no('not-sandbox', `Practice tokens exist only on the sandbox Hub (this machine), not on ${base}.`, '');
  const info = await sandboxInfo(base, options);
  if (!info)
    return no(
      'not-sandbox',
      `${base} does not answer as this app's sandbox (stopped, or another Hub): no practice tokens there.`,
      `Start it again, or log in with a token: ${pipe}.`,
    );
  try {
    const {tokens, users} = await readPracticeTokens(info.dataDir);
    if (!options.servesDataDir || !(await options.servesDataDir(base, info.dataDir)))
      return no(
        'unavailable',
        `${base} names ${info.dataDir} as its folder but does not prove it serves it (its owner.json: a sandbox of an older version, or another program on that port): its practice tokens were not used.`,
        `Log in with a token: ${pipe}.`,
      );
    const formKey = await readOwnerFormKey(info.dataDir);
    return {ok: true, endpoint: base, dataDir: info.dataDir, tokens, users, ...(formKey ? {formKey} : {})};
  } catch (error) {
    if (!(error instanceof PracticeTokensError)) throw error;
    const who =
      error.reason === 'unreadable'
        ? 'only the user who started that sandbox can read them'
        : 'they cannot be read there';
    return no(
      'unavailable',
      `The practice tokens of the sandbox at ${base} are in ${error.message}; ${who}.`,
      `Log in as that user, or ask them for the write practice token and pipe it: ${pipe}.`,
    );
  }
}
