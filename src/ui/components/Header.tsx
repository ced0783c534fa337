// The title line: app, step number and name, and where we practise; then the status line once logged in (who, token kind
// masked, its source, what shadows it, expiry, the Hub: core/wizard/status-line.ts).
import {Box, Text} from 'ink';
import {stepCounter} from '../../core/wizard/machine.js';
import {statusLine} from '../../core/wizard/status-line.js';
import {STEP_TITLES, type WizardState} from '../../core/wizard/types.js';

/** The header's text, line by line (screens that fit themselves to the terminal count its wrapped rows). */
export function headerLines(state: WizardState): string[] {
  const {step, where} = headerParts(state);
  const lines = [`hf-jobs-wizard · ${step}${where ? ` · ${where}` : ''}`];
  const status = state.step !== 'login' ? statusLine(state) : undefined;
  if (status) lines.push(status);
  // The token dashboard (s): its lines inside a box (2 border rows, the hint line).
  if (state.dashboard)
    lines.push(
      ...(state.dashboard.phase === 'loading' ? ['Reading the saved tokens…'] : []),
      ...state.dashboard.lines.map((l) => `    ${l}`),
      's hides this',
      '',
      '',
    );
  return lines;
}

function headerParts(state: WizardState): {step: string; where: string} {
  const where = state.target
    ? state.target.kind === 'sandbox'
      ? 'sandbox Hub (offline practice)'
      : state.target.endpoint.replace(/^https?:\/\//, '')
    : '';
  const {n, total} = stepCounter(state);
  const step =
    state.step === 'troubleshoot' ? STEP_TITLES.troubleshoot : `Step ${n}/${total} · ${STEP_TITLES[state.step]}`;
  return {step, where};
}

export function Header({state}: {state: WizardState}) {
  const {step, where} = headerParts(state);
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text>
        <Text bold color="magenta">
          hf-jobs-wizard
        </Text>
        <Text dimColor> · </Text>
        <Text bold>{step}</Text>
        {where ? <Text dimColor> · {where}</Text> : null}
      </Text>
      {state.account && state.step !== 'login' ? <Text dimColor>{statusLine(state)}</Text> : null}
      {state.dashboard ? (
        <Box flexDirection="column" borderStyle="single" borderDimColor paddingX={1}>
          {state.dashboard.phase === 'loading' ? (
            <Text dimColor>Reading the saved tokens and asking the Hub about each…</Text>
          ) : null}
          {state.dashboard.lines.map((line, i) => (
            <Text key={i}>{line || ' '}</Text>
          ))}
          <Text dimColor>s hides this (the same as `status`)</Text>
        </Box>
      ) : null}
    </Box>
  );
}
