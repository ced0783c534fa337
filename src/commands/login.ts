// `hf-jobs-wizard login`: validate a token against the Hub (whoami-v2) and save it where huggingface_hub looks.
import {parseArgs} from 'node:util';
import {delimiter, join} from 'node:path';
import {existsSync} from 'node:fs';
import {isDefaultEndpoint} from '../core/endpoint.js';
import {
  DeviceFlowError,
  approvalUrl,
  deviceClientId,
  pollDeviceToken,
  requestDeviceCode,
} from '../core/auth/device-flow.js';
import type {SandboxSession} from '../core/auth/sandbox-session.js';
import {deviceLoginExtras, loginWithToken, type LoginExtras} from '../core/auth/login-flow.js';
import {practiceTokensAt} from '../core/auth/shared-sandbox.js';
import type {VerifySource} from '../core/auth/verify.js';
import {isPracticeToken, isSandboxEndpoint, PRACTICE_TOKENS, type PracticeToken} from '../core/practice.js';
import {shellQuoteShown} from '../core/jobspec/shell.js';
import type {Env} from '../core/store/paths.js';
import {switchToken} from '../core/store/switch.js';
import {describeKind, summarizePermissions} from '../core/tokens/classify.js';
import {normalizeTokenInput} from '../core/tokens/format.js';
import {maskToken, redactSecrets} from '../core/tokens/mask.js';
import {AppError, EXIT, writeLine, type CommandIo, type ExitCode} from '../io.js';
import {canPrompt, promptPassword} from '../prompt.js';
import {openHubTarget} from './hub-target.js';
import {APP_COMMAND} from '../core/invocation.js';

const HELP = `Usage: hf-jobs-wizard login [--token-stdin | --device | --switch NAME] [--endpoint URL | --sandbox] [--name NAME] [--json]

Checks a Hugging Face token against the Hub (GET /api/whoami-v2), shows who it belongs to and what it may do,
then saves it exactly where the hf CLI and huggingface_hub look: $HF_HOME/token and $HF_HOME/stored_tokens.
A sandbox Hub (--sandbox, or an --endpoint on this machine) keeps its logins in a separate HF_HOME instead:
a practice login never replaces your huggingface.co token.

Options:
  --token-stdin      read the token from stdin (for scripts: echo "$TOKEN" | ${APP_COMMAND} login --token-stdin)
  --device           log in from your browser with a one-time code (OAuth device flow)
  --switch NAME      make a saved token the active one, as \`hf auth switch\` does (see \`${APP_COMMAND} status\`)
  --endpoint URL     the Hub to use (default: HF_ENDPOINT, else https://huggingface.co)
  --sandbox          practise on the built-in offline sandbox Hub; saved under a separate HF_HOME
  --practice LABEL   a practice token (write, read, fine-grained, expired): with --sandbox, or --endpoint
                     at a sandbox on this machine whose folder you may read (a workshop's shared sandbox)
  --name NAME        save under this name (default: the token's name on the Hub)
  --json             print one JSON object with the result
  -h, --help         show this help

Without --token-stdin or --device, you are asked to paste the token (hidden input) when stdin is a terminal.
There is no --token option on purpose: a token in argv ends up in shell history and in the process list.`;

interface Options {
  tokenStdin: boolean;
  device: boolean;
  switchTo?: string;
  endpoint?: string;
  sandbox: boolean;
  practice?: string;
  name?: string;
  json: boolean;
}

class CommandFailure extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly kind = 'error',
  ) {
    super(message);
  }
}

