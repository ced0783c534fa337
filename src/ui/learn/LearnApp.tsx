// The `learn` view: lesson list -> reading view -> exercise mode (verify, hint, run, whoami, reset, next).
// All decisions live in Course (src/core/lessons); this component renders state and turns keys into calls.
// Handlers read state through a ref, so a key that arrives before a re-render never acts on stale state.
import {Box, Text, useApp, useInput} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import type {Course} from '../../core/lessons/course.js';
import {exerciseLines, hintLine, KIND_LABEL, progressMark, runEndLine, solutionLines, verifyLines} from '../../core/lessons/format.js';
import {renderMarkdown} from '../../core/lessons/markdown.js';
import {PRACTICE_TOKENS, type Exercise, type Lesson, type PracticeToken} from '../../core/lessons/model.js';
import type {LearnTarget} from '../../core/lessons/target.js';
import {StyledLines} from './Markdown.js';

type Screen =
  | {name: 'list'; index: number}
  | {name: 'lesson'; lesson: Lesson; scroll: number}
  | {name: 'exercise'; lesson: Lesson; exercise: Exercise}
  | {name: 'quiz'; lesson: Lesson; exercise: Exercise & {kind: 'quiz'}; question: number; choice: number; answers: number[]}
  | {name: 'token'; lesson: Lesson; exercise: Exercise; purpose: 'run' | 'whoami'; index: number}
  | {name: 'confirm-reset'; lesson: Lesson; exercise: Exercise};

interface Output {
  tone: 'info' | 'pass' | 'fail';
  lines: string[];
}

export interface LearnAppProps {
  course: Course;
  target: LearnTarget;
  cwd: string;
  width: number;
  height: number;
  initialLesson?: Lesson;
  onExit: (code: number) => void;
}

const FOOTERS: Record<Screen['name'], string> = {
  list: '↑↓ choose · enter open · q quit',
  lesson: '↑↓ scroll · space/b page · e exercises · n next lesson · esc lessons · q quit',
  exercise: 'v verify · h hint · x reset · n next · esc lesson · q quit',
  quiz: '↑↓ choose · enter answer · esc stop',
  token: '↑↓ choose · enter pick · esc cancel',
  'confirm-reset': 'y reset · n keep',
};

