// The pre-flight verdict on the example screen: the summary, then each line with its mark (✓ pass, ! warn, ✗ fail)
// and, when not a pass, its fix below. The words are core/preflight's (the same as `example` and `check` print).
import {Box, Text} from 'ink';
import {preflightSummary} from '../../core/preflight/preflight.js';
import type {PreflightView} from '../../core/wizard/types.js';
import {STATUS_COLORS, STATUS_ICONS, wrappedRows} from '../format.js';

/** Rows the block takes (the screen gives the code box what is left). */
export function preflightRows(view: PreflightView | undefined, columns = 80, compact = false): number {
  if (!view?.report) return view ? 2 : 0;
  const {shown, hidden} = shownLines(view, compact);
  return (
    wrappedRows(preflightSummary(view.report), columns) +
    shown.reduce(
      (n, l) =>
        n +
        wrappedRows(`✓ ${l.message}`, columns - LINE_INDENT) +
        (l.fix && l.status !== 'pass' ? wrappedRows(l.fix, columns - FIX_INDENT) : 0),
      0,
    ) +
    (compact ? wrappedRows(moreNote(hidden), columns - LINE_INDENT) : 0)
  );
}

const LINE_INDENT = 2;
const FIX_INDENT = 6;

/**
 * Compact (a small terminal): the first warning or failure only, with its fix, and how many more a taller terminal
 * lists (a read token has three long ones: listed whole they pushed the step header off the top).
 */
function shownLines(view: PreflightView, compact: boolean) {
  const lines = (view.report?.lines ?? []).filter((l) => !compact || l.status !== 'pass');
  const shown = compact ? lines.slice(0, 1) : lines;
  return {shown, hidden: lines.length - shown.length};
}

function moreNote(hidden: number): string {
  return hidden
    ? `(${hidden} more problem${hidden === 1 ? '' : 's'}: a taller terminal lists all)`
    : '(a taller terminal lists every check)';
}

export function Preflight({view, compact = false}: {view: PreflightView | undefined; compact?: boolean}) {
  if (!view) return null;
  if (view.phase === 'running')
    return <Text dimColor>Pre-flight: asking the Hub whether this job will be allowed, at what cost…</Text>;
  if (!view.report)
    return (
      <Text color="yellow">
        Pre-flight could not be run ({view.error ?? 'no answer'}); the Hub will decide at submit.
      </Text>
    );
  const report = view.report;
  const {shown, hidden} = shownLines(view, compact);
  // Each line and its fix in padded boxes: their wrapped rows keep the indent instead of going back to column 0.
  return (
    <Box flexDirection="column">
      <Text bold color={STATUS_COLORS[report.verdict]}>
        {preflightSummary(report)}
      </Text>
      {shown.map((l, i) => (
        <Box key={i} flexDirection="column">
          <Box paddingLeft={LINE_INDENT}>
            <Text>
              <Text color={STATUS_COLORS[l.status]}>{STATUS_ICONS[l.status]}</Text> {l.message}
            </Text>
          </Box>
          {l.fix && l.status !== 'pass' ? (
            <Box paddingLeft={FIX_INDENT}>
              <Text dimColor>{l.fix}</Text>
            </Box>
          ) : null}
        </Box>
      ))}
      {compact ? (
        <Box paddingLeft={LINE_INDENT}>
          <Text dimColor>{moreNote(hidden)}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
