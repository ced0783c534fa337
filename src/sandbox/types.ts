// The sandbox's public contract: what startSandbox() returns and `sandbox --json` prints.

/** The practice tokens every sandbox has. Labels are part of the `sandbox --json` contract. */
import type {PracticeToken} from '../core/practice.js';

export type PracticeTokenLabel = PracticeToken;

export interface SandboxOptions {
  /** 0 (default) picks a free port. The server binds 127.0.0.1 only. */
  port?: number;
  /** Persist accounts, tokens, repos, files and jobs here (workshops). Default: a temporary folder removed on close. */
  dataDir?: string;
  /**
   * Extra fixtures, off by default. `'upstream-tests'`: the CI user `hub.js` with token `hf_hub.js` and stand-in
   * copies of the public repos @huggingface/hub's own spec files read (see scripts/conformance.mjs).
   */
  fixtures?: 'upstream-tests';
  /**
   * OAuth device-code login timing (seconds): poll `interval` (default 5) and code lifetime `expiresIn` (default 900);
   * `startsPerMinute`: device logins started a minute at most by one client (client_id and User-Agent), then 429
   * (default 30); all clients together twice that, except the app's own starts (with its start key), which have their own.
   */
  oauth?: {interval?: number; expiresIn?: number; startsPerMinute?: number};
  /**
   * Extra `Host` header values to serve besides 127.0.0.1:PORT, localhost:PORT and [::1]:PORT (tests that reach the
   * sandbox through a relay). Every other Host gets 421: a web page cannot reach the sandbox by DNS rebinding.
   */
  allowHost?: (host: string) => boolean;
  /**
   * With `dataDir`: when another process already serves that folder, return a handle on it (default) instead of a
   * second server; `false` makes that a SandboxDataError ('busy'). Two servers never share one folder.
   */
  attach?: boolean;
  /**
   * Served for clients that reach it by its URL (`hf-jobs-wizard sandbox`, a workshop's): its pages name
   * `--endpoint URL` in the commands they show, not `--sandbox` (which opens the app's own sandbox, another one).
   */
  servedByUrl?: boolean;
  /** How long to wait for a folder's owner that is still starting (default 15 s), then fail with SandboxDataError. */
  ownerWaitMs?: number;
  /**
   * How a job's processes are kept together to be killed: 'auto' (default) runs each job in a PID namespace of its own
   * where the machine allows it, else finds them through /proc; 'proc' always uses the /proc search (tests of it).
   */
  jobIsolation?: 'auto' | 'proc';
}

export interface SandboxHandle {
  /** `http://127.0.0.1:PORT`, no trailing slash: pass it as `hubUrl` to @huggingface/hub. */
  url: string;
  tokens: Record<PracticeTokenLabel, string>;
  /** Practice user names, first is the main one (`practice-user`). */
  users: string[];
  /** Where the sandbox keeps its state. */
  dataDir: string;
  /**
   * This process's secret for the sandbox's browser forms (device approval, token creation): only a page opened with
   * it, or with a key derived from it for one form (core/auth/sandbox-form-key.ts: what the app's links carry, since a
   * browser gets its URL on the command line), can approve or create anything. Never logged, never in a link.
   */
  formKey: string;
  /** Set when another process serves this data folder and this handle talks to it (close() then leaves it running). */
  ownerPid?: number;
  close(): Promise<void>;
}
