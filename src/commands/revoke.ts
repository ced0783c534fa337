// `hf-jobs-wizard revoke [FILE|-]`: a leaked token, answered. Finds the real-format tokens in a file, in piped text or
// in a hidden paste, shows them masked, and after an explicit confirmation asks the Hub to revoke them through
// POST /api/credentials/revoke (the Hub answers 202 whatever the token, so it never tells whether one was live);
// then lists the steps to make a new token and replace the old one. The token never goes through argv.
import {resolve} from 'node:path';
import {revokeCredentials} from '../core/hub/extra-routes.js';
import {describeHubError} from '../core/hub/errors.js';
import {appCommand} from '../core/invocation.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {afterRevokeSteps, type LeakedToken} from '../core/tokens/leak.js';
import {findPastedTokens} from '../core/troubleshoot/pasted-tokens.js';
import {AppError, EXIT, writeLine, type CommandIo, type ExitCode} from '../io.js';
import {promptConfirm, promptPassword} from '../prompt.js';
import {parseCommandArgs} from './args.js';
import {openHubTarget, targetFlagProblem} from './hub-target.js';
import {readPipedText} from './stdin.js';
import {pipeOptions, ReadTextError, readTextFile} from './read-text.js';

const HELP = `Usage: hf-jobs-wizard revoke [FILE | -] [--yes] [--json] [--endpoint URL | --sandbox]

Revokes leaked tokens. It finds every real-format token (hf_…, api_org_…) in FILE, in text piped on stdin
(\`-\`), or, in a terminal with no FILE, in a hidden paste; shows them masked; asks before it sends anything; then
asks the Hub to revoke them (POST /api/credentials/revoke). Never pass a token as an argument: argv is visible to
other programs and kept in shell history.

The Hub answers 202 whatever it was sent (it never tells whether a token was live), so check afterwards:
a revoked token fails \`${appCommand('status')}\` with 401.

Options:
  --yes        revoke without asking (needed when stdin is not a terminal)
  --json       print {"sent": [masked tokens], "status": 202, "next": [steps]}
  --sandbox    revoke on the offline sandbox Hub (practice tokens)
  --endpoint   revoke on this Hub (default: HF_ENDPOINT or https://huggingface.co)
  -h, --help   show this help

Exit codes: 0 sent, 1 nothing found / not sent / the request failed, 2 usage error, 130 interrupted.`;

const STDIN_LIMIT_BYTES = 5 * 1024 * 1024;
const STDIN_IDLE_MS = 10_000;
/** A file is read whole (a token may stand anywhere in it), up to this size. */
const FILE_LIMIT_BYTES = 64 * 1024 * 1024;

async function findTokens(
  source: string | undefined,
  io: CommandIo,
): Promise<{leaks: LeakedToken[]; where: string} | {error: string; code: number}> {
  if (source && source !== '-') {
    try {
      const {text} = await readTextFile(resolve(io.cwd, source), source, {
        limitBytes: FILE_LIMIT_BYTES,
        ...pipeOptions(io),
      });
      return {leaks: findPastedTokens(text), where: sanitizeLine(source)};
    } catch (error) {
      if (!(error instanceof ReadTextError)) throw error;
      return {error: error.message, code: EXIT.failed};
    }
  }
  if (source === '-' || !io.stdin.isTTY) {
    const text = await readPipedText(io.stdin, {idleMs: STDIN_IDLE_MS, limitBytes: STDIN_LIMIT_BYTES});
    if (text === undefined)
      return {error: 'nothing arrived on stdin: pipe the text that holds the token, or give a FILE.', code: EXIT.usage};
    return {leaks: findPastedTokens(text), where: 'the text on stdin'};
  }
  try {
    const pasted = await promptPassword(
      io,
      {message: 'Paste the token to revoke (input is hidden)'},
      {withoutTerminal: 'nothing to read: pipe the text that holds the token, or give a FILE.'},
    );
    return {leaks: findPastedTokens(pasted), where: 'the pasted text'};
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError') return {error: 'Cancelled.', code: EXIT.interrupted};
    throw error;
  }
}

