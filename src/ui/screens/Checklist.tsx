// Step 5: checks appear one by one (flutter doctor style), a one-line fix each, details on Enter,
// t opens the troubleshooting screen of a failed check, r re-runs.
import {Box, Text} from 'ink';
import {useRef} from 'react';
import {useKeys} from '../hooks/use-keys.js';
import {SelectList, type SelectItem} from '../components/SelectList.js';
import {Spinner} from '../components/Spinner.js';
import {STATUS_COLORS, STATUS_ICONS} from '../format.js';
import {useRows} from '../hooks/use-rows.js';
import type {ScreenProps} from '../hooks/use-wizard.js';
import {is} from '../keys.js';
import {checkDetails, troubleshootCheckEvent} from '../../core/wizard/check-notes.js';
import {checkSummary} from '../../core/wizard/content.js';

const CONTINUE = '__continue';
const RERUN = '__rerun';

export {checkSummary};

export function Checklist({state, dispatch}: ScreenProps) {
  const {checklist} = state;
  const highlighted = useRef<string>('');
  const rows = useRows();
  const done = checklist.phase === 'done';
  useKeys((input, key) => {
    if (is('rerun', input, key) && done) dispatch({type: 'rerun-checks'});
    else if (is('troubleshoot', input, key) && done) dispatch(troubleshootCheckEvent(checklist.items, highlighted.current));
  });
  const fails = checklist.items.filter((i) => i.status === 'fail').length;
  // Checks that do not apply (nothing to look at) are counted, not listed.
  const applicable = checklist.items.filter((i) => i.status !== 'skip');
  const skipped = checklist.items.length - applicable.length;
  // A short terminal: passed checks fold into one line, so the failures, the fixes and the menu stay on screen.
  const compact = rows < Math.max(applicable.length, 15) + 14;
  const passed = applicable.filter((i) => i.status === 'pass');
  const shown = compact ? applicable.filter((i) => i.status !== 'pass') : applicable;
  const items: SelectItem<string>[] = shown.map((i) => {
    const item: SelectItem<string> = {label: `${STATUS_ICONS[i.status]} ${i.title}`, value: i.id, hint: i.status === 'pass' ? i.message : (i.fix ?? i.message)};
    if (i.status !== 'skip') item.tone = i.status === 'pass' ? 'ok' : i.status === 'fail' ? 'bad' : 'warn';
    return item;
  });
  if (done) items.push({label: fails ? 'Continue anyway to the example job' : 'Continue to the example job', value: CONTINUE}, {label: 'Re-run the checks', value: RERUN});
  const expanded = checklist.items.find((i) => i.id === checklist.expanded);
  return (
    <Box flexDirection="column">
      <Text>Checking the token and the job config before anything runs. Enter shows details; t troubleshoots a failed line.</Text>
      <Box marginTop={1} flexDirection="column">
        {compact && passed.length ? (
          <Text color="green">
            {'  ✓ '}
            {passed.length} passed <Text dimColor>(a taller window lists them)</Text>
          </Text>
        ) : null}
        <SelectList
          key={done ? 'done' : 'running'}
          isActive={done}
          initial={done ? CONTINUE : undefined}
          items={items}
          onHighlight={(v) => (highlighted.current = v)}
          onSubmit={(v) => dispatch(v === CONTINUE ? {type: 'checklist-continue'} : v === RERUN ? {type: 'rerun-checks'} : {type: 'toggle-check', id: v})}
        />
      </Box>
      {checklist.items
        .filter((i) => i.status === 'fail' || i.status === 'warn')
        .map((i) => (
          <Text key={i.id} color={STATUS_COLORS[i.status]}>
            {STATUS_ICONS[i.status]} {i.title}: {i.fix ?? i.message}
          </Text>
        ))}
      {!done ? <Spinner label="Checking" /> : null}
      {expanded ? (
        <Box marginTop={1} flexDirection="column" borderStyle="round" paddingX={1}>
          <Text bold>{expanded.title}</Text>
          <Text>Result: {expanded.message}</Text>
          {expanded.fix && expanded.status !== 'pass' ? <Text>Fix: {expanded.fix}</Text> : null}
          {checkDetails(expanded).map((line) => (
            <Text key={line} dimColor>
              {line}
            </Text>
          ))}
          {expanded.problem && expanded.status !== 'pass' ? <Text color="cyan">Press t for the troubleshooting screen.</Text> : null}
        </Box>
      ) : null}
      {done ? (
        <Text>
          <Text bold>{checkSummary(checklist.items)}</Text>
          {skipped ? <Text dimColor> Not applicable here: {checklist.items.filter((i) => i.status === 'skip').map((i) => i.title).join('; ')}.</Text> : null}
        </Text>
      ) : null}
    </Box>
  );
}
