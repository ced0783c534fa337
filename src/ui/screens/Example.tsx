// Step 6: the example's script, config and the same job as hf CLI / Python / MCP / JS (c copies the shown text),
// the price on huggingface.co with a confirmation, and run.
import {Box, Text} from 'ink';
import {useRef} from 'react';
import {useKeys} from '../hooks/use-keys.js';
import type {ExampleSummary} from '../../core/wizard/types.js';
import {SelectList} from '../components/SelectList.js';
import {linesToShow, moreLines} from '../format.js';
import {useRows} from '../hooks/use-rows.js';
import type {ScreenProps} from '../hooks/use-wizard.js';
import {is} from '../keys.js';

const MAX_LINES = 18;

/** The tabs: the script, hf-job.json, then one per equivalent command. */
export function viewsOf(example: ExampleSummary): string[] {
  return ['script', 'config', ...example.snippets.map((s) => s.label)];
}

export function viewText(example: ExampleSummary, view: string): string {
  if (view === 'script') return example.script;
  if (view === 'config') return example.config;
  return example.snippets.find((s) => s.label === view)?.text ?? example.snippets.map((s) => `# ${s.label}\n${s.text}`).join('\n\n');
}

function viewTitle(example: ExampleSummary, view: string): string {
  if (view === 'script') return example.scriptName;
  if (view === 'config') return 'hf-job.json';
  return view;
}

export function Example({state, dispatch}: ScreenProps) {
  const example = state.examples.find((e) => e.id === state.goal);
  const {confirming} = state.example;
  const rows = useRows();
  // The code box gets what the terminal has left (Ink cannot scroll); c copies the whole text anyway.
  const maxLines = Math.max(4, Math.min(MAX_LINES, rows - 19));
  const views = example ? viewsOf(example) : [];
  const view = views.includes(state.example.view) ? state.example.view : 'script';
  // Keys can arrive faster than renders: the next tab is computed from the last one asked for, not the closure.
  const viewRef = useRef(view);
  if (!views.includes(viewRef.current)) viewRef.current = view;
  const show = (next: string) => {
    viewRef.current = next;
    dispatch({type: 'example-view', view: next});
  };
  useKeys((input, key) => {
    if (!example) return;
    if (confirming) {
      if (is('yes', input, key)) dispatch({type: 'confirm-run', yes: true});
      else if (is('no', input, key)) dispatch({type: 'confirm-run', yes: false});
      return;
    }
    const current = viewRef.current;
    const i = views.indexOf(current);
    if (is('right', input, key)) show(views[(i + 1) % views.length]!);
    else if (is('left', input, key)) show(views[(i + views.length - 1) % views.length]!);
    else if (is('copy', input, key)) dispatch({type: 'copy', label: viewTitle(example, current), text: viewText(example, current)});
  });
  if (!example) return <Text color="red">No example is selected: press Esc to go back.</Text>;
  const lines = viewText(example, view).replace(/\n$/, '').split('\n');
  return (
    <Box flexDirection="column">
      <Text bold>{example.title}</Text>
      <Text>{example.summary}</Text>
      {state.target?.kind === 'sandbox' ? (
        <Text dimColor>On the sandbox the job runs on this computer: the Python script with uv when uv is installed, else its Node twin (same steps, same messages).</Text>
      ) : null}
      <Box marginTop={1} flexWrap="wrap">
        {views.map((v) => (
          <Text key={v} inverse={v === view} bold={v === view}>
            {` ${viewTitle(example, v)} `}
          </Text>
        ))}
      </Box>
      <Text dimColor>←/→ switch · c copies {viewTitle(example, view)}</Text>
      <Box flexDirection="column" borderStyle="single" borderDimColor paddingX={1}>
        {lines.slice(0, linesToShow(lines.length, maxLines)).map((line, i) => (
          <Text key={i}>{line || ' '}</Text>
        ))}
        {lines.length > linesToShow(lines.length, maxLines) ? <Text dimColor>{moreLines(lines.length - maxLines)} (c copies all of it)</Text> : null}
      </Box>
      {confirming ? (
        <Box flexDirection="column">
          <Text>
            This runs on <Text bold>{example.flavor}</Text> on {state.target?.endpoint.replace(/^https?:\/\//, '') ?? 'huggingface.co'} and is billed to your credits
            {state.example.price ? `: ${state.example.price}` : ' (price not available right now)'}.
          </Text>
          <Text bold>Run it now? (y/n)</Text>
        </Box>
      ) : (
        <SelectList items={[{label: 'Run this job', value: 'run'}]} onSubmit={() => dispatch({type: 'run-example'})} />
      )}
    </Box>
  );
}
