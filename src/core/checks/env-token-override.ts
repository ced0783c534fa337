// env-token-override: an HF_TOKEN (or HUGGING_FACE_HUB_TOKEN) variable hides a different saved login.
import {result} from './common.js';
import type {LiveCheck} from './live-common.js';

const id = 'env-token-override';
const title = 'HF_TOKEN env var does not hide your login';

export const envTokenOverride: LiveCheck = {
  id,
  title,
  run({ctx}) {
    if (ctx.shadowsSavedToken && ctx.source && ctx.source !== 'file') {
      const named = ctx.shadowedName ? ` "${ctx.shadowedName}"` : '';
      return [
        result(
          id,
          title,
          'warn',
          `The ${ctx.source} environment variable is set and wins over your saved login${named}: \`hf auth login\` will not change which token jobs get.`,
          `Unset it (\`unset ${ctx.source}\`, and remove it from your shell profile / .env) to use the saved login, or update it.`,
        ),
      ];
    }
    if (ctx.source && ctx.source !== 'file')
      return [result(id, title, 'pass', `${ctx.source} is set and there is no different saved login.`)];
    return [
      result(
        id,
        title,
        'pass',
        ctx.source === 'file' ? 'No HF_TOKEN variable: your saved login is used.' : 'No token in the environment.',
      ),
    ];
  },
};
