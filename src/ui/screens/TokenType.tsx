// Step 3: the four kinds of token, what this goal needs, and whether the user's token fits.
import {Box, Text} from 'ink';
import {useKeys} from '../hooks/use-keys.js';
import {tokenPageUrl} from '../../core/wizard/machine.js';
import {Link} from '../components/Link.js';
import {SelectList} from '../components/SelectList.js';
import type {ScreenProps} from '../hooks/use-wizard.js';
import {is} from '../keys.js';
import {TOKEN_KINDS} from '../../core/wizard/content.js';

export function TokenType({state, dispatch}: ScreenProps) {
  const account = state.account;
  useKeys((input, key) => {
    if (is('open', input, key)) dispatch({type: 'open-token-page'});
  });
  const verdict = state.verdict;
  return (
    <Box flexDirection="column">
      <Text bold>Four kinds of token:</Text>
      {TOKEN_KINDS.map((k) => (
        <Box key={k.name} paddingLeft={2}>
          <Box width={14} flexShrink={0}>
            <Text bold>{k.name}</Text>
          </Box>
          <Text dimColor>{k.can}</Text>
        </Box>
      ))}
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
          {!verdict.ok ? (
            <Text>
              Press <Text bold>o</Text> to open <Link url={tokenPageUrl(state.target?.endpoint)} /> (write preset), or Esc to log in with
              another token. Enter continues anyway, to see how it fails.
            </Text>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
