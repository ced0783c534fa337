// Step 6: the example's script, config and equivalent commands (c copies), the price on huggingface.co, and run.
import {Box, Text, useInput} from 'ink';
import React from 'react';
import type {ExampleSummary} from '../../core/wizard/types.js';
import {SelectList} from '../components/SelectList.js';
import type {ScreenProps} from '../hooks/use-wizard.js';
import {is} from '../keys.js';

const VIEWS = ['script', 'config', 'commands'] as const;

export function viewText(example: ExampleSummary, view: (typeof VIEWS)[number]): string {
  if (view === 'script') return example.script;
  if (view === 'config') return example.config;
  return example.snippets.map((s) => `# ${s.label}\n${s.text}`).join('\n\n');
}

export function Example({state, dispatch}: ScreenProps) {
  const example = state.examples.find((e) => e.id === state.goal);
  const {view, confirming} = state.example;
  useInput((input, key) => {
    if (!example) return;
    if (confirming) {
      if (is('yes', input, key)) dispatch({type: 'confirm-run', yes: true});
      else if (is('no', input, key)) dispatch({type: 'confirm-run', yes: false});
      return;
    }
    const i = VIEWS.indexOf(view);
    if (is('right', input, key)) dispatch({type: 'example-view', view: VIEWS[(i + 1) % VIEWS.length]!});
    else if (is('left', input, key)) dispatch({type: 'example-view', view: VIEWS[(i + VIEWS.length - 1) % VIEWS.length]!});
    else if (is('copy', input, key)) dispatch({type: 'copy', label: view, text: viewText(example, view)});
  });
  if (!example) return <Text color="red">No example is selected: press Esc to go back.</Text>;
  const lines = viewText(example, view).replace(/\n$/, '').split('\n');
  return (
    <Box flexDirection="column">
      <Text bold>{example.title}</Text>
      <Text>{example.summary}</Text>
      <Box marginTop={1}>
        {VIEWS.map((v) => (
          <Text key={v} inverse={v === view} bold={v === view}>
            {` ${v} `}
          </Text>
        ))}
        <Text dimColor>  ←/→ switch · c copy</Text>
      </Box>
      <Box flexDirection="column" borderStyle="single" borderDimColor paddingX={1}>
        {lines.slice(0, 24).map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line || ' '}
          </Text>
        ))}
        {lines.length > 24 ? <Text dimColor>… {lines.length - 24} more lines (c copies all)</Text> : null}
      </Box>
      {confirming ? (
        <Box flexDirection="column">
          <Text>
            This runs on <Text bold>{example.flavor}</Text> on huggingface.co{state.example.price ? `: ${state.example.price}` : ''}; it is billed to your credits.
          </Text>
          <Text bold>Run it now? (y/n)</Text>
        </Box>
      ) : (
        <SelectList items={[{label: 'Run this job', value: 'run'}]} onSubmit={() => dispatch({type: 'run-example'})} />
      )}
    </Box>
  );
}
