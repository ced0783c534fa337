// `hf-jobs-wizard status`: account, token source, masked token, type, scopes, orgs, and the HF_TOKEN-shadows warning.
// The --json shape is StatusReport, documented in src/core/auth/status.ts.
import {redactSecrets} from '../core/tokens/mask.js';
import {gatherStatus, type StatusReport} from '../core/auth/status.js';
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

function render(r: StatusReport, out: (line?: string) => void): void {
  out(`Endpoint:  ${r.endpoint}`);
  if (!r.loggedIn) {
    out(r.tokenFileProblem ? 'Not logged in: no HF_TOKEN environment variable, and the saved token cannot be read (see below).' : 'Not logged in: no HF_TOKEN environment variable and no saved token.');
    out(`  (looked in ${r.tokenPath})`);
    out(`Log in with \`${APP_COMMAND} login\` (paste a token) or \`${APP_COMMAND} login --device\`, or practise with \`${APP_COMMAND} login --sandbox --practice write\`.`);
  } else {
    if (r.account) out(`Account:   ${r.account.user}${r.account.fullname ? ` (${r.account.fullname})` : ''}`);
    if (r.account?.orgs.length) out(`Orgs:      ${r.account.orgs.map((o) => (o.roleInOrg ? `${o.name} (${o.roleInOrg})` : o.name)).join(', ')}`);
    out(`Token:     ${r.maskedToken} from ${r.sourceDescription}${r.activeName ? `, saved as "${r.activeName}"` : ''}`);
    if (r.token) {
      out(`Type:      ${r.token.label}${r.token.displayName && r.token.displayName !== r.activeName ? ` named "${r.token.displayName}" on the Hub` : ''}`);
      for (const line of r.token.summary) out(`           ${line}`);
      if (r.token.expiresAt) out(`Expires:   ${r.token.expiresAt}`);
    } else if (r.online === 'skipped' && !r.formatProblem) {
      out('Type:      not checked (offline); run without --offline to ask the Hub.');
    }
  }
  if (r.storedTokens.length) {
    out(`Saved tokens (* = ${r.source === 'file' ? 'active' : r.source ? `saved as active, but ${r.source} wins` : 'active'}):`);
    const width = Math.min(32, Math.max(...r.storedTokens.map((t) => t.name.length)));
    for (const t of r.storedTokens) {
      const head = `  ${t.active ? '*' : ' '} ${t.name.padEnd(width)}  ${t.maskedToken ?? '(no hf_token)'}`;
      const c = t.check;
      if (!c) out(head);
      else if (!c.valid) out(`${head}  ${c.problem ?? 'invalid'}`);
      else {
        out(`${head}  ${c.label}${c.user ? ` of ${c.user}` : ''}${c.expiresAt ? `, expires ${c.expiresAt}` : ''}`);
        for (const s of c.scopes ?? []) out(`      ${s.entity.type} ${s.entity.name}: ${s.permissions.join(', ') || '(none)'}`);
        if (c.kind === 'fineGrained') out(`      ${c.canReadGatedRepos ? 'can' : 'cannot'} read public gated repos`);
      }
    }
    if (r.storedTokens.length > 1) out(`Switch with \`${APP_COMMAND} login --switch NAME\` (the same files as \`hf auth switch\`).`);
  }
  for (const note of r.notes) out(`Note: ${note}`);
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs('status', args, {json: {type: 'boolean'}, endpoint: {type: 'string'}, sandbox: {type: 'boolean'}, offline: {type: 'boolean'}}, io, HELP);
  if ('exit' in parsed) return parsed.exit;
  const {values, positionals} = parsed;
  if (positionals.length) {
    throw new AppError(`unexpected argument "${positionals[0]}". Run \`${APP_COMMAND} status --help\`.`, {exitCode: EXIT.usage});
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
    else render(report, (line = '') => writeLine(io.stdout, redactSecrets(line))); // server-supplied names: sanitised
    const warn = (line: string) => writeLine(io.stderr, line);
    if (!values.json) {
      if (report.shadow) warn(`Warning: ${report.shadow.message}`);
      if (report.tokenFileProblem) warn(`Warning: ${report.tokenFileProblem}`);
      if (report.storedTokensProblem) warn(`Warning: ${report.storedTokensProblem}`);
      if (report.formatProblem) warn(`Problem: ${report.formatProblem}`);
      if (report.error) warn(report.online === 'network' ? `Could not check the token online: ${report.error.message}` : `Problem: ${report.error.message}`);
    }
    if (!report.loggedIn) return EXIT.failed;
    if (values.offline) return report.formatProblem ? EXIT.failed : EXIT.ok;
    return report.online === 'ok' ? EXIT.ok : EXIT.failed;
  } finally {
    await target?.close();
  }
}
