// The learn flow reducer on its own: every screen's events, the effects it asks for and the results coming back.
import {describe, expect, it} from 'vitest';
import {
  initialLearn,
  learnTransition,
  type LearnContext,
  type LearnEvent,
  type LearnState,
} from '../../src/core/lessons/learn-flow.js';
import type {Exercise, Lesson, LiveExercise, QuizExercise} from '../../src/core/lessons/model.js';
import type {RunOutcome} from '../../src/core/lessons/live.js';

const quiz: QuizExercise = {
  id: 'q',
  kind: 'quiz',
  title: 'Quiz',
  hints: ['first', 'second'],
  solution: 'Read tokens read.',
  questions: [
    {
      prompt: 'One?',
      choices: [
        {text: 'a', correct: true},
        {text: 'b', explanation: 'no'},
      ],
    },
    {prompt: 'Two?', choices: [{text: 'c'}, {text: 'd', correct: true}, {text: 'e'}]},
  ],
};
const fix: Exercise = {
  id: 'f',
  kind: 'fix-file',
  title: 'Fix',
  hints: [],
  solution: 's',
  task: 't',
  files: ['a.py'],
  checks: {pass: []},
};
const live: LiveExercise = {
  id: 'l',
  kind: 'live',
  title: 'Live',
  hints: ['h'],
  solution: 's',
  task: 't',
  files: [],
  example: 'x',
  verify: {type: 'job-completed', token: 'write'},
  solutionSteps: [],
};

const lesson = (id: string, order: number, exercises: Exercise[]): Lesson => ({
  id,
  title: id,
  order,
  minutes: 5,
  prerequisites: [],
  dirName: id,
  dir: id,
  body: '',
  exercises,
});
const L1 = lesson('one', 1, [quiz, fix]);
const L2 = lesson('two', 2, [live]);
const L3 = lesson('three', 3, []);
const lessons = [L1, L2, L3];

function context(done: Exercise[] = [], lines = 40): LearnContext {
  return {
    course: {
      lessons,
      isDone: (_l, e) => done.includes(e),
      next: (l, e) => {
        const after = l.exercises[(e ? l.exercises.indexOf(e) : -1) + 1];
        if (after) return {lesson: l, exercise: after};
        const nl = lessons[lessons.indexOf(l) + 1];
        return nl ? {lesson: nl} : undefined;
      },
    },
    pageRows: 10,
    lessonLineCount: () => lines,
  };
}

function run(state: LearnState, events: LearnEvent[], ctx = context()) {
  const effects = [];
  for (const e of events) {
    const r = learnTransition(state, e, ctx);
    state = r.state;
    effects.push(...r.effects);
  }
  return {state, effects};
}

const at = (screen: LearnState['screen'], patch: Partial<LearnState> = {}): LearnState => ({
  screen,
  log: [],
  hints: {},
  ...patch,
});

describe('learn flow: start and the lesson list', () => {
  it('opens on the resume lesson in the list, or reads the given lesson (and marks it read)', () => {
    expect(initialLearn(lessons, {resume: L2})).toEqual({state: at({name: 'list', index: 1}), effects: []});
    expect(initialLearn(lessons, {}).state.screen).toEqual({name: 'list', index: 0});
    expect(initialLearn(lessons, {lesson: L3})).toEqual({
      state: at({name: 'lesson', lesson: L3, scroll: 0}),
      effects: [{kind: 'mark-read', lesson: L3}],
    });
  });

  it('moves round the list, opens a lesson (clearing the last message), quits on q and esc', () => {
    const s = at({name: 'list', index: 0}, {output: {tone: 'pass', lines: ['old']}});
    expect(run(s, [{type: 'up'}]).state.screen).toEqual({name: 'list', index: 2});
    expect(run(s, [{type: 'down'}, {type: 'down'}, {type: 'down'}]).state.screen).toEqual({name: 'list', index: 0});
    const opened = run(s, [{type: 'down'}, {type: 'select'}]);
    expect(opened.state.screen).toEqual({name: 'lesson', lesson: L2, scroll: 0});
    expect(opened.state.output).toBeUndefined();
    expect(opened.effects).toEqual([{kind: 'mark-read', lesson: L2}]);
    expect(run(s, [{type: 'quit'}]).effects).toEqual([{kind: 'exit', code: 0}]);
    expect(run(s, [{type: 'back'}]).effects).toEqual([{kind: 'exit', code: 0}]);
  });
});