function parse(args: string[]): Options | {help: true} {
  if (args.some((a) => a === '--token' || a.startsWith('--token='))) {
    throw new CommandFailure(
      `login does not take --token: a token on the command line is saved in your shell history and visible to every process (ps). Pipe it instead: \`printf %s "$TOKEN" | ${APP_COMMAND} login --token-stdin\`, or run \`${APP_COMMAND} login\` and paste it.`,
      EXIT.usage,
      'usage',
    );
  }
  const {values, positionals} = parseArgs({
    args,
    options: {
      'token-stdin': {type: 'boolean'},
      device: {type: 'boolean'},
      switch: {type: 'string'},
      endpoint: {type: 'string'},
      sandbox: {type: 'boolean'},
      practice: {type: 'string'},
      name: {type: 'string'},
      json: {type: 'boolean'},
      help: {type: 'boolean', short: 'h'},
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return {help: true};
  // The argument is not repeated: it may be a token, and only token-shaped text would be masked.
  if (positionals.length)
    throw new CommandFailure(
      'login takes no arguments. If that was a token, it must never be passed as an argument: use --token-stdin.',
      EXIT.usage,
      'usage',
    );
  const o: Options = {
    tokenStdin: Boolean(values['token-stdin']),
    device: Boolean(values.device),
    sandbox: Boolean(values.sandbox),
    json: Boolean(values.json),
  };
  if (values.endpoint !== undefined) o.endpoint = values.endpoint;
  if (values.practice !== undefined) o.practice = values.practice;
  if (values.name !== undefined) o.name = values.name;
  if (values.switch !== undefined) o.switchTo = values.switch;
  if (o.sandbox && o.endpoint)
    throw new CommandFailure(
      '--sandbox and --endpoint cannot be combined: the sandbox is its own endpoint.',
      EXIT.usage,
      'usage',
    );
  if ([o.tokenStdin, o.device, o.practice !== undefined, o.switchTo !== undefined].filter(Boolean).length > 1)
    throw new CommandFailure('choose one of --token-stdin, --device, --practice and --switch.', EXIT.usage, 'usage');
  if (o.practice !== undefined && !isPracticeToken(o.practice))
    throw new CommandFailure(`--practice takes one of ${PRACTICE_TOKENS.join(', ')}.`, EXIT.usage, 'usage');
  if (o.name !== undefined && (o.name.trim() === '' || /[[\]\r\n]/.test(o.name)))
    throw new CommandFailure('--name must be non-empty and contain no brackets or line breaks.', EXIT.usage, 'usage');
  return o;
}

/** Reads the first non-blank line of stdin (or all of it if there is no newline). */
function readFirstLine(stream: CommandIo['stdin']): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const done = (value: string) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      buf += chunk.toString();
      // Blank lines before the token (an `echo` too many) are skipped rather than waited past until EOF.
      buf = buf.replace(/^(?:[ \t]*\r?\n)+/, '');
      const nl = buf.search(/\r?\n/);
      if (nl >= 0) done(buf.slice(0, nl));
      else if (buf.length > 4096) done(buf);
    };
    const onEnd = () => done(buf);
    const onError = (e: Error) => reject(e);
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.resume();
  });
}

function onPath(env: Env, command: string): boolean {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return (env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir && exts.some((ext) => existsSync(join(dir, command + ext))));
}

interface Obtained extends LoginExtras {
  token: string;
  source: VerifySource;
}

