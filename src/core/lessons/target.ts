// Where live exercises run: an in-process sandbox (temporary, or persistent in a folder), or a sandbox already
// serving at --endpoint whose practice tokens are read from its --sandbox-data folder.
import {shellQuoteShown} from '../jobspec/shell.js';
import {existsSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import type {PracticeToken} from './model.js';
import {PracticeTokensError, readPracticeTokens} from '../store/practice-tokens.js';
import {APP_COMMAND} from '../invocation.js';
import {defaultSandboxDataDir} from '../auth/sandbox-session.js';
import {homeDir} from '../store/paths.js';

export interface LearnTarget {
  hubUrl: string;
  tokens: Record<PracticeToken, string>;
  /** The practice user whose namespace jobs run in. */
  user: string;
  /** Identifies the sandbox across sessions (its data folder when known, else its URL): runs are kept per key. */
  key: string;
  /** "in-process sandbox", "sandbox at http://…" */
  label: string;
  close(): Promise<void>;
  /**
   * A sandbox reached with --endpoint: throws a TargetError unless the server there still proves it serves the data
   * folder whose tokens these are. Called before every use that sends a practice token (it may have stopped since).
   */
  prove?(): Promise<void>;
}

export class TargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetError';
  }
}

/** Reads the practice tokens of a sandbox data folder (`accounts.json`, written by `sandbox --data DIR`). */
export async function readSandboxTokens(
  dataDir: string,
): Promise<{tokens: Record<PracticeToken, string>; user: string}> {
  try {
    const {tokens, user} = await readPracticeTokens(dataDir);
    return {tokens, user};
  } catch (error) {
    if (!(error instanceof PracticeTokensError)) throw error;
    if (error.reason === 'incomplete') throw new TargetError(error.message);
    throw new TargetError(
      `Cannot read the practice tokens from ${error.message}. Start the sandbox with \`${APP_COMMAND} sandbox --data ${shellQuoteShown(dataDir)}\` first.`,
    );
  }
}

/**
 * Where `learn` keeps its sandbox by default: the same folder as the wizard and every `--sandbox` command
 * (`${XDG_CACHE_HOME:-~/.cache}/hf-jobs-wizard/sandbox-data`), so practice data (tokens, repos, jobs) is one.
 */
export function defaultSandboxData(env: NodeJS.ProcessEnv): string {
  return defaultSandboxDataDir(env);
}

/** Where `learn` kept its own sandbox before it shared the wizard's (`${XDG_STATE_HOME:-~/.local/state}/…`). */
export function earlierLearnSandbox(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_STATE_HOME || join(homeDir(env), '.local', 'state');
  return join(base, 'hf-jobs-wizard', 'learn-sandbox');
}

const MOVED_NOTE = 'MOVED.txt';

/**
 * Once, when learn's earlier sandbox folder exists: says that learn now shares the wizard's sandbox, that the
 * earlier folder is kept as it was (nothing is moved or deleted) and how to keep using it. The note left in that
 * folder (MOVED.txt) is how it is said only once.
 */
export async function sandboxMovedNotice(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const earlier = earlierLearnSandbox(env);
  if (!existsSync(join(earlier, 'accounts.json')) || existsSync(join(earlier, MOVED_NOTE))) return undefined;
  const notice =
    `learn now uses the same sandbox as the wizard (${defaultSandboxData(env)}). Your earlier learn sandbox is ` +
    `kept in ${earlier}; to keep using it, run \`${APP_COMMAND} learn --sandbox-data ${shellQuoteShown(earlier)}\`.`;
  try {
    await writeFile(join(earlier, MOVED_NOTE), notice + '\n', {mode: 0o600});
  } catch {
    // Cannot leave the note: the notice is said again next time, which is all that is lost.
  }
  return notice;
}

export interface TargetOptions {
  endpoint?: string;
  sandboxData?: string;
  /**
   * Whether the server at hubUrl proves it serves dataDir (the command's, from sandbox/owner.ts): needed with
   * endpoint, whose practice tokens are sent to nothing else.
   */
  servesDataDir?: (hubUrl: string, dataDir: string) => Promise<boolean>;
  /** Starts the in-process sandbox (the `learn` command's: core does not import the sandbox). */
  startSandbox?: (options: {dataDir?: string}) => Promise<LearnSandbox>;
}

/** A started in-process sandbox, as the lessons use it. */
export interface LearnSandbox {
  url: string;
  dataDir: string;
  tokens: Record<PracticeToken, string>;
  users: string[];
  close(): Promise<void>;
}

export async function openTarget(options: TargetOptions): Promise<LearnTarget> {
  if (options.endpoint) {
    if (!options.sandboxData) {
      throw new TargetError(
        '--endpoint needs --sandbox-data DIR too (the folder the sandbox was started with), so learn can find the practice tokens.',
      );
    }
    const {tokens, user} = await readSandboxTokens(options.sandboxData);
    const hubUrl = options.endpoint.replace(/\/+$/, '');
    const dataDir = options.sandboxData;
    const serves = options.servesDataDir;
    const prove = async (): Promise<void> => {
      if (!serves || !(await serves(hubUrl, dataDir))) throw new TargetError(notServing(hubUrl, dataDir));
    };
    await prove();
    return {
      hubUrl,
      tokens,
      user,
      key: resolve(dataDir),
      label: `sandbox at ${hubUrl}`,
      close: async () => undefined,
      prove,
    };
  }
  if (!options.startSandbox)
    throw new TargetError('No sandbox Hub can be started here: give --endpoint and --sandbox-data.');
  const sandbox = await options.startSandbox(options.sandboxData ? {dataDir: resolve(options.sandboxData)} : {});
  return {
    hubUrl: sandbox.url,
    key: sandbox.dataDir,
    tokens: sandbox.tokens,
    user: sandbox.users[0] ?? 'practice-user',
    label: options.sandboxData
      ? `in-process sandbox (state in ${options.sandboxData})`
      : 'in-process sandbox (temporary)',
    close: () => sandbox.close(),
  };
}

/** The sandbox at --endpoint does not prove it serves the data folder: why, and how to start it again. */
function notServing(hubUrl: string, dataDir: string): string {
  let port = '';
  try {
    port = new URL(hubUrl).port;
  } catch {
    // Not a URL: the command without --port.
  }
  return (
    `No sandbox serving ${dataDir} answers at ${hubUrl}: it has stopped, or another program holds that address. ` +
    `Its practice tokens were not sent there. Start it again (\`${APP_COMMAND} sandbox --data ${shellQuoteShown(dataDir)}` +
    `${port ? ` --port ${port}` : ''}\`), then run learn again.`
  );
}
