// The `learn` controller, like the wizard's: it holds the flow's state (learn-flow.ts), runs each effect with Course
// and the learn target, and feeds the result back as an event. The Ink view (ui/learn/LearnApp.tsx) and plain mode
// (plain/learn.ts) only render the state and send events: the effect runner is written once, here.
import type {Course} from './course.js';
import {
  learnTransition,
  type LearnContext,
  type LearnEffect,
  type LearnEvent,
  type LearnState,
  type LearnTransition,
} from './learn-flow.js';
import type {LearnTarget} from './target.js';

export interface LearnControllerOptions {
  course: Course;
  target: LearnTarget;
  /** Where the flow starts (initialLearn) and the effects to run first. */
  start: LearnTransition;
  /** The view's part of the context (page rows, a lesson's line count), read at each event. */
  context?: () => Omit<LearnContext, 'course'>;
  /** The flow asked to end with this exit code. */
  onExit?: (code: number) => void;
}

export class LearnController {
  #state: LearnState;
  readonly #o: LearnControllerOptions;
  readonly #listeners = new Set<(state: LearnState) => void>();
  /** The started exercise's folder (course.start's answer), for the views that show the full path. */
  startedDir: string | undefined;

  constructor(options: LearnControllerOptions) {
    this.#o = options;
    this.#state = options.start.state;
  }

  getState(): LearnState {
    return this.#state;
  }

  subscribe(listener: (state: LearnState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs the start's effects (marking the opened lesson read, ...). */
  async begin(): Promise<void> {
    await Promise.all(this.#o.start.effects.map((e) => this.#perform(e)));
  }

  /**
   * Sends an event: the state changes at once (listeners hear it), then the effects run; the promise settles when
   * they and the events they lead to are done (plain mode waits for it, the Ink view does not).
   */
  async send(event: LearnEvent): Promise<void> {
    const {state, effects} = learnTransition(this.#state, event, {
      course: this.#o.course,
      ...(this.#o.context?.() ?? {}),
    });
    if (state !== this.#state) {
      this.#state = state;
      for (const l of this.#listeners) l(state);
    }
    await Promise.all(effects.map((e) => this.#perform(e)));
  }

  async #perform(effect: LearnEffect): Promise<void> {
    if (effect.kind === 'exit') {
      this.#o.onExit?.(effect.code);
      return;
    }
    let result: LearnEvent | undefined;
    try {
      result = await this.#run(effect);
    } catch (error) {
      result = {type: 'failed', message: error instanceof Error ? error.message : String(error)};
    }
    if (result) await this.send(result);
  }

  async #run(effect: Exclude<LearnEffect, {kind: 'exit'}>): Promise<LearnEvent | undefined> {
    const {course, target} = this.#o;
    switch (effect.kind) {
      case 'mark-read':
        await course.progress.markRead(effect.lesson.id);
        return undefined;
      case 'start':
        this.startedDir = await course.start(effect.lesson, effect.exercise);
        return {type: 'started'};
      case 'hint':
        return {
          type: 'hinted',
          exercise: effect.exercise,
          n: effect.n,
          hint: await course.hint(effect.lesson, effect.exercise, effect.n),
        };
      case 'verify': {
        const result = await course.verify(effect.lesson, effect.exercise, {
          ...(effect.answers ? {answers: effect.answers} : {}),
          target,
        });
        return {
          type: 'verified',
          lesson: effect.lesson,
          exercise: effect.exercise,
          result,
          ...(effect.answers ? {answers: effect.answers} : {}),
        };
      }
      case 'whoami':
        return {type: 'whoami-done', token: effect.token, report: await course.whoami(target, effect.token)};
      case 'run': {
        const outcome = await course.run(
          effect.lesson,
          effect.exercise,
          effect.token,
          target,
          (line) => void this.send({type: 'log', line}),
        );
        return {type: 'ran', outcome};
      }
      case 'reset':
        await course.reset(effect.lesson, effect.exercise);
        return {type: 'reset-done'};
    }
  }
}
