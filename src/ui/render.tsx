// Mounts the Ink wizard on the given streams and resolves with the exit code once it unmounts.
import {render} from 'ink';
import type {CommandIo} from '../io.js';
import {clearPrepaint} from '../prepaint.js';
import type {WizardController} from '../core/wizard/controller.js';
import {App} from './App.js';
import {guardKeyInput} from './key-input.js';
import {UiEnvContext} from './hooks/use-wizard.js';

export async function runInk(controller: WizardController, io: CommandIo): Promise<number> {
  let code = 1;
  const links = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb' && !io.env.INK_SCREEN_READER;
  clearPrepaint(io.stdout);
  // Raw mode before the first frame: Ink turns it on only when a screen's input hook runs, after the frame is on
  // screen; keys typed or pasted in between (a token pasted the moment the paste box shows, on a loaded machine) were
  // echoed by the terminal itself. Ink turns it off again when it exits.
  const stdin = io.stdin as NodeJS.ReadStream;
  if (stdin.isTTY) stdin.setRawMode?.(true);
  // A coloured log pasted into a text box must not crash Ink's key parser (key-input.ts).
  const unguard = guardKeyInput(stdin);
  const app = render(
    <UiEnvContext.Provider value={{links}}>
      <App controller={controller} onExit={(c) => (code = c)} />
    </UiEnvContext.Provider>,
    {
      stdin: io.stdin as NodeJS.ReadStream,
      stdout: io.stdout as NodeJS.WriteStream,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  // A narrower terminal reflows the old frame into more rows than Ink erases, leaving pieces of it (a stale header).
  // Ink redraws its whole frame when the width shrinks; before it does (prependListener), start it on a clean screen.
  // The job log printed above stays in the terminal's scrollback.
  const stdout = io.stdout as NodeJS.WriteStream;
  let columns = stdout.columns || 80;
  const onResize = () => {
    const now = stdout.columns || 80;
    if (now < columns) stdout.write('\u001B[2J\u001B[H');
    columns = now;
  };
  if (stdout.isTTY) stdout.prependListener('resize', onResize);
  controller.dispatch({type: 'start'});
  try {
    await app.waitUntilExit();
  } finally {
    stdout.off('resize', onResize);
    unguard();
    if (stdin.isTTY) stdin.setRawMode?.(false);
  }
  // Ink leaves the cursor at the end of a frame that fills the screen: the shell prompt must start on a line of its own.
  if (stdout.isTTY) stdout.write('\n');
  return code;
}
