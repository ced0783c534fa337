// The pre-flight verdict on the example screen: the summary, then each line with its mark (✓ pass, ! warn, ✗ fail)
// and, when not a pass, its fix below. The words are core/preflight's (the same as `example` and `check` print).
import {Box, Text} from 'ink';
import {preflightSummary} from '../../core/preflight/preflight.js';
import type {PreflightView} from '../../core/wizard/types.js';
import {STATUS_COLORS, STATUS_ICONS} from '../format.js';

/** Rows the block takes (the screen gives the code box what is left). */
export function preflightRows(view: PreflightView | undefined): number {
  if (!view?.report) return view ? 1 : 0;
  return 1 + view.report.lines.reduce((n, l) => n + (l.fix && l.status !== 'pass' ? 2 : 1), 0);
}

export function Preflight({view}: {view: PreflightView | undefined}) {
  if (!view) return null;
  if (view.phase === 'running') return <Text dimColor>Pre-flight: asking the Hub whether this job will be allowed, at what cost…</Text>;
  if (!view.report) return <Text color="yellow">Pre-flight could not be run ({view.error ?? 'no answer'}); the Hub will decide at submit.</Text>;
  const report = view.report;
  return (
    <Box flexDirection="column">
      <Text bold color={STATUS_COLORS[report.verdict]}>
        {preflightSummary(report)}
      </Text>
      {report.lines.map((l, i) => (
        <Box key={i} flexDirection="column">
          <Text>
            {'  '}
            <Text color={STATUS_COLORS[l.status]}>{STATUS_ICONS[l.status]}</Text> {l.message}
          </Text>
          {l.fix && l.status !== 'pass' ? <Text dimColor>{`      ${l.fix}`}</Text> : null}
        </Box>
      ))}
    </Box>
  );
}
