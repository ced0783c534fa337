// The checklist: static checks over files, live checks against the Hub, and the runner.
export * from './types.js';
export {
  STATIC_CHECKS,
  LIVE_CHECKS,
  runChecks,
  runStaticChecks,
  runLiveChecks,
  checkText,
  runCheckOnText,
  report,
  type RunChecksOptions,
} from './runner.js';
export {scanPaths, scanText, kindOf, markdownBlocks, type FileKind} from './scan.js';
export {
  createLiveContext,
  type LiveContext,
  type LiveHub,
  type HubFactory,
  type WhoAmIOutcome,
} from './live-context.js';
export type {StaticCheck} from './common.js';
export type {LiveCheck, LiveInput} from './live-common.js';
export {hardcodedToken} from './hardcoded-token.js';
export {tokenInEnv} from './token-in-env.js';
export {wrongSecretKey} from './wrong-secret-key.js';
export {missingSecrets} from './missing-secrets.js';
export {noTokenCheck} from './no-token-check.js';
export {tokenFormat} from './token-format.js';
export {literalPlaceholder} from './literal-placeholder.js';
export {scriptNotInContainer} from './script-not-in-container.js';
export {unknownArgument} from './unknown-argument.js';
export {timeoutFormat} from './timeout-format.js';
export {unknownFlavor} from './unknown-flavor.js';
export {tokenInArgv} from './token-in-argv.js';
export {loggedIn} from './logged-in.js';
export {tokenValid} from './token-valid.js';
export {tokenPermission} from './token-permission.js';
export {repoAccess} from './repo-access.js';
export {envTokenOverride} from './env-token-override.js';
