// The wizard as a pure reducer: (state, event) -> (state, effects). No I/O here: effects are intents that
// controller.ts runs through WizardServices, and their results come back as events.
import {DEFAULT_ENDPOINT} from '../endpoint.js';
import {appCommand} from '../invocation.js';
import {isTerminal} from '../jobs/stages.js';
import {canceledByChoice} from './content.js';
import {isOwnSandbox, isSandboxEndpoint, runsLocally} from '../practice.js';
import {sanitizeLine} from '../text/sanitize.js';
import {checkTokenInput} from '../tokens/format.js';
import {redactSecrets} from '../tokens/mask.js';
import {maskSplitTokens} from '../tokens/split.js';
import {findPastedTokens} from '../troubleshoot/pasted-tokens.js';
import type {
  FixAction,
  ProblemId,
  StepId,
  TargetKind,
  Transition,
  WizardEffect,
  WizardEvent,
  WizardOptions,
  WizardState,
} from './types.js';

export const DEFAULT_GOAL = 'push-dataset';

export function initialState(options: WizardOptions): WizardState {
  const pasting = options.startAt === 'paste-error';
  return {
    step: pasting ? 'troubleshoot' : 'welcome',
    history: [],
    options,
    welcome: {choice: options.hasSavedToken ? 'hub' : 'sandbox'},
    login: {phase: 'detecting'},
    examples: [],
    config: {phase: 'idle'},
    checklist: {phase: 'idle', items: []},
    example: {view: 'script', confirming: false},
    run: {phase: 'idle', logs: [], confirmCancel: false},
    troubleshoot: {phase: pasting ? 'paste' : 'idle'},
  };
}

/** The token page, preset to the kind of token the goal needs (classic write tokens are the simplest that work). */
export function tokenPageUrl(endpoint: string | undefined, kind: 'write' | 'read' | 'fineGrained' = 'write'): string {
  return `${endpoint ?? DEFAULT_ENDPOINT}/settings/tokens/new?tokenType=${kind}`;
}

const t = (state: WizardState, effects: WizardEffect[] = []): Transition => ({state, effects});

function go(state: WizardState, step: StepId, patch: Partial<WizardState> = {}): WizardState {
  const history = state.step === step ? state.history : [...state.history, state.step];
  const next: WizardState = {...state, ...patch, step, history};
  delete next.error;
  delete next.busy;
  delete next.notice;
  return next;
}

function clear(state: WizardState, ...keys: ('error' | 'busy' | 'notice')[]): WizardState {
  const next = {...state};
  for (const k of keys) delete next[k];
  return next;
}

function startRun(state: WizardState): Transition {
  const next = go(state, 'run', {
    run: {phase: 'submitting', logs: [], confirmCancel: false},
    example: {...state.example, confirming: false},
  });
  delete next.result;
  return t({...next, busy: 'Submitting the job'}, [{kind: 'submit-job'}]);
}

/** Run, after pre-flight: wait for it while it runs, stop on a fail (its fixes are on the screen), continue on warn. */
function runExample(state: WizardState): Transition {
  const preflight = state.example.preflight;
  if (preflight?.phase === 'running')
    return t({
      ...clear(state, 'error'),
      example: {...state.example, runWhenReady: true},
      busy: 'Pre-flight: asking the Hub whether this job will be allowed',
    });
  if (preflight?.report?.verdict === 'fail') {
    const fails = preflight.report.lines.filter((l) => l.status === 'fail');
    const fix = fails.find((l) => l.fix)?.fix;
    return t({
      ...state,
      error: `Not submitted: pre-flight found ${fails.length === 1 ? 'a problem' : `${fails.length} problems`} the Hub would refuse or fail this job for (✗ above).${fix ? ` ${fix}` : ''}`,
    });
  }
  if (!runsLocally(state.target) && !state.example.confirming)
    return t(clear({...state, example: {...state.example, confirming: true}}, 'error'));
  return startRun(state);
}

/** The example step: pre-flight as it opens, the views, copy, the price, and Run (after pre-flight, with a confirmation on huggingface.co). */
type ExampleEvent = Extract<
  WizardEvent,
  {
    type:
      | 'checklist-continue'
      | 'example-view'
      | 'copy'
      | 'copied'
      | 'price'
      | 'run-example'
      | 'confirm-run'
      | 'preflight-done'
      | 'rerun-preflight'
      | 'written-job';
  }
>;

