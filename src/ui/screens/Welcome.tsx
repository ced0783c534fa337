// Step 1: what will happen, how long it takes, and where to practise.
import {Box, Text} from 'ink';
import React from 'react';
import {SelectList} from '../components/SelectList.js';
import type {ScreenProps} from '../hooks/use-wizard.js';

export function Welcome({state, dispatch}: ScreenProps) {
  return (
    <Box flexDirection="column">
      <Text>This wizard takes you from a Hugging Face account to your first Job that ran with the right token.</Text>
      <Text dimColor>About 5 minutes: log in, pick the token type, write a job config, check it, run an example job.</Text>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Where do you want to practise?</Text>
        <SelectList
          isActive={!state.busy}
          initial={state.welcome.choice}
          items={[
            {label: 'The built-in sandbox Hub (free, offline)', value: 'sandbox', hint: 'A local copy of the Hub with practice accounts and tokens. Nothing leaves this computer.'},
            {label: 'huggingface.co (jobs cost credits)', value: 'hub', hint: 'Your real account. A small CPU job costs about $0.01 per hour from your credits.'},
          ]}
          onSubmit={(target) => dispatch({type: 'choose-target', target})}
        />
      </Box>
    </Box>
  );
}
