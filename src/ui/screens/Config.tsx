// Step 4: exactly which files will be written and where, a diff for existing ones, and a write only after confirmation.
import {homedir} from 'node:os';
import {skipChoiceLabel} from '../../core/wizard/shown-example.js';
import {Box, Text} from 'ink';
import {homeRelative, pathRows} from '../../core/text/paths.js';
import type {PlannedFile} from '../../core/wizard/types.js';
import {SelectList} from '../components/SelectList.js';
import {linesToShow, moreLines} from '../format.js';
import {useColumns, useRows} from '../hooks/use-rows.js';
import type {ScreenProps} from '../hooks/use-wizard.js';

const ROLE_TEXT: Record<PlannedFile['role'], string> = {
  'saved login': 'saved login',
  'named tokens': 'named tokens (like hf auth login)',
  'job config': 'job config',
  script: 'script',
};

/** Indents of the block's parts: the path under its title, the lines under the path (wrapped rows keep them). */
const PATH_INDENT = 2;
const LINE_INDENT = 4;

function FileBlock({file, compact, columns}: {file: PlannedFile; compact: boolean; columns: number}) {
  const status = file.unchanged ? 'unchanged' : file.exists ? 'exists: changes below' : 'new';
  // Compact (a short terminal): new files are named, not previewed; changes to existing ones are always shown.
  const lines = file.diff ?? (file.role === 'script' || (compact && file.role === 'job config') ? [] : file.preview);
  return (
    <Box flexDirection="column" marginBottom={compact ? 0 : 1}>
      <Text>
        <Text bold>{ROLE_TEXT[file.role]}</Text> <Text dimColor>({status})</Text>
      </Text>
      {/* Under the home folder as ~/…, and cut after a / when it is wider than the screen (never mid-name). */}
      <Box paddingLeft={PATH_INDENT} flexDirection="column">
        {pathRows(homeRelative(file.path, homedir()), columns - PATH_INDENT).map((row, i) => (
          <Text key={i} color="cyan">
            {row}
          </Text>
        ))}
      </Box>
      {file.changes?.map((c) => (
        <Box key={c} paddingLeft={PATH_INDENT}>
          <Text color="yellow">• {c}</Text>
        </Box>
      ))}
      <Box paddingLeft={LINE_INDENT} flexDirection="column">
        {file.unchanged
          ? null
          : lines.slice(0, linesToShow(lines.length, compact ? 8 : 14)).map((line, i) => (
              <Text
                key={i}
                color={line.startsWith('+ ') ? 'green' : line.startsWith('- ') ? 'red' : undefined}
                dimColor={!file.diff}
              >
                {line}
              </Text>
            ))}
        {!file.unchanged && lines.length > linesToShow(lines.length, compact ? 8 : 14) ? (
          <Text dimColor>{moreLines(lines.length - (compact ? 8 : 14))}</Text>
        ) : null}
        {(file.role === 'script' || (compact && file.role === 'job config')) && !file.diff && !file.unchanged ? (
          <Text dimColor>({file.preview.length} lines, shown on the example screen)</Text>
        ) : null}
      </Box>
    </Box>
  );
}

export function Config({state, dispatch}: ScreenProps) {
  const plan = state.config.plan;
  const rows = useRows();
  const columns = useColumns();
  if (!plan) return null;
  const compact = rows < 40;
  const changes = plan.files.filter((f) => !f.unchanged).length;
  return (
    <Box flexDirection="column">
      <Text>
        These files make the job reproducible. hf-job.json passes your token as the secret <Text bold>HF_TOKEN</Text>{' '}
        with the value <Text bold>"$HF_TOKEN"</Text>, filled in at submit time: the token itself is never written into
        it.
      </Text>
      {state.target?.kind === 'sandbox' && plan.files.some((f) => f.role === 'saved login') ? (
        <Text dimColor>Sandbox: the login goes to its own HF_HOME; your real one is untouched.</Text>
      ) : null}
      {changes === 0 ? (
        <Text color="green">
          Nothing to change: the files on disk already say exactly this
          {plan.files.some((f) => f.role === 'job config') ? ' (hf-job.json already passes HF_TOKEN as a secret)' : ''}.
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {plan.files.map((f) => (
          <FileBlock key={f.path} file={f} compact={compact} columns={columns} />
        ))}
      </Box>
      <SelectList
        isActive={state.config.phase === 'review'}
        items={[
          {
            label: changes ? `Write ${changes} file${changes === 1 ? '' : 's'}` : 'Continue (nothing to change)',
            value: 'write',
          },
          {label: skipChoiceLabel(plan), value: 'skip'},
        ]}
        onSubmit={(v) => dispatch(v === 'write' ? {type: 'config-confirm'} : {type: 'config-skip'})}
      />
    </Box>
  );
}
