// Runs the machine: holds the state, applies events through the reducer, and performs the effects with
// WizardServices, feeding their results back as events. The Ink UI subscribes to it; the plain mode awaits `idle()`.
import {redactSecrets} from '../tokens/mask.js';
import {textHub} from '../troubleshoot/facts.js';
import {isSandboxEndpoint} from '../practice.js';
import {initialState, transition} from './machine.js';
import type {Session, WizardServices} from './services.js';
import type {ProblemId, WizardEffect, WizardEvent, WizardOptions, WizardState} from './types.js';

export type Listener = (state: WizardState) => void;

export class WizardController {
  private state: WizardState;
  private readonly listeners = new Set<Listener>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly jobAbort = new AbortController();
  private browserAbort: AbortController | undefined;
  private disposed = false;
  /** The Hub being prepared (troubleshoot --sandbox prepares it behind the paste box): reading an error waits for it. */
  private preparing: Promise<unknown> | undefined;
  /** Resolved with the exit code when an effect asks to exit. */
  readonly exited: Promise<number>;
  private resolveExit!: (code: number) => void;

  constructor(
    private readonly services: WizardServices,
    options: WizardOptions,
  ) {
    this.state = initialState(options);
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  getState = (): WizardState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispatch = (event: WizardEvent): void => {
    if (this.disposed) return;
    const {state, effects} = transition(this.state, event);
    this.state = state;
    for (const l of this.listeners) l(state);
    for (const effect of effects) this.perform(effect);
  };

  /** Resolves when no effect is running (the plain mode waits on this before prompting). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops background work (log streaming, browser polling) and closes the services. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.jobAbort.abort();
    this.browserAbort?.abort();
    await this.services.dispose().catch(() => undefined);
  }

  private session(): Session {
    const s = this.state;
    // Troubleshooting a pasted error before any Hub was chosen looks at --endpoint / HF_ENDPOINT / huggingface.co.
    const session: Session = {target: s.target ?? this.services.defaultTarget(), cwd: s.options.cwd};
    if (!s.target) session.detached = true;
    if (s.account) session.account = s.account;
    if (s.goal) session.exampleId = s.goal;
    return session;
  }

  private perform(effect: WizardEffect): void {
    if (effect.kind === 'exit') {
      this.resolveExit(effect.code);
      return;
    }
    this.pending++;
    this.run(effect)
      .catch((error: unknown) => {
        // The session's token is a registered secret (services' rememberToken): redactSecrets masks it by value too.
        const message = error instanceof Error ? (error.message.split('\n')[0] ?? 'Something failed.') : String(error);
        this.dispatch({type: 'failed', message: redactSecrets(message)});
      })
      .finally(() => {
        this.pending--;
        if (this.pending === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const w of waiters) w();
        }
      });
  }

  private async run(effect: Exclude<WizardEffect, {kind: 'exit'}>): Promise<void> {
    const sv = this.services;
    switch (effect.kind) {
      case 'prepare-target': {
        const prepared = sv
          .prepareTarget(effect.target)
          .then(({target, examples}) => this.dispatch({type: 'target-ready', target, examples}));
        this.preparing = prepared.catch(() => undefined);
        await prepared;
        return;
      }
      case 'detect-token': {
        const offer = await sv.detectSavedToken(this.session().target);
        // The login screen links the smallest token the chosen job needs.
        this.dispatch({type: 'token-advice', advice: sv.tokenAdvice(this.session())});
        this.dispatch(offer ? {type: 'token-detected', offer} : {type: 'token-detected'});
        return;
      }
      case 'validate-token':
      case 'practice-token': {
        // The pasted token goes once to the services, which keep it; the state gets the account (masked) back.
        const target = this.session().target;
        const result =
          effect.kind === 'validate-token'
            ? await sv.validateToken(target, effect.token, effect.source)
            : await sv.practiceLogin(target, effect.label);
        this.dispatch(
          result.ok ? {type: 'validated', account: result.account} : {type: 'login-failed', message: result.message},
        );
        return;
      }
      case 'browser-login': {
        const target = this.session().target;
        this.browserAbort?.abort();
        const abort = new AbortController();
        this.browserAbort = abort;
        try {
          const result = await sv.browserLogin(
            target,
            (url, code) => this.dispatch({type: 'browser-code', url, code}),
            abort.signal,
          );
          if (abort.signal.aborted || this.state.step !== 'login') return;
          this.dispatch(
            result.ok ? {type: 'validated', account: result.account} : {type: 'login-failed', message: result.message},
          );
        } catch (error) {
          if (!abort.signal.aborted)
            this.dispatch({type: 'login-failed', message: error instanceof Error ? error.message : String(error)});
        }
        return;
      }
      case 'cancel-browser-login':
        this.browserAbort?.abort();
        return;
      case 'evaluate-goal': {
        const verdict = sv.evaluateGoal(this.session());
        this.dispatch({type: 'token-advice', advice: sv.tokenAdvice(this.session())});
        if (verdict) this.dispatch({type: 'goal-evaluated', verdict});
        return;
      }
      case 'plan-config':
        this.dispatch({
          type: 'config-planned',
          plan: await sv.planConfig(this.session(), effect.rewrite ? {rewrite: true} : {}),
        });
        return;
      case 'write-config': {
        const plan = this.state.config.plan;
        if (!plan) return;
        this.dispatch({type: 'config-written', files: await sv.writeConfig(this.session(), plan)});
        return;
      }
      case 'run-checks': {
        const items = await sv.runChecks(this.session(), (item) => this.dispatch({type: 'check-result', item}));
        this.dispatch({type: 'checks-done', items});
        return;
      }
      case 'open-url': {
        const ok = await sv.openUrl(effect.url);
        const code = effect.code ? ` The page asks for the code ${effect.code}.` : '';
        this.dispatch({
          type: 'notice',
          text: ok
            ? `Opened ${effect.url} in your browser.${code}`
            : `No browser could be opened from here: open ${effect.url} yourself.${code}`,
        });
        return;
      }
      case 'copy':
        this.dispatch({type: 'copied', label: effect.label, ok: await sv.copyToClipboard(effect.text)});
        return;
      case 'fetch-price': {
        const price = await sv.flavorPrice(this.session()).catch(() => undefined);
        this.dispatch(price ? {type: 'price', price} : {type: 'price'});
        return;
      }
      case 'preflight':
        await this.preflight();
        return;
      case 'dashboard':
        this.dispatch({type: 'dashboard-ready', lines: await sv.tokenDashboard(this.session())});
        return;
      case 'real-tools':
        this.dispatch({
          type: 'real-tools-done',
          view: await sv.realTools(this.session(), (line) => this.dispatch({type: 'real-tools-log', line})),
        });
        return;
      case 'submit-job':
        await this.submitAndFollow();
        return;
      case 'cancel-job': {
        const job = this.state.run.job;
        if (job) await sv.cancelJob(this.session(), job);
        return;
      }
      // One round trip: the problem is shown as soon as it is known ('classified'), the live diagnosis follows.
      case 'classify': {
        await this.preparing;
        const hub = this.textHub(effect.text);
        const session = this.troubleSession(hub);
        const {problem, seen, ...more} = sv.classifyFailure(effect.text, session); // alternatives, guess
        this.dispatch({
          type: 'classified',
          problem,
          info: sv.problemInfo(problem, session),
          seen: seen.map((l) => redactSecrets(l)),
          ...more,
          ...(hub ? {hub} : {}),
        });
        await this.diagnose(problem);
        return;
      }
      case 'load-problem': {
        // Another problem for the same pasted text: still answered for the Hub the text came from.
        const hub = this.textHub(this.state.troubleshoot.evidence ?? '');
        this.dispatch({
          type: 'classified',
          problem: effect.problem,
          info: sv.problemInfo(effect.problem, this.troubleSession(hub)),
          ...(hub ? {hub} : {}),
        });
        await this.diagnose(effect.problem);
        return;
      }
    }
  }

  /** The Hub a pasted text came from when it is not the wizard's (core/troubleshoot/facts.ts textHub). */
  private textHub(text: string): string | undefined {
    if (this.state.troubleshoot.draft === undefined) return undefined;
    return textHub(text, this.session().target.endpoint);
  }

  /** The session a pasted error is answered in: on the Hub it came from, with no login of this wizard's (a practice
   *  token means nothing on huggingface.co, a real one nothing on the sandbox), as when no Hub was chosen yet; else
   *  the wizard's own. A sandbox's is a sandbox session: its practice login, never the real token. */
  private troubleSession(hub: string | undefined): Session {
    const session = this.session();
    if (!hub) return session;
    const sandbox = isSandboxEndpoint(hub);
    return {
      target: {kind: sandbox ? 'sandbox' : 'hub', endpoint: hub, practice: sandbox},
      cwd: session.cwd,
      detached: true,
    };
  }

  /** Pre-flight of the job as written: the files are read first, so the screen shows the job Run submits. */
  private async preflight(): Promise<void> {
    const sv = this.services;
    // What the screen shows is the job Run submits: hf-job.json as written (read again with each pre-flight).
    const written = await sv.writtenJob(this.session()).catch(() => undefined);
    this.dispatch(written ? {type: 'written-job', job: written} : {type: 'written-job'});
    // The same core as `example` and `check` (core/preflight); a failure to ask is a line, never a stack trace.
    try {
      this.dispatch({type: 'preflight-done', report: await sv.preflight(this.session())});
    } catch (error) {
      // The session's token is a registered secret (services' rememberToken): redactSecrets masks it by value.
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? 'it failed') : String(error);
      this.dispatch({type: 'preflight-done', error: redactSecrets(message)});
    }
  }

