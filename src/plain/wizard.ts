// Plain mode: the same machine and services as the Ink UI, line by line: every question prints its numbered
// choices once and reads a line (no redraws, no cursor movement, no spinners; progress is printed as lines),
// for screen readers and simple terminals (TERM=dumb).
import {EXIT, type CommandIo} from '../io.js';
import {appCommand} from '../core/invocation.js';
import type {WizardController} from '../core/wizard/controller.js';
import {tokenPageUrl} from '../core/wizard/machine.js';
import {isTerminal} from '../core/jobs/stages.js';
import {runChoices} from '../core/wizard/preflight.js';
import {sandboxRunNote, shownExample, skipChoiceLabel} from '../core/wizard/shown-example.js';
import {statusLine} from '../core/wizard/status-line.js';
import {preflightText} from '../core/preflight/preflight.js';
import {PRACTICE_TOKENS, type PracticeToken} from '../core/practice.js';
import {STEP_TITLES, type WizardEvent, type WizardState} from '../core/wizard/types.js';
import {STATUS_ICONS, formatElapsed} from '../ui/format.js';
import {troubleshootCheckEvent} from '../core/wizard/check-notes.js';
import {wizardReport} from '../core/wizard/troubleshoot-report.js';
import {reportLines} from '../core/troubleshoot/report.js';
import {
  defaultLoginMethod,
  loginChoices,
  loginMethodEvent,
  loginQuestion,
  type LoginMethod,
} from '../core/wizard/login-choices.js';
import {
  checkSummary,
  createdLine,
  endedLine,
  SANDBOX_EXIT_NOTE,
  TOKEN_KINDS,
  WELCOME_LINES,
  WELCOME_LINES_SKIPPED,
} from '../core/wizard/content.js';
import {createLineReader, InputEndedError, type LineReader} from './line-reader.js';
import {createAsk, pipeEndedMessage, type Choice} from './ask.js';
import {wrappingPrint} from './wrap.js';

const BACK = '__back';
const QUIT = '__quit';

/** Prints what changed since the last state, as lines: progress, errors, notices, log lines, check results. */
export function stepHeading(s: WizardState): string {
  return `== ${STEP_TITLES[s.step]}${s.target ? ` (${s.target.kind === 'sandbox' ? 'sandbox Hub' : s.target.endpoint})` : ''} ==`;
}

function narrator(controller: WizardController, print: (line?: string) => void): () => void {
  let prev = controller.getState();
  let checksPrinted = 0;
  let heading = '';
  return controller.subscribe((s) => {
    // The step's heading comes first, before anything printed for it (the checklist's lines included).
    if (stepHeading(s) !== heading) {
      heading = stepHeading(s);
      print();
      print(heading);
    }
    if (s.busy && s.busy !== prev.busy) print(`… ${s.busy}`);
    if (s.error && s.error !== prev.error) print(`✗ ${s.error}`);
    if (s.notice && s.notice !== prev.notice) print(s.notice);
    if (s.account && s.account !== prev.account && s.step !== 'login') print(`Status: ${statusLine(s)}`);
    if (s.login.browser && s.login.browser !== prev.login.browser)
      print(`Open ${s.login.browser.url} and enter the code ${s.login.browser.code}. This continues once you approve.`);
    if (s.checklist.items.length < checksPrinted) checksPrinted = 0;
    for (const item of s.checklist.items.slice(checksPrinted)) {
      if (item.status === 'skip') continue;
      print(
        `[${STATUS_ICONS[item.status]}] ${item.title}: ${item.message}${item.status !== 'pass' && item.fix ? ` Fix: ${item.fix}` : ''}`,
      );
    }
    checksPrinted = s.checklist.items.length;
    if (s.checklist.phase === 'done' && prev.checklist.phase !== 'done') {
      const skipped = s.checklist.items.filter((i) => i.status === 'skip');
      print(checkSummary(s.checklist.items));
      if (skipped.length) print(`Not applicable here: ${skipped.map((i) => i.title).join('; ')}.`);
    }
    const pf = s.example.preflight;
    if (pf?.phase === 'done' && pf !== prev.example.preflight) {
      if (pf.report) for (const line of preflightText(pf.report)) print(line);
      else print(`Pre-flight could not be run (${pf.error ?? 'no answer'}); the Hub will decide at submit.`);
    }
    if (
      s.realTools &&
      s.realTools.lines.length > (prev.realTools?.lines.length ?? 0) &&
      s.realTools.phase === 'running'
    )
      for (const line of s.realTools.lines.slice(prev.realTools?.lines.length ?? 0)) print(`  | ${line}`);
    if (s.run.job && s.run.job !== prev.run.job) print(`Job ${s.run.job.id} submitted: ${s.run.job.url}`);
    if (s.run.stage && s.run.stage !== prev.run.stage)
      print(
        `Stage: ${s.run.stage}${s.run.startedAt ? ` (${formatElapsed((s.run.stageAt ?? Date.now()) - s.run.startedAt)})` : ''}`,
      );
    for (const line of s.run.logs.slice(s.run.logs.length >= prev.run.logs.length ? prev.run.logs.length : 0))
      print(`  | ${line}`);
    prev = s;
  });
}

