// The error and notice lines under a screen: one line each, no token (the machine only stores redacted text).
import {Box, Text} from 'ink';
import type {WizardState} from '../../core/wizard/types.js';
import {Spinner} from './Spinner.js';

export function Messages({state}: {state: WizardState}) {
  return (
    <Box flexDirection="column">
      {state.busy ? <Spinner label={state.busy} /> : null}
      {state.error ? <Text color="red">✗ {state.error}</Text> : null}
      {state.notice && !state.error ? <Text color="green">{state.notice}</Text> : null}
    </Box>
  );
}