/** Yes or no on a terminal (Ctrl+C is no); without one, an AppError: pass --yes. */
async function confirmRevoke(leaks: LeakedToken[], endpoint: string, io: CommandIo): Promise<boolean> {
  const what = leaks.length === 1 ? `${leaks[0]!.masked}` : `these ${leaks.length} tokens`;
  try {
    return await promptConfirm(
      io,
      {
        message: `Revoke ${what} on ${endpoint}? Anything still using ${leaks.length === 1 ? 'it' : 'them'} will stop working.`,
        default: false,
      },
      {withoutTerminal: 'revoking needs a confirmation: run it in a terminal, or pass --yes.'},
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    return false;
  }
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(
    'revoke',
    args,
    {yes: {type: 'boolean'}, json: {type: 'boolean'}, sandbox: {type: 'boolean'}, endpoint: {type: 'string'}},
    io,
    HELP,
  );
  if ('exit' in parsed) return parsed.exit;
  const {values, positionals} = parsed;
  // Thrown, and reported once by main (src/io.ts reportError).
  const fail = (message: string, code: ExitCode = EXIT.failed): never => {
    throw new AppError(message, {exitCode: code});
  };
  if (positionals.length > 1) return fail('give one FILE (or - for stdin).', EXIT.usage);
  if (positionals[0] && findPastedTokens(positionals[0]).length > 0) {
    return fail(
      'a token was given as an argument: argv is visible to other programs and kept in shell history. Pipe it instead: `printf %s "$TOKEN" | ' +
        appCommand('revoke -') +
        '` (and revoke that one too).',
      EXIT.usage,
    );
  }
  const flagProblem = targetFlagProblem(values);
  if (flagProblem) return fail(flagProblem, EXIT.usage);

  const found = await findTokens(positionals[0], io);
  if ('error' in found) return fail(found.error, found.code as ExitCode);
  const {leaks, where} = found;
  if (leaks.length === 0) return fail(`no real-format token in ${where} (placeholders such as hf_xxx are not tokens).`);
  if (!values.json) for (const l of leaks) writeLine(io.stderr, `Found ${l.masked} in ${where}, line ${l.line}.`);

  const target = await openHubTarget(values, io.env).catch((error: Error) => error);
  if (target instanceof Error) return fail(target.message.split('\n')[0]!);
  try {
    if (!values.yes) {
      if (!(await confirmRevoke(leaks, target.endpoint, io))) return fail('Not revoked: nothing was sent.');
    }
    let status: number;
    try {
      status = await revokeCredentials(
        {hubUrl: target.endpoint},
        leaks.map((l) => l.token),
      );
    } catch (error) {
      const secrets = leaks.map((l) => l.token);
      return fail(
        `the revoke request failed, so the token may still work: ${describeHubError(error, {endpoint: target.endpoint, secrets}).message} Revoke it by hand at ${target.endpoint}/settings/tokens.`,
      );
    }
    const next = afterRevokeSteps(`${target.endpoint}/settings/tokens`, (a) =>
      appCommand(values.sandbox ? `${a} --sandbox` : a),
    );
    if (values.json) {
      writeLine(io.stdout, JSON.stringify({sent: leaks.map((l) => l.masked), status, endpoint: target.endpoint, next}));
    } else {
      writeLine(
        io.stdout,
        `Sent ${leaks.map((l) => l.masked).join(', ')} to ${target.endpoint} for revocation (the Hub answered ${status}; it answers so for any token, live or not).`,
      );
      writeLine(io.stdout, 'Next:');
      next.forEach((step, i) => writeLine(io.stdout, `  ${i + 1}. ${step}`));
    }
    return EXIT.ok;
  } finally {
    await target.close();
  }
}
