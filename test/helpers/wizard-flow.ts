// The wizard without a terminal, for the UI and flow tests: real services over the test file's sandbox in a fresh
// temp HOME (sandboxWizard), the wizard started (startWizard), a login as the token screen sends it (logIn), and
// events sent one by one, each waited for as a person waits for the next screen (advance, throughConfig).
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll} from 'vitest';
import {sandboxEnv, type Env} from '../../src/core/store/paths.js';
import {WizardController} from '../../src/core/wizard/controller.js';
import type {WizardServices} from '../../src/core/wizard/services.js';
import type {TargetKind, TokenSourceKind, WizardEvent} from '../../src/core/wizard/types.js';
import type {SandboxHandle} from '../../src/sandbox/index.js';
import {createServiceContext, createServices, type ServiceContext} from '../../src/wizard/services/index.js';

/** Temp folders for this test file, removed after it: `const tempDir = useTempDirs();` then `await tempDir('x-')`. */
export function useTempDirs(): (prefix: string) => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, {recursive: true, force: true});
  });
  return async (prefix) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

export interface SandboxWizardOptions {
  /** The run's folder (HOME and cwd). */
  dir: string;
  /** PATH for the run (default: this process's). */
  path?: string;
  /** Where the sandbox session keeps its data (default: the sandbox's own). */
  dataDir?: string;
  /** Give the session the sandbox's form key (its token page's Create button and device approval need it). */
  formKey?: boolean;
  pollMs?: number;
}

export interface SandboxWizard {
  env: {HOME: string; XDG_CACHE_HOME: string; PATH: string | undefined};
  /** The sandbox session's environment: its own HF_HOME, where the wizard saves the login on the sandbox. */
  sandboxEnv: Env;
  services: WizardServices;
  /** The services' shared session (tests put a token the Hub refuses now in it). */
  context: ServiceContext;
}

/** The real wizard services over a running sandbox, in `dir` as HOME, with the sandbox's own HF_HOME under it. */
export function sandboxWizard(sandbox: SandboxHandle, o: SandboxWizardOptions): SandboxWizard {
  const env = {HOME: o.dir, XDG_CACHE_HOME: join(o.dir, 'cache'), PATH: o.path ?? process.env.PATH};
  const sbEnv = sandboxEnv(env, join(o.dir, 'sb'));
  const options = {
    env,
    cwd: o.dir,
    ...(o.pollMs !== undefined ? {pollMs: o.pollMs} : {}),
    sandbox: {
      endpoint: sandbox.url,
      env: sbEnv,
      tokens: sandbox.tokens,
      users: sandbox.users,
      dataDir: o.dataDir ?? sandbox.dataDir,
      ...(o.formKey ? {formKey: sandbox.formKey} : {}),
      close: async () => {},
    },
  };
  const context = createServiceContext(options);
  return {env, sandboxEnv: sbEnv, services: createServices(options, context), context};
}

/** A controller over `services`, started on `target` ('welcome': none chosen, the welcome screen) and idle. */
export async function startWizard(
  services: WizardServices,
  cwd: string,
  target: TargetKind | 'welcome' = 'sandbox',
): Promise<WizardController> {
  const controller = new WizardController(services, {cwd, ...(target !== 'welcome' ? {presetTarget: target} : {})});
  await advance(controller, {type: 'start'});
  return controller;
}

/** Logs in with `token` as the token screen does: the services check it, the state gets the account. */
export async function logIn(
  controller: WizardController,
  services: WizardServices,
  token: string,
  source: TokenSourceKind = 'practice',
): Promise<void> {
  const v = await services.validateToken(controller.getState().target!, token, source);
  if (!v.ok) throw new Error(v.message);
  controller.dispatch({type: 'validated', account: v.account});
}

/** Dispatches each event and waits until the controller is idle before the next. */
export async function advance(controller: WizardController, ...events: WizardEvent[]): Promise<void> {
  for (const event of events) {
    controller.dispatch(event);
    await controller.idle();
  }
}

/** From a login that is done to the written config: continue, keep the token type, write the planned files. */
export function throughConfig(controller: WizardController): Promise<void> {
  return advance(controller, {type: 'login-continue'}, {type: 'token-type-continue'}, {type: 'config-confirm'});
}

/** From a login that is done to the example step, the files not written (config skipped): pre-flight is started,
 *  not waited for (a test may act before it answers; `await controller.idle()` waits for it). */
export async function toExample(controller: WizardController): Promise<void> {
  await advance(controller, {type: 'login-continue'}, {type: 'token-type-continue'}, {type: 'config-skip'});
  controller.dispatch({type: 'checklist-continue'});
}
