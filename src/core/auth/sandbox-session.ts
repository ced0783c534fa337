// Sandbox mode for login/status/logout: an in-process sandbox Hub plus its own HF_HOME, so practice tokens
// never touch the real login. The sandbox state is kept under the cache so practice tokens stay valid between commands.
// What a session is and where it keeps its data; starting one is the app layer's (commands/hub-target.ts
// openSandboxSession): core does not import the sandbox.
import {join} from 'node:path';
import type {PracticeToken} from '../practice.js';
import {cacheHome, type Env} from '../store/paths.js';

/** `${XDG_CACHE_HOME:-~/.cache}/hf-jobs-wizard/sandbox-data`: where `--sandbox` commands keep the sandbox state (the
 *  same folder core/store/paths.ts envForEndpoint names for the app's own sandbox reached by its URL). */
export function defaultSandboxDataDir(env: Env): string {
  return join(cacheHome(env), 'hf-jobs-wizard', 'sandbox-data');
}

export interface SandboxSession {
  endpoint: string;
  /** env with HF_HOME = the sandbox home and no real HF_TOKEN / HF_TOKEN_PATH. */
  env: Env;
  tokens: Record<PracticeToken, string>;
  users: string[];
  dataDir: string;
  /** The sandbox's browser-form key (device approval): only the process that started the sandbox knows it. */
  formKey?: string;
  /** Another process serves it (\`hf-jobs-wizard sandbox\`): its URL outlives this session. */
  servedElsewhere?: boolean;
  close(): Promise<void>;
}
