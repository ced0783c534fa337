// `hf-jobs-wizard check [PATH...]`: the token checklist over job configs, scripts, shell lines, MCP calls and
// Markdown, then live checks against the Hub. --json prints exactly {"ok", "checks": [...]}.
import {readFileSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import {runChecks} from '../core/checks/runner.js';
import {tuneForOneScan} from '../core/checks/v8-tuning.js';
import {preflightText} from '../core/preflight/preflight.js';
import type {CheckReport, CheckResult, ScanSummary} from '../core/checks/types.js';
import {appCommand} from '../core/invocation.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {AppError, EXIT, writeLine, type CommandIo} from '../io.js';
import {parseCommandArgs} from './args.js';
import {openHubTarget, targetFlagProblem, type HubTarget} from './hub-target.js';

const HELP = `Usage: hf-jobs-wizard check [PATH...] [--json] [--offline] [--endpoint URL | --sandbox]

Checks how your jobs get their Hugging Face token, before you spend compute on them. Reads job configs
(hf-job.json), Python scripts and run_job/run_uv_job/create_scheduled_job calls, \`hf jobs run|uv run|scheduled
run\` (and legacy \`hfjobs\`) lines, MCP hf_jobs calls, Markdown code blocks, notebook cells and workflow steps
in the paths. A command shown in a docstring, usage text, comment or README is checked like one you run (default: the current folder; .gitignore is honoured), then checks
your token against the Hub. With a token and a Hub to ask, each job found (up to 5) also gets a pre-flight:
may this token run it there, can the namespace pay, the most it can cost, and the timeout. Hidden folders (.git, .cache, .venv ...; .github is read), node_modules,
__pycache__ and this app's own data (its cache folder, sandbox data) are skipped unless you name them.

What the token checks mean:
  no-token-check   a job script that writes to the Hub (push_to_hub, upload_*, create_*/delete_*, Storage Bucket
                   writes: batch_bucket_files, sync_bucket or hf buckets cp/sync towards a bucket, HfFileSystem
                   writes to hf:// paths) never reads HF_TOKEN (nor calls get_token(), login() or whoami()); scripts
                   that only download, or write under a job volume's mount path (-v, authorised when the job is
                   created), are not judged. \`python -m pkg.mod\` in a job's command runs pkg/mod.py
  missing-secrets  the job's script writes to the Hub (or fails without HF_TOKEN) and the submission passes no token
                   (hf's own options count after the script too, up to --; a doc's block named as the script is read,
                   and so is a uv script block shown just before a command that runs a local file no block names;
                   a script given by URL is read from the tree: next to the doc, or at its path in the repository;
                   else the job's arguments judge it: --push_to_hub, --output-dataset u/d, a positional u/output-x,
                   --hub_model_id with any value, even one the shell or the script fills in; in a doc, a sentence
                   after the command saying the job writes to the Hub: "so the job can write the dataset back to
                   the Hub", not an instruction to the reader, nor about an option the command leaves out, nor for
                   a job mounting a Hub volume with -v). When nothing says whether the job writes (its script is
                   not in what was checked), it is not judged, and the result says so: no guess either way.
                   A command a script builds as a list (cmd = ["hf", "jobs", "run", ...]; cmd += [...]) is
                   checked like one typed
  wrong-secret-key the token is passed under another name (HUGGINGFACE_TOKEN, hf_token ...)
  token-in-env     the token is passed with -e/env (shown in the job's details) instead of as a secret, judged by
                   the value whatever the name: $HF_TOKEN or another token variable, $(hf auth token), get_token(),
                   a bare HF_TOKEN, an hf_ token (not a token file's path, not another service's token)
  literal-placeholder  "$HF_TOKEN" sent where nothing replaces it (Python, single quotes, a --secrets-file). In a
                   shell, --secrets HF_TOKEN=$HF_TOKEN is filled in by the shell: not a finding (it works when
                   HF_TOKEN is exported; after only hf auth login it is empty, where bare --secrets HF_TOKEN is not)
  Placeholders (hf_xxx, hf_..., your-token-here) are never taken for tokens.

Options:
  --json          print {"ok": bool, "checks": [{"id", "status", "title", "message", "fix", "file"?, "line"?}],
                  "preflight"?: [{"file", "line", "api", "report": {"verdict", "lines": [...], "maxCostUsd"?}}]}
  --offline       no network: skip token-valid, token-permission, repo-access and pre-flight
  --endpoint URL  the Hub to ask (default: HF_ENDPOINT, else https://huggingface.co)
  --sandbox       check against the offline sandbox Hub with its practice login (\`${appCommand('login --sandbox')}\`),
                  the same one the wizard and \`${appCommand('example --sandbox')}\` use
  -h, --help      show this help

Example: ${appCommand('check my-first-hf-job --sandbox')}

Exit codes: 0 no failure (warnings allowed), 1 at least one check or pre-flight failed, 2 usage error.`;

const MARKS = {pass: '✓', warn: '!', fail: '✗', skip: '-'} as const;
const COLORS = {pass: '\x1b[32m', warn: '\x1b[33m', fail: '\x1b[31m', skip: '\x1b[2m'} as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `Scanned 12 files in my-first-hf-job/ (skipped 3 hidden folders)`. */
export function scannedLine(s: ScanSummary): string {
  const where = s.paths.map((p) => (p === '.' ? 'the current folder' : sanitizeLine(p))).join(', ');
  const count = (reason: ScanSummary['skippedDirs'][number]['reason']) =>
    s.skippedDirs.filter((d) => d.reason === reason).length;
  const parts = [
    count('hidden') ? plural(count('hidden'), 'hidden folder') : '',
    count('dependencies') ? plural(count('dependencies'), 'dependency folder') : '',
    count('app-data') ? `${plural(count('app-data'), 'folder')} of this app's own data` : '',
  ].filter(Boolean);
  return `Scanned ${plural(s.files, 'file')} in ${where}${parts.length ? ` (skipped ${parts.join(', ')}; name one to check it)` : ''}`;
}

/**
 * The text files the checks did not read in full (past MAX_BYTES, or unreadable) and the folders they could not list:
 * a token there was not looked for, so "No token written in files" must not read as covering them. Binary files are
 * left out (images, weights).
 */
export function notReadLine(s: ScanSummary): string | undefined {
  const partial = (s.notRead ?? []).filter((f) => f.reason !== 'binary');
  if (!partial.length) return undefined;
  // A name may be thousands of characters (a folder 3000 deep): its start and its end say which it is.
  const short = (name: string) => (name.length > 100 ? `${name.slice(0, 40)}…${name.slice(-59)}` : name);
  const named = partial.slice(0, 3).map((f) => `${short(sanitizeLine(f.file))}: ${f.reason}`);
  const more = partial.length > 3 ? ` and ${partial.length - 3} more` : '';
  return `Not read, or not in full (nothing there was checked): ${named.join('; ')}${more}.`;
}

export function renderReport(report: CheckReport, color: boolean, scanned?: ScanSummary): string[] {
  const paint = (status: CheckResult['status'], s: string) => (color ? `${COLORS[status]}${s}\x1b[0m` : s);
  const lines: string[] = [];
  if (scanned) lines.push(...[scannedLine(scanned), notReadLine(scanned) ?? ''].filter(Boolean), '');
  for (const c of report.checks) {
    // A file name is outside text: one with escape codes in it (a file anyone can create) must not drive the terminal.
    const where = c.file !== undefined ? sanitizeLine(`${c.file}${c.line !== undefined ? `:${c.line}` : ''}`) : '';
    if (c.status === 'pass') lines.push(`${paint('pass', `[${MARKS.pass}]`)} ${c.title}: ${sanitizeLine(c.message)}`);
    else if (c.status === 'skip')
      lines.push(`${paint('skip', `[${MARKS.skip}] ${c.title}: ${sanitizeLine(c.message)}`)}`);
    else {
      lines.push(`${paint(c.status, `[${MARKS[c.status]}]`)} ${c.title}${where ? `  (${where})` : ''}`);
      // One line each: a file name with a line break in it must not add lines that read as the report's own.
      lines.push(`    ${sanitizeLine(c.message)}`);
      if (c.fix) lines.push(`    Fix: ${sanitizeLine(c.fix)}`);
    }
  }
  const count = (s: CheckResult['status']) => report.checks.filter((c) => c.status === s).length;
  // Every check passed but pre-flight (printed below the list) says the Hub would refuse or fail the job.
  const advice = report.ok
    ? ''
    : count('fail') > 0
      ? ' Fix the ✗ lines before submitting the job.'
      : ' Pre-flight (below) says the Hub would refuse or fail this job: fix that before submitting it.';
  lines.push('');
  lines.push(
    `${count('fail')} failed, ${count('warn')} warning${count('warn') === 1 ? '' : 's'}, ${count('pass')} passed, ${count('skip')} skipped.${advice}`,
  );
  return lines;
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(
    'check',
    args,
    {json: {type: 'boolean'}, offline: {type: 'boolean'}, endpoint: {type: 'string'}, sandbox: {type: 'boolean'}},
    io,
    HELP,
  );
  if ('exit' in parsed) return parsed.exit;
  // Before any file is scanned: the scanner's code runs once, cold (see tuneForOneScan).
  tuneForOneScan();
  // ms since the process started: what came before this line is start-up and module loading. (Not performance.now():
  // its first use loads perf_hooks and 9 more modules.)
  const started = process.uptime() * 1000;
  const startCpu = process.cpuUsage();
  const {values, positionals} = parsed;
  const paths = positionals.length ? positionals : ['.'];
  for (const p of paths) {
    // statSync: one call, and node:fs/promises (12 more internal modules to load) is not needed on check's path.
    let found;
    try {
      found = statSync(resolve(io.cwd, p), {throwIfNoEntry: false});
    } catch {
      // a loop of links, a path too long, no permission on a folder above it: not there for check either
    }
    if (!found) throw new AppError(`no such file or folder: ${p}`, {exitCode: EXIT.usage});
  }
  const flagProblem = targetFlagProblem(values);
  if (flagProblem) {
    throw new AppError(flagProblem, {exitCode: EXIT.usage});
  }
  let target: HubTarget | undefined;
  try {
    // --sandbox: the persistent sandbox and its own HF_HOME, where `login --sandbox` and the wizard saved the login.
    target = await openHubTarget(values, io.env);
    const {env, endpoint} = target;
    let scanned: ScanSummary | undefined;
    const report = await runChecks({
      paths,
      cwd: io.cwd,
      env,
      offline: Boolean(values.offline),
      endpoint,
      preflight: true,
      onScanned: (s) => (scanned = s),
    });
    const checked = process.uptime() * 1000;
    const checkedCpu = process.cpuUsage();
    if (values.json) writeLine(io.stdout, JSON.stringify(report));
    else {
      const color = Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
      for (const line of renderReport(report, color, scanned)) writeLine(io.stdout, line);
      for (const p of report.preflight ?? []) {
        writeLine(io.stdout);
        writeLine(io.stdout, `${p.file}:${p.line} (${p.api}), pre-flight before submitting:`);
        for (const line of preflightText(p.report)) writeLine(io.stdout, `  ${line}`);
      }
    }
    // HF_WIZARD_SCAN_DEBUG: where the time went, after scanPaths's own line (npm run bench:check reads both).
    if (io.env.HF_WIZARD_SCAN_DEBUG) {
      const cpu = (a: NodeJS.CpuUsage, b?: NodeJS.CpuUsage) =>
        ((a.user + a.system - (b ? b.user + b.system : 0)) / 1000).toFixed(0);
      io.stderr.write(
        `check phases (wall/CPU ms): start-up ${started.toFixed(0)}/${cpu(startCpu)}, checks ${(checked - started).toFixed(0)}/${cpu(checkedCpu, startCpu)} (scan included), report ${(process.uptime() * 1000 - checked).toFixed(0)}/${cpu(process.cpuUsage(), checkedCpu)}${mainThreadCpu()}${codeCache()}\n`,
      );
    }
    return report.ok ? EXIT.ok : EXIT.failed;
  } finally {
    await target?.close();
  }
}

/**
 * `; main thread NNN ms`: the CPU time of the main thread alone (Linux: its schedstat), what the wall time comes to on
 * an idle machine when a reading thread works beside it. Empty elsewhere.
 */
function mainThreadCpu(): string {
  try {
    const ns = Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? `; main thread ${(ns / 1e6).toFixed(0)} ms` : '';
  } catch {
    return '';
  }
}

/** `; code cache used`: what check's loader (check-loader.ts) did with V8's code cache; empty when it did not run. */
function codeCache(): string {
  const use = (globalThis as {__hfjwCodeCache?: () => string}).__hfjwCodeCache?.();
  return use ? `; code cache ${use}` : '';
}
