// The wizard's checklist, reported one check at a time. Uses the checklist ids of architecture.md.
// (Minimal until src/core/checks lands; then this delegates to runChecks.)
import {join} from 'node:path';
import type {HubClient} from '../hub/client.js';
import {describeHubError} from '../hub/errors.js';
import {envTokenSource} from '../store/resolve.js';
import type {Env} from '../store/paths.js';
import {evaluateGoal} from '../tokens/classify.js';
import type {WizardExample} from './examples.js';
import {readIfExists} from './files.js';
import type {Session} from './services.js';
import type {CheckItem} from './types.js';

const TOKEN_SHAPE = /\b(?:hf_|api_org_)[A-Za-z0-9]{16,}/;

export async function runWizardChecks(input: {session: Session; example: WizardExample; env: Env; client: HubClient; onCheck: (item: CheckItem) => void}): Promise<CheckItem[]> {
  const {session, example} = input;
  const items: CheckItem[] = [];
  const report = (item: CheckItem) => {
    items.push(item);
    input.onCheck(item);
  };
  const account = session.account;

  report(
    account
      ? {id: 'logged-in', status: 'pass', title: 'Logged in', message: `Using the token ${account.masked} from ${account.sourceLabel}.`}
      : {id: 'logged-in', status: 'fail', title: 'Logged in', message: 'No token is selected.', fix: 'Go back to "Log in" and paste or pick a token.', problem: 'token-missing'},
  );

  if (account) {
    try {
      await input.client.whoAmI();
      report({id: 'token-valid', status: 'pass', title: 'Token valid', message: `The Hub accepts it: you are ${account.user}.`});
    } catch (error) {
      const d = describeHubError(error, {endpoint: session.target.endpoint, secrets: [account.token]});
      report({id: 'token-valid', status: 'fail', title: 'Token valid', message: d.message, fix: 'Log in again with a new token.', problem: d.kind === 'network' ? 'network-error' : 'unauthorized-401'});
    }
    const verdict = evaluateGoal(account.info, example.goal(account.user));
    report({
      id: 'token-permission',
      status: verdict.ok ? (verdict.uncertain ? 'warn' : 'pass') : 'fail',
      title: `Token may: ${example.title.toLowerCase()}`,
      message: `${account.kindLabel}: ${verdict.explanation}`,
      ...(verdict.ok ? {} : {fix: `Create a write token (or a fine-grained one with ${verdict.missing ?? 'the missing permission'}) and log in with it.`, problem: 'forbidden-403' as const}),
    });
    const fromEnv = envTokenSource(input.env);
    if (fromEnv && fromEnv.token !== account.token) {
      report({id: 'env-token-override', status: 'warn', title: 'No env var overrides your login', message: `${fromEnv.source} is set to a different token: hf and huggingface_hub will use it instead of this login.`, fix: `unset ${fromEnv.source}`});
    } else {
      report({id: 'env-token-override', status: 'pass', title: 'No env var overrides your login', message: fromEnv ? `${fromEnv.source} holds this same token.` : 'HF_TOKEN is not set, so the saved login is used.'});
    }
  }

  const configPath = join(session.cwd, 'my-first-hf-job', 'hf-job.json');
  const text = await readIfExists(configPath);
  if (text === undefined) {
    report({id: 'missing-secrets', status: 'skip', title: 'Config passes HF_TOKEN as a secret', message: 'No hf-job.json written yet: the job will use the example config shown on the next screen.', file: configPath});
  } else {
    for (const item of staticConfigChecks(text, configPath)) report(item);
  }
  return items;
}

function staticConfigChecks(text: string, file: string): CheckItem[] {
  if (TOKEN_SHAPE.test(text)) {
    return [{id: 'hardcoded-token', status: 'fail', title: 'No token written in the config', message: 'hf-job.json contains a literal token: anyone who sees the file can use it.', fix: 'Replace it with "$HF_TOKEN" under "secrets", and revoke the token.', file, problem: 'token-missing'}];
  }
  let config: {secrets?: Record<string, string>; env?: Record<string, string>};
  try {
    config = JSON.parse(text) as typeof config;
  } catch (error) {
    return [{id: 'missing-secrets', status: 'fail', title: 'Config is valid JSON', message: `hf-job.json is not valid JSON: ${(error as Error).message}`, fix: 'Rewrite the config from the wizard.', file}];
  }
  const secrets = config.secrets ?? {};
  const env = config.env ?? {};
  if ('HF_TOKEN' in env) {
    return [{id: 'token-in-env', status: 'warn', title: 'HF_TOKEN passed as a secret', message: 'HF_TOKEN is under "env": its value is visible on the job page. Use "secrets" instead.', fix: 'Move HF_TOKEN from "env" to "secrets".', file, problem: 'token-missing'}];
  }
  if (!('HF_TOKEN' in secrets)) {
    const wrong = Object.keys(secrets).find((k) => /token/i.test(k));
    if (wrong) return [{id: 'wrong-secret-key', status: 'fail', title: 'Secret is named HF_TOKEN', message: `The secret is named "${wrong}": huggingface_hub only reads HF_TOKEN.`, fix: `Rename "${wrong}" to "HF_TOKEN".`, file, problem: 'token-missing'}];
    return [{id: 'missing-secrets', status: 'fail', title: 'Config passes HF_TOKEN as a secret', message: 'The job gets no HF_TOKEN, so it cannot talk to the Hub.', fix: 'Add "secrets": {"HF_TOKEN": "$HF_TOKEN"}.', file, problem: 'token-missing'}];
  }
  return [{id: 'missing-secrets', status: 'pass', title: 'Config passes HF_TOKEN as a secret', message: 'secrets.HF_TOKEN is "$HF_TOKEN": your login is filled in at submit time, never written down.', file}];
}