function exampleStep(state: WizardState, event: ExampleEvent): Transition {
  switch (event.type) {
    case 'checklist-continue': {
      // Pre-flight starts as the example opens (the person reads the script meanwhile); Run waits for it.
      const example: WizardState['example'] = {...state.example, confirming: false, preflight: {phase: 'running'}};
      delete example.runWhenReady;
      // The files are read again with pre-flight; another example's files are not this one's.
      if (example.written?.id !== state.goal) delete example.written;
      return t(go(state, 'example', {example}), [
        {kind: 'preflight'},
        ...(state.target?.kind === 'hub' ? [{kind: 'fetch-price'} as const] : []),
      ]);
    }
    case 'example-view':
      return t({...state, example: {...state.example, view: event.view}});
    case 'copy':
      return t(state, [{kind: 'copy', label: event.label, text: event.text}]);
    case 'copied': {
      const notice = event.ok
        ? `Copied ${event.label} to the clipboard.`
        : `No clipboard program here (pbcopy, wl-copy, xclip or clip.exe): select the text with the mouse instead${state.config.phase === 'written' ? '; the script and hf-job.json are also in my-first-hf-job/' : ''}.`;
      return t({...state, notice});
    }
    case 'price': {
      const example = {...state.example};
      if (event.price) example.price = event.price;
      return t({...state, example});
    }
    case 'run-example':
      return runExample(state);
    case 'preflight-done': {
      const preflight: NonNullable<WizardState['example']['preflight']> = {phase: 'done'};
      if (event.report) preflight.report = event.report;
      if (event.error !== undefined) preflight.error = event.error;
      const example: WizardState['example'] = {...state.example, preflight};
      delete example.runWhenReady;
      const next = {...state, example};
      if (!state.example.runWhenReady || state.step !== 'example') return t(next);
      return runExample(clear(next, 'busy'));
    }
    case 'rerun-preflight': {
      const example: WizardState['example'] = {...state.example, confirming: false, preflight: {phase: 'running'}};
      delete example.runWhenReady;
      return t(clear({...state, example}, 'error', 'notice'), [{kind: 'preflight'}]);
    }
    case 'confirm-run':
      return event.yes ? startRun(state) : t({...state, example: {...state.example, confirming: false}});
    case 'written-job': {
      const example: WizardState['example'] = {...state.example};
      if (event.job && event.job.id === state.goal) example.written = event.job;
      else delete example.written;
      return t({...state, example});
    }
  }
}

/** The step to the real `hf`, offered on the result of a completed sandbox job (once; its lines stream in). */
function realToolsEvent(
  state: WizardState,
  event: Extract<WizardEvent, {type: 'real-tools' | 'real-tools-log' | 'real-tools-done'}>,
): Transition {
  if (event.type === 'real-tools') {
    if (!state.result?.sandbox || state.result.stage !== 'COMPLETED' || state.realTools?.phase === 'running')
      return t(state);
    return t(
      {
        ...state,
        realTools: {phase: 'running', exportLines: [], commands: [], realHubCommands: [], lines: []},
        busy: 'Writing the env file; running hf when it is installed',
      },
      [{kind: 'real-tools'}],
    );
  }
  if (!state.realTools) return t(state);
  if (event.type === 'real-tools-log')
    return t({...state, realTools: {...state.realTools, lines: [...state.realTools.lines, event.line]}});
  return t(clear({...state, realTools: event.view}, 'busy'));
}

function dropDashboard(state: WizardState): WizardState {
  const next = {...state};
  delete next.dashboard;
  return next;
}

function startChecks(state: WizardState): Transition {
  return t(go(state, 'checklist', {checklist: {phase: 'running', items: []}}), [{kind: 'run-checks'}]);
}

function openProblem(state: WizardState, problem: ProblemId, evidence?: string): Transition {
  const troubleshoot: WizardState['troubleshoot'] = {problem, phase: 'idle', returnTo: state.step};
  if (evidence !== undefined) troubleshoot.evidence = evidence;
  return t({...state, troubleshoot, busy: 'Looking up the problem'}, [{kind: 'load-problem', problem}]);
}

/** Whether Esc does something here (the footer offers it only then): nothing before the first screen. */
export function canGoBack(state: WizardState): boolean {
  return back(state).state !== state;
}

