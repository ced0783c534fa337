// One troubleshooting screen for every problem id, driven by the catalog (core/troubleshoot): what was seen,
// symptoms, likely causes with the diagnosed one marked, the live findings, and fix actions that really do it.
// In the paste phase it is the "I have an error message" box.
import {Box, Text} from 'ink';
import {tokenPageUrl} from '../../core/wizard/machine.js';
import {wizardCommand} from '../../core/wizard/content.js';
import {FIX_LABELS} from '../../core/wizard/types.js';
import {Link} from '../components/Link.js';
import {PasteBox} from '../components/PasteBox.js';
import {SelectList} from '../components/SelectList.js';
import {FINDING_STATUS, STATUS_COLORS, STATUS_ICONS} from '../format.js';
import {useRows} from '../hooks/use-rows.js';
import type {ScreenProps} from '../hooks/use-wizard.js';

/** Below this many rows the screen drops what the diagnosis already settled (Ink cannot scroll). */
const ROOMY_ROWS = 44;

function Paste({state, dispatch}: ScreenProps) {
  return (
    <Box flexDirection="column">
      <Text>Paste the error you got (a Python traceback, an HTTP error, a job log). The wizard names the problem, checks your token live, and offers fixes.</Text>
      <Text dimColor>Tokens in the text are masked on screen and never sent anywhere.</Text>
      <Box marginTop={1}>
        <PasteBox
          isActive={!state.busy}
          initial={state.troubleshoot.draft ?? ''}
          onChange={(text) => dispatch({type: 'paste-draft', text})}
          onSubmit={(text) => dispatch({type: 'error-pasted', text})}
        />
      </Box>
    </Box>
  );
}

export function Troubleshoot(props: ScreenProps) {
  const {state, dispatch} = props;
  const {troubleshoot} = state;
  const rows = useRows();
  if (troubleshoot.phase === 'paste') return <Paste {...props} />;
  const info = troubleshoot.info;
  if (!info) return null;
  const diagnosis = troubleshoot.diagnosis;
  const actual = diagnosis?.actual?.id;
  const seen = troubleshoot.seen?.[0] ?? troubleshoot.evidence?.split('\n').find((l) => l.trim());
  // Compact: symptoms and settled facts give way to the cause and the fixes.
  const compact = rows < ROOMY_ROWS;
  const causes = compact && actual ? info.causes.filter((c) => c.id === actual) : info.causes;
  const findings = (diagnosis?.findings ?? []).filter((f) => !compact || f.status !== 'ok');
  const passed = (diagnosis?.findings.length ?? 0) - findings.length;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color={info.id === 'unknown' ? 'yellow' : 'red'}>
          {info.id === 'unknown' ? '?' : '✗'} {info.title}
        </Text>
        {compact ? <Text dimColor> · problem id: {info.id}</Text> : null}
      </Text>
      {compact ? null : <Text dimColor>problem id: {info.id}</Text>}
      {seen ? (
        <Text dimColor>
          Seen: {seen.trim()}
        </Text>
      ) : null}
      {troubleshoot.alternatives?.length ? <Text dimColor>Not sure: it could also be {troubleshoot.alternatives.join(' or ')}.</Text> : null}
      <Box marginTop={1} flexDirection="column">
        {compact ? null : (
          <>
            <Text bold>Symptoms</Text>
            {info.symptoms.slice(0, 3).map((s) => (
              <Text key={s}>
                {'  • '}
                {s}
              </Text>
            ))}
          </>
        )}
        <Text bold>Likely causes</Text>
        {causes.map((c) =>
          c.id === actual ? (
            <Text key={c.id} bold color="yellow">
              {'→ '}
              {info.causes.indexOf(c) + 1}. {c.text} (this is it)
            </Text>
          ) : (
            <Text key={c.id} dimColor={Boolean(actual)}>
              {'  '}
              {info.causes.indexOf(c) + 1}. {c.text}
            </Text>
          ),
        )}
        {causes.length < info.causes.length ? <Text dimColor>{'  '}(and {info.causes.length - causes.length} other causes that the facts below rule out or cannot see)</Text> : null}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Live diagnosis</Text>
        {diagnosis ? (
          <>
            {passed > 0 && compact ? <Text color="green">{'  '}✓ {passed} other finding{passed === 1 ? '' : 's'} fine</Text> : null}
            {findings.map((f) => (
              <Text key={f.text} color={STATUS_COLORS[FINDING_STATUS[f.status]]}>
                {'  '}
                {STATUS_ICONS[FINDING_STATUS[f.status]]} {f.text}
              </Text>
            ))}
            {compact && diagnosis.actual ? null : (
              <Text bold color="yellow">
                → {diagnosis.cause}
              </Text>
            )}
            {diagnosis.actual ? <Text>{'  '}Fix: {diagnosis.actual.fix}</Text> : null}
          </>
        ) : (
          <Text dimColor>{'  '}Checking your token and setup…</Text>
        )}
      </Box>
      {troubleshoot.phase === 'done' && diagnosis ? (
        <Box marginTop={1} flexDirection="column">
          {diagnosis.actions.includes('open-token-page') && !compact ? (
            <Text dimColor>
              Token page: <Link url={tokenPageUrl(state.target?.endpoint)} />
            </Text>
          ) : null}
          <Text bold>Fix it</Text>
          {diagnosis.actions.length ? (
            <SelectList
              isActive={!state.busy}
              items={diagnosis.actions.map((f) => ({label: `${FIX_LABELS[f]}${f === diagnosis.suggested ? '  (suggested)' : ''}`, value: f}))}
              onSubmit={(action) => dispatch({type: 'fix', action})}
            />
          ) : (
            <Text dimColor>Nothing to run from here: follow the fix above, then run {wizardCommand(state.target)} again.</Text>
          )}
          {compact ? null : <Text dimColor>Verify: {info.verify}</Text>}
        </Box>
      ) : null}
    </Box>
  );
}
