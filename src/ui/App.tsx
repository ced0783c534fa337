// The wizard's root: global keys (Esc back, q quit, ? help, Ctrl-C), the job log in <Static>, the current screen, the footer.
import {Box, Static, Text, useApp, useInput} from 'ink';
import React, {useEffect, useState} from 'react';
import type {WizardController} from '../core/wizard/controller.js';
import {isTerminal} from '../core/jobs/stages.js';
import {canGoBack} from '../core/wizard/machine.js';
import type {WizardState} from '../core/wizard/types.js';
import {Footer} from './components/Footer.js';
import {Header} from './components/Header.js';
import {Messages} from './components/Messages.js';
import {useWizard, type ScreenProps} from './hooks/use-wizard.js';
import {COMMON_HINTS, CONFIRM_HINTS, is, PASTE_HINTS, TYPING_HINTS, type Hint} from './keys.js';
import {Checklist} from './screens/Checklist.js';
import {Config} from './screens/Config.js';
import {Example} from './screens/Example.js';
import {Help} from './screens/Help.js';
import {Login} from './screens/Login.js';
import {Result} from './screens/Result.js';
import {Run} from './screens/Run.js';
import {TokenType} from './screens/TokenType.js';
import {Troubleshoot} from './screens/Troubleshoot.js';
import {Welcome} from './screens/Welcome.js';

const SCREENS: Record<WizardState['step'], (p: ScreenProps) => React.ReactNode> = {
  welcome: Welcome,
  login: Login,
  'token-type': TokenType,
  config: Config,
  checklist: Checklist,
  example: Example,
  run: Run,
  result: Result,
  troubleshoot: Troubleshoot,
};

export function isTyping(state: WizardState): boolean {
  return (
    (state.step === 'login' && state.login.phase === 'paste') ||
    (state.step === 'troubleshoot' && state.troubleshoot.phase === 'paste')
  );
}

export function hintsFor(state: WizardState): Hint[] {
  if (state.step === 'troubleshoot' && state.troubleshoot.phase === 'paste') return PASTE_HINTS;
  if (isTyping(state)) return TYPING_HINTS;
  if ((state.step === 'run' && state.run.confirmCancel) || (state.step === 'example' && state.example.confirming))
    return CONFIRM_HINTS;
  // A job that has ended cannot be cancelled: its result is being read.
  if (state.step === 'run' && isTerminal(state.run.stage)) return [{keys: '?', label: 'help'}];
  if (state.step === 'run')
    return [
      {keys: 'Esc/Ctrl-C', label: 'cancel the job'},
      {keys: '?', label: 'help'},
    ];
  const extra: Hint[] = [];
  if (state.step === 'checklist') extra.push({keys: 't', label: 'troubleshoot'}, {keys: 'r', label: 're-run'});
  if (state.step === 'example' && !state.example.confirming)
    extra.push({keys: '←→', label: 'view'}, {keys: 'c', label: 'copy'});
  if (state.step === 'token-type' && state.verdict && !state.verdict.ok)
    extra.push({keys: 'o', label: 'open token page'});
  // Esc on the first screen has nowhere to go: the footer does not offer it there.
  return [...extra, ...(canGoBack(state) ? COMMON_HINTS : COMMON_HINTS.filter((h) => h.keys !== 'Esc'))];
}

export interface AppProps {
  controller: WizardController;
  /** Called once with the exit code (130 for Ctrl-C). */
  onExit: (code: number) => void;
}

export function App({controller, onExit}: AppProps) {
  const [state, dispatch] = useWizard(controller);
  const [help, setHelp] = useState(false);
  const {exit} = useApp();

  useEffect(() => {
    let live = true;
    void controller.exited.then((code) => {
      if (!live) return;
      onExit(code);
      exit();
    });
    return () => {
      live = false;
    };
  }, [controller, exit, onExit]);

  // Not split into keys (unlike the menus): a chunk of several characters is text (a paste), never a global key.
  useInput((input, key) => {
    // The controller's state, not this render's: keys of one chunk arrive before React re-renders.
    const state = controller.getState();
    if (is('interrupt', input, key)) {
      if (
        state.step === 'run' &&
        (state.run.phase === 'running' || state.run.phase === 'submitting') &&
        !isTerminal(state.run.stage) &&
        !state.run.confirmCancel
      ) {
        dispatch({type: 'request-cancel'});
        return;
      }
      onExit(130);
      exit();
      return;
    }
    if (is('back', input, key)) {
      if (help) setHelp(false);
      else dispatch({type: 'back'});
      return;
    }
    if (isTyping(state) || (state.step === 'run' && state.run.confirmCancel)) return;
    if (is('help', input, key)) setHelp((h) => !h);
    else if (is('tokens', input, key) && state.target) dispatch({type: 'toggle-dashboard'});
    else if (is('quit', input, key) && !(state.step === 'example' && state.example.confirming))
      dispatch({type: 'quit'});
  });

  const Screen = SCREENS[state.step];
  return (
    <>
      <Static key={state.run.job?.id ?? 'no-job'} items={state.run.logs.map((line, i) => ({line, i}))}>
        {({line, i}) => (
          <Text key={i} dimColor>
            {'│ '}
            {line}
          </Text>
        )}
      </Static>
      <Box flexDirection="column">
        <Header state={state} />
        <Screen state={state} dispatch={dispatch} />
        <Box marginTop={1} flexDirection="column">
          <Messages state={state} />
        </Box>
        {help ? <Help step={state.step} /> : null}
        <Footer hints={hintsFor(state)} />
      </Box>
    </>
  );
}