function back(state: WizardState): Transition {
  if (state.step === 'run') {
    if (state.run.phase === 'running' || state.run.phase === 'submitting') {
      return t({...state, run: {...state.run, confirmCancel: !state.run.confirmCancel}});
    }
  }
  if (state.step === 'example' && state.example.confirming)
    return t({...state, example: {...state.example, confirming: false}});
  if (
    state.step === 'login' &&
    state.login.phase !== 'choose' &&
    state.login.phase !== 'detecting' &&
    state.login.phase !== 'validating'
  ) {
    // Leaving the browser login stops its polling and its spinner: the menu must take keys again.
    const login = {...state.login, phase: 'choose' as const};
    delete login.browser;
    return t(
      clear({...state, login}, 'error', 'busy'),
      state.login.phase === 'browser' ? [{kind: 'cancel-browser-login'}] : [],
    );
  }
  // `troubleshoot` on its own (nothing before it): Esc on the result goes back to the paste box, the text kept to edit.
  if (
    state.step === 'troubleshoot' &&
    state.troubleshoot.phase !== 'paste' &&
    state.history.length === 0 &&
    state.troubleshoot.draft !== undefined
  ) {
    return t(
      clear(
        {
          ...state,
          troubleshoot: {
            phase: 'paste',
            draft: state.troubleshoot.draft,
            ...(state.troubleshoot.returnTo ? {returnTo: state.troubleshoot.returnTo} : {}),
          },
        },
        'error',
        'busy',
        'notice',
      ),
    );
  }
  if (state.step === 'checklist' && state.checklist.expanded) {
    const checklist = {...state.checklist};
    delete checklist.expanded;
    return t({...state, checklist});
  }
  const previous = state.history[state.history.length - 1];
  if (!previous) return t(state);
  const next = clear({...state, step: previous, history: state.history.slice(0, -1)}, 'error', 'busy', 'notice');
  // Going back to a step that was waiting on work: show its settled form, never a spinner without work behind it.
  if (previous === 'login' && (next.login.phase === 'validating' || next.login.phase === 'detecting'))
    next.login = {...next.login, phase: 'choose'};
  if (previous === 'run' || previous === 'result')
    return t({...next, step: 'example', history: next.history.filter((s) => s !== 'run' && s !== 'result')});
  return t(next);
}

/** Logged in and on to the token type, the login said in one line there. */
function loggedIn(state: WizardState): Transition {
  const a = state.account!;
  return t(
    {
      ...go(state, 'token-type'),
      notice: `✓ Logged in as ${a.user} with a ${a.kindLabel} (${a.masked}, ${a.sourceLabel}).`,
    },
    [{kind: 'evaluate-goal'}],
  );
}

/**
 * The exit code of quitting (q, Quit, Finish), one rule for every entry point (README, --help): stopping by choice
 * is 0; 1 only when the job the wizard ran failed (ERROR and the like, or canceled by the Hub for credits). A job
 * cancelled by the person was stopped by choice: 0.
 * Ctrl-C is 130 (the commands decide that, outside the machine).
 */
export function quitCode(state: Pick<WizardState, 'result'>): number {
  const stage = state.result?.stage;
  // A job the Hub canceled for credits, or whose end the Hub did not confirm, failed: 1, as an ERROR.
  return stage === undefined || stage === 'COMPLETED' || canceledByChoice(state.result!) ? 0 : 1;
}

export function transition(state: WizardState, event: WizardEvent): Transition {
  // Each screen's events have their own function (welcome/target, login, token type, config, checklist, run,
  // troubleshooting); the ones any screen can send are handled here.
  const sub =
    targetTransition(state, event) ??
    loginTransition(state, event) ??
    tokenTypeTransition(state, event) ??
    configTransition(state, event) ??
    checklistTransition(state, event) ??
    runTransition(state, event) ??
    troubleshootTransition(state, event);
  if (sub) return sub;
  switch (event.type) {
    case 'quit':
      return t({...state, exitCode: quitCode(state)}, [{kind: 'exit', code: quitCode(state)}]);
    case 'back':
      return back(state);
    case 'dismiss-error':
      return t(clear(state, 'error'));
    case 'notice':
      return t({...state, notice: event.text});
    case 'failed':
      return t({...clear(state, 'busy'), error: event.message});
    case 'open-problem':
      return openProblem(state, event.problem, event.evidence);
    case 'checklist-continue':
    case 'example-view':
    case 'copy':
    case 'copied':
    case 'price':
    case 'run-example':
    case 'confirm-run':
    case 'preflight-done':
    case 'rerun-preflight':
    case 'written-job':
      return exampleStep(state, event);
    case 'fix':
      return applyFix(state, event.action);
    case 'toggle-dashboard':
      return state.dashboard || !state.target
        ? t(dropDashboard(state))
        : t({...state, dashboard: {phase: 'loading', lines: []}}, [{kind: 'dashboard'}]);
    case 'dashboard-ready':
      return t(state.dashboard ? {...state, dashboard: {phase: 'shown', lines: event.lines}} : state);
    case 'real-tools':
    case 'real-tools-log':
    case 'real-tools-done':
      return realToolsEvent(state, event);
    case 'result-continue':
      return t({...state, exitCode: quitCode(state)}, [{kind: 'exit', code: quitCode(state)}]);
    default:
      return t(state);
  }
}