describe('learn flow: reading a lesson', () => {
  const reading = at({name: 'lesson', lesson: L1, scroll: 0});

  it('scrolls by line and by page, never past the end (40 lines, 10 a page)', () => {
    expect(run(reading, [{type: 'up'}]).state.screen).toMatchObject({scroll: 0});
    expect(run(reading, [{type: 'down'}, {type: 'down'}]).state.screen).toMatchObject({scroll: 2});
    expect(run(reading, [{type: 'page-down'}]).state.screen).toMatchObject({scroll: 9});
    expect(run(reading, Array(9).fill({type: 'page-down'})).state.screen).toMatchObject({scroll: 30});
    expect(run(reading, [{type: 'page-down'}, {type: 'page-up'}, {type: 'page-up'}]).state.screen).toMatchObject({
      scroll: 0,
    });
    expect(run(reading, [{type: 'down'}], context([], 5)).state.screen).toMatchObject({scroll: 0});
  });

  it('e opens the first exercise not done yet and starts it; esc goes back to the list on this lesson', () => {
    const first = run(reading, [{type: 'exercises'}]);
    expect(first.state.screen).toEqual({name: 'exercise', lesson: L1, exercise: quiz});
    expect(first.effects).toEqual([{kind: 'start', lesson: L1, exercise: quiz}]);
    expect(run(reading, [{type: 'exercises'}], context([quiz])).state.screen).toMatchObject({exercise: fix});
    expect(run(reading, [{type: 'exercises'}], context([quiz, fix])).state.screen).toMatchObject({exercise: quiz});
    expect(run(at({name: 'lesson', lesson: L3, scroll: 0}), [{type: 'exercises'}]).effects).toEqual([]);
    expect(run(reading, [{type: 'back'}]).state.screen).toEqual({name: 'list', index: 0});
  });

  it("n goes on to the next lesson (past this one's exercises); after the last, back to the list with a message", () => {
    const n = run(reading, [{type: 'next'}]);
    expect(n.state.screen).toEqual({name: 'lesson', lesson: L2, scroll: 0});
    expect(n.effects).toEqual([{kind: 'mark-read', lesson: L2}]);
    const end = run(at({name: 'lesson', lesson: L3, scroll: 0}), [{type: 'next'}]);
    expect(end.state.screen).toEqual({name: 'list', index: 2});
    expect(end.state.output).toEqual({tone: 'pass', lines: ['That was the last exercise. Well done!']});
  });
});

