// The pre-flight verdict on the example screen: the summary, then each line with its mark (✓ pass, ! warn, ✗ fail)
// and, when not a pass, its fix below. The words are core/preflight's (the same as `example` and `check` print).
import {Box, Text} from 'ink';
import {preflightSummary} from '../../core/preflight/preflight.js';
import type {PreflightView} from '../../core/wizard/types.js';
import {STATUS_COLORS, STATUS_ICONS, wrappedRows} from '../format.js';

/** Rows the block takes (the screen gives the code box what is left). */
export function preflightRows(view: PreflightView | undefined, columns = 80, compact = false): number {
  if (!view?.report) return view ? 2 : 0;
  const w = (text: string) => wrappedRows(text, columns);
  return (
    w(preflightSummary(view.report)) +
    shownLines(view, compact).reduce(
      (n, l) => n + w(`  ✓ ${l.message}`) + (l.fix && l.status !== 'pass' ? w(`      ${l.fix}`) : 0),
      0,
    ) +
    (compact ? 1 : 0)
  );
}

/** Compact (a small terminal): the warnings and failures only, with their fixes. */
function shownLines(view: PreflightView, compact: boolean) {
  return (view.report?.lines ?? []).filter((l) => !compact || l.status !== 'pass');
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
  return (
    <Box flexDirection="column">
      <Text bold color={STATUS_COLORS[report.verdict]}>
        {preflightSummary(report)}
      </Text>
      {shownLines(view, compact).map((l, i) => (
        <Box key={i} flexDirection="column">
          <Text>
            {'  '}
            <Text color={STATUS_COLORS[l.status]}>{STATUS_ICONS[l.status]}</Text> {l.message}
          </Text>
          {l.fix && l.status !== 'pass' ? <Text dimColor>{`      ${l.fix}`}</Text> : null}
        </Box>
      ))}
      {compact ? <Text dimColor> (a taller terminal lists every check)</Text> : null}
    </Box>
  );
}