async function obtainToken(
  o: Options,
  io: CommandIo,
  endpoint: string,
  env: Env,
  sandbox?: SandboxSession,
): Promise<Obtained> {
  if (o.practice !== undefined && sandbox) return {token: sandbox.tokens[o.practice as PracticeToken], source: 'input'};
  if (o.tokenStdin) {
    if (io.stdin.isTTY) writeLine(io.stderr, 'Reading the token from stdin (paste it and press Enter):');
    return {token: await readFirstLine(io.stdin), source: 'input'};
  }
  if (o.device) return deviceLogin(io, endpoint, env, sandbox?.endpoint === endpoint ? sandbox.formKey : undefined);
  // The practice tokens of \`sandbox --json\` belong to that separate, temporary sandbox: point at --practice, with
  // the flag that reaches this sandbox (--sandbox, or the URL of one reached by --endpoint / HF_ENDPOINT).
  const byUrl = !sandbox && isSandboxEndpoint(endpoint);
  const practice = `${APP_COMMAND} login ${sandbox ? '--sandbox' : `--endpoint ${endpoint}`} --practice write`;
  const sandboxHint = `Sandbox: no token to create or paste: log in with a practice token, \`${practice}\` (or --practice read, fine-grained or expired to see those fail).`;
  // The prompt facade's rule (src/prompt.ts canPrompt), checked first here for login's own words and --json kind.
  const noTerminal = `stdin is not a terminal, so there is nowhere to paste a token: pipe it with --token-stdin (e.g. \`printf %s "$TOKEN" | ${APP_COMMAND} login --token-stdin${byUrl ? ` --endpoint ${endpoint}` : ''}\`).${byUrl ? ` On this sandbox a practice token needs no paste: \`${practice}\`.` : ''}`;
  if (sandbox && !canPrompt(io)) throw new CommandFailure(sandboxHint, EXIT.usage, 'usage');
  if (!canPrompt(io)) throw new CommandFailure(noTerminal, EXIT.usage, 'usage');
  writeLine(
    io.stderr,
    sandbox || byUrl
      ? sandboxHint
      : `Create a token at ${endpoint}/settings/tokens (to run Jobs: a write token, or fine-grained with job.write).`,
  );
  try {
    const token = await promptPassword(
      io,
      {message: 'Paste your token (input is hidden; on Windows, right-click pastes)'},
      {withoutTerminal: noTerminal},
    );
    return {token, source: 'input'};
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError')
      throw new CommandFailure('Cancelled.', EXIT.interrupted, 'interrupted');
    throw error;
  }
}

async function deviceLogin(io: CommandIo, endpoint: string, env: Env, formKey?: string): Promise<Obtained> {
  const clientId = deviceClientId(env, endpoint);
  if (!clientId) {
    const hf = onPath(env, 'hf')
      ? ' `hf` is installed: run `hf auth login` (browser login), and this tool will use the token it saves.'
      : '';
    throw new CommandFailure(
      `Browser login on ${endpoint} needs an OAuth app id (HF_DEVICE_CODE_OAUTH_CLIENT_ID).${hf} Or paste a token: run \`${APP_COMMAND} login\`.`,
      EXIT.failed,
      'device-unavailable',
    );
  }
  const ac = new AbortController();
  const onSigint = () => ac.abort();
  process.once('SIGINT', onSigint);
  try {
    const authorization = await requestDeviceCode({
      endpoint,
      clientId,
      signal: ac.signal,
      ...(formKey ? {formKey} : {}),
    });
    writeLine(io.stderr, `\n    Open this URL in your browser:\n        ${approvalUrl(authorization, formKey)}\n`);
    writeLine(io.stderr, `    And enter the code: ${authorization.userCode}\n`);
    io.stderr.write('    Waiting for authorization');
    const token = await pollDeviceToken({
      endpoint,
      clientId,
      authorization,
      signal: ac.signal,
      onPoll: () => io.stderr.write('.'),
    });
    writeLine(io.stderr);
    return {token: token.accessToken, source: 'input', ...deviceLoginExtras(token)};
  } catch (error) {
    writeLine(io.stderr);
    if (error instanceof DeviceFlowError)
      throw new CommandFailure(
        `Login failed: ${error.message}`,
        error.code === 'aborted' ? EXIT.interrupted : EXIT.failed,
        `device-${error.code}`,
      );
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  let json = args.includes('--json');
  let secret: string | undefined;
  let sandbox: SandboxSession | undefined;
  // --json gets its error object on stdout; the line on stderr is main's (src/io.ts reportError), thrown from here.
  const fail = (message: string, code: number, kind: string): never => {
    const line = redactSecrets(message, secret ? [secret] : []);
    if (json) writeLine(io.stdout, JSON.stringify({ok: false, error: {kind, message: line}}));
    throw new AppError(line, {exitCode: code as ExitCode});
  };
  try {
    const parsed = parse(args);
    if ('help' in parsed) {
      writeLine(io.stdout, HELP);
      return EXIT.ok;
    }
    const o = parsed;
    json = o.json;
    // Names and orgs come from the server: no escape sequence or whole token reaches the terminal.
    const out = (line = '') => {
      if (!json) writeLine(io.stdout, redactSecrets(line));
    };

    const target = await openHubTarget(o, io.env);
    sandbox = target.sandbox;
    const {endpoint, env} = target;
    if (o.switchTo !== undefined) return await switchLogin(o.switchTo, env, io, json, fail);

    const got =
      o.practice !== undefined && !sandbox
        ? await sharedPracticeToken(endpoint, o.practice as PracticeToken)
        : await obtainToken(o, io, endpoint, env, sandbox);
    secret = normalizeTokenInput(got.token);
    const result = await loginWithToken({
      env,
      endpoint,
      rawToken: got.token,
      source: got.source,
      ...(o.name !== undefined ? {name: o.name} : {}),
      ...(got.refreshToken ? {refreshToken: got.refreshToken} : {}),
      ...(got.expiresAt !== undefined ? {expiresAt: got.expiresAt} : {}),
    });
    if (!result.ok) {
      const kind =
        result.stage === 'format'
          ? result.problem === 'org-token'
            ? 'org-token'
            : 'invalid-token-format'
          : result.kind;
      return fail(result.message, EXIT.failed, kind);
    }
    const {info, name, token} = result;
    const saved = result.saved!;
    const shadowMsg = saved.shadowedBy
      ? `Note: the ${saved.shadowedBy} environment variable is set and is still the active token, independently from the token you just saved. Unset it (or update it) to use this login.`
      : undefined;

    if (json) {
      writeLine(
        io.stdout,
        JSON.stringify({
          ok: true,
          endpoint,
          sandbox: Boolean(sandbox),
          user: info.user,
          orgs: info.orgs,
          token: {
            kind: info.kind,
            label: describeKind(info),
            role: info.role ?? null,
            maskedToken: maskToken(token),
            scopes: info.scopes,
            canReadGatedRepos: info.canReadGatedRepos,
          },
          savedAs: name,
          tokenPath: saved.paths.tokenPath,
          storedTokensPath: saved.paths.storedTokensPath,
          backedUpCorruptFile: saved.backedUpTo ?? null,
          shadowedBy: saved.shadowedBy ?? null,
        }),
      );
    } else {
      out(
        `Token is valid: ${maskToken(token)} belongs to ${info.user}${info.fullname ? ` (${info.fullname})` : ''} on ${endpoint}.`,
      );
      out(`Type: ${describeKind(info)}.`);
      for (const line of summarizePermissions(info)) out(`  ${line}`);
      if (info.orgs.length)
        out(`Orgs: ${info.orgs.map((g) => (g.roleInOrg ? `${g.name} (${g.roleInOrg})` : g.name)).join(', ')}`);
      if (saved.backedUpTo)
        out(
          `Warning: ${saved.paths.storedTokensPath} could not be read (${saved.corruptReason}); a copy was kept at ${saved.backedUpTo}.`,
        );
      out(`The token "${name}" has been saved to ${saved.paths.storedTokensPath}`);
      out(`Your token has been saved to ${saved.paths.tokenPath}`);
      if (sandbox) out('Sandbox login: saved under a separate HF_HOME; your real Hugging Face login is untouched.');
      else if (isSandboxEndpoint(endpoint))
        out(
          `Sandbox login: saved under a separate HF_HOME (${saved.paths.hfHome}); your real Hugging Face login is untouched. The hf CLI and huggingface_hub use it with HF_HOME=${shellQuoteShown(saved.paths.hfHome)} HF_ENDPOINT=${endpoint}.`,
        );
      else if (!isDefaultEndpoint(endpoint))
        out(`Note: the hf CLI and huggingface_hub use this token with HF_ENDPOINT=${endpoint}.`);
      out('Login successful.');
    }
    if (shadowMsg) writeLine(io.stderr, shadowMsg);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AppError) throw error; // fail() already wrote its --json object
    if (error instanceof CommandFailure) return fail(error.message, error.code, error.kind);
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
    const code = (error as {code?: string}).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
      return fail(`${message}. Run \`${APP_COMMAND} login --help\`.`, EXIT.usage, 'usage');
    return fail(message, EXIT.failed, 'error');
  } finally {
    await sandbox?.close();
  }
}