/** Start and the welcome screen: choose the Hub (or take the preset one), then go to login once it is ready. */
function targetTransition(state: WizardState, event: WizardEvent): Transition | undefined {
  switch (event.type) {
    case 'start':
      if (state.options.presetTarget && state.options.startAt !== 'paste-error') {
        return t(
          {
            ...state,
            welcome: {choice: state.options.presetTarget},
            busy: busyForTarget(state.options.presetTarget, state.options.hubEndpoint),
          },
          [{kind: 'prepare-target', target: state.options.presetTarget}],
        );
      }
      // `troubleshoot --sandbox` / `--endpoint` on a terminal: the Hub is known; it is prepared when the error is
      // pasted (starting the sandbox while the person types would hold up the keyboard).
      if (state.options.presetTarget) return t({...state, welcome: {choice: state.options.presetTarget}});
      return t(state);
    case 'choose-target':
      return t(
        {
          ...clear(state, 'error'),
          welcome: {choice: event.target},
          busy: busyForTarget(event.target, state.options.hubEndpoint),
        },
        [{kind: 'prepare-target', target: event.target}],
      );
    case 'target-ready': {
      const goal =
        state.goal ?? (event.examples.some((e) => e.id === DEFAULT_GOAL) ? DEFAULT_GOAL : event.examples[0]?.id);
      if (state.step === 'troubleshoot' && state.options.startAt === 'paste-error' && !state.target) {
        const ready: WizardState = {...state, target: event.target, examples: event.examples};
        if (goal !== undefined) ready.goal = goal;
        return t(ready);
      }
      const next = go(state, 'login', {target: event.target, examples: event.examples, login: {phase: 'detecting'}});
      // With --sandbox / --endpoint the welcome choice was never shown: Esc from login must not land on it.
      if (state.options.presetTarget) next.history = next.history.filter((s) => s !== 'welcome');
      if (goal !== undefined) next.goal = goal;
      // A workshop's sandbox whose practice tokens this user cannot have: said once, on the login screen.
      if (event.target.practiceNote) next.notice = `No practice token here: ${event.target.practiceNote}`;
      return t({...next, busy: 'Looking for a saved token'}, [{kind: 'detect-token'}]);
    }
    default:
      return undefined;
  }
}

/** The token type screen: the goal, its verdict and least-privilege advice, the Hub's token page, continue. */
function tokenTypeTransition(state: WizardState, event: WizardEvent): Transition | undefined {
  switch (event.type) {
    case 'choose-goal': {
      const next = {...state, goal: event.goal};
      delete next.verdict;
      delete next.tokenAdvice;
      return t(next, [{kind: 'evaluate-goal'}]);
    }
    case 'goal-evaluated':
      return t({...state, verdict: event.verdict});
    case 'token-advice':
      return t({...state, tokenAdvice: event.advice});
    case 'open-token-page': {
      // Before any Hub was chosen (`troubleshoot` pasting an error): the Hub the command reads, huggingface.co by default.
      const endpoint = state.target?.endpoint ?? state.options.hubEndpoint ?? DEFAULT_ENDPOINT;
      // The least-privilege page for this job when known; else the write preset (the simplest token that works).
      const kind =
        state.verdict && !state.verdict.ok && state.account?.kind === 'fineGrained' ? 'fineGrained' : 'write';
      const code = state.tokenAdvice?.confirmCode;
      return t(state, [
        {kind: 'open-url', url: state.tokenAdvice?.url ?? tokenPageUrl(endpoint, kind), ...(code ? {code} : {})},
      ]);
    }
    case 'token-type-continue':
      return t({...go(state, 'config', {config: {phase: 'planning'}}), busy: 'Looking at the files to write'}, [
        {kind: 'plan-config'},
      ]);
    default:
      return undefined;
  }
}

