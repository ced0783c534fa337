// token-valid: does the Hub accept the token (GET /api/whoami-v2)?
import {validateTokenFormat} from '../tokens/format.js';
import {describeKind} from '../tokens/classify.js';
import {result} from './common.js';
import {hubFixes} from './hub-fixes.js';
import {sourceLabel} from './live-context.js';
import type {LiveCheck} from './live-common.js';

const id = 'token-valid';
const title = 'Token is valid';

export const tokenValid: LiveCheck = {
  id,
  title,
  run({ctx, offline, who}) {
    if (!ctx.token) return [result(id, title, 'skip', 'No token to check.')];
    const hub = ctx.fixes ?? hubFixes(ctx.endpoint);
    const format = validateTokenFormat(ctx.token, {tokensPage: hub.tokensPage});
    if (
      !format.ok &&
      (format.problem === 'wrong-prefix' ||
        format.problem === 'org-token' ||
        format.problem === 'placeholder' ||
        format.problem === 'empty')
    ) {
      return [
        result(
          id,
          title,
          'fail',
          `The token from ${sourceLabel(ctx)} cannot work: ${format.reason}`,
          ctx.source === 'file' ? hub.newToken('a token') : `Fix or unset ${ctx.source}.`,
        ),
      ];
    }
    if (offline || !who) return [result(id, title, 'skip', offline ? 'Skipped: --offline.' : 'No Hub client.')];
    if (who.ok)
      return [result(id, title, 'pass', `Valid: ${describeKind(who.info)} of ${who.info.user} (${ctx.endpoint}).`)];
    const e = who.error;
    if (e.kind === 'unauthorized') {
      const fix =
        ctx.source === 'file'
          ? `The saved token was revoked, expired or is wrong. ${hub.newToken('a new token')}`
          : `${ctx.source} holds a revoked or wrong token and wins over the saved login: fix it or \`unset ${ctx.source}\`.`;
      return [
        result(
          id,
          title,
          'fail',
          `${ctx.endpoint} rejects the token from ${sourceLabel(ctx)} (401): it is wrong, revoked or expired.`,
          fix,
        ),
      ];
    }
    if (e.kind === 'network')
      return [
        result(id, title, 'warn', `Could not check the token: ${e.message}`, `${hub.reach()} Or run with --offline.`),
      ];
    if (e.kind === 'rate-limited')
      return [
        result(
          id,
          title,
          'warn',
          'The Hub rate-limited the whoami call (429); the token was not checked.',
          'Wait a few minutes and run `check` again.',
        ),
      ];
    return [result(id, title, 'warn', `Could not check the token: ${e.message}`, 'Retry in a moment.')];
  },
};
