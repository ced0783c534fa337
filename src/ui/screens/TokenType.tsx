// Step 3: the four kinds of token, what this goal needs, and whether the user's token fits.
import {Box, Text} from 'ink';
import {useKeys} from '../hooks/use-keys.js';
import {tokenPageUrl} from '../../core/wizard/machine.js';
import {Link} from '../components/Link.js';
import {SelectList} from '../components/SelectList.js';
import type {ScreenProps} from '../hooks/use-wizard.js';
import {is} from '../keys.js';
import {TOKEN_KINDS} from '../../core/wizard/content.js';
import {headerLines} from '../components/Header.js';
import {wrappedRows} from '../format.js';
import {useColumns, useRows} from '../hooks/use-rows.js';

const ESC_LINE =
  'Press Esc to log in with another practice token (the write token fits). Enter continues anyway, to see how it fails.';

export function TokenType({state, dispatch}: ScreenProps) {
  const account = state.account;
  useKeys((input, key) => {
    if (is('open', input, key)) dispatch({type: 'open-token-page'});
  });
  const verdict = state.verdict;
  const advice = state.tokenAdvice;
  const fit = advice?.fit;
  const rows = useRows();
  const columns = useColumns();
  // Ink cannot scroll: when the table of token kinds would push the step header off a small terminal, it becomes one
  // line; the choice and the verdict are what this step is for.
  const goal = state.examples.find((e) => e.id === state.goal);
  const table = TOKEN_KINDS.reduce((n, k) => n + wrappedRows(k.can, Math.max(10, columns - 16)), 1);
  const sandbox = state.target?.kind === 'sandbox';
  // Measured as shown: the verdict's own first words, and on the sandbox the Esc line instead of the token page's.
  const verdictRows = verdict
    ? wrappedRows(
        `${verdict.ok ? '✓ Your token fits.' : '✗ Your token does not fit.'} ${verdict.explanation}`,
        columns,
      ) +
      (verdict.ok
        ? 0
        : wrappedRows(
            sandbox
              ? ESC_LINE
              : `Press o to open ${tokenPageUrl(state.target?.endpoint)} (write preset), or Esc to log in with another token. Enter continues anyway, to see how it fails.`,
            columns,
          )) +
      1
    : 0;
  const rest =
    headerLines(state).reduce((n, l) => n + wrappedRows(l, columns), 1) +
    2 +
    state.examples.length +
    (goal ? wrappedRows(`${goal.summary} Needs: ${goal.needs}.`, columns - 4) : 0) +
    verdictRows +
    2 +
    (state.notice ? wrappedRows(state.notice, columns) + 1 : 0) +
    2;
  // The least-privilege advice in full, or in one short sentence when the terminal has no room for it.
  const fitShort =
    fit && advice
      ? `Least privilege: ${fit.enough ? (fit.broader ? 'enough, but more than this job needs' : 'enough, and no broader than needed') : 'not enough'}; o opens the page for a token with exactly ${advice.scopes}.`
      : '';
  const fitLong =
    fit && advice
      ? wrappedRows(`Least privilege: ${fit.advice}`, columns) +
        (fit.broader || !verdict?.ok
          ? wrappedRows(
              `Press o to open ${advice.url} (a fine-grained token with exactly ${advice.scopes}); Enter continues with this one.`,
              columns,
            )
          : 0)
      : 0;
  const shortFit = rest + table + fitLong > rows;
  const kindsLine = `Four kinds of token: ${TOKEN_KINDS.map((k) => k.name).join(', ')} (a taller terminal shows what each can do).`;
  const compact = rest + table + (shortFit ? wrappedRows(fitShort, columns) : fitLong) > rows;
  // Smaller still (80x24 with a token that does not fit): the kinds in one short line, and no least-privilege line
  // under a verdict that already says the token does not fit and what it needs.
  const tight = compact && rest + wrappedRows(kindsLine, columns) + wrappedRows(fitShort, columns) > rows;
  const showFit = Boolean(fit) && !(tight && verdict && !verdict.ok);
  return (
    <Box flexDirection="column">
      {compact ? (
        <Text>
          <Text bold>Four kinds of token:</Text>{' '}
          <Text dimColor>
            {TOKEN_KINDS.map((k) => k.name).join(', ')}
            {tight ? '.' : ' (a taller terminal shows what each can do).'}
          </Text>
        </Text>
      ) : (
        <>
          <Text bold>Four kinds of token:</Text>
          {TOKEN_KINDS.map((k) => (
            <Box key={k.name} paddingLeft={2}>
              <Box width={14} flexShrink={0}>
                <Text bold>{k.name}</Text>
              </Box>
              <Text dimColor>{k.can}</Text>
            </Box>
          ))}
        </>
      )}
      <Box marginTop={1} flexDirection="column">
        <Text bold>What should your first job do?</Text>
        <SelectList
          initial={state.goal}
          items={state.examples.map((e) => ({label: e.title, value: e.id, hint: `${e.summary} Needs: ${e.needs}.`}))}
          onHighlight={(goal) => {
            if (goal !== state.goal) dispatch({type: 'choose-goal', goal});
          }}
          onSubmit={() => dispatch({type: 'token-type-continue'})}
        />
      </Box>
      {account && verdict ? (
        <Box marginTop={1} flexDirection="column">
          <Text color={verdict.ok ? (verdict.uncertain ? 'yellow' : 'green') : 'red'}>
            {verdict.ok ? '✓ Your token fits.' : '✗ Your token does not fit.'} {verdict.explanation}
          </Text>
          {fit && showFit ? (
            <Text color={!fit.enough ? 'red' : fit.broader ? 'yellow' : 'green'}>
              {shortFit ? fitShort : `Least privilege: ${fit.advice}`}
            </Text>
          ) : null}
          {!verdict.ok && sandbox ? <Text>{ESC_LINE}</Text> : null}
          {((!verdict.ok && !sandbox) || fit?.broader) && !shortFit ? (
            <Text>
              Press <Text bold>o</Text> to open <Link url={advice?.url ?? tokenPageUrl(state.target?.endpoint)} />{' '}
              {advice ? `(a fine-grained token with exactly ${advice.scopes})` : '(write preset)'}
              {!verdict.ok
                ? ', or Esc to log in with another token. Enter continues anyway, to see how it fails.'
                : '; Enter continues with this one.'}
            </Text>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
