// Step 1: what will happen, how long it takes, where to practise, or straight to troubleshooting an error.
import {Box, Text} from 'ink';
import {WELCOME_LINES, WELCOME_LINES_SKIPPED} from '../../core/wizard/content.js';
import {SelectList} from '../components/SelectList.js';
import type {ScreenProps} from '../hooks/use-wizard.js';

type Choice = 'sandbox' | 'hub' | 'error';

export function Welcome({state, dispatch}: ScreenProps) {
  // --sandbox / --endpoint chose already: while that Hub starts, what is about to happen, not a menu that vanishes.
  if (state.options.presetTarget && state.options.startAt !== 'paste-error')
    return (
      <Box flexDirection="column">
        <Text>{WELCOME_LINES_SKIPPED[0]}</Text>
        <Text dimColor>{WELCOME_LINES_SKIPPED[1]}</Text>
      </Box>
    );
  return (
    <Box flexDirection="column">
      <Text>{WELCOME_LINES[0]}</Text>
      <Text dimColor>{WELCOME_LINES[1]}</Text>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Where do you want to practise?</Text>
        <SelectList<Choice>
          isActive={!state.busy}
          initial={state.welcome.choice}
          items={[
            {
              label: 'The built-in sandbox Hub (free, offline)',
              value: 'sandbox',
              hint: 'A local copy of the Hub with practice accounts and tokens. Nothing leaves this computer.',
            },
            {
              label: 'huggingface.co (jobs cost credits)',
              value: 'hub',
              hint: 'Your real account. A small CPU job costs about $0.01 per hour from your credits.',
            },
            {
              label: 'I have an error message to troubleshoot',
              value: 'error',
              hint: 'Paste it: the wizard names the problem, checks your token, and offers fixes.',
            },
          ]}
          onSubmit={(v) => dispatch(v === 'error' ? {type: 'paste-error'} : {type: 'choose-target', target: v})}
        />
      </Box>
    </Box>
  );
}
