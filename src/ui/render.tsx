// Mounts the Ink wizard on the given streams and resolves with the exit code once it unmounts.
import {render} from 'ink';
import React from 'react';
import type {CommandIo} from '../commands/io.js';
import {clearPrepaint} from '../prepaint.js';
import type {WizardController} from '../core/wizard/controller.js';
import {App} from './App.js';
import {UiEnvContext} from './hooks/use-wizard.js';

export async function runInk(controller: WizardController, io: CommandIo): Promise<number> {
  let code = 1;
  const links = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb' && !io.env.INK_SCREEN_READER;
  clearPrepaint(io.stdout);
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
  controller.dispatch({type: 'start'});
  await app.waitUntilExit();
  return code;
}