/** The config screen: the plan to review, then written (the checks start) or skipped. */
function configTransition(state: WizardState, event: WizardEvent): Transition | undefined {
  switch (event.type) {
    case 'config-planned':
      return t(clear({...state, config: {phase: 'review', plan: event.plan}}, 'busy'));
    case 'config-confirm':
      if (state.config.phase !== 'review') return t(state);
      return t({...state, config: {...state.config, phase: 'writing'}, busy: 'Writing the files'}, [
        {kind: 'write-config'},
      ]);
    case 'config-written': {
      const written = {
        ...state,
        config: {...state.config, phase: 'written' as const, written: event.files},
        notice: event.files.length
          ? `Wrote ${event.files.length} file${event.files.length === 1 ? '' : 's'}.`
          : 'The files were already up to date: nothing was written.',
      };
      const next = startChecks(written);
      return t({...next.state, notice: written.notice}, next.effects);
    }
    case 'config-skip':
      return startChecks({...state, config: {...state.config, phase: 'skipped'}});
    default:
      return undefined;
  }
}

/** The checklist: results as they come, all done, an item opened or closed, a rerun. */
function checklistTransition(state: WizardState, event: WizardEvent): Transition | undefined {
  switch (event.type) {
    case 'check-result': {
      const items = state.checklist.items.filter((i) => i.id !== event.item.id);
      return t({...state, checklist: {...state.checklist, items: [...items, event.item]}});
    }
    case 'checks-done':
      return t({...state, checklist: {...state.checklist, phase: 'done', items: event.items}});
    case 'toggle-check': {
      const checklist = {...state.checklist};
      if (checklist.expanded === event.id) delete checklist.expanded;
      else checklist.expanded = event.id;
      return t({...state, checklist});
    }
    case 'rerun-checks': {
      const next = startChecks(state);
      return t({...next.state, history: state.step === 'checklist' ? state.history : next.state.history}, next.effects);
    }
    default:
      return undefined;
  }
}

/** A submitted job: its stages and log, its end (a failure goes to troubleshooting), and cancelling it. */
function runTransition(state: WizardState, event: WizardEvent): Transition | undefined {
  switch (event.type) {
    case 'job-submitted':
      return t(
        clear(
          {
            ...state,
            run: {
              ...state.run,
              phase: 'running',
              job: event.job,
              stage: 'SCHEDULING',
              startedAt: event.at,
              stageAt: event.at,
            },
          },
          'busy',
        ),
      );
    case 'job-stage':
      return t({...state, run: {...state.run, stage: event.stage, stageAt: event.at}});
    case 'job-log':
      return t({...state, run: {...state.run, logs: [...state.run.logs, event.line]}});
    case 'job-finished': {
      const next = go(clear(state, 'busy'), 'result', {
        run: {...state.run, phase: 'finished', stage: event.outcome.stage, confirmCancel: false},
        result: event.outcome,
      });
      if (event.outcome.stage === 'COMPLETED' || canceledByChoice(event.outcome)) return t(next);
      const text = event.failureText ?? event.outcome.message ?? '';
      return t(
        {
          ...next,
          troubleshoot: {phase: 'idle', returnTo: 'result', evidence: text},
          busy: 'Reading the log to find the cause',
        },
        [{kind: 'classify', text}],
      );
    }
    case 'submit-failed': {
      const next = go(clear(state, 'busy'), 'result', {
        run: {...state.run, phase: 'finished', stage: 'ERROR', confirmCancel: false},
        result: {stage: 'ERROR', message: event.message, nextSteps: []},
      });
      return openProblem(next, event.problem, event.message);
    }
    case 'request-cancel':
      if (state.run.phase !== 'running' && state.run.phase !== 'submitting') return t(state);
      // The job has ended (its result is being read): there is nothing left to cancel.
      if (isTerminal(state.run.stage)) return t(state);
      return t({...state, run: {...state.run, confirmCancel: true}});
    case 'cancel-answer':
      if (!event.yes) return t({...state, run: {...state.run, confirmCancel: false}});
      return t({...state, run: {...state.run, confirmCancel: false, phase: 'cancelling'}, busy: 'Cancelling the job'}, [
        {kind: 'cancel-job'},
      ]);
    default:
      return undefined;
  }
}