/** The job may end while the cancel question waits: the question is then withdrawn (nothing is left to cancel). */
function withdrawWhenJobEnds(
  controller: WizardController,
  reader: LineReader,
): {ended: () => boolean; stop: () => void} {
  let ended = false;
  const stop = controller.subscribe((now) => {
    if (ended || now.run.phase === 'running' || now.run.phase === 'submitting') return;
    ended = true;
    reader.interrupt();
  });
  return {ended: () => ended, stop};
}

/** One plain-mode run: what every screen's question needs, and how the run ends. */
interface PlainSession extends PlainTools {
  controller: WizardController;
  io: CommandIo;
  reader: LineReader;
  /** Set once the run must end (the wizard exited, or 130 for Ctrl-C); the main loop returns it. */
  exitCode?: number;
  /** While the cancel question is open, what the job prints waits here (it would land on the prompt). */
  held?: string[];
  /** The cancel question while it is open. */
  question?: Promise<void>;
  /** Wakes the main loop (Ctrl-C outside a job). */
  wake: () => void;
}

/** Typed at any question, shows the token dashboard (the Ink wizard's `s` key) and asks the question again. */
const STATUS_ANSWER = 'status';

/** The dashboard's lines come from the saved-token files and whoami: this is as long as they are waited for. */
const STATUS_MAX_MS = 15_000;

/** The screen's choices, then Back (when there is somewhere to go back to) and Quit. */
function withNav<T extends string>(choices: Choice<T>[], state: WizardState): Choice<T | typeof BACK | typeof QUIT>[] {
  return [
    ...choices,
    ...(state.history.length ? [{name: 'Back', value: BACK as typeof BACK}] : []),
    {name: 'Quit', value: QUIT as typeof QUIT},
  ];
}

/** Dispatches Back or Quit when that was the answer; false for any other answer. */
function navFor(dispatch: (e: WizardEvent) => void): (v: string) => boolean {
  return (v) => {
    if (v === BACK) dispatch({type: 'back'});
    else if (v === QUIT) dispatch({type: 'quit'});
    else return false;
    return true;
  };
}

export async function runPlain(controller: WizardController, io: CommandIo): Promise<number> {
  // On a terminal, lines wider than it are broken at spaces (an 80-column terminal cut words in two).
  const print = wrappingPrint(io.stdout);
  const dispatch = (e: WizardEvent) => controller.dispatch(e);
  const reader: LineReader = createLineReader(io, () => onSigint(p));
  const p: PlainSession = {
    controller,
    io,
    reader,
    print,
    dispatch,
    ask: createAsk(io, reader, print, {answer: STATUS_ANSWER, show: () => showStatus(p)}),
    withNav,
    nav: navFor(dispatch),
    wake: () => {},
  };
  const unsubscribe = narrator(controller, (line = '') => (p.held ? p.held.push(line) : print(line)));
  void controller.exited.then((c) => (p.exitCode = c));
  const interrupted = () => new Promise<void>((resolve) => (p.wake = resolve));
  const sigint = () => onSigint(p);
  process.on('SIGINT', sigint);

  try {
    print(
      `hf-jobs-wizard, plain mode: one question at a time. Choose "Back" to change an answer, "Quit" to stop; type "${STATUS_ANSWER}" at any question to see your saved tokens.`,
    );
    if (controller.getState().options.presetTarget) for (const line of WELCOME_LINES_SKIPPED) print(line);
    dispatch({type: 'start'});
    for (;;) {
      await Promise.race([controller.idle(), interrupted()]);
      while (p.question && p.exitCode === undefined) await p.question;
      if (p.exitCode !== undefined) return p.exitCode;
      await step(p, controller.getState());
    }
  } catch (error) {
    if (error instanceof InputEndedError && !reader.tty && p.exitCode === undefined) {
      print(); // the question's prompt line ends here
      io.stderr.write(pipeEndedMessage(error.question));
      return EXIT.usage;
    }
    if (error instanceof Error && error.name === 'ExitPromptError') return p.exitCode ?? 130;
    throw error;
  } finally {
    process.off('SIGINT', sigint);
    unsubscribe();
    reader.close();
  }
}

