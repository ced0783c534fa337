// POST /api/credentials/revoke: the Hub's leak response. Anyone who finds a token (in an issue, a log, a commit)
// may revoke it: no authentication, at most 1000 credentials, and always 202 whatever they are, so the answer
// tells nothing about whether a value was a live token. A revoked practice token answers 401 from then on; its
// practice label (`--practice write`...) moves to a freshly minted token with the same scopes, as a person would
// make a new token after a leak, so the practice world stays usable.
import {randomTokenValue, type SandboxToken} from '../accounts.js';
import type {RouteModule} from '../context.js';
import {HttpError, readJson, sendJson} from '../http.js';

const MAX_CREDENTIALS = 1000;

export const registerCredentialRoutes: RouteModule = (router, sandbox) => {
  router.on('POST', /^\/api\/credentials\/revoke$/, async (ctx) => {
    const body = await readJson<{credentials?: unknown}>(ctx.req, 256 * 1024);
    const list = body && typeof body === 'object' ? body.credentials : undefined;
    if (!Array.isArray(list) || list.some((c) => typeof c !== 'string'))
      throw new HttpError(400, '"credentials" must be an array of strings');
    if (list.length > MAX_CREDENTIALS) throw new HttpError(400, `At most ${MAX_CREDENTIALS} credentials at a time`);
    const values = new Set(list as string[]);
    let changed = false;
    for (const token of [...sandbox.accounts.tokens]) {
      if (!values.has(token.value) || token.expired) continue;
      token.expired = true;
      changed = true;
      if (token.label) {
        const fresh: SandboxToken = {
          ...token,
          value: randomTokenValue(),
          createdAt: new Date().toISOString(),
          label: token.label,
        };
        delete fresh.expired;
        delete token.label;
        sandbox.accounts.tokens.push(fresh);
      }
    }
    if (changed) await sandbox.saveAccounts();
    sendJson(ctx, 202, {});
  });
};
