// logged-in: is any token in effect (HF_TOKEN, HUGGING_FACE_HUB_TOKEN, or the saved login)? Local facts only.
import {maskToken} from '../tokens/mask.js';
import {result} from './common.js';
import {sourceLabel} from './live-context.js';
import type {LiveCheck} from './live-common.js';
import {hubFixes} from './hub-fixes.js';

const id = 'logged-in';
const title = 'Logged in';

export const loggedIn: LiveCheck = {
  id,
  title,
  run({ctx}) {
    if (!ctx.token)
      return [
        result(
          id,
          title,
          'fail',
          `No token: no HF_TOKEN environment variable and no saved login${ctx.tokenPath ? ` (${ctx.tokenPath})` : ''}. \`--secrets HF_TOKEN\` would pass nothing.`,
          // The login for the Hub checked (`login --endpoint URL` on another Hub): a bare `login` is huggingface.co's.
          `Run \`${(ctx.fixes ?? hubFixes(ctx.endpoint)).app('login')}\` (or \`hf auth login\`), or export HF_TOKEN.`,
        ),
      ];
    return [result(id, title, 'pass', `Token ${maskToken(ctx.token)} from ${sourceLabel(ctx)}.`)];
  },
};