/** The login screen's events (after the target is ready): detect, choose, paste, practice, browser, validated. */
function loginTransition(state: WizardState, event: WizardEvent): Transition | undefined {
  switch (event.type) {
    case 'token-detected': {
      const login: WizardState['login'] = {...state.login, phase: 'choose'};
      if (event.offer) login.offer = event.offer;
      else delete login.offer;
      return t(clear({...state, login}, 'busy'));
    }
    case 'use-saved': {
      const account = state.login.offer?.account;
      if (!account) return t(state);
      // "Continue as …" was the confirmation: no second "Logged in … Continue" screen.
      return loggedIn(clear({...state, account, login: {...state.login, phase: 'done'}}, 'error'));
    }
    case 'login-method': {
      const next = clear({...state, login: {...state.login, phase: event.method, lastMethod: event.method}}, 'error');
      if (event.method === 'browser') {
        const login = {...next.login, via: 'browser' as const};
        delete login.browser;
        return t({...next, login, busy: 'Asking the Hub for a login code'}, [{kind: 'browser-login'}]);
      }
      return t(next);
    }
    case 'paste-submit': {
      // The login's one format step (core/tokens/format.ts checkTokenInput), as `login` runs it. On the sandbox, its
      // token page makes tokens only from the app's own link (the advice's, with its form key).
      const format = checkTokenInput(
        event.value,
        state.target?.endpoint ?? DEFAULT_ENDPOINT,
        // (Only the app's own sandbox has that key: one reached by its URL, a workshop's, links its plain token page.)
        state.target?.kind === 'sandbox' && state.target.practice ? state.tokenAdvice?.url : undefined,
      );
      if (!format.ok) return t({...state, error: format.reason});
      return t(
        clear(
          {
            ...state,
            login: {...state.login, phase: 'validating', via: 'paste'},
            busy: `Checking the token with ${hostOf(state)}`,
          },
          'error',
        ),
        [{kind: 'validate-token', token: format.token, source: 'input'}],
      );
    }
    case 'practice-pick':
      return t(
        clear(
          {
            ...state,
            login: {...state.login, phase: 'validating', via: 'practice', lastPractice: event.label},
            busy: `Checking the ${event.label} practice token with ${hostOf(state)}`,
          },
          'error',
        ),
        [{kind: 'practice-token', label: event.label}],
      );
    case 'browser-code':
      return t(
        clear(
          {
            ...state,
            login: {...state.login, browser: {url: event.url, code: event.code}},
            busy: 'Waiting for you to approve in the browser',
          },
          'error',
        ),
      );
    case 'validated': {
      const next = clear({...state, account: event.account, login: {...state.login, phase: 'done'}}, 'busy', 'error');
      delete next.verdict;
      // Picking a practice token was the choice: go on (the token-type screen says who is logged in).
      if (state.login.via === 'practice') return loggedIn(next);
      return t(next);
    }
    case 'login-failed': {
      const phase = state.login.via === 'paste' ? 'paste' : state.login.via === 'practice' ? 'practice' : 'choose';
      return t({...clear(state, 'busy'), login: {...state.login, phase}, error: event.message});
    }
    case 'login-continue':
      if (!state.account) return t(state);
      return t(go(state, 'token-type'), [{kind: 'evaluate-goal'}]);
    default:
      return undefined;
  }
}

