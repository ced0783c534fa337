// Step 2: continue with a saved token, paste one (masked, with a count), log in with the browser, or use a practice token.
import {Box, Text} from 'ink';
import {tokenPageUrl} from '../../core/wizard/machine.js';
import {WELCOME_LINES_SKIPPED} from '../../core/wizard/content.js';
import {
  defaultLoginMethod,
  loginChoices,
  loginMethodEvent,
  loginQuestion,
  type LoginMethod,
} from '../../core/wizard/login-choices.js';
import {PRACTICE_TOKENS, type PracticeToken as PracticeLabel} from '../../core/practice.js';
import {Link} from '../components/Link.js';
import {MaskedInput} from '../components/MaskedInput.js';
import {SelectList, type SelectItem} from '../components/SelectList.js';
import type {ScreenProps} from '../hooks/use-wizard.js';

const PRACTICE_HINTS: Record<PracticeLabel, string> = {
  write: 'Can push and run Jobs in practice-user: everything in this wizard works.',
  read: 'Can download only: pushing fails with 403 (good for seeing that screen).',
  'fine-grained': 'Scoped permissions: works in practice-user, not in practice-org.',
  expired: 'Expired: past its expiry date, so the Hub answers 401.',
  expiring: 'A write token that expires in 5 minutes: pre-flight warns that a 10-minute job may outlive it.',
};

export function Login({state, dispatch}: ScreenProps) {
  const {login, target} = state;

  if (login.phase === 'paste') {
    return (
      <Box flexDirection="column">
        {state.tokenAdvice ? (
          <Text>
            Make a token with just what this job needs ({state.tokenAdvice.scopes}) at{' '}
            <Link url={state.tokenAdvice.url} />
            {state.tokenAdvice.confirmCode ? (
              <>
                {' '}
                (the page asks for the code <Text bold>{state.tokenAdvice.confirmCode}</Text>)
              </>
            ) : null}
            , then paste it here. A classic <Text bold>Write</Text> token works too, but can do much more.
          </Text>
        ) : (
          <Text>
            Create a token at <Link url={tokenPageUrl(target?.endpoint)} /> (type <Text bold>Write</Text> for this
            wizard), then paste it here.
          </Text>
        )}
        <Text dimColor>The input is hidden; you see one dot per character. On Windows, right-click pastes.</Text>
        <Box marginTop={1}>
          <Text bold>Token: </Text>
          <MaskedInput isActive={!state.busy} onSubmit={(value) => dispatch({type: 'paste-submit', value})} />
        </Box>
      </Box>
    );
  }

  if (login.phase === 'practice') {
    return (
      <Box flexDirection="column">
        <Text>Pick a practice token. Each one behaves like the real kind on huggingface.co.</Text>
        <SelectList
          isActive={!state.busy}
          initial={login.lastPractice ?? 'write'}
          items={PRACTICE_TOKENS.map((label) => ({label: `${label} token`, value: label, hint: PRACTICE_HINTS[label]}))}
          onSubmit={(label) => dispatch({type: 'practice-pick', label})}
        />
      </Box>
    );
  }

  if (login.phase === 'browser') {
    return (
      <Box flexDirection="column">
        {login.browser ? (
          <>
            <Text>
              Open <Link url={login.browser.url} /> and enter the code{' '}
              <Text bold color="yellow">
                {login.browser.code}
              </Text>
            </Text>
            <Text dimColor>This screen continues by itself once you approve. Esc goes back.</Text>
          </>
        ) : null}
      </Box>
    );
  }

  if (login.phase === 'done' && state.account) {
    const a = state.account;
    return (
      <Box flexDirection="column">
        <Text color="green">✓ Logged in as {a.user}</Text>
        <Text>
          Token: {a.kindLabel}{' '}
          <Text dimColor>
            ({a.masked}, {a.sourceLabel})
          </Text>
        </Text>
        {a.permissions.map((line) => (
          <Box key={line} paddingLeft={2}>
            <Text dimColor>{line}</Text>
          </Box>
        ))}
        <Box marginTop={1}>
          <SelectList
            items={[
              {label: 'Continue', value: 'continue'},
              {label: 'Use another token', value: 'other'},
            ]}
            onSubmit={(v) => dispatch(v === 'continue' ? {type: 'login-continue'} : {type: 'back'})}
          />
        </Box>
      </Box>
    );
  }

  if (login.phase !== 'choose') return null;
  const offer = login.offer;
  const items: SelectItem<LoginMethod>[] = loginChoices(state);
  // --sandbox / --endpoint skip the welcome step: say what is about to happen here (also after Esc back to it).
  const skippedWelcome = Boolean(state.options.presetTarget) && !state.history.includes('welcome');
  return (
    <Box flexDirection="column">
      {skippedWelcome ? (
        <Box flexDirection="column" marginBottom={1}>
          <Text>{WELCOME_LINES_SKIPPED[0]}</Text>
          <Text dimColor>{WELCOME_LINES_SKIPPED[1]}</Text>
        </Box>
      ) : null}
      {offer?.invalidMessage ? (
        <Text color="yellow">
          ! A token was found in {offer.sourceLabel}, but: {offer.invalidMessage}
        </Text>
      ) : null}
      <Text>{loginQuestion(state)}</Text>
      <SelectList
        isActive={!state.busy}
        items={items}
        initial={defaultLoginMethod(state) ?? login.lastMethod}
        onSubmit={(method) => dispatch(loginMethodEvent(method))}
      />
    </Box>
  );
}