/** The token dashboard, asked for by typing "status": the same lines as the `status` command (and the Ink header's
 *  `s`), printed once; then the question is asked again. */
async function showStatus(p: PlainSession): Promise<void> {
  const {controller, print, dispatch} = p;
  if (!controller.getState().target) {
    print('Your saved tokens are shown once you chose where to practise (the sandbox Hub or huggingface.co).');
    return;
  }
  if (!controller.getState().dashboard) dispatch({type: 'toggle-dashboard'});
  const lines = await new Promise<string[] | undefined>((resolve) => {
    let stop = () => {};
    const done = (v: string[] | undefined) => {
      clearTimeout(timer);
      stop();
      resolve(v);
    };
    const timer = setTimeout(() => done(undefined), STATUS_MAX_MS);
    const check = (now: WizardState) => {
      if (now.dashboard?.phase === 'shown') done(now.dashboard.lines);
      else if (!now.dashboard) done(undefined);
    };
    stop = controller.subscribe(check);
    check(controller.getState());
  });
  if (controller.getState().dashboard) dispatch({type: 'toggle-dashboard'});
  if (!lines) {
    print(
      `Your saved tokens could not be read in ${STATUS_MAX_MS / 1000} s; ${appCommand(`status${controller.getState().target?.kind === 'sandbox' ? ' --sandbox' : ''}`)} shows them too.`,
    );
    return;
  }
  print('Your tokens (as `status` shows them):');
  for (const line of lines) print(`    ${line}`);
}

/** Ctrl-C while a job runs asks first (the job keeps running on the Hub unless you say yes); a second Ctrl-C
 *  during the question stops watching. Outside a job, Ctrl-C quits (130). */
function onSigint(p: PlainSession): void {
  const s = p.controller.getState();
  if (p.question) {
    p.reader.interrupt(); // Ctrl-C again during the question: stop watching
    return;
  }
  // A job that has ended (its result is being read) has nothing to cancel: Ctrl-C quits.
  if (s.step === 'run' && (s.run.phase === 'running' || s.run.phase === 'submitting') && !isTerminal(s.run.stage)) {
    p.question = cancelQuestion(p);
  } else {
    p.exitCode = 130;
    p.reader.interrupt();
    p.wake();
  }
}

/** "Cancel the job on the Hub?": withdrawn when the job ends meanwhile; the job's lines held back are printed after. */
async function cancelQuestion(p: PlainSession): Promise<void> {
  const {print} = p;
  const watch = withdrawWhenJobEnds(p.controller, p.reader);
  p.held = [];
  try {
    print();
    const yes = await p.ask('Cancel the job on the Hub? (Ctrl-C again: stop watching; the job keeps running)', [
      {name: 'No, keep watching', value: false},
      {name: 'Yes, cancel it', value: true},
    ]);
    watch.stop();
    if (yes && !watch.ended()) {
      p.dispatch({type: 'request-cancel'});
      p.dispatch({type: 'cancel-answer', yes: true});
    } else if (!watch.ended()) print('Still watching the job.');
  } catch {
    if (watch.ended()) print();
    else {
      p.exitCode = 130;
      p.wake();
    }
  } finally {
    watch.stop();
    if (watch.ended() && p.exitCode === undefined)
      print('The job ended while the question was open: there is nothing left to cancel.');
    const lines = p.held ?? [];
    p.held = undefined;
    lines.forEach((line) => print(line));
    p.question = undefined;
  }
}

