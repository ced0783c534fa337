// The title line: app, step number and name, and where we practise.
import {Box, Text} from 'ink';
import {stepCounter} from '../../core/wizard/machine.js';
import {STEP_TITLES, type WizardState} from '../../core/wizard/types.js';

export function Header({state}: {state: WizardState}) {
  const where = state.target ? (state.target.kind === 'sandbox' ? 'sandbox Hub (offline practice)' : state.target.endpoint.replace(/^https?:\/\//, '')) : '';
  const {n, total} = stepCounter(state);
  const step = state.step === 'troubleshoot' ? STEP_TITLES.troubleshoot : `Step ${n}/${total} · ${STEP_TITLES[state.step]}`;
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text>
        <Text bold color="magenta">hf-jobs-wizard</Text>
        <Text dimColor> · </Text>
        <Text bold>{step}</Text>
        {where ? <Text dimColor> · {where}</Text> : null}
      </Text>
      {state.account && state.step !== 'login' ? (
        <Text dimColor>
          {state.account.user} · {state.account.kindLabel} · {state.account.masked}
        </Text>
      ) : null}
    </Box>
  );
}
