// The one troubleshooting answer: what was seen, the problem, why (the cause the live facts point to, marked among
// the likely ones), what was checked, the fix steps and the actions that fit (open a page, log in, run the job
// again only when a job ran). Built once here; the Ink screen, plain mode and the `troubleshoot` command (text and
// --json) render it, so the three never say different things. Pure: no I/O.
import {DEFAULT_ENDPOINT} from '../endpoint.js';
import {sanitizeLine} from '../text/sanitize.js';
import {redactSecrets} from '../tokens/mask.js';
import {clipLine} from '../text/clip.js';
import {hubFixes} from '../checks/hub-fixes.js';
import type {CheckId} from '../checks/types.js';
import {isOwnSandbox, isSandboxEndpoint} from '../practice.js';
import {APP_COMMAND} from '../invocation.js';
import {FIX_LABELS, fixesFor, type FixAction, type FixContext} from './actions.js';
import {catalogFor, offeredCauses, type Cause, type Problem, type ProblemId} from './catalog.js';
import type {Finding} from './diagnose.js';
import {extractFacts} from './facts.js';
import {rerunLabel, type Rerun} from './rerun.js';
import {leakWarning} from '../tokens/leak.js';

/** Where the failure text came from: pasted by the person, read from a job, or a failed check of the checklist. */
export type ReportOrigin = 'pasted' | 'job' | 'check';

export interface ReportJob {
  namespace: string;
  id: string;
  stage?: string;
  message?: string;
  /** The log was cut (still streaming, stalled or refused). */
  truncated?: boolean;
}

export interface ReportAction {
  id: FixAction;
  label: string;
  suggested: boolean;
  /** A page that does it (the token page, billing). */
  url?: string;
  /** A command that does it, as it can be pasted. */
  command?: string;
}

export interface ReportCause extends Cause {
  /** The cause the live facts point to. */
  likely: boolean;
}

export interface TroubleshootReport {
  problem: ProblemId;
  title: string;
  /**
   * rules: the classifier's rules recognised the text; guess: they did not, and the second tier (a model of the words
   * of the tuning corpus, guess.ts) gives its best guess, to be said as such.
   */
  confidence: 'rules' | 'guess';
  origin: ReportOrigin;
  job?: ReportJob;
  /** Set when there is nothing to fix (a job that completed): the one line to show. */
  resolved?: string;
  /** The lines of the text that decided it (already masked by the classifier). */
  seen: string[];
  /** Other problems it could be, when the classifier is unsure. */
  alternatives: ProblemId[];
  symptoms: string[];
  causes: ReportCause[];
  /** A live diagnosis was made (token, whoami, the job's secrets). */
  diagnosed: boolean;
  findings: Finding[];
  /** The actual cause, when the facts name one. */
  actual?: Cause;
  /** One or two sentences: the actual cause, or why none stands out. Absent before a live diagnosis. */
  why?: string;
  /** Fix steps, the actual cause's fix first. */
  fix: string[];
  verify: string;
  checks: CheckId[];
  /** The command that runs those checks, worded for the endpoint. */
  checkCommand: string;
  actions: ReportAction[];
  /**
   * The text holds tokens (masked here): said first, with the command that revokes them. `lines` as plain mode and
   * the command print them; `line` in one row for the wizard's screen.
   */
  leak?: {tokens: string[]; revoke: string; lines: string[]; line: string};
}

export interface ReportInput {
  problem: ProblemId;
  /** The problem is the second tier's best guess (Classification.guess). */
  guess?: boolean;
  endpoint?: string;
  origin: ReportOrigin;
  seen?: string[];
  alternatives?: ProblemId[];
  job?: ReportJob;
  /** The catalog entry as the caller already worded it (the wizard's state); default: the catalog for `endpoint`. */
  info?: Omit<Problem, 'checks'> & {checks?: CheckId[]};
  /** The live diagnosis: its actual cause, findings and (the wizard's) sentence naming the cause. */
  diagnosis?: {actual?: Cause; findings: Finding[]; cause?: string};
  /** Actions already chosen by the caller (the wizard's services); else chosen here from `fix`. */
  actions?: {actions: FixAction[]; suggested?: FixAction};
  /** What can be done from where the answer is shown (default: a Hub, logged in when a job is known). */
  fix?: Partial<FixContext>;
  /** The command that runs the job again (core/troubleshoot/rerun.ts): "Run the job again" then shows it. */
  rerun?: Rerun;
  /** Tokens found in the text (masked, with their line): `where` names it, `revoke` is the command (default `revoke -`). */
  leaks?: {masked: string; line: number}[];
  leakWhere?: string;
  revokeCommand?: string;
}

const NO_SINGLE_CAUSE =
  'No single cause stands out from what can be checked from here: go through the likely causes above, most common first.';