/**
 * `--practice LABEL` on a sandbox reached by its URL (`--endpoint` or HF_ENDPOINT at this machine: a workshop's shared
 * sandbox): its practice token, read from the folder that sandbox serves when this user may read it (core/auth/shared-sandbox.ts).
 */
async function sharedPracticeToken(endpoint: string, label: PracticeToken): Promise<Obtained> {
  if (!isSandboxEndpoint(endpoint))
    throw new CommandFailure(
      `--practice works with --sandbox, or --endpoint at a sandbox on this machine (http://127.0.0.1:PORT); not with ${endpoint}.`,
      EXIT.usage,
      'usage',
    );
  // Sent only to the sandbox that proves it serves the folder they came from (sandbox/owner.ts, loaded here only).
  const shared = await practiceTokensAt(endpoint, {
    servesDataDir: async (url, dir) => (await import('../sandbox/owner.js')).servesDataDir(url, dir),
  });
  if (!shared.ok) throw new CommandFailure(shared.message, EXIT.failed, 'no-practice-tokens');
  return {token: shared.tokens[label], source: 'input'};
}

/** `login --switch NAME`: the saved token NAME becomes the active one (the token file), like `hf auth switch`. */
async function switchLogin(
  name: string,
  env: Env,
  io: CommandIo,
  json: boolean,
  fail: (message: string, code: number, kind: string) => never,
): Promise<number> {
  const result = await switchToken(env, name);
  const safeName = JSON.stringify(sanitizeName(name));
  if (result.status === 'not-found') {
    const available = result.available.length
      ? ` Saved tokens: ${result.available.map((n) => JSON.stringify(sanitizeName(n))).join(', ')}.`
      : ' No token is saved yet: log in first.';
    return fail(
      `No saved token is named ${safeName} in ${result.paths.storedTokensPath}.${result.problem ? ` (${result.problem})` : ''}${available}`,
      EXIT.failed,
      'not-found',
    );
  }
  const note = result.shadowedBy
    ? `Note: the ${result.shadowedBy} environment variable is set and still wins over the token you switched to. Unset it to use "${sanitizeName(name)}".`
    : undefined;
  if (json)
    writeLine(
      io.stdout,
      JSON.stringify({
        ok: true,
        switchedTo: name,
        tokenPath: result.paths.tokenPath,
        shadowedBy: result.shadowedBy ?? null,
      }),
    );
  else writeLine(io.stdout, `The active token is now ${safeName} (written to ${result.paths.tokenPath}).`);
  if (note) writeLine(io.stderr, note);
  return EXIT.ok;
}

/** A name from a file we did not write: no control characters reach the terminal. */
function sanitizeName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
