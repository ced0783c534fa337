// Step 6: the example's script, config and the same job as hf CLI / Python / MCP / JS (c copies the shown text),
// the price on huggingface.co with a confirmation, and run.
import {Box, Text} from 'ink';
import {useRef} from 'react';
import {useKeys} from '../hooks/use-keys.js';
import {displaySnippet} from '../../core/jobspec/fold.js';
import type {ExampleSummary} from '../../core/wizard/types.js';
import {headerLines} from '../components/Header.js';
import {Preflight, preflightRows} from '../components/Preflight.js';
import {SelectList} from '../components/SelectList.js';
import {runChoices} from '../../core/wizard/preflight.js';
import {sandboxRunNote, shownExample} from '../../core/wizard/shown-example.js';
import {linesToShow, moreLines, packedRows, wrappedRows} from '../format.js';
import {useColumns, useRows} from '../hooks/use-rows.js';
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
  return (
    example.snippets.find((s) => s.label === view)?.text ??
    example.snippets.map((s) => `# ${s.label}\n${s.text}`).join('\n\n')
  );
}

/** What the box shows: a command form with its inline script folded (the call and its secrets first); c copies it whole. */
export function viewDisplayText(example: ExampleSummary, view: string): string {
  if (view === 'script' || view === 'config') return viewText(example, view);
  const snippet = example.snippets.find((s) => s.label === view);
  return snippet ? displaySnippet(snippet.text, snippet.language, example.scriptName) : viewText(example, view);
}

function viewTitle(example: ExampleSummary, view: string): string {
  if (view === 'script') return example.scriptName;
  if (view === 'config') return 'hf-job.json';
  return view;
}

/** A tab's name: the whole label when there is room, else its first words ("MCP", "JavaScript"). */
function tabTitle(example: ExampleSummary, view: string, narrow: boolean): string {
  const title = viewTitle(example, view);
  return narrow ? title.replace(/ \(.*\)$/, '') : title;
}

/** Rows around the code box besides the texts measured: the header's blank line, title, blank, box borders, the choice, messages, spare. */
const FIXED_ROWS = 8;
const FOOTER = '←→ view · c copy · ↑↓/j k move · Enter select · Esc back · q quit · ? help';

export function Example({state, dispatch}: ScreenProps) {
  // hf-job.json as written in my-first-hf-job/ (what Run submits), else the built-in example until it is read.
  const example = shownExample(state);
  const {confirming} = state.example;
  const rows = useRows();
  const columns = useColumns();
  const views = example ? viewsOf(example) : [];
  const view = views.includes(state.example.view) ? state.example.view : 'script';
  // The code box gets the rows the terminal has left once the texts around it are wrapped to its width (Ink cannot
  // scroll: a frame taller than the terminal loses its header); on a small terminal the description goes first.
  const narrow = columns < 100;
  // Pre-flight lists every check on a roomy terminal, else only what is not a pass.
  const pfCompact = rows < 40 || columns < 80;
  const sandboxNote = sandboxRunNote(state);
  // Run, or after a failed pre-flight its ways out (core/wizard/preflight.ts; plain mode offers the same).
  const runs = runChoices(state);
  const around = (withSummary: boolean, withNote: boolean) =>
    FIXED_ROWS +
    (confirming ? 0 : runs.length - 1) +
    headerLines(state).reduce((n, line) => n + wrappedRows(line, columns), 0) +
    (confirming ? 3 : 0) +
    preflightRows(state.example.preflight, columns, pfCompact) +
    (example && withSummary ? wrappedRows(example.summary, columns) : 0) +
    (withNote && sandboxNote ? wrappedRows(sandboxNote, columns) : 0) +
    (example
      ? packedRows(
          views.map((v) => tabTitle(example, v, narrow).length + 2),
          columns,
        )
      : 0) +
    (example ? wrappedRows(`←/→ switch · c copies ${viewTitle(example, view)}`, columns) : 0) +
    wrappedRows(FOOTER, columns);
  // The description stays when the code box still shows the line the wizard teaches (where the secret goes).
  const all = example ? viewDisplayText(example, view).replace(/\n$/, '').split('\n') : [];
  const inner = Math.max(10, columns - 4);
  const secretAt = all.findIndex((l) => /secrets/i.test(l));
  const need = all.slice(0, secretAt >= 0 ? secretAt + 1 : 8).reduce((n, l) => n + wrappedRows(l, inner), 0);
  const showNote = rows - around(true, true) >= Math.max(10, need);
  const showSummary = showNote || rows - around(true, false) >= Math.max(8, need);
  // No room for 4 lines of code (80x24 after a failed pre-flight): 1 line, and no blank above the tabs.
  const tight = rows - around(false, false) < 4;
  const budget = Math.max(tight ? 1 : 4, Math.min(MAX_LINES, rows - around(showSummary, showNote) + (tight ? 1 : 0)));
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
    else if (is('copy', input, key))
      dispatch({type: 'copy', label: viewTitle(example, current), text: viewText(example, current)});
  });
  if (!example) return <Text color="red">No example is selected: press Esc to go back.</Text>;
  // Whole lines while their wrapped rows fit the budget (a long line inside the box's 4 columns of border takes several).
  let shown = 0;
  for (let used = 0; shown < all.length; shown++) {
    used += wrappedRows(all[shown]!, inner);
    if (used > budget) break;
  }
  const maxLines = Math.max(Math.min(tight ? 1 : 4, all.length), shown);
  const lines = all;
  return (
    <Box flexDirection="column">
      <Text bold>{example.title}</Text>
      {showSummary ? <Text>{example.summary}</Text> : null}
      {sandboxNote && showNote ? <Text dimColor>{sandboxNote}</Text> : null}
      <Box marginTop={tight ? 0 : 1} flexWrap="wrap">
        {views.map((v) => (
          <Text key={v} inverse={v === view} bold={v === view}>
            {` ${tabTitle(example, v, narrow)} `}
          </Text>
        ))}
      </Box>
      <Text dimColor>←/→ switch · c copies {viewTitle(example, view)}</Text>
      <Box flexDirection="column" borderStyle="single" borderDimColor paddingX={1}>
        {lines.slice(0, linesToShow(lines.length, maxLines)).map((line, i) => (
          <Text key={i}>{line || ' '}</Text>
        ))}
        {lines.length > linesToShow(lines.length, maxLines) ? (
          <Text dimColor>{moreLines(lines.length - maxLines)} (c copies all of it)</Text>
        ) : null}
      </Box>
      <Preflight view={state.example.preflight} compact={pfCompact} />
      {confirming ? (
        <Box flexDirection="column">
          <Text>
            This runs on <Text bold>{example.flavor}</Text> on{' '}
            {state.target?.endpoint.replace(/^https?:\/\//, '') ?? 'huggingface.co'} and is billed to your credits
            {state.example.price ? `: ${state.example.price}` : ' (price not available right now)'}.
          </Text>
          <Text bold>Run it now? (y/n)</Text>
        </Box>
      ) : (
        <SelectList
          items={runs.map((r) => ({label: r.label, value: r.value}))}
          onSubmit={(v) => dispatch(runs.find((r) => r.value === v)?.event ?? {type: 'run-example'})}
        />
      )}
    </Box>
  );
}