/** The wizard's command worded for the endpoint (the app's own sandbox needs --sandbox, another Hub its --endpoint). */
function appCommand(endpoint: string, args: string): string {
  const hub = hubFixes(endpoint);
  if (args) return hub.app(args);
  if (hub.sandbox && isOwnSandbox(endpoint)) return `${APP_COMMAND} --sandbox`;
  return endpoint === DEFAULT_ENDPOINT ? APP_COMMAND : `${APP_COMMAND} --endpoint ${endpoint}`;
}

function describeAction(id: FixAction, endpoint: string, suggested: boolean, rerun?: Rerun): ReportAction {
  const a: ReportAction = {id, label: FIX_LABELS[id], suggested};
  switch (id) {
    case 'open-token-page':
      a.url = `${endpoint}/settings/tokens`;
      break;
    case 'open-billing':
      a.url = `${endpoint}/settings/billing`;
      break;
    case 're-login':
      a.command = `${appCommand(endpoint, 'login')}${isSandboxEndpoint(endpoint) ? ' --practice write' : ''}`;
      break;
    case 'rerun-checks':
      a.command = appCommand(endpoint, 'check');
      break;
    case 'rewrite-config':
    case 'rename-secret':
      a.command = appCommand(endpoint, '');
      break;
    case 'retry':
      if (rerun) {
        a.label = rerunLabel(rerun);
        a.command = rerun.command;
      }
      break;
  }
  return a;
}