/** The troubleshooting screen's events: paste an error, classified (the live diagnosis follows), diagnosed. */
function troubleshootTransition(state: WizardState, event: WizardEvent): Transition | undefined {
  switch (event.type) {
    case 'paste-error': {
      // The text from the last time in the paste box comes back (Esc out of it keeps it).
      const draft = state.troubleshoot.draft;
      // From the login menu: back there (Esc), the cursor is on "I have an error message" again.
      const login = state.step === 'login' ? {...state.login, lastMethod: 'error' as const} : state.login;
      return t(
        go(state, 'troubleshoot', {
          login,
          troubleshoot: {phase: 'paste', returnTo: state.step, ...(draft !== undefined ? {draft} : {})},
        }),
      );
    }
    case 'paste-draft':
      // Kept redacted, like everything in the state: a token in the text is never held past the box.
      return t({...state, troubleshoot: {...state.troubleshoot, draft: redactSecrets(maskSplitTokens(event.text))}});
    case 'error-pasted': {
      if (event.text.trim() === '')
        return t({
          ...state,
          error:
            'Nothing was pasted: paste the error (several lines are fine), then press Ctrl-D or Enter on an empty line.',
        });
      // Token shapes and every registered secret (the session's token among them) are masked, also one a line break
      // cut in two (the lines the classifier shows are masked one by one).
      const text = maskSplitTokens(event.text);
      const evidence = redactSecrets(text);
      const troubleshoot: WizardState['troubleshoot'] = {phase: 'idle', evidence, draft: evidence};
      // A token in the text is said first (as `troubleshoot` does), masked: the state never holds it whole.
      const leaks = findPastedTokens(event.text).map((l) => ({masked: l.masked, line: l.line}));
      if (leaks.length) troubleshoot.leaks = leaks;
      if (state.troubleshoot.returnTo) troubleshoot.returnTo = state.troubleshoot.returnTo;
      // The Hub named by --sandbox / --endpoint first: the diagnosis reads its saved login, "Log in again" logs in there.
      const preset = state.options.presetTarget;
      const prepare: WizardEffect[] = preset && !state.target ? [{kind: 'prepare-target', target: preset}] : [];
      return t({...clear(state, 'error'), troubleshoot, busy: 'Reading the error'}, [
        ...prepare,
        {kind: 'classify', text},
      ]);
    }
    case 'classified': {
      const returnTo = state.troubleshoot.returnTo ?? state.step;
      const troubleshoot: WizardState['troubleshoot'] = {
        problem: event.problem,
        info: event.info,
        phase: 'diagnosing',
        returnTo,
      };
      if (state.troubleshoot.draft !== undefined) troubleshoot.draft = state.troubleshoot.draft;
      if (state.troubleshoot.draft !== undefined && state.troubleshoot.leaks)
        troubleshoot.leaks = state.troubleshoot.leaks;
      const evidence = state.troubleshoot.evidence;
      if (evidence !== undefined) troubleshoot.evidence = evidence;
      if (event.seen?.length) troubleshoot.seen = event.seen;
      if (event.alternatives?.length) troubleshoot.alternatives = event.alternatives;
      if (event.guess) troubleshoot.guess = true;
      if (event.hub) troubleshoot.hub = event.hub;
      // From the paste screen, Esc goes back to where the person was, not to the paste box.
      const base =
        state.step === 'troubleshoot' && state.troubleshoot.phase !== 'done' ? state : go(state, 'troubleshoot');
      // The diagnosis follows within the same effect (controller: classify / load-problem), no second round trip.
      return t({...base, step: 'troubleshoot', troubleshoot, busy: 'Diagnosing: checking your token and setup live'});
    }
    case 'diagnosed':
      return t(
        clear({...state, troubleshoot: {...state.troubleshoot, phase: 'done', diagnosis: event.diagnosis}}, 'busy'),
      );
  }
}

