// The `learn` view: lesson list -> reading view -> exercise mode (verify, hint, run, whoami, reset, next).
// The flow (screens, what each event does) is the reducer in src/core/lessons/learn-flow.ts, run with its effects by
// the learn controller (core/lessons/learn-controller.ts); this component maps keys to events and renders state.
import {Box, Text, useApp, useInput, type Key} from 'ink';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import type {Course} from '../../core/lessons/course.js';
import {exerciseLines, KIND_LABEL, progressMark} from '../../core/lessons/format.js';
import {
  exerciseFooter,
  initialLearn,
  LEARN_FOOTERS,
  type LearnEvent,
  type LearnScreen,
  type LearnState,
} from '../../core/lessons/learn-flow.js';
import {LearnController} from '../../core/lessons/learn-controller.js';
import {renderMarkdown, type StyledLine} from '../../core/lessons/markdown.js';
import {PRACTICE_TOKENS, type Lesson} from '../../core/lessons/model.js';
import type {LearnTarget} from '../../core/lessons/target.js';
import {StyledLines} from './Markdown.js';

export interface LearnAppProps {
  course: Course;
  target: LearnTarget;
  cwd: string;
  width: number;
  height: number;
  initialLesson?: Lesson;
  onExit: (code: number) => void;
}

/** The key's event on this screen (undefined: the key does nothing there). */
function eventForKey(screen: LearnScreen['name'], input: string, key: Key): LearnEvent | undefined {
  if (key.ctrl && input === 'c') return {type: 'interrupt'};
  if (key.upArrow) return {type: 'up'};
  if (key.downArrow) return {type: 'down'};
  if (key.escape) return {type: 'back'};
  switch (screen) {
    case 'list':
      return key.return ? {type: 'select'} : input === 'q' ? {type: 'quit'} : undefined;
    case 'lesson':
      if (input === ' ' || key.pageDown) return {type: 'page-down'};
      if (input === 'b' || key.pageUp) return {type: 'page-up'};
      if (input === 'e' || key.return) return {type: 'exercises'};
      return input === 'n' ? {type: 'next'} : input === 'q' ? {type: 'quit'} : undefined;
    case 'exercise': {
      const byInput: Record<string, LearnEvent> = {
        v: {type: 'verify'},
        h: {type: 'hint'},
        r: {type: 'run'},
        w: {type: 'whoami'},
        x: {type: 'reset'},
        n: {type: 'next'},
        q: {type: 'quit'},
      };
      return byInput[input];
    }
    case 'quiz':
    case 'token':
      return key.return ? {type: 'select'} : undefined;
    case 'confirm-reset':
      return input === 'y' || input === 'Y' ? {type: 'yes'} : input === 'n' || input === 'N' ? {type: 'no'} : undefined;
  }
}

export function LearnApp(props: LearnAppProps): React.ReactElement {
  const {course, target} = props;
  const {exit} = useApp();
  const bodyRows = Math.max(5, props.height - 4);
  const markdownWidth = Math.min(props.width - 2, 100);
  // The rendered Markdown of each lesson, once per width: scrolling and key presses reuse it.
  const rendered = useMemo(() => new Map<Lesson, StyledLine[]>(), [markdownWidth]);
  const linesOf = (lesson: Lesson): StyledLine[] => {
    let lines = rendered.get(lesson);
    if (!lines) rendered.set(lesson, (lines = renderMarkdown(lesson.body, {width: markdownWidth})));
    return lines;
  };
  // The view's part of the flow's context, read at each event (the size can change).
  const viewRef = useRef({pageRows: bodyRows, lessonLineCount: (lesson: Lesson) => linesOf(lesson).length});
  viewRef.current = {pageRows: bodyRows, lessonLineCount: (lesson: Lesson) => linesOf(lesson).length};

  // The learn controller (core/lessons/learn-controller.ts) holds the state and runs the effects; this view renders
  // its state and sends it the keys' events. Its state is read through the controller, so a key that arrives
  // before a re-render never acts on stale state.
  const [controller] = useState(
    () =>
      new LearnController({
        course,
        target,
        start: initialLearn(
          course.lessons,
          props.initialLesson ? {lesson: props.initialLesson} : {resume: course.resumePoint().lesson},
        ),
        context: () => viewRef.current,
        onExit: (code) => {
          props.onExit(code);
          exit();
        },
      }),
  );
  const [state, setState] = useState<LearnState>(controller.getState());
  const dispatch = (event: LearnEvent): void => void controller.send(event);

  useEffect(() => {
    const unsubscribe = controller.subscribe(setState);
    void controller.begin();
    return () => void unsubscribe();
  }, []);

  useInput((input, key) => {
    const event = eventForKey(controller.getState().screen.name, input, key);
    if (event) dispatch(event);
  });

  const {screen} = state;
  const header = (
    <Text wrap="truncate-end">
      <Text bold color="cyan">
        hf-jobs-wizard learn
      </Text>
      <Text dimColor> · {target.label}</Text>
    </Text>
  );
  const footer =
    screen.name === 'exercise' || screen.name === 'confirm-reset'
      ? exerciseFooter(screen.exercise)
      : LEARN_FOOTERS[screen.name];
  return (
    <Box flexDirection="column">
      {header}
      <ScreenBody state={state} course={course} cwd={props.cwd} bodyRows={bodyRows} linesOf={linesOf} />
      <Text dimColor>{footer}</Text>
    </Box>
  );
}