export function buildReport(input: ReportInput): TroubleshootReport {
  const endpoint = (input.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const catalog = catalogFor(endpoint);
  const entry = input.info ?? catalog[input.problem];
  const checks = input.info?.checks ?? catalog[input.problem]?.checks ?? [];
  const actual = input.diagnosis?.actual;
  const r: TroubleshootReport = {
    problem: input.problem,
    title: entry.title,
    confidence: input.guess && input.problem !== 'unknown' ? 'guess' : 'rules',
    origin: input.origin,
    seen: (input.seen ?? []).map(seenLine),
    alternatives: (input.alternatives ?? []).filter((p) => p !== input.problem),
    symptoms: [...entry.symptoms],
    // A cause that only happens on the sandbox is not offered for another Hub, unless the facts say it is the one.
    causes: offeredCauses(entry.causes, endpoint, actual?.id).map((c) => ({...c, likely: c.id === actual?.id})),
    diagnosed: Boolean(input.diagnosis),
    // Findings quote what the Hub answered (secret names, labels, repo and user names): shown, never obeyed.
    findings: (input.diagnosis?.findings ?? []).map((f) => ({...f, text: sanitizeLine(f.text)})),
    fix: actual ? [actual.fix, ...entry.solutions.filter((s) => s !== actual.fix)] : [...entry.solutions],
    verify: entry.verify,
    checks: [...checks],
    checkCommand: appCommand(endpoint, 'check'),
    actions: [],
  };
  if (input.job) r.job = {...input.job};
  if (input.leaks?.length) {
    const revoke = input.revokeCommand ?? appCommand(endpoint, 'revoke -');
    const tokens = input.leaks.map((l) => l.masked);
    r.leak = {
      tokens,
      revoke,
      lines: leakWarning(input.leaks, input.leakWhere ?? 'This text', revoke),
      line: `⚠ This text holds ${tokens.length === 1 ? `a token (${tokens[0]})` : `${tokens.length} tokens`}: if it was shared, revoke ${tokens.length === 1 ? 'it' : 'them'} with \`${revoke}\` (paste it there) and make a new one.`,
    };
  }
  if (actual) r.actual = {...actual};
  // A 402 names the namespace that could not pay (its /api/jobs/NAMESPACE URL, or the job's): said right after the
  // first fix (on the sandbox that one names the practice namespace that pays).
  if (input.problem === 'payment-required') {
    const ns = input.job?.namespace ?? extractFacts(r.seen.join('\n')).namespace;
    if (ns)
      r.fix.splice(
        1,
        0,
        `This 402 is about ${sanitizeLine(ns)}: that namespace could not pay for the job. Add credits to it, or submit under a namespace that pays (\`--namespace\` / \`namespace=\`).`,
      );
  }
  // A live fact (no token here, a missing secret) names the cause only if the problem is right: under a best guess it
  // is said so, not "the actual cause" (a model config error guessed token-missing was "this is it" when logged out).
  if (input.diagnosis)
    r.why = actual
      ? r.confidence === 'guess'
        ? `${IF_GUESS_RIGHT}, this is the cause: ${actual.text}`
        : actual.text
      : (input.diagnosis.cause ?? NO_SINGLE_CAUSE);
  if (input.job?.stage === 'COMPLETED' && input.problem === 'unknown')
    r.resolved = 'This job completed: its token worked and there is nothing to fix.';
  const hasJob = input.origin !== 'pasted';
  const ctx: FixContext = {
    hasTarget: true,
    loggedIn: hasJob,
    hasJob,
    hasBilling: !isSandboxEndpoint(endpoint),
    sandbox: isSandboxEndpoint(endpoint),
    ...input.fix,
  };
  if (input.origin === 'pasted') ctx.hasJob = false;
  const chosen = input.actions ?? fixesFor(input.problem, actual?.id, ctx);
  // Whoever chose them, a pasted text never offers to run "the job" again: no job ran here.
  const ids = chosen.actions.filter((a) => a !== 'retry' || input.origin !== 'pasted');
  r.actions = r.resolved ? [] : ids.map((id) => describeAction(id, endpoint, id === chosen.suggested, input.rerun));
  return r;
}

const IF_GUESS_RIGHT = 'If the guess is right';

/** What follows a cause in the list: the diagnosed one is "this is it", under a best guess only if the guess is right. */
export function causeMark(r: Pick<TroubleshootReport, 'confidence'>, c: Pick<ReportCause, 'likely'>): string {
  if (!c.likely) return '';
  return r.confidence === 'guess' ? ` (this is it, ${IF_GUESS_RIGHT.toLowerCase()})` : ' (this is it)';
}

/** What a best guess is, said under its title wherever the report is shown. */
export const GUESS_NOTE =
  'No rule recognised this text; this is a best guess from its words (a model trained on real error texts). Check it against the causes below.';

const ICON: Record<Finding['status'], string> = {ok: '✓', bad: '✗', unknown: '?'};

/** The report as terminal lines (plain mode and the command); `actions: false` when the caller asks for them itself. */
export function reportLines(r: TroubleshootReport, options: {actions?: boolean; symptoms?: boolean} = {}): string[] {
  const out: string[] = [];
  // A token in the text comes first: it may need revoking before anything else.
  if (r.leak) out.push(...r.leak.lines, '');
  if (r.job) {
    out.push(
      // The stage and message are the server's words: a hostile one sent `ERROR\x1b[2J` (a screen clear) as the stage.
      `Job ${sanitizeLine(r.job.namespace)}/${sanitizeLine(r.job.id)}: ${r.job.stage ? sanitizeLine(r.job.stage) : 'unknown stage'}${r.job.message ? ` (${sanitizeLine(r.job.message)})` : ''}${r.job.truncated ? ' [log incomplete: still streaming or cut off]' : ''}`,
    );
    out.push('');
  }
  if (r.resolved) {
    out.push(`✓ ${r.resolved}`);
    return out;
  }
  if (r.confidence === 'guess') {
    out.push(`? Best guess: ${r.title}  [${r.problem}]`);
    out.push(`  ${GUESS_NOTE}`);
  } else out.push(`${r.problem === 'unknown' ? '?' : '✗'} ${r.title}  [${r.problem}]`);
  if (r.alternatives.length) out.push(`  Not sure: it could also be ${r.alternatives.join(' or ')}.`);
  if (r.seen.length) {
    out.push('Seen:');
    for (const e of r.seen) out.push(`  ${e}`);
  }
  if (options.symptoms) {
    out.push('Symptoms:');
    for (const s of r.symptoms.slice(0, 3)) out.push(`  - ${s}`);
  }
  out.push('Likely causes:');
  r.causes.forEach((c, i) => out.push(`  ${c.likely ? '=>' : '- '} ${i + 1}. ${c.text}${causeMark(r, c)}`));
  if (r.diagnosed) {
    out.push('Live diagnosis:');
    for (const f of r.findings) out.push(`  ${ICON[f.status]} ${f.text}`);
    out.push(r.actual && r.confidence !== 'guess' ? `  => The actual cause: ${r.why}` : `  => ${r.why}`);
  }
  out.push('How to fix:');
  for (const s of r.fix) out.push(`  - ${s}`);
  out.push(`Verify: ${r.verify}`);
  if (r.checks.length) out.push(`Checks that catch it: ${r.checks.join(', ')} (run \`${r.checkCommand}\`).`);
  if (options.actions !== false && r.actions.length) {
    out.push('Next:');
    for (const a of r.actions)
      out.push(
        `  ${a.suggested ? '=>' : '- '} ${a.label}${a.url ? `: ${a.url}` : a.command ? `: \`${a.command}\`` : ''}${a.suggested ? ' (suggested)' : ''}`,
      );
  }
  return out;
}

/** Characters of a seen line kept: a few rows (a pasted line of 600 KB took the wizard's screen 110 s to lay out). */
export const MAX_SEEN_CHARS = 300;

/** A seen line masked (again: masking is idempotent), then cut: a cut never leaves characters of a token unmasked. */
function seenLine(line: string): string {
  return clipLine(redactSecrets(line), MAX_SEEN_CHARS);
}
