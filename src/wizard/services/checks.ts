// The wizard's checklist service: the live checks (token first) and the static checks of my-first-hf-job/, run with
// the wizard's own token, each result redacted and linked to its troubleshooting problem as it is known.
import {hubFixes} from '../../core/checks/hub-fixes.js';
import {
  createLiveContext,
  emptyModel,
  LIVE_CHECK_IDS,
  runChecks,
  runLiveChecks,
  STATIC_CHECK_IDS,
  type CheckId,
  type CheckResult,
  type LiveContext,
  type LiveHub,
} from '../../core/checks/index.js';
import {createHubClient, type HubClient} from '../../core/hub/client.js';
import {DEFAULT_CONFIG_FILE} from '../../core/jobspec/index.js';
import {envTokenSource} from '../../core/store/resolve.js';
import {redactSecrets} from '../../core/tokens/mask.js';
import {sanitizeLine} from '../../core/text/sanitize.js';
import {CATALOG, PROBLEM_IDS, type ProblemId} from '../../core/troubleshoot/index.js';
import {CHECK_TITLES} from '../../core/wizard/check-notes.js';
import type {Session, WizardServices} from '../../core/wizard/services.js';
import type {CheckItem} from '../../core/wizard/types.js';
import {CONFIG_DIR, exists, type ServiceContext} from './context.js';

export type ChecksServices = Pick<WizardServices, 'runChecks'>;

/** The troubleshooting screen a failed or warning check links to (else: the first problem whose checks name it). */
const CHECK_PROBLEMS: Partial<Record<CheckId, ProblemId>> = {
  'logged-in': 'token-missing',
  'token-valid': 'unauthorized-401',
  'token-permission': 'forbidden-403',
  'repo-access': 'forbidden-403',
  'env-token-override': 'unauthorized-401',
  'missing-secrets': 'token-missing',
  'wrong-secret-key': 'token-missing',
  'token-in-env': 'token-missing',
  'no-token-check': 'token-missing',
  'literal-placeholder': 'unauthorized-401',
  'hardcoded-token': 'invalid-token-format',
  'token-format': 'invalid-token-format',
  'token-in-argv': 'invalid-token-format',
};

export function problemForCheck(id: CheckId): ProblemId {
  return CHECK_PROBLEMS[id] ?? PROBLEM_IDS.find((p) => CATALOG[p].checks.includes(id)) ?? 'unknown';
}

function toItem(r: CheckResult, known: string[]): CheckItem {
  const item: CheckItem = {
    id: r.id,
    status: r.status,
    title: CHECK_TITLES[r.id] ?? r.title,
    // One line each (a path in a config or a file name may hold a line break), as `check` prints them.
    message: sanitizeLine(redactSecrets(r.message, known)),
  };
  if (r.fix) item.fix = sanitizeLine(redactSecrets(r.fix, known));
  if (r.file !== undefined) item.file = r.file;
  if (r.line !== undefined) item.line = r.line;
  if (r.status === 'fail' || r.status === 'warn') item.problem = problemForCheck(r.id);
  return item;
}

/** The live checks' view of the session: the wizard's token, and whether an env var would win over it. */
async function liveContext(ctx: ServiceContext, session: Session): Promise<LiveContext> {
  const env = ctx.envFor(session.target);
  const base = await createLiveContext({env, endpoint: session.target.endpoint, offline: true});
  // Fixes worded for the wizard: on the sandbox, t on the line logs in again here (not a command to run elsewhere).
  base.fixes = hubFixes(session.target.endpoint, {wizard: true});
  const account = session.account;
  if (!account) {
    if (base.token) base.hub = createHubClient({hubUrl: session.target.endpoint, accessToken: base.token});
    return base;
  }
  const c = ctx.client(session);
  let who: ReturnType<HubClient['whoAmI']> | undefined;
  const hub: LiveHub = {
    whoAmI: () => (who ??= c.whoAmI()),
    repoExists: c.repoExists,
    checkRepoAccess: c.checkRepoAccess,
  };
  const token = ctx.token(session) ?? '';
  const live: LiveContext = {...base, token, hub};
  const fromEnv = envTokenSource(env);
  if (fromEnv) {
    live.source = fromEnv.source;
    live.shadowsSavedToken = fromEnv.token !== token || base.shadowsSavedToken;
  } else {
    live.source = 'file';
    live.shadowsSavedToken = false;
  }
  return live;
}

export function createChecksServices(ctx: ServiceContext): ChecksServices {
  return {
    async runChecks(session, onCheck) {
      const known = ctx.secrets(session);
      const live = await liveContext(ctx, session);
      const dir = ctx.configDir(session);
      const hasConfig = await exists(dir);
      const env = ctx.envFor(session.target);
      const items: CheckItem[] = [];
      const seen = new Map<string, number>();
      const emit = (results: CheckResult[]) => {
        for (const r of results) {
          const item = toItem(r, known);
          // One check can report several findings (two repos, two namespaces): each line gets its own id.
          const n = (seen.get(r.id) ?? 0) + 1;
          seen.set(r.id, n);
          if (n > 1) item.id = `${r.id}#${n}`;
          items.push(item);
          onCheck(item);
        }
      };
      // Live checks one at a time (the token first), then the written config folder: each line appears as it is known.
      const checkConfig = async (only: CheckId[]) =>
        (
          await runChecks({
            paths: [dir],
            cwd: session.cwd,
            env,
            endpoint: session.target.endpoint,
            only,
            liveContext: live,
          })
        ).checks;
      for (const id of LIVE_CHECK_IDS) {
        if (hasConfig) emit(await checkConfig([id]));
        else emit(await runLiveChecks(live, emptyModel(), false, [id]));
      }
      if (hasConfig) emit(await checkConfig([...STATIC_CHECK_IDS]));
      else {
        const item: CheckItem = {
          id: 'missing-secrets',
          status: 'skip',
          title: 'Job config',
          message: `No ${CONFIG_DIR}/${DEFAULT_CONFIG_FILE} was written: the config checks run once it exists. The job uses the example's config.`,
        };
        items.push(item);
        onCheck(item);
      }
      return items;
    },
  };
}