describe('learn flow: an exercise', () => {
  const onQuiz = at({name: 'exercise', lesson: L1, exercise: quiz}, {output: {tone: 'info', lines: ['x']}});
  const onLive = at({name: 'exercise', lesson: L2, exercise: live});

  it('a quiz: v asks the questions one at a time, then verifies the answers; esc stops', () => {
    const started = run(onQuiz, [{type: 'verify'}]);
    expect(started.state.screen).toMatchObject({name: 'quiz', question: 0, choice: 0, answers: []});
    expect(started.state.output).toBeUndefined();
    const answered = run(started.state, [
      {type: 'select'},
      {type: 'down'},
      {type: 'down'},
      {type: 'up'},
      {type: 'select'},
    ]);
    expect(answered.state.screen).toEqual({name: 'exercise', lesson: L1, exercise: quiz});
    expect(answered.state.busy).toBe('Checking…');
    expect(answered.effects).toEqual([{kind: 'verify', lesson: L1, exercise: quiz, answers: [0, 1]}]);
    expect(run(started.state, [{type: 'back'}]).state.screen).toEqual({name: 'exercise', lesson: L1, exercise: quiz});
  });

  it('a pass shows the reference solution and what to press next; a miss shows what is wrong', () => {
    const busy = {...onQuiz, busy: 'Checking…'};
    const pass = run(busy, [
      {type: 'verified', lesson: L1, exercise: quiz, result: {passed: true, summary: 'all right', items: []}},
    ]).state;
    expect(pass.busy).toBeUndefined();
    expect(pass.output?.tone).toBe('pass');
    expect(pass.output?.lines).toEqual([
      '✓ PASS: all right',
      '',
      'Reference solution:',
      '  Read tokens read.',
      '  1. a',
      '  2. d',
      '',
      'Press n for the next exercise.',
    ]);
    const miss = run(busy, [
      {
        type: 'verified',
        lesson: L1,
        exercise: quiz,
        result: {passed: false, summary: 'no', items: [{ok: false, text: 'q1'}]},
      },
    ]).state;
    expect(miss.output).toEqual({tone: 'fail', lines: ['✗ Not yet: no', '  ✗ q1']});
  });

  it('a wrong answer: the next try asks only the questions it got wrong, keeps the right ones; a pass or reset forgets', () => {
    const three: QuizExercise = {
      ...quiz,
      questions: [...quiz.questions, {prompt: 'Three?', choices: quiz.questions[0]!.choices}],
    };
    const L = lesson('q3', 9, [three]);
    const on = at({name: 'exercise', lesson: L, exercise: three});
    // First try: every question; the second is wrong.
    const first = run(on, [{type: 'verify'}, {type: 'select'}, {type: 'select'}, {type: 'select'}]);
    expect(first.effects).toEqual([{kind: 'verify', lesson: L, exercise: three, answers: [0, 0, 0]}]);
    const items = [
      {ok: true, text: 'Question 1: right.'},
      {ok: false, text: 'Question 2: "c" — no'},
      {ok: true, text: 'Question 3: right.'},
    ];
    const missed = run(first.state, [
      {
        type: 'verified',
        lesson: L,
        exercise: three,
        answers: [0, 0, 0],
        result: {passed: false, summary: '2 of 3 right.', items},
      },
    ]).state;
    expect(missed.output?.lines.at(-1)).toBe('Press v to answer again: only the questions marked ✗ are asked.');
    // The retry opens on question 2 alone and sends all three answers, the kept ones with the new one.
    const again = run(missed, [{type: 'verify'}]);
    expect(again.state.screen).toMatchObject({
      name: 'quiz',
      question: 1,
      rest: [],
      retry: true,
      answers: [0, undefined, 0],
    });
    const sent = run(again.state, [{type: 'down'}, {type: 'select'}]);
    expect(sent.effects).toEqual([{kind: 'verify', lesson: L, exercise: three, answers: [0, 1, 0]}]);
    // A pass forgets the kept answers: the next try asks everything again.
    const passed = run(sent.state, [
      {
        type: 'verified',
        lesson: L,
        exercise: three,
        answers: [0, 1, 0],
        result: {passed: true, summary: 'ok', items: []},
      },
    ]).state;
    expect(run(passed, [{type: 'verify'}]).state.screen).toMatchObject({question: 0, rest: [1, 2], retry: false});
    // So does a reset.
    const reset = run(missed, [{type: 'reset'}, {type: 'yes'}, {type: 'reset-done'}, {type: 'verify'}]).state;
    expect(reset.screen).toMatchObject({question: 0, rest: [1, 2], retry: false});
    // Every answer wrong: nothing to keep, every question asked, not called a retry.
    const allWrong = run(first.state, [
      {
        type: 'verified',
        lesson: L,
        exercise: three,
        answers: [1, 0, 1],
        result: {passed: false, summary: '0 of 3 right.', items: items.map((i) => ({...i, ok: false}))},
      },
      {type: 'verify'},
    ]).state;
    expect(allWrong.screen).toMatchObject({question: 0, rest: [1, 2], retry: false, answers: []});
  });

  it('other kinds verify at once; hints count up to the last and a reset forgets them', () => {
    const fixing = at({name: 'exercise', lesson: L1, exercise: fix});
    expect(run(fixing, [{type: 'verify'}]).effects).toEqual([{kind: 'verify', lesson: L1, exercise: fix}]);
    const hints = run(onQuiz, [{type: 'hint'}, {type: 'hint'}, {type: 'hint'}]);
    expect(hints.effects.map((e) => (e.kind === 'hint' ? e.n : -1))).toEqual([1, 2, 2]);
    expect(run(hints.state, [{type: 'hinted', exercise: quiz, n: 2, hint: 'second'}]).state.output).toEqual({
      tone: 'info',
      lines: ['Hint 2 of 2: second'],
    });
    expect(run(fixing, [{type: 'hint'}]).effects).toEqual([{kind: 'hint', lesson: L1, exercise: fix, n: 0}]);
    const reset = run(hints.state, [{type: 'reset'}, {type: 'yes'}]);
    expect(reset.state.hints).toEqual({});
    expect(reset.state.busy).toBe('Resetting…');
    expect(reset.effects.at(-1)).toEqual({kind: 'reset', lesson: L1, exercise: quiz});
    const done = run({...reset.state, log: ['old']}, [{type: 'reset-done'}]).state;
    expect(done).toMatchObject({log: [], output: {tone: 'info', lines: ['Reset: the starting files are back.']}});
    expect(done.busy).toBeUndefined();
  });

  it('reset asks first: n or esc keeps everything', () => {
    const asking = run(onQuiz, [{type: 'reset'}]).state;
    expect(asking.screen).toEqual({name: 'confirm-reset', lesson: L1, exercise: quiz});
    for (const e of [{type: 'no'}, {type: 'back'}] as const) {
      const r = run(asking, [e]);
      expect(r.state.screen).toEqual({name: 'exercise', lesson: L1, exercise: quiz});
      expect(r.effects).toEqual([]);
    }
  });

  it('run and whoami are for live exercises only, and ask which practice token', () => {
    expect(run(onQuiz, [{type: 'run'}]).state).toBe(onQuiz);
    expect(run(onLive, [{type: 'whoami'}]).state.screen).toEqual({
      name: 'token',
      lesson: L2,
      exercise: live,
      purpose: 'whoami',
      index: 0,
    });
    const who = run(onLive, [{type: 'whoami'}, {type: 'down'}, {type: 'select'}]);
    expect(who.state.screen).toEqual({name: 'exercise', lesson: L2, exercise: live});
    expect(who.state.busy).toBe('whoami with the read token…');
    expect(who.effects).toEqual([{kind: 'whoami', token: 'read'}]);
    const report = run(who.state, [
      {type: 'whoami-done', token: 'read', report: {token: 'read', masked: 'hf_****', ok: true, lines: ['can read']}},
    ]).state;
    expect(report.output).toEqual({tone: 'info', lines: ['whoami, read token (hf_****):', '  can read']});
    expect(run(onLive, [{type: 'run'}, {type: 'up'}, {type: 'back'}]).state.screen).toEqual({
      name: 'exercise',
      lesson: L2,
      exercise: live,
    });
  });

  it('a run clears the last output and log, streams the log (last 200 lines) and says how the job ended', () => {
    const running = run({...onLive, output: {tone: 'fail', lines: ['x']}, log: ['old']}, [
      {type: 'run'},
      {type: 'down'},
      {type: 'down'},
      {type: 'select'},
    ]);
    expect(running.state.output).toBeUndefined();
    expect(running.state.log).toEqual([]);
    expect(running.state.busy).toBe('Running the job with the fine-grained token…');
    expect(running.effects).toEqual([{kind: 'run', lesson: L2, exercise: live, token: 'fine-grained'}]);
    const logged = run(
      running.state,
      Array.from({length: 205}, (_, i) => ({type: 'log', line: `l${i}`}) as const),
    ).state;
    expect(logged.log).toHaveLength(200);
    expect(logged.log[0]).toBe('l5');
    const outcome = {record: {jobId: 'j1'}, stage: 'COMPLETED', log: []} as unknown as RunOutcome;
    const ended = run(logged, [{type: 'ran', outcome}]).state;
    expect(ended.output).toEqual({tone: 'pass', lines: ['Job j1 ended COMPLETED.', 'Press v to verify the exercise.']});
    expect(ended.busy).toBeUndefined();
  });

  it("while busy the learner's events wait; a failure ends the work with its message; interrupt always exits 130", () => {
    const busy = {...onLive, busy: 'Checking…'};
    expect(run(busy, [{type: 'next'}, {type: 'quit'}, {type: 'reset'}])).toEqual({state: busy, effects: []});
    expect(run(busy, [{type: 'interrupt'}]).effects).toEqual([{kind: 'exit', code: 130}]);
    const failed = run(busy, [{type: 'failed', message: 'boom'}]).state;
    expect(failed.busy).toBeUndefined();
    expect(failed.output).toEqual({tone: 'fail', lines: ['✗ boom']});
  });

  it('n opens the next exercise (or the next lesson); esc goes back to the lesson; q quits', () => {
    const n = run(onQuiz, [{type: 'next'}]);
    expect(n.state).toMatchObject({screen: {name: 'exercise', lesson: L1, exercise: fix}, log: []});
    expect(n.state.output).toBeUndefined();
    expect(n.effects).toEqual([{kind: 'start', lesson: L1, exercise: fix}]);
    expect(run(at({name: 'exercise', lesson: L1, exercise: fix}), [{type: 'next'}]).state.screen).toEqual({
      name: 'lesson',
      lesson: L2,
      scroll: 0,
    });
    const back = run(onQuiz, [{type: 'back'}]);
    expect(back.state.screen).toEqual({name: 'lesson', lesson: L1, scroll: 0});
    expect(back.effects).toEqual([{kind: 'mark-read', lesson: L1}]);
    expect(run(onQuiz, [{type: 'quit'}]).effects).toEqual([{kind: 'exit', code: 0}]);
  });

  it("plain mode's menu picks open a lesson or an exercise from anywhere", () => {
    const list = at({name: 'list', index: 0});
    expect(run(list, [{type: 'open-lesson', lesson: L2}]).state.screen).toEqual({
      name: 'lesson',
      lesson: L2,
      scroll: 0,
    });
    const ex = run(list, [{type: 'open-exercise', lesson: L2, exercise: live}]);
    expect(ex.state.screen).toEqual({name: 'exercise', lesson: L2, exercise: live});
    expect(ex.effects).toEqual([{kind: 'start', lesson: L2, exercise: live}]);
  });
});