/** The question of the step the wizard is on (each screen's own function), answered into an event. */
async function step(p: PlainSession, s: WizardState): Promise<void> {
  switch (s.step) {
    case 'welcome':
      return welcomeStep(p, s);
    case 'login':
      return login(p, s);
    case 'token-type':
      return tokenTypeStep(p, s);
    case 'config':
      return configStep(p, s);
    case 'checklist':
      return checklistStep(p, s);
    case 'example':
      return exampleQuestion(s, p);
    case 'run':
      // The job is followed by an effect; idle() returns when it finished.
      return;
    case 'result':
      return resultStep(p, s);
    case 'troubleshoot':
      return troubleshootStep(p, s);
  }
}

async function welcomeStep({print, ask, nav, dispatch}: PlainSession, s: WizardState): Promise<void> {
  for (const line of WELCOME_LINES) print(line);
  const v = await ask(
    'Where do you want to practise?',
    withNav(
      [
        {name: 'The built-in sandbox Hub (free, offline)', value: 'sandbox' as string},
        {name: 'huggingface.co (jobs cost credits)', value: 'hub'},
        {name: 'I have an error message to troubleshoot', value: 'error'},
      ],
      s,
    ),
    s.welcome.choice,
  );
  if (nav(v)) return;
  dispatch(v === 'error' ? {type: 'paste-error'} : {type: 'choose-target', target: v as 'sandbox' | 'hub'});
}

/** The goal, then whether the token fits it (and the least-privilege advice), then Continue or a fix. */
async function tokenTypeStep({controller, print, ask, nav, dispatch}: PlainSession, s: WizardState): Promise<void> {
  print('Four kinds of token:');
  for (const k of TOKEN_KINDS) print(`  ${k.name}: ${k.can}`);
  const goal = await ask(
    'What should your first job do?',
    withNav(
      s.examples.map((e) => ({name: e.title, value: e.id as string, description: `Needs ${e.needs}.`})),
      s,
    ),
    s.goal,
  );
  if (nav(goal)) return;
  dispatch({type: 'choose-goal', goal: goal as (typeof s.examples)[number]['id']});
  await controller.idle();
  const v = controller.getState().verdict;
  if (v) print(`${v.ok ? '✓ Your token fits.' : '✗ Your token does not fit.'} ${v.explanation}`);
  const advice = controller.getState().tokenAdvice;
  if (advice?.fit) print(`Least privilege: ${advice.fit.advice}`);
  const choices: Choice<string>[] = [
    {name: v && !v.ok ? 'Continue anyway (to see how it fails)' : 'Continue', value: 'continue'},
  ];
  const page = advice
    ? `the page for a token with exactly ${advice.scopes}: ${advice.url}${advice.confirmCode ? ` (it asks for the code ${advice.confirmCode})` : ''}`
    : `the token page (${tokenPageUrl(s.target?.endpoint)})`;
  if ((v && !v.ok) || advice?.fit?.broader) choices.push({name: `Open ${page}`, value: 'open'});
  if (v && !v.ok) choices.push({name: 'Log in with another token', value: 'relogin'});
  const next = await ask('Next?', withNav(choices, s));
  if (nav(next)) return;
  if (next === 'open') dispatch({type: 'open-token-page'});
  else if (next === 'relogin') dispatch({type: 'fix', action: 're-login'});
  else dispatch({type: 'token-type-continue'});
}

/** The files the wizard would write, with their changes, then write or skip. */
async function configStep({print, ask, nav, dispatch}: PlainSession, s: WizardState): Promise<void> {
  const plan = s.config.plan;
  if (!plan) return;
  print(
    'The config passes your token as the secret HF_TOKEN with the value "$HF_TOKEN", filled in at submit time: the token is never written into it.',
  );
  for (const f of plan.files) {
    print(`${f.role}: ${f.path} (${f.unchanged ? 'unchanged' : f.exists ? 'exists, changes:' : 'new'})`);
    if (!f.unchanged)
      for (const line of (f.diff ?? (f.role === 'script' ? [] : f.preview)).slice(0, 14)) print(`    ${line}`);
  }
  if (plan.files.every((f) => f.unchanged)) print('Nothing to change: the files on disk already say exactly this.');
  const v = await ask(
    'Write these files?',
    withNav(
      [
        {name: 'Write them', value: 'write'},
        {name: skipChoiceLabel(plan), value: 'skip'},
      ],
      s,
    ),
  );
  if (!nav(v)) dispatch(v === 'write' ? {type: 'config-confirm'} : {type: 'config-skip'});
}

