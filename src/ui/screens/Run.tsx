// Step 7: the job's stage with a spinner and elapsed time; Esc or Ctrl-C asks whether to cancel.
// The log lines are printed above, in <Static> (see App), and are never re-rendered.
import {Box, Text} from 'ink';
import {useKeys} from '../hooks/use-keys.js';
import {Link} from '../components/Link.js';
import {Spinner} from '../components/Spinner.js';
import type {ScreenProps} from '../hooks/use-wizard.js';
import {useNow} from '../hooks/use-now.js';
import {is} from '../keys.js';
import {isTerminal} from '../../core/jobs/stages.js';
import {formatElapsed} from '../format.js';

const STAGE_TEXT: Record<string, string> = {
  SCHEDULING: 'Waiting for a machine',
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  ERROR: 'Failed',
  CANCELED: 'Cancelled',
};

export function Run({state, dispatch}: ScreenProps) {
  const {run} = state;
  // A final stage stops the spinner and the clock at once: the wizard only reads the log's last lines and the result.
  const ended = isTerminal(run.stage);
  useNow(run.phase === 'running' && !ended);
  useKeys((input, key) => {
    if (!run.confirmCancel) return;
    if (is('yes', input, key)) dispatch({type: 'cancel-answer', yes: true});
    else if (is('no', input, key)) dispatch({type: 'cancel-answer', yes: false});
  });
  return (
    <Box flexDirection="column">
      {run.job ? (
        <Text>
          Job <Text bold>{run.job.id}</Text> · <Link url={run.job.url} />
        </Text>
      ) : null}
      {run.phase === 'running' && run.stage && ended ? (
        <Text color={run.stage === 'COMPLETED' ? 'green' : run.stage === 'ERROR' ? 'red' : undefined}>
          {run.stage === 'COMPLETED' ? '✓' : '✗'} {run.stage}: {STAGE_TEXT[run.stage] ?? run.stage}
          {run.startedAt !== undefined ? ` after ${formatElapsed((run.stageAt ?? Date.now()) - run.startedAt)}` : ''}
        </Text>
      ) : null}
      {run.phase === 'running' && run.stage && !ended ? (
        <Spinner
          label={`${run.stage}: ${STAGE_TEXT[run.stage] ?? run.stage}`}
          {...(run.startedAt !== undefined ? {since: run.startedAt} : {})}
        />
      ) : null}
      {run.logs.length === 0 && run.phase === 'running' ? (
        <Text dimColor>The log appears here as the job prints it.</Text>
      ) : null}
      {run.confirmCancel ? (
        <Text bold color="yellow">
          Cancel the job on the Hub? (y/n)
        </Text>
      ) : null}
    </Box>
  );
}