  /** The live diagnosis of `problem` with the evidence in the state (a pasted text is not the wizard's own job). */
  private async diagnose(problem: ProblemId): Promise<void> {
    const pasted = this.state.troubleshoot.draft !== undefined;
    await this.preparing;
    const hub = this.state.troubleshoot.hub;
    const diagnosis = await this.services.diagnose(
      this.troubleSession(hub),
      problem,
      this.state.troubleshoot.evidence,
      {
        pasted,
      },
    );
    if (hub) diagnosis.findings.unshift({status: 'unknown', text: otherHubNote(hub, this.session().target.endpoint)});
    // Only while the person is still looking at this problem (Esc or another problem may have come in between).
    if (this.state.troubleshoot.problem === problem) this.dispatch({type: 'diagnosed', diagnosis});
  }

  private async submitAndFollow(): Promise<void> {
    const sv = this.services;
    const session = this.session();
    let job;
    try {
      job = await sv.submitJob(session);
    } catch (error) {
      const {message, problem} = sv.describeSubmitError(session, error);
      this.dispatch({type: 'submit-failed', message, problem});
      return;
    }
    this.dispatch({type: 'job-submitted', job, at: Date.now()});
    const {outcome, failureText} = await sv.followJob(
      session,
      job,
      {
        log: (line) => this.dispatch({type: 'job-log', line}),
        stage: (stage) => this.dispatch({type: 'job-stage', stage, at: Date.now()}),
      },
      this.jobAbort.signal,
    );
    if (this.jobAbort.signal.aborted) return;
    this.dispatch(
      failureText !== undefined ? {type: 'job-finished', outcome, failureText} : {type: 'job-finished', outcome},
    );
  }
}

/** The first finding for a text from another Hub than the wizard's: where it came from, and what the answer is for. */
function otherHubNote(hub: string, wizardEndpoint: string): string {
  const host = (url: string) => url.replace(/^https?:\/\//, '');
  return isSandboxEndpoint(hub)
    ? `This text came from the sandbox at ${host(hub)}, not from ${host(wizardEndpoint)}: the answer is for the sandbox and its practice login.`
    : `This text came from ${host(hub)}, not from the sandbox: the answer is for ${host(hub)} and your account there.`;
}
