// The ? panel: what this step is for and every key.
import {Box, Text} from 'ink';
import {appCommand} from '../../core/invocation.js';
import {STEP_TITLES, type StepId} from '../../core/wizard/types.js';

export const STEP_HELP: Record<StepId, string> = {
  welcome: 'Pick where to practise. The sandbox is a local Hub with practice tokens: free and offline.',
  login:
    'The wizard needs a token to act for you. It is checked with the Hub (whoami) and saved like `hf auth login` does.',
  'token-type': 'Tokens differ in what they may do. Pick your goal; the wizard says whether your token allows it.',
  config:
    'The job config tells the Hub what to run. It names the secret HF_TOKEN; the value is filled in when you submit.',
  checklist:
    'Each line checks one thing that commonly breaks jobs. Enter shows details, t troubleshoots a failure, r re-runs.',
  example:
    'The example job, with the same job as hf CLI, Python, MCP and JavaScript commands. c copies the shown text.',
  run: 'The job runs on the Hub; its log streams here. Esc or Ctrl-C asks whether to cancel it.',
  result: 'What the job did, and where to go next.',
  troubleshoot:
    'What went wrong, why (checked live against your token), and fixes you can run from here. In the paste box Enter starts a new line; Ctrl-D or an empty line finishes.',
};

export function Help({step}: {step: StepId}) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} marginTop={1}>
      <Text bold>Help · {STEP_TITLES[step]}</Text>
      <Text>{STEP_HELP[step]}</Text>
      <Text dimColor>
        ↑/↓ or j/k move · Enter select · Esc back (answers are kept) · s saved tokens · q quit · ? close help
      </Text>
      <Text dimColor>Anything non-interactive: {appCommand('--help')}</Text>
    </Box>
  );
}