/** After the checks (printed by the narrator): continue, troubleshoot one that did not pass, or re-run them. */
async function checklistStep({ask, nav, dispatch}: PlainSession, s: WizardState): Promise<void> {
  const failed = s.checklist.items.filter((i) => i.status !== 'pass' && i.status !== 'skip' && i.problem);
  const anyFailed = s.checklist.items.some((i) => i.status === 'fail');
  const choices: Choice<string>[] = [
    {name: anyFailed ? 'Continue anyway to the example job' : 'Continue to the example job', value: 'continue'},
  ];
  for (const f of failed) choices.push({name: `Troubleshoot: ${f.title}`, value: `t:${f.id}`});
  choices.push({name: 'Re-run the checks', value: 'rerun'});
  const v = await ask('Next?', withNav(choices, s));
  if (nav(v)) return;
  if (v === 'rerun') dispatch({type: 'rerun-checks'});
  else if (v.startsWith('t:')) dispatch(troubleshootCheckEvent(s.checklist.items, v.slice(2)));
  else dispatch({type: 'checklist-continue'});
}

/** The job's end: COMPLETED with its next steps and, on the sandbox, the step to the real hf; or the stage with retry
 *  or finish. */
async function resultStep(p: PlainSession, s: WizardState): Promise<void> {
  const {print, ask, dispatch} = p;
  const r = s.result;
  if (!r) return;
  if (r.stage === 'COMPLETED' && s.realTools) {
    for (const line of realToolsText(s.realTools)) print(line);
    dispatch({type: 'result-continue'});
    return;
  }
  if (r.stage === 'COMPLETED') return completed(p, s, r);
  print(endedLine(r));
  const v = await ask('Next?', [
    {name: 'Run it again', value: 'retry'},
    {name: 'Finish', value: 'finish'},
  ]);
  dispatch(v === 'retry' ? {type: 'fix', action: 'retry'} : {type: 'result-continue'});
}

/** COMPLETED: what was created and the next steps; on the sandbox, Finish or the same job with the real hf (the Ink
 *  Result screen's choices). The job is done, so input ending here (a script's last line) is Finish, not an error. */
async function completed(
  {print, ask, dispatch}: PlainSession,
  s: WizardState,
  r: NonNullable<WizardState['result']>,
): Promise<void> {
  print('✓ COMPLETED: your first job ran with the right token.');
  if (r.created) print(`${createdLine(r)} ${r.created}`);
  print('Next steps:');
  for (const n of r.nextSteps) print(`  - ${n.what}: ${n.command}`);
  if (!r.sandbox) {
    dispatch({type: 'result-continue'});
    return;
  }
  print(SANDBOX_EXIT_NOTE);
  let v: 'finish' | 'real' = 'finish';
  try {
    v = await ask('Next?', [
      {name: 'Finish', value: 'finish' as const},
      {
        name: 'Next: the same job with the real hf CLI',
        value: 'real' as const,
        description: 'the export lines, a 0600 env file, and hf itself when it is installed',
      },
    ]);
  } catch (error) {
    if (!(error instanceof InputEndedError)) throw error;
    print();
  }
  dispatch(v === 'real' ? {type: 'real-tools'} : {type: 'result-continue'});
}

/** Troubleshoot: the paste, or the report on what went wrong and its fixes. */
async function troubleshootStep(p: PlainSession, s: WizardState): Promise<void> {
  const t = s.troubleshoot;
  if (t.phase === 'paste') return pasteError(p, s);
  const report = wizardReport(s);
  if (!report) return;
  for (const line of reportLines(report, {actions: false, symptoms: true})) p.print(line);
  const actions = report.actions.map((a) => a.id);
  const v = await p.ask(
    'Fix it?',
    withNav(
      report.actions.map((a) => ({
        name: `${a.label}${a.url ? ` (${a.url})` : ''}${a.suggested ? ' (suggested)' : ''}`,
        value: a.id as string,
      })),
      s,
    ),
  );
  if (!p.nav(v)) p.dispatch({type: 'fix', action: v as (typeof actions)[number]});
}

