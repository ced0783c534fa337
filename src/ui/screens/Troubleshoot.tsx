// One troubleshooting screen for every problem id, driven by the catalog (core/troubleshoot): what was seen,
// symptoms, likely causes with the diagnosed one marked, the live findings, and fix actions that really do it.
// In the paste phase it is the "I have an error message" box.
import {Box, Text} from 'ink';
import {wizardReport} from '../../core/wizard/troubleshoot-report.js';
import {wizardCommand} from '../../core/wizard/content.js';
import {Link} from '../components/Link.js';
import {PasteBox} from '../components/PasteBox.js';
import {SelectList} from '../components/SelectList.js';
import {causeMark, type TroubleshootReport} from '../../core/troubleshoot/report.js';
import {FINDING_STATUS, STATUS_COLORS, STATUS_ICONS, wrappedRows} from '../format.js';
import {headerLines} from '../components/Header.js';
import {COMMON_HINTS, footerText} from '../keys.js';
import {useColumns, useRows} from '../hooks/use-rows.js';
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
  const columns = useColumns();
  if (troubleshoot.phase === 'paste') return <Paste {...props} />;
  // The one report (core/troubleshoot/report.ts) that plain mode and the command print too.
  const report = wizardReport(state);
  if (!report) return null;
  const actual = report.actual?.id;
  const seen = report.seen[0];
  // Compact: symptoms and settled facts give way to the cause and the fixes.
  const compact = rows < ROOMY_ROWS;
  const findings = report.findings.filter((f) => !compact || f.status !== 'ok');
  const passed = report.findings.length - findings.length;
  // Ink cannot scroll: the causes get the rows the rest leaves, so the header stays in view (a hint says how many
  // more a taller terminal lists).
  const room = rows - rowsBesideCauses(state, report, findings, compact, columns);
  const causes = fitCauses(
    compact && actual ? report.causes.filter((c) => c.likely) : report.causes,
    report,
    room,
    columns,
  );
  // Still too tall (long findings): the seen line takes one row and the counts of what is not shown go.
  const tight = causes.reduce((n, c) => n + wrappedRows(causeLine(report, c), columns - 2), 0) > room - 1;
  const tokenPage = report.actions.find((a) => a.id === 'open-token-page');
  // The second tier's answer (core/troubleshoot/guess.ts): said to be a guess, in the same rows.
  const guess = report.confidence === 'guess';
  return (
    <Box flexDirection="column">
      {report.leak ? <Text color="yellow">{report.leak.line}</Text> : null}
      <Text>
        <Text bold color={report.problem === 'unknown' || guess ? 'yellow' : 'red'}>
          {report.problem === 'unknown' || guess ? '?' : '✗'} {guess ? 'Best guess: ' : ''}
          {report.title}
        </Text>
        {compact ? (
          <Text dimColor>
            {' '}
            · problem id: {report.problem}
            {guess ? ' (a guess)' : ''}
          </Text>
        ) : null}
      </Text>
      {compact ? null : (
        <Text dimColor>
          problem id: {report.problem}
          {guess ? GUESS_ID_NOTE : ''}
        </Text>
      )}
      {seen ? <Text dimColor>{tight ? oneRow(`Seen: ${seen}`, columns) : `Seen: ${seen}`}</Text> : null}
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
        {/* Each cause in a row with its marker, so its wrapped lines stay indented under the text. */}
        {causes.map((c) => (
          <Box key={c.id}>
            {/* A fixed 2 columns: beside a cause that wraps, flex shrank the marker's space away ("→1."). */}
            <Box width={2} flexShrink={0}>
              <Text bold={c.likely} color={c.likely ? 'yellow' : undefined}>
                {c.likely ? '→' : ' '}
              </Text>
            </Box>
            <Text bold={c.likely} color={c.likely ? 'yellow' : undefined} dimColor={!c.likely && Boolean(actual)}>
              {causeLine(report, c)}
            </Text>
          </Box>
        ))}
        {causes.length < report.causes.length && !tight ? (
          <Box paddingLeft={2}>
            <Text dimColor>{moreCauses(report, causes, Boolean(compact && actual))}</Text>
          </Box>
        ) : null}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Live diagnosis</Text>
        {report.diagnosed ? (
          <>
            {passed > 0 && compact && !tight ? (
              <Text color="green">
                {'  '}✓ {passed} other finding{passed === 1 ? '' : 's'} fine
              </Text>
            ) : null}
            {findings.map((f) => (
              <Box key={f.text} paddingLeft={2}>
                <Text color={STATUS_COLORS[FINDING_STATUS[f.status]]}>
                  {STATUS_ICONS[FINDING_STATUS[f.status]]} {f.text}
                </Text>
              </Box>
            ))}
            {compact && report.actual ? null : (
              <Text bold color="yellow">
                → {report.why}
              </Text>
            )}
            {report.actual ? (
              <Box paddingLeft={2}>
                <Text>Fix: {report.actual.fix}</Text>
              </Box>
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

type Cause = TroubleshootReport['causes'][number];

const causeLine = (report: TroubleshootReport, c: Cause): string =>
  `${report.causes.indexOf(c) + 1}. ${c.text}${causeMark(report, c)}`;

function moreCauses(report: TroubleshootReport, shown: Cause[], ruledOut: boolean): string {
  const n = report.causes.length - shown.length;
  const causes = `${n} other cause${n === 1 ? '' : 's'}`;
  return ruledOut
    ? `(and ${causes} that the facts below rule out or cannot see)`
    : `(and ${causes}: a taller terminal lists ${n === 1 ? 'it' : 'them'})`;
}

/** The causes that fit `rows` (at least the first, and the diagnosed one), in the catalog's order. */
function fitCauses(causes: Cause[], report: TroubleshootReport, rows: number, columns: number): Cause[] {
  const need = (c: Cause) => wrappedRows(causeLine(report, c), columns - 2);
  if (causes.reduce((n, c) => n + need(c), 0) <= rows) return causes;
  let left = rows - 1; // the "(and N other causes…)" line
  return causes.filter((c, i) => {
    const keep = i === 0 || c.likely || need(c) <= left;
    if (keep) left -= need(c);
    return keep;
  });
}

/** Rows the report takes besides its causes (header, title, findings, fixes, messages, footer), as Ink wraps them. */
/** After the problem id of a best guess (core/troubleshoot/guess.ts). */
const GUESS_ID_NOTE = ' · a best guess: no rule knew this text';

function rowsBesideCauses(
  state: ScreenProps['state'],
  report: TroubleshootReport,
  findings: TroubleshootReport['findings'],
  compact: boolean,
  columns: number,
): number {
  const rows = (text: string, indent = 0) => wrappedRows(text, columns - indent);
  const header = headerLines(state).reduce((n, l) => n + rows(l), 0);
  // As drawn: a best guess says so in the title and in the id line (which may wrap at narrow widths).
  const guess = report.confidence === 'guess';
  const title =
    rows(
      `✗ ${guess ? 'Best guess: ' : ''}${report.title} · problem id: ${report.problem}${guess ? ' (a guess)' : ''}`,
    ) + (compact ? 0 : rows(`problem id: ${report.problem}${guess ? GUESS_ID_NOTE : ''}`));
  const seen = (report.seen[0] ? rows(`Seen: ${report.seen[0]}`) : 0) + (report.leak ? rows(report.leak.line) : 0);
  const alternatives = report.alternatives.length
    ? rows(`Not sure: it could also be ${report.alternatives.join(' or ')}.`)
    : 0;
  const symptoms = compact ? 0 : 1 + report.symptoms.slice(0, 3).reduce((n, x) => n + rows(`• ${x}`, 2), 0);
  const live =
    3 +
    findings.reduce((n, f) => n + rows(`✓ ${f.text}`, 2), 0) +
    (report.why ? rows(`→ ${report.why}`) : 0) +
    (report.actual ? rows(`Fix: ${report.actual.fix}`, 2) : 0);
  const fixes = 2 + Math.max(1, report.actions.length) + (compact ? 0 : 2);
  // Blank rows between the parts, the messages line under the screen and the footer.
  return header + 1 + title + seen + alternatives + 2 + symptoms + live + fixes + 2 + rows(footerText(COMMON_HINTS));
}

/** The first line of a text, cut with "…" to fit one row. */
function oneRow(text: string, columns: number): string {
  const line = [...text.split('\n')[0]!];
  return line.length <= columns ? line.join('') : `${line.slice(0, Math.max(1, columns - 1)).join('')}…`;
}
