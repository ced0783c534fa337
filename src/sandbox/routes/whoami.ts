// GET /api/whoami-v2: who the token belongs to, its role and (fine-grained) scopes.
import {whoamiBody} from '../accounts.js';
import {requireUser, type RouteModule} from '../context.js';
import {sendJson} from '../http.js';

export const registerWhoamiRoutes: RouteModule = (router, sandbox) => {
  router.on('GET', /^\/api\/whoami-v2$/, (ctx) => {
    const {user, token} = requireUser(ctx);
    sendJson(ctx, 200, whoamiBody(sandbox.accounts, user, token));
  });
};
