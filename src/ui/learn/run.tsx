// Mounts the learn view on the command's streams; resolves with the exit code after Ink has unmounted.
import {appCommand} from '../../core/invocation.js';
import {render} from 'ink';
import type {CommandIo} from '../../io.js';
import type {Course} from '../../core/lessons/course.js';
import type {Lesson} from '../../core/lessons/model.js';
import type {LearnTarget} from '../../core/lessons/target.js';
import {LearnApp} from './LearnApp.js';
import {guardKeyInput} from '../key-input.js';

export async function runInkLearn(input: {
  course: Course;
  target: LearnTarget;
  io: CommandIo;
  lesson?: Lesson;
}): Promise<number> {
  const {io} = input;
  let code = 0;
  const out = io.stdout as NodeJS.WriteStream;
  // A coloured text pasted into an exercise must not crash Ink's key parser (key-input.ts).
  const unguard = guardKeyInput(io.stdin as NodeJS.ReadStream);
  const app = render(
    <LearnApp
      course={input.course}
      target={input.target}
      cwd={io.cwd}
      width={out.columns ?? 80}
      height={out.rows ?? 24}
      {...(input.lesson ? {initialLesson: input.lesson} : {})}
      onExit={(c) => (code = c)}
    />,
    {
      stdin: io.stdin as NodeJS.ReadStream,
      stdout: out,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  try {
    await app.waitUntilExit();
  } finally {
    unguard();
  }
  io.stdout.write(
    code === 130
      ? 'Interrupted; progress saved.\n'
      : `Progress saved. Resume any time with \`${appCommand('learn')}\`.\n`,
  );
  return code;
}