/** Paste an error: read as lines (a paste keeps its blank lines); a typed empty line or Ctrl-D ends it. */
async function pasteError(p: PlainSession, s: WizardState): Promise<void> {
  p.print(
    'Paste the error you got (a traceback, an HTTP error, a job log), then press Enter on an empty line (or Ctrl-D).',
  );
  const lines = await readPastedLines(p.reader);
  if (lines === 'interrupted') {
    p.exitCode = 130;
    return;
  }
  if (lines.every((l) => l.trim() === '')) {
    const v = await p.ask('Nothing was pasted. Next?', withNav([{name: 'Paste again', value: 'again'}], s));
    p.nav(v);
    return;
  }
  p.dispatch({type: 'error-pasted', text: lines.join('\n')});
}

/** The login step by phase: how to log in, a pasted token (hidden), a practice token, then who you are. */
async function login(p: PlainSession, s: WizardState): Promise<void> {
  const {print, ask, nav, dispatch} = p;
  const {login: l} = s;
  if (l.phase === 'paste') return pasteToken(p, s);
  if (l.phase === 'practice') {
    const v = await ask(
      'Which practice token?',
      [
        ...PRACTICE_TOKENS.map((label) => ({name: `${label} token`, value: label as string})),
        {name: 'Back', value: BACK},
      ],
      l.lastPractice,
    );
    if (!nav(v)) dispatch({type: 'practice-pick', label: v as PracticeToken});
    return;
  }
  if (l.phase === 'done' && s.account) {
    const a = s.account;
    print(`✓ Logged in as ${a.user}. Token: ${a.kindLabel} (${a.masked}, ${a.sourceLabel})`);
    for (const perm of a.permissions) print(`  ${perm}`);
    const v = await ask('Next?', [
      {name: 'Continue', value: 'continue'},
      {name: 'Use another token', value: 'other'},
      {name: 'Quit', value: QUIT},
    ]);
    if (!nav(v)) dispatch(v === 'continue' ? {type: 'login-continue'} : {type: 'back'});
    return;
  }
  if (l.phase === 'browser') {
    // The effect ended without a token (cancelled or failed): back to the choice.
    dispatch({type: 'back'});
    return;
  }
  if (l.phase !== 'choose') return;
  if (l.offer?.invalidMessage) print(`! A token was found in ${l.offer.sourceLabel}, but: ${l.offer.invalidMessage}`);
  const choices: Choice<string>[] = loginChoices(s, {maskInLabel: true}).map((c) => ({
    name: c.label,
    value: c.value,
  }));
  const v = await ask(loginQuestion(s), withNav(choices, s), defaultLoginMethod(s));
  if (nav(v)) return;
  dispatch(loginMethodEvent(v as LoginMethod));
}

/** A pasted token: read hidden, only its length echoed; Enter alone goes back. */
async function pasteToken({io, reader, print, dispatch}: PlainSession, s: WizardState): Promise<void> {
  const advice = s.tokenAdvice;
  if (advice)
    print(
      `Make a token with just what this job needs (${advice.scopes}) at ${advice.url}${advice.confirmCode ? ` (the page asks for the code ${advice.confirmCode})` : ''} (a classic Write token works too, but can do much more), then paste it. On Windows, right-click pastes.`,
    );
  else
    print(
      `Create a token at ${tokenPageUrl(s.target?.endpoint)} (type Write), then paste it. On Windows, right-click pastes.`,
    );
  io.stdout.write('Token (hidden: nothing is shown while you type or paste; Enter alone goes back): ');
  const value = (await reader.read({hidden: true})) ?? '';
  print(value.trim() === '' ? '(nothing entered)' : `(${value.trim().length} characters received)`);
  dispatch(value.trim() === '' ? {type: 'back'} : {type: 'paste-submit', value});
}

/** A blank line followed this soon by more input is part of a paste, not a typed Enter. */
const PASTE_GAP_MS = 60;

