// Step 8: what was created and what to do next; a failure moves on to its troubleshooting screen.
import {Box, Text} from 'ink';
import {canceledByChoice, createdLine, endedLine, SANDBOX_EXIT_NOTE} from '../../core/wizard/content.js';
import {Link} from '../components/Link.js';
import {RealTools} from '../components/RealTools.js';
import {SelectList} from '../components/SelectList.js';
import type {ScreenProps} from '../hooks/use-wizard.js';

export function Result({state, dispatch}: ScreenProps) {
  const result = state.result;
  if (!result) return null;
  const problem = state.troubleshoot.problem;
  if (result.stage === 'COMPLETED') {
    return (
      <Box flexDirection="column">
        <Text color="green" bold>
          ✓ COMPLETED: your first job ran with the right token.
        </Text>
        {result.created ? (
          <Text>
            {createdLine(result)} <Link url={result.created} />
          </Text>
        ) : null}
        <Box marginTop={1} flexDirection="column">
          <Text bold>Next steps</Text>
          {result.nextSteps.map((s) => (
            // The command on a line of its own, so a narrow terminal never splits it.
            <Box key={s.command} flexDirection="column">
              <Text> • {s.what}:</Text>
              <Text color="cyan">
                {'    '}
                {s.command}
              </Text>
            </Box>
          ))}
          {result.sandbox ? <Text dimColor>{SANDBOX_EXIT_NOTE}</Text> : null}
        </Box>
        {state.realTools ? <RealTools view={state.realTools} /> : null}
        <SelectList
          isActive={state.realTools?.phase !== 'running'}
          items={[
            {label: 'Finish', value: 'finish' as const},
            ...(result.sandbox && !state.realTools
              ? [
                  {
                    label: 'Next: the same job with the real hf CLI',
                    value: 'real' as const,
                    hint: 'the export lines, a 0600 env file, and hf itself when it is installed',
                  },
                ]
              : []),
          ]}
          onSubmit={(v) => dispatch(v === 'real' ? {type: 'real-tools'} : {type: 'result-continue'})}
        />
      </Box>
    );
  }
  // The person's own cancel is not a failure; the Hub's cancel for credits is (it has a troubleshooting screen).
  const ownCancel = canceledByChoice(result);
  return (
    <Box flexDirection="column">
      <Text color={ownCancel ? 'yellow' : 'red'} bold>
        {ownCancel ? '! ' : '✗ '}
        {endedLine(result)}
      </Text>
      <SelectList
        isActive={!state.busy}
        items={[
          ...(problem && !ownCancel
            ? [{label: 'Show the troubleshooting screen for this failure', value: 'troubleshoot' as const}]
            : []),
          {label: 'Run it again', value: 'retry' as const},
          {label: 'Finish', value: 'finish' as const},
        ]}
        onSubmit={(v) =>
          dispatch(
            v === 'retry'
              ? {type: 'fix', action: 'retry'}
              : v === 'troubleshoot' && problem
                ? {
                    type: 'open-problem',
                    problem,
                    ...(state.troubleshoot.evidence ? {evidence: state.troubleshoot.evidence} : {}),
                  }
                : {type: 'result-continue'},
          )
        }
      />
    </Box>
  );
}
