// `hf-jobs-wizard status`: account, token source, masked token, type, scopes, orgs, and the HF_TOKEN-shadows warning.
// The --json shape is StatusReport, documented in src/core/auth/status.ts.
import {redactSecrets} from '../core/tokens/mask.js';
import {gatherStatus, type StatusReport} from '../core/auth/status.js';
import {statusText} from '../core/auth/status-text.js';
import {AppError, EXIT, writeLine, type CommandIo} from '../io.js';
import {parseCommandArgs} from './args.js';
import {openHubTarget, targetFlagProblem, type HubTarget} from './hub-target.js';
import {APP_COMMAND} from '../core/invocation.js';

const HELP = `Usage: hf-jobs-wizard status [--json] [--endpoint URL | --sandbox] [--offline]

Shows which token is in effect (HF_TOKEN, HUGGING_FACE_HUB_TOKEN or the saved login), who it belongs to,
its type and permissions, your orgs, and warns when an environment variable hides your saved login.

Options:
  --json          print one JSON object (shape documented in src/core/auth/status.ts)
  --endpoint URL  the Hub to ask (default: HF_ENDPOINT, else https://huggingface.co)
  --sandbox       the sandbox's practice login, checked against the sandbox Hub
  --offline       local facts only, no request
  -h, --help      show this help

Exit codes: 0 logged in with a valid token, 1 not logged in / invalid token / Hub unreachable, 2 usage error.`;

function render(r: StatusReport, sandbox: boolean, out: (line?: string) => void): void {
  for (const line of statusText(r, {sandbox})) out(line);
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(
    'status',
    args,
    {json: {type: 'boolean'}, endpoint: {type: 'string'}, sandbox: {type: 'boolean'}, offline: {type: 'boolean'}},
    io,
    HELP,
  );
  if ('exit' in parsed) return parsed.exit;
  const {values, positionals} = parsed;
  if (positionals.length) {
    throw new AppError(`unexpected argument "${positionals[0]}". Run \`${APP_COMMAND} status --help\`.`, {
      exitCode: EXIT.usage,
    });
  }
  const flagProblem = targetFlagProblem(values);
  if (flagProblem) {
    throw new AppError(flagProblem, {exitCode: EXIT.usage});
  }
  let target: HubTarget | undefined;
  try {
    target = await openHubTarget(values, io.env);
    const {env, endpoint} = target;
    const report = await gatherStatus(env, endpoint, {offline: Boolean(values.offline)});
    if (values.json) writeLine(io.stdout, JSON.stringify(report));
    else render(report, Boolean(values.sandbox), (line = '') => writeLine(io.stdout, redactSecrets(line))); // server-supplied names: sanitised
    const warn = (line: string) => writeLine(io.stderr, line);
    if (!values.json) {
      if (report.shadow) warn(`Warning: ${report.shadow.message}`);
      if (report.tokenFileProblem) warn(`Warning: ${report.tokenFileProblem}`);
      if (report.storedTokensProblem) warn(`Warning: ${report.storedTokensProblem}`);
      if (report.formatProblem) warn(`Problem: ${report.formatProblem}`);
      if (report.error)
        warn(
          report.online === 'network'
            ? `Could not check the token online: ${report.error.message}`
            : `Problem: ${report.error.message}`,
        );
    }
    if (!report.loggedIn) return EXIT.failed;
    if (values.offline) return report.formatProblem ? EXIT.failed : EXIT.ok;
    return report.online === 'ok' ? EXIT.ok : EXIT.failed;
  } finally {
    await target?.close();
  }
}