/** Lines until an empty line is typed, or Ctrl-D; Ctrl-C gives 'interrupted'. */
export async function readPastedLines(reader: LineReader): Promise<string[] | 'interrupted'> {
  const lines: string[] = [];
  for (;;) {
    let line: string | null;
    try {
      line = await reader.read();
    } catch {
      return 'interrupted';
    }
    if (line === null) return lines;
    if (line === '' && !reader.tty) return lines; // from a pipe, an empty line always ends the text
    if (line === '') {
      // A paste keeps its blank lines: more text right behind this one means it is not the end.
      await new Promise((r) => setTimeout(r, PASTE_GAP_MS));
      if (!reader.pending()) return lines;
    }
    lines.push(line);
  }
}

interface PlainTools {
  print: (line?: string) => void;
  ask: <T>(message: string, choices: Choice<T>[], def?: T) => Promise<T>;
  withNav: <T extends string>(choices: Choice<T>[], state: WizardState) => Choice<T | typeof BACK | typeof QUIT>[];
  nav: (v: string) => boolean;
  dispatch: (e: WizardEvent) => void;
}

/** The example step: the job, then Run (or, after a failed pre-flight, its ways out), the other views, copy. */
async function exampleQuestion(s: WizardState, {print, ask, withNav, nav, dispatch}: PlainTools): Promise<void> {
  // hf-job.json as written in my-first-hf-job/ (what Run submits), as the Ink screen shows it.
  const ex = shownExample(s);
  if (!ex) return;
  if (!s.example.confirming && s.example.view === 'script') {
    print(`${ex.title}: ${ex.summary}`);
    const note = sandboxRunNote(s);
    if (note) print(note);
    print(`--- hf-job.json`);
    print(ex.config.trimEnd());
    const cli = ex.snippets[0];
    if (cli) print(`--- the same job with the ${cli.label}:\n${cli.text.trimEnd()}`);
  }
  if (s.example.confirming) {
    const yes = await ask(
      `Run on ${ex.flavor} on ${s.target?.endpoint.replace(/^https?:\/\//, '') ?? 'huggingface.co'}${s.example.price ? ` (${s.example.price})` : ''}, billed to your credits?`,
      [
        {name: 'Yes, run it', value: true},
        {name: 'No', value: false},
      ],
    );
    dispatch({type: 'confirm-run', yes});
    return;
  }
  const shows: Choice<string>[] = [
    {name: `Show the script (${ex.scriptName})`, value: 'show:script'},
    ...ex.snippets.slice(1).map((sn) => ({name: `Show it as ${sn.label}`, value: `show:${sn.label}`})),
  ];
  // After a failed pre-flight, Run is not offered: its fixes are printed above (the same choices as the Ink screen).
  const runs = runChoices(s);
  const v = await ask(
    'Next?',
    withNav(
      [
        ...runs.map((r) => ({name: r.label, value: `run:${r.value}`})),
        ...shows,
        {name: 'Copy the hf CLI command', value: 'copy'},
      ],
      s,
    ),
  );
  if (nav(v)) return;
  const chosen = runs.find((r) => `run:${r.value}` === v);
  if (chosen) dispatch(chosen.event);
  else if (v.startsWith('show:')) {
    const label = v.slice(5);
    const text = label === 'script' ? ex.script : (ex.snippets.find((sn) => sn.label === label)?.text ?? '');
    print(`--- ${label === 'script' ? ex.scriptName : label}`);
    print(text.trimEnd());
    dispatch({type: 'example-view', view: label});
  } else if (v === 'copy') dispatch({type: 'copy', label: 'the hf CLI command', text: ex.snippets[0]?.text ?? ''});
}

/** The step to the real hf as lines (the Ink screen's RealTools, in order). hf's own lines were printed as they came. */
function realToolsText(v: NonNullable<WizardState['realTools']>): string[] {
  const out = ['The same job with the real hf CLI, against this sandbox:', ...v.exportLines.map((l) => `    ${l}`)];
  if (v.envFile) out.push(`These lines, with the whole token, are in ${v.envFile} (mode 0600). In another terminal:`);
  out.push(...v.commands.map((c) => `    ${c}`));
  if (v.note) out.push(v.note);
  if (v.hf) out.push(v.hf.verdict);
  out.push('Then on huggingface.co:', ...v.realHubCommands.map((c) => `    ${c}`));
  return out;
}