interface BodyProps {
  state: LearnState;
  course: Course;
  cwd: string;
  bodyRows: number;
  linesOf: (lesson: Lesson) => StyledLine[];
}

/** The screen under the header: one view a flow screen. */
function ScreenBody(props: BodyProps): React.ReactElement {
  const {screen, output} = props.state;
  switch (screen.name) {
    case 'list':
      return (
        <Box flexDirection="column">
          <Text bold>Lessons</Text>
          {props.course.lessons.map((l, i) => {
            const st = props.course.status(l);
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
    case 'lesson': {
      const lines = props.linesOf(screen.lesson);
      const rows = props.bodyRows;
      const n = screen.lesson.exercises.length;
      return (
        <Box flexDirection="column">
          <StyledLines lines={lines.slice(screen.scroll, screen.scroll + rows)} />
          <Text dimColor>
            {lines.length > rows
              ? `lines ${screen.scroll + 1}-${Math.min(lines.length, screen.scroll + rows)} of ${lines.length} · `
              : ''}
            {n} exercise{n === 1 ? '' : 's'}: press e
          </Text>
        </Box>
      );
    }
    case 'quiz': {
      const q = screen.exercise.questions[screen.question]!;
      return (
        <Box flexDirection="column">
          <Text bold>
            {screen.exercise.title} · question {screen.question + 1} of {screen.exercise.questions.length}
          </Text>
          {screen.retry ? <Text dimColor>Asking again only what the last try got wrong.</Text> : null}
          <Text>{q.prompt}</Text>
          <Choices items={q.choices.map((c) => c.text)} index={screen.choice} />
        </Box>
      );
    }
    case 'token':
      return (
        <Box flexDirection="column">
          <Text bold>
            {screen.purpose === 'run'
              ? 'Run the job in hf-job.json with which practice token?'
              : 'whoami with which practice token?'}
          </Text>
          <Choices items={PRACTICE_TOKENS} index={screen.index} />
        </Box>
      );
    default:
      return <ExerciseBody {...props} />;
  }
}

/** A list to pick from with the arrow keys: the picked entry in cyan behind a ❯. */
function Choices(props: {items: readonly string[]; index: number}): React.ReactElement {
  return (
    <>
      {props.items.map((item, i) => (
        <Text key={i} {...(i === props.index ? {color: 'cyan'} : {})}>
          {i === props.index ? '❯ ' : '  '}
          {item}
        </Text>
      ))}
    </>
  );
}

/** The run's own line when no job ran (core/lessons/live.ts): the Hub's answer, which the exercise asks to read. */
const HUB_ANSWER = /^The Hub (?:refused to start the job|'s answer to the submit was lost)/;

/** An exercise (or its reset question): the task, the job's log, work under way and the last result. */
function ExerciseBody(props: BodyProps): React.ReactElement {
  const {screen, output, busy, log} = props.state;
  if (screen.name !== 'exercise' && screen.name !== 'confirm-reset') return <></>;
  const {lesson, exercise} = screen;
  const task = exerciseLines(props.course, lesson, exercise, props.cwd);
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {lesson.order}. {lesson.title} · exercise {lesson.exercises.indexOf(exercise) + 1} of {lesson.exercises.length}{' '}
        · {KIND_LABEL[exercise.kind]}
      </Text>
      <Text bold>{task[0]}</Text>
      <Text>{task.slice(1).join('\n')}</Text>
      {screen.name === 'confirm-reset' ? (
        <Text color="yellow">
          {exercise.kind === 'quiz'
            ? 'Forget this quiz result? (y/n)'
            : 'Put the starting files back? Your edits are lost. (y/n)'}
        </Text>
      ) : null}
      {log.length ? (
        <Box flexDirection="column" marginTop={1}>
          {log.slice(-Math.max(3, props.bodyRows - task.length - 8)).map((l, i) => (
            // The job's own lines are cut at the edge; the Hub's refusal (the line to read) is shown whole.
            <Text key={i} dimColor wrap={HUB_ANSWER.test(l) ? 'wrap' : 'truncate-end'}>
              │ {l}
            </Text>
          ))}
        </Box>
      ) : null}
      {busy ? <Text color="yellow">{busy}</Text> : null}
      {output ? (
        <Box marginTop={1}>
          <Text {...(output.tone === 'pass' ? {color: 'green'} : output.tone === 'fail' ? {color: 'red'} : {})}>
            {output.lines.join('\n')}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
