// `hf-jobs-wizard logout [NAME]`: like `hf auth logout`: without NAME remove the token file and stored_tokens,
// with NAME remove that saved token (and the active token file if it was that one).
import {defaultSandboxDataDir} from '../core/auth/sandbox-session.js';
import {resolveEndpoint} from '../core/endpoint.js';
import {isSandboxEndpoint} from '../core/practice.js';
import {envForEndpoint, sandboxEnv} from '../core/store/paths.js';
import {logout} from '../core/store/session.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {AppError, EXIT, writeLine, type CommandIo} from '../io.js';
import {parseCommandArgs} from './args.js';
import {rememberRecordedSandbox, targetFlagProblem} from './hub-target.js';
import {APP_COMMAND} from '../core/invocation.js';

const HELP = `Usage: hf-jobs-wizard logout [NAME] [--sandbox | --endpoint URL]

Without NAME: removes the saved login ($HF_HOME/token and $HF_HOME/stored_tokens), like \`hf auth logout\`.
With NAME: removes only that saved token (see \`${APP_COMMAND} status\` for the names).

Options:
  --sandbox       log out of the sandbox's practice login instead of the real one
  --endpoint URL  the Hub to log out of (default: HF_ENDPOINT): a sandbox on this machine
                  (http://127.0.0.1:PORT) has its own saved login, where \`login --endpoint URL\` saved it
  -h, --help      show this help

Exit codes: 0 logged out (or nothing to do), 1 NAME not found or still logged in via HF_TOKEN, 2 usage error.`;

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs('logout', args, {sandbox: {type: 'boolean'}, endpoint: {type: 'string'}}, io, HELP);
  if ('exit' in parsed) return parsed.exit;
  const {values, positionals} = parsed;
  if (positionals.length > 1) {
    throw new AppError('takes at most one NAME (quote names with spaces).', {exitCode: EXIT.usage});
  }
  const flagProblem = targetFlagProblem(values);
  if (flagProblem) throw new AppError(flagProblem, {exitCode: EXIT.usage});
  // Sandbox: the same separate HF_HOME `login --sandbox` uses; no need to start the sandbox itself. A sandbox by URL:
  // the home `login --endpoint URL` saved to (never the real login's files).
  const endpoint = resolveEndpoint(values.endpoint, io.env);
  // This user's own sandbox reached by its URL: --sandbox's home (core/store/paths.ts envForEndpoint).
  if (!values.sandbox && isSandboxEndpoint(endpoint)) rememberRecordedSandbox(io.env);
  const env = values.sandbox ? sandboxEnv(io.env, defaultSandboxDataDir(io.env)) : envForEndpoint(io.env, endpoint);
  const r = await logout(env, positionals[0]);
  let code: number = EXIT.ok;
  let failure: AppError | undefined;
  switch (r.status) {
    case 'not-logged-in':
      writeLine(io.stdout, `Not logged in: no saved token under ${r.paths.hfHome}.`);
      break;
    case 'not-found':
      // Reported by main once, after the warning below (if any).
      failure = new AppError(
        `no saved token named "${sanitizeLine(r.name)}" in ${r.paths.storedTokensPath}.${r.available.length ? ` Saved: ${r.available.map((n) => `"${sanitizeLine(n)}"`).join(', ')}.` : ''}`,
        r.problem ? {fix: `Warning: ${r.problem}`} : {},
      );
      break;
    case 'logged-out-all':
      writeLine(
        io.stdout,
        `Successfully logged out from all access tokens${r.removedFiles.length ? ` (removed ${r.removedFiles.join(' and ')})` : ''}.`,
      );
      break;
    case 'logged-out-name':
      if (r.wasActive)
        writeLine(io.stdout, `Active token "${sanitizeLine(r.name)}" has been deleted (no token is active now).`);
      writeLine(io.stdout, `Successfully logged out from access token: ${sanitizeLine(r.name)}.`);
      break;
  }
  if (r.removedCopies)
    writeLine(
      io.stdout,
      `Also removed ${r.removedCopies.length === 1 ? 'a leftover copy that held the token' : `${r.removedCopies.length} leftover copies that held tokens`} (backups of an unreadable stored_tokens, temp files of an interrupted login): ${r.removedCopies.join(', ')}.`,
    );
  if (r.keptBackups)
    writeLine(
      io.stderr,
      `Note: ${r.keptBackups.join(', ')} ${r.keptBackups.length === 1 ? 'is a backup' : 'are backups'} of an unreadable stored_tokens holding other tokens; kept. Delete ${r.keptBackups.length === 1 ? 'it' : 'them'} if you no longer need ${r.keptBackups.length === 1 ? 'it' : 'them'}.`,
    );
  if (r.stillLoggedInVia) {
    writeLine(
      io.stderr,
      `Warning: you are still logged in through the ${r.stillLoggedInVia} environment variable. To log out, unset both HF_TOKEN and HUGGING_FACE_HUB_TOKEN.`,
    );
    code = EXIT.failed;
  }
  if (failure) throw failure;
  return code;
}