export function LearnApp(props: LearnAppProps): React.ReactElement {
  const {course, target} = props;
  const {exit} = useApp();
  const [screen, setScreenState] = useState<Screen>(() =>
    props.initialLesson ? {name: 'lesson', lesson: props.initialLesson, scroll: 0} : {name: 'list', index: Math.max(0, course.lessons.indexOf(course.resumePoint().lesson))},
  );
  const [output, setOutput] = useState<Output | undefined>();
  const [busy, setBusyState] = useState<string | undefined>();
  const [log, setLog] = useState<string[]>([]);
  const [, setTick] = useState(0);
  const screenRef = useRef(screen);
  const busyRef = useRef(busy);
  const hintsRef = useRef(new Map<string, number>());
  screenRef.current = screen;
  busyRef.current = busy;

  const setScreen = (s: Screen) => {
    screenRef.current = s;
    setScreenState(s);
  };
  const setBusy = (b: string | undefined) => {
    busyRef.current = b;
    setBusyState(b);
  };
  const quit = (code = 0) => {
    props.onExit(code);
    exit();
  };

  const bodyRows = Math.max(5, props.height - 4);
  const lessonLines = screen.name === 'lesson' ? renderMarkdown(screen.lesson.body, {width: Math.min(props.width - 2, 100)}) : [];

  useEffect(() => {
    if (screen.name === 'lesson') void course.progress.markRead(screen.lesson.id);
  }, [screen.name === 'lesson' ? screen.lesson.id : undefined]);

  const openExercise = async (lesson: Lesson, exercise: Exercise) => {
    setOutput(undefined);
    setLog([]);
    setScreen({name: 'exercise', lesson, exercise});
    await course.start(lesson, exercise);
    setTick((t) => t + 1);
  };

  const act = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    try {
      await work();
    } catch (error) {
      setOutput({tone: 'fail', lines: [`✗ ${(error as Error).message}`]});
    } finally {
      setBusy(undefined);
    }
  };

  const verify = (lesson: Lesson, exercise: Exercise, answers?: number[]) =>
    act('Checking…', async () => {
      const result = await course.verify(lesson, exercise, {...(answers ? {answers} : {}), target});
      const lines = verifyLines(result);
      if (result.passed) {
        lines.push('', ...solutionLines(lesson, exercise));
        lines.push('', 'Press n for the next exercise.');
      }
      setOutput({tone: result.passed ? 'pass' : 'fail', lines});
    });

  const pickToken = async (s: Screen & {name: 'token'}, token: PracticeToken) => {
    const {lesson, exercise} = s;
    setScreen({name: 'exercise', lesson, exercise});
    if (s.purpose === 'whoami') {
      await act(`whoami with the ${token} token…`, async () => {
        const r = await course.whoami(target, token);
        setOutput({tone: r.ok ? 'info' : 'fail', lines: [`whoami, ${token} token (${r.masked}):`, ...r.lines.map((l) => `  ${l}`)]});
      });
      return;
    }
    if (exercise.kind !== 'live') return;
    setOutput(undefined);
    setLog([]);
    await act(`Running the job with the ${token} token…`, async () => {
      const outcome = await course.run(lesson, exercise, token, target, (line) => setLog((l) => [...l, line].slice(-200)));
      setOutput({tone: outcome.stage === 'COMPLETED' ? 'pass' : 'fail', lines: [runEndLine(outcome), 'Press v to verify the exercise.']});
    });
  };

  const goNext = (lesson: Lesson, exercise?: Exercise) => {
    const next = course.next(lesson, exercise);
    if (!next) {
      setOutput({tone: 'pass', lines: ['That was the last exercise. Well done!']});
      setScreen({name: 'list', index: course.lessons.length - 1});
      return;
    }
    if (next.exercise) void openExercise(next.lesson, next.exercise);
    else setScreen({name: 'lesson', lesson: next.lesson, scroll: 0});
  };

  useInput((input, key) => {
    if (key.ctrl && input === 'c') return quit(130);
    if (busyRef.current) return;
    const s = screenRef.current;
    switch (s.name) {
      case 'list': {
        const n = course.lessons.length;
        if (key.upArrow) setScreen({...s, index: (s.index - 1 + n) % n});
        else if (key.downArrow) setScreen({...s, index: (s.index + 1) % n});
        else if (key.return) {
          setOutput(undefined);
          setScreen({name: 'lesson', lesson: course.lessons[s.index]!, scroll: 0});
        } else if (input === 'q' || key.escape) quit(0);
        return;
      }
      case 'lesson': {
        const total = renderMarkdown(s.lesson.body, {width: Math.min(props.width - 2, 100)}).length;
        const max = Math.max(0, total - bodyRows);
        if (key.upArrow) setScreen({...s, scroll: Math.max(0, s.scroll - 1)});
        else if (key.downArrow) setScreen({...s, scroll: Math.min(max, s.scroll + 1)});
        else if (input === ' ' || key.pageDown) setScreen({...s, scroll: Math.min(max, s.scroll + bodyRows - 1)});
        else if (input === 'b' || key.pageUp) setScreen({...s, scroll: Math.max(0, s.scroll - bodyRows + 1)});
        else if (input === 'e' || key.return) {
          const ex = s.lesson.exercises.find((e) => !course.isDone(s.lesson, e)) ?? s.lesson.exercises[0];
          if (ex) void openExercise(s.lesson, ex);
        } else if (input === 'n') goNext(s.lesson, s.lesson.exercises[s.lesson.exercises.length - 1]);
        else if (key.escape) setScreen({name: 'list', index: course.lessons.indexOf(s.lesson)});
        else if (input === 'q') quit(0);
        return;
      }
      case 'exercise': {
        const {lesson, exercise} = s;
        if (input === 'v') {
          if (exercise.kind === 'quiz') {
            setOutput(undefined);
            setScreen({name: 'quiz', lesson, exercise, question: 0, choice: 0, answers: []});
          } else void verify(lesson, exercise);
        } else if (input === 'h') {
          const key2 = `${lesson.id}/${exercise.id}`;
          const n = Math.min((hintsRef.current.get(key2) ?? 0) + 1, exercise.hints.length);
          hintsRef.current.set(key2, n);
          void course.hint(lesson, exercise, n).then((hint) => setOutput({tone: 'info', lines: [hintLine(exercise, n, hint)]}));
        } else if (input === 'r' && exercise.kind === 'live') setScreen({name: 'token', lesson, exercise, purpose: 'run', index: 0});
        else if (input === 'w' && exercise.kind === 'live') setScreen({name: 'token', lesson, exercise, purpose: 'whoami', index: 0});
        else if (input === 'x') setScreen({name: 'confirm-reset', lesson, exercise});
        else if (input === 'n') goNext(lesson, exercise);
        else if (key.escape) setScreen({name: 'lesson', lesson, scroll: 0});
        else if (input === 'q') quit(0);
        return;
      }
      case 'quiz': {
        const q = s.exercise.questions[s.question]!;
        const n = q.choices.length;
        if (key.upArrow) setScreen({...s, choice: (s.choice - 1 + n) % n});
        else if (key.downArrow) setScreen({...s, choice: (s.choice + 1) % n});
        else if (key.return) {
          const answers = [...s.answers, s.choice];
          if (s.question + 1 < s.exercise.questions.length) setScreen({...s, question: s.question + 1, choice: 0, answers});
          else {
            setScreen({name: 'exercise', lesson: s.lesson, exercise: s.exercise});
            void verify(s.lesson, s.exercise, answers);
          }
        } else if (key.escape) setScreen({name: 'exercise', lesson: s.lesson, exercise: s.exercise});
        return;
      }
      case 'token': {
        const n = PRACTICE_TOKENS.length;
        if (key.upArrow) setScreen({...s, index: (s.index - 1 + n) % n});
        else if (key.downArrow) setScreen({...s, index: (s.index + 1) % n});
        else if (key.return) void pickToken(s, PRACTICE_TOKENS[s.index]!);
        else if (key.escape) setScreen({name: 'exercise', lesson: s.lesson, exercise: s.exercise});
        return;
      }
      case 'confirm-reset': {
        if (input === 'y' || input === 'Y') {
          setScreen({name: 'exercise', lesson: s.lesson, exercise: s.exercise});
          hintsRef.current.delete(`${s.lesson.id}/${s.exercise.id}`);
          void act('Resetting…', async () => {
            await course.reset(s.lesson, s.exercise);
            setLog([]);
            setOutput({tone: 'info', lines: ['Reset: the starting files are back.']});
          });
        } else if (input === 'n' || input === 'N' || key.escape) setScreen({name: 'exercise', lesson: s.lesson, exercise: s.exercise});
        return;
      }
    }
  });

  const header = (
    <Text wrap="truncate-end">
      <Text bold color="cyan">
        hf-jobs-wizard learn
      </Text>
      <Text dimColor> · {target.label}</Text>
    </Text>
  );

  let body: React.ReactElement;
  switch (screen.name) {
    case 'list':
      body = (
        <Box flexDirection="column">
          <Text bold>Lessons</Text>
          {course.lessons.map((l, i) => {
            const st = course.status(l);
            const selected = i === screen.index;
            return (
              <Text key={l.id} {...(selected ? {color: 'cyan'} : {})}>
                {selected ? '❯ ' : '  '}
                {progressMark(st.done, st.total)}
                {l.order}. {l.title} <Text dimColor>({l.minutes} min)</Text>
              </Text>
            );
          })}
          {output ? <Text color={output.tone === 'pass' ? 'green' : undefined}>{output.lines.join('\n')}</Text> : null}
        </Box>
      );
      break;
    case 'lesson':
      body = (
        <Box flexDirection="column">
          <StyledLines lines={lessonLines.slice(screen.scroll, screen.scroll + bodyRows)} />
          <Text dimColor>
            {lessonLines.length > bodyRows ? `lines ${screen.scroll + 1}-${Math.min(lessonLines.length, screen.scroll + bodyRows)} of ${lessonLines.length} · ` : ''}
            {screen.lesson.exercises.length} exercise{screen.lesson.exercises.length === 1 ? '' : 's'}: press e
          </Text>
        </Box>
      );
      break;
    case 'quiz': {
      const q = screen.exercise.questions[screen.question]!;
      body = (
        <Box flexDirection="column">
          <Text bold>
            {screen.exercise.title} · question {screen.question + 1} of {screen.exercise.questions.length}
          </Text>
          <Text>{q.prompt}</Text>
          {q.choices.map((c, i) => (
            <Text key={i} {...(i === screen.choice ? {color: 'cyan'} : {})}>
              {i === screen.choice ? '❯ ' : '  '}
              {c.text}
            </Text>
          ))}
        </Box>
      );
      break;
    }
    case 'token':
      body = (
        <Box flexDirection="column">
          <Text bold>{screen.purpose === 'run' ? 'Run the job in hf-job.json with which practice token?' : 'whoami with which practice token?'}</Text>
          {PRACTICE_TOKENS.map((t, i) => (
            <Text key={t} {...(i === screen.index ? {color: 'cyan'} : {})}>
              {i === screen.index ? '❯ ' : '  '}
              {t}
            </Text>
          ))}
        </Box>
      );
      break;
    default: {
      const {lesson, exercise} = screen;
      const task = exerciseLines(course, lesson, exercise, props.cwd);
      const keys = exercise.kind === 'live' ? 'v verify · r run job · w whoami · h hint · x reset · n next · esc lesson · q quit' : FOOTERS.exercise;
      body = (
        <Box flexDirection="column">
          <Text dimColor>
            {lesson.order}. {lesson.title} · exercise {lesson.exercises.indexOf(exercise) + 1} of {lesson.exercises.length} · {KIND_LABEL[exercise.kind]}
          </Text>
          <Text bold>{task[0]}</Text>
          <Text>{task.slice(1).join('\n')}</Text>
          {screen.name === 'confirm-reset' ? (
            <Text color="yellow">{exercise.kind === 'quiz' ? 'Forget this quiz result? (y/n)' : 'Put the starting files back? Your edits are lost. (y/n)'}</Text>
          ) : null}
          {log.length ? (
            <Box flexDirection="column" marginTop={1}>
              {log.slice(-Math.max(3, bodyRows - task.length - 8)).map((l, i) => (
                <Text key={i} dimColor wrap="truncate-end">
                  │ {l}
                </Text>
              ))}
            </Box>
          ) : null}
          {busy ? <Text color="yellow">{busy}</Text> : null}
          {output ? (
            <Box marginTop={1}>
              <Text {...(output.tone === 'pass' ? {color: 'green'} : output.tone === 'fail' ? {color: 'red'} : {})}>{output.lines.join('\n')}</Text>
            </Box>
          ) : null}
          <Text dimColor>{keys}</Text>
        </Box>
      );
      return (
        <Box flexDirection="column">
          {header}
          {body}
        </Box>
      );
    }
  }
  return (
    <Box flexDirection="column">
      {header}
      {body}
      <Text dimColor>{FOOTERS[screen.name]}</Text>
    </Box>
  );
}
