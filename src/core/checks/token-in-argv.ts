// token-in-argv: `--token hf_...` typed on a command line lands in shell history and in `ps` for other users.
import {maskToken} from '../tokens/mask.js';
import {outcome, result, type StaticCheck} from './common.js';

const id = 'token-in-argv';
// Said as narrowly as it checks: a token written into `-e HF_TOKEN=hf_…` on a command line is hardcoded-token's ✗
// (and token-in-env's), and "✓ No token on a command line" beside it contradicted them.
const title = 'No token given with --token';

export const tokenInArgv: StaticCheck = {
  id,
  title,
  run(model) {
    const findings = model.argvTokens.map((hit) =>
      result(
        id,
        title,
        'fail',
        `A token (${maskToken(hit.token)}) is given with --token on a command line: it stays in shell history and other users can see it in \`ps\`.`,
        'Log in once (`hf auth login`, or export HF_TOKEN) and drop --token; jobs get it with `--secrets HF_TOKEN`. Revoke this token if the line was shared.',
        hit,
      ),
    );
    return outcome(
      id,
      title,
      findings,
      model.files.length > 0,
      'No token is passed with --token.',
      'No files to look at.',
    );
  },
};
