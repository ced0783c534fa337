// The step to the real `hf` on the result screen: the export lines (token masked), where the whole lines are (a 0600
// env file), what to type in another terminal, what `hf` printed when it is installed and ran, and the same job on
// huggingface.co. Texts from core/preflight/real-tools.ts via the wizard's realTools service.
import {Box, Text} from 'ink';
import type {RealToolsView} from '../../core/wizard/types.js';

/** At most this many of hf's last lines on screen. */
const HF_LINES = 8;

export function RealTools({view}: {view: RealToolsView}) {
  if (view.phase === 'running') {
    return (
      <Box flexDirection="column" marginTop={1}>
        {view.lines.slice(-HF_LINES).map((l, i) => (
          <Text key={i} dimColor>{`  | ${l}`}</Text>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>The same job with the real hf CLI, against this sandbox</Text>
      {view.exportLines.map((l) => (
        <Text key={l} color="cyan">{`    ${l}`}</Text>
      ))}
      {view.envFile ? (
        <Text
          dimColor
        >{`  These lines, with the whole token, are in ${view.envFile} (mode 0600). In another terminal:`}</Text>
      ) : null}
      {view.commands.map((c) => (
        <Text key={c} color="cyan">{`    ${c}`}</Text>
      ))}
      {view.note ? <Text color="yellow">{`  ${view.note}`}</Text> : null}
      {view.lines.slice(-HF_LINES).map((l, i) => (
        <Text key={i} dimColor>{`  | ${l}`}</Text>
      ))}
      {view.hf ? (
        <Text color={view.hf.verified && view.hf.exitCode === 0 ? 'green' : 'yellow'}>{`  ${view.hf.verdict}`}</Text>
      ) : null}
      <Text bold>Then on huggingface.co</Text>
      {view.realHubCommands.map((c) => (
        <Text key={c} color="cyan">{`    ${c}`}</Text>
      ))}
    </Box>
  );
}
