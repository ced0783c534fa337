// Step 5: checks appear one by one (flutter doctor style), a one-line fix each, details on Enter,
// t opens the troubleshooting screen of a failed check, r re-runs.
import {Box, Text} from 'ink';
import {useRef} from 'react';
import {useKeys} from '../hooks/use-keys.js';
import {SelectList, type SelectItem} from '../components/SelectList.js';
import {Spinner} from '../components/Spinner.js';
import {STATUS_COLORS, STATUS_ICONS, wrappedRows} from '../format.js';
import {useColumns, useRows} from '../hooks/use-rows.js';
import {headerLines} from '../components/Header.js';
import type {ScreenProps} from '../hooks/use-wizard.js';
import {is} from '../keys.js';
import {checkDetails, troubleshootCheckEvent} from '../../core/wizard/check-notes.js';
import {checkSummary} from '../../core/wizard/content.js';

const CONTINUE = '__continue';
const RERUN = '__rerun';

export {checkSummary};

/** The cursor starts on Continue: the intro says how to reach a line's details. */
const INTRO =
  'Checking the token and the job config before anything runs. ↑ to a line and Enter shows its details; t troubleshoots a failed line.';

export function Checklist({state, dispatch}: ScreenProps) {
  const {checklist} = state;
  const highlighted = useRef<string>('');
  const rows = useRows();
  const done = checklist.phase === 'done';
  useKeys((input, key) => {
    if (is('rerun', input, key) && done) dispatch({type: 'rerun-checks'});
    else if (is('troubleshoot', input, key) && done)
      dispatch(troubleshootCheckEvent(checklist.items, highlighted.current));
  });
  const fails = checklist.items.filter((i) => i.status === 'fail').length;
  // Checks that do not apply (nothing to look at) are counted, not listed.
  const applicable = checklist.items.filter((i) => i.status !== 'skip');
  const skipped = checklist.items.length - applicable.length;
  // A short terminal: passed checks fold into one line, so the failures, the fixes and the menu stay on screen.
  // Rows counted at the terminal's width (a wrapped title or header takes two): the step header must stay in view.
  const columns = useColumns();
  const listRows = applicable.reduce((n, i) => n + wrappedRows(`  ✓ ${i.title}`, columns), 0);
  const problems = applicable
    .filter((i) => i.status === 'fail' || i.status === 'warn')
    .reduce((n, i) => n + wrappedRows(`✗ ${i.title}: ${i.fix ?? i.message}`, columns), 0);
  const around =
    headerLines(state).reduce((n, l) => n + wrappedRows(l, columns), 1) +
    wrappedRows(INTRO, columns) +
    1 +
    2 +
    3 +
    problems +
    3;
  const compact = rows < Math.max(applicable.length, 15) + 14 || rows < listRows + around;
  const passed = applicable.filter((i) => i.status === 'pass');
  const shown = compact ? applicable.filter((i) => i.status !== 'pass') : applicable;
  const items: SelectItem<string>[] = shown.map((i) => {
    const item: SelectItem<string> = {
      label: `${STATUS_ICONS[i.status]} ${i.title}`,
      value: i.id,
      hint: i.status === 'pass' ? i.message : (i.fix ?? i.message),
    };
    if (i.status !== 'skip') item.tone = i.status === 'pass' ? 'ok' : i.status === 'fail' ? 'bad' : 'warn';
    return item;
  });
  if (done)
    items.push(
      {label: fails ? 'Continue anyway to the example job' : 'Continue to the example job', value: CONTINUE},
      {label: 'Re-run the checks', value: RERUN},
    );
  const expanded = checklist.items.find((i) => i.id === checklist.expanded);
  return (
    <Box flexDirection="column">
      <Text>{INTRO}</Text>
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
          onSubmit={(v) =>
            dispatch(
              v === CONTINUE
                ? {type: 'checklist-continue'}
                : v === RERUN
                  ? {type: 'rerun-checks'}
                  : {type: 'toggle-check', id: v},
            )
          }
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
          {expanded.problem && expanded.status !== 'pass' ? (
            <Text color="cyan">Press t for the troubleshooting screen.</Text>
          ) : null}
        </Box>
      ) : null}
      {done ? (
        <Text>
          <Text bold>{checkSummary(checklist.items)}</Text>
          {skipped ? (
            <Text dimColor>
              {' '}
              Not applicable here:{' '}
              {checklist.items
                .filter((i) => i.status === 'skip')
                .map((i) => i.title)
                .join('; ')}
              .
            </Text>
          ) : null}
        </Text>
      ) : null}
    </Box>
  );
}