/** A fix offered on the troubleshooting screen (core/troubleshoot/actions.ts), carried out. */
function applyFix(state: WizardState, action: FixAction): Transition {
  switch (action) {
    case 're-login':
      if (!state.target) return t(go(state, 'welcome'));
      // The error came from another Hub (huggingface.co while on the sandbox, or the reverse): a login here would not
      // change it.
      if (state.troubleshoot.hub && isSandboxEndpoint(state.troubleshoot.hub)) {
        const host = state.troubleshoot.hub.replace(/^https?:\/\//, '');
        const here = (state.target?.endpoint ?? DEFAULT_ENDPOINT).replace(/^https?:\/\//, '');
        // The app's own sandbox by --sandbox; another one (a workshop's) by its URL.
        const flag = isOwnSandbox(state.troubleshoot.hub) ? '--sandbox' : `--endpoint ${state.troubleshoot.hub}`;
        return t({
          ...state,
          notice: `This error came from the sandbox at ${host}: practise there with \`${appCommand(flag)}\` and its practice login (\`${appCommand(`login ${flag} --practice write`)}\`); this wizard's login is for ${here}.`,
        });
      }
      if (state.troubleshoot.hub) {
        const host = state.troubleshoot.hub.replace(/^https?:\/\//, '');
        return t({
          ...state,
          notice: `This error came from ${host}: log in there, in another terminal, with \`${appCommand('login')}\` (or \`hf auth login\`) and a fresh token; this wizard's login is the sandbox's.`,
        });
      }
      // The saved login may have changed since (the config step saves it): look again.
      return t(
        {...go(state, 'login', {login: {phase: 'detecting', afterFailure: true}}), busy: 'Looking for a saved token'},
        [{kind: 'detect-token'}],
      );
    case 'rewrite-config':
    case 'rename-secret':
      return t({...go(state, 'config', {config: {phase: 'planning'}}), busy: 'Looking at the files to write'}, [
        {kind: 'plan-config', rewrite: true},
      ]);
    case 'open-token-page': {
      // A text pasted from another Hub (huggingface.co while on the sandbox): that Hub's token page.
      const hub = state.troubleshoot.hub;
      if (hub && !mayOpenPastedHub(state, hub)) return t({...state, notice: unprovenHubNotice(hub, 'tokens')});
      if (hub) return t(state, [{kind: 'open-url', url: tokenPageUrl(hub)}]);
      return transition(state, {type: 'open-token-page'});
    }
    case 'open-billing': {
      const hub = state.troubleshoot.hub;
      if (hub && !mayOpenPastedHub(state, hub)) return t({...state, notice: unprovenHubNotice(hub, 'billing')});
      const endpoint = hub ?? state.target?.endpoint ?? DEFAULT_ENDPOINT;
      return t(state, [{kind: 'open-url', url: `${endpoint}/settings/billing`}]);
    }
    case 'retry':
      return startRun(state);
    case 'rerun-checks':
      return startChecks(state);
  }
  return t(state);
}

/**
 * Whether a page of the Hub a pasted text named may be opened: huggingface.co, or a local address that proved to be
 * this machine's sandbox (the diagnosis asked it: owner.json's instance id, wizard/services/troubleshoot.ts), or the
 * app's own. Any program can listen on a local port: a text naming http://127.0.0.1:PORT must not open its page.
 */
function mayOpenPastedHub(state: WizardState, hub: string): boolean {
  let host: string;
  try {
    host = new URL(hub).hostname;
  } catch {
    return false;
  }
  if (host === new URL(DEFAULT_ENDPOINT).hostname) return true;
  if (!isSandboxEndpoint(hub)) return false;
  return isOwnSandbox(hub) || state.troubleshoot.diagnosis?.hubProven === true;
}

/** Said instead of opening a page of a Hub a pasted text named that did not prove to be the sandbox or huggingface.co. */
function unprovenHubNotice(hub: string, page: 'tokens' | 'billing'): string {
  const host = sanitizeLine(hub.replace(/^https?:\/\//, ''));
  const what = isSandboxEndpoint(hub) ? "does not prove to be this machine's sandbox" : 'is not huggingface.co';
  return page === 'tokens'
    ? `Nothing was opened: ${host} ${what}, and any program can answer there. Tokens for huggingface.co are made at ${DEFAULT_ENDPOINT}/settings/tokens; your sandbox's token page opens from the wizard on it (\`${appCommand('--sandbox')}\`).`
    : `Nothing was opened: ${host} ${what}, and any program can answer there. Billing for huggingface.co is at ${DEFAULT_ENDPOINT}/settings/billing; the sandbox has none.`;
}

/** The busy line while the Hub is prepared: names the host --endpoint gave, not huggingface.co. */
function busyForTarget(target: TargetKind, hubEndpoint: string | undefined): string {
  if (target === 'sandbox') return 'Starting the sandbox Hub';
  return `Connecting to ${(hubEndpoint ?? DEFAULT_ENDPOINT).replace(/^https?:\/\//, '').replace(/\/+$/, '')}`;
}

function hostOf(state: WizardState): string {
  if (!state.target) return 'the Hub';
  return state.target.kind === 'sandbox' ? 'the sandbox Hub' : state.target.endpoint.replace(/^https?:\/\//, '');
}

/** Steps shown in the progress line (troubleshooting is a side screen). */
export function stepNumber(step: StepId): number {
  const order: StepId[] = ['welcome', 'login', 'token-type', 'config', 'checklist', 'example', 'run', 'result'];
  return Math.max(0, order.indexOf(step)) + 1;
}

/** "Step n/total" as the person counts them: when --sandbox / --endpoint skip the welcome step, log in is step 1 of 7. */
export function stepCounter(state: Pick<WizardState, 'step' | 'options'>): {n: number; total: number} {
  // One count whatever the entry point: `troubleshoot --sandbox`'s "Log in again" is step 1/7 as in `--sandbox`.
  const skipped = Boolean(state.options.presetTarget);
  const n = stepNumber(state.step);
  return skipped ? {n: Math.max(1, n - 1), total: 7} : {n, total: 8};
}
