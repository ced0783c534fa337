// One troubleshooting screen for every problem id, driven by the catalog (core/troubleshoot): what was seen,
// symptoms, likely causes with the diagnosed one marked, the live findings, and fix actions that really do it.
// In the paste phase it is the "I have an error message" box.
import {Box, Text} from 'ink';
import {wizardReport} from '../../core/wizard/troubleshoot-report.js';
import {wizardCommand} from '../../core/wizard/content.js';
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
      <Text>
        Paste the error you got (a Python traceback, an HTTP error, a job log). The wizard names the problem, checks
        your token live, and offers fixes.
      </Text>
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
  // The one report (core/troubleshoot/report.ts) that plain mode and the command print too.
  const report = wizardReport(state);
  if (!report) return null;
  const actual = report.actual?.id;
  const seen = report.seen[0];
  // Compact: symptoms and settled facts give way to the cause and the fixes.
  const compact = rows < ROOMY_ROWS;
  const causes = compact && actual ? report.causes.filter((c) => c.likely) : report.causes;
  const findings = report.findings.filter((f) => !compact || f.status !== 'ok');
  const passed = report.findings.length - findings.length;
  const tokenPage = report.actions.find((a) => a.id === 'open-token-page');
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color={report.problem === 'unknown' ? 'yellow' : 'red'}>
          {report.problem === 'unknown' ? '?' : '✗'} {report.title}
        </Text>
        {compact ? <Text dimColor> · problem id: {report.problem}</Text> : null}
      </Text>
      {compact ? null : <Text dimColor>problem id: {report.problem}</Text>}
      {seen ? <Text dimColor>Seen: {seen}</Text> : null}
      {report.alternatives.length ? (
        <Text dimColor>Not sure: it could also be {report.alternatives.join(' or ')}.</Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {compact ? null : (
          <>
            <Text bold>Symptoms</Text>
            {report.symptoms.slice(0, 3).map((s) => (
              <Text key={s}>
                {'  • '}
                {s}
              </Text>
            ))}
          </>
        )}
        <Text bold>Likely causes</Text>
        {causes.map((c) =>
          c.likely ? (
            <Text key={c.id} bold color="yellow">
              {'→ '}
              {report.causes.indexOf(c) + 1}. {c.text} (this is it)
            </Text>
          ) : (
            <Text key={c.id} dimColor={Boolean(actual)}>
              {'  '}
              {report.causes.indexOf(c) + 1}. {c.text}
            </Text>
          ),
        )}
        {causes.length < report.causes.length ? (
          <Text dimColor>
            {'  '}(and {report.causes.length - causes.length} other causes that the facts below rule out or cannot see)
          </Text>
        ) : null}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Live diagnosis</Text>
        {report.diagnosed ? (
          <>
            {passed > 0 && compact ? (
              <Text color="green">
                {'  '}✓ {passed} other finding{passed === 1 ? '' : 's'} fine
              </Text>
            ) : null}
            {findings.map((f) => (
              <Text key={f.text} color={STATUS_COLORS[FINDING_STATUS[f.status]]}>
                {'  '}
                {STATUS_ICONS[FINDING_STATUS[f.status]]} {f.text}
              </Text>
            ))}
            {compact && report.actual ? null : (
              <Text bold color="yellow">
                → {report.why}
              </Text>
            )}
            {report.actual ? (
              <Text>
                {'  '}Fix: {report.actual.fix}
              </Text>
            ) : null}
          </>
        ) : (
          <Text dimColor>{'  '}Checking your token and setup…</Text>
        )}
      </Box>
      {troubleshoot.phase === 'done' && report.diagnosed ? (
        <Box marginTop={1} flexDirection="column">
          {tokenPage?.url && !compact ? (
            <Text dimColor>
              Token page: <Link url={tokenPage.url} />
            </Text>
          ) : null}
          <Text bold>Fix it</Text>
          {report.actions.length ? (
            <SelectList
              isActive={!state.busy}
              items={report.actions.map((a) => ({
                label: `${a.label}${a.suggested ? '  (suggested)' : ''}`,
                value: a.id,
              }))}
              onSubmit={(action) => dispatch({type: 'fix', action})}
            />
          ) : (
            <Text dimColor>
              Nothing to run from here: follow the fix above, then run {wizardCommand(state.target)} again.
            </Text>
          )}
          {compact ? null : <Text dimColor>Verify: {report.verify}</Text>}
        </Box>
      ) : null}
    </Box>
  );
}
