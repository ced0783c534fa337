// Fix texts that send the person somewhere on the Hub, worded for the endpoint in use: huggingface.co (or another
// Hub's own settings pages), or a local sandbox, whose practice tokens cannot be created, edited or revoked: the app's
// own, reached with `--sandbox`, or one reached by its URL (a workshop's), whose commands carry `--endpoint URL`
// (core/practice.ts isOwnSandbox tells them apart).
// The one place checks and troubleshooting word "get a better token", "edit it", "revoke it", "add credits".
import {DEFAULT_ENDPOINT} from '../endpoint.js';
import {APP_COMMAND} from '../invocation.js';
import {isOwnSandbox, isSandboxEndpoint, PRACTICE_TOKENS} from '../practice.js';
import {shellQuoteShown} from '../jobspec/shell.js';

/** A file name in a command to paste: quoted, and its control characters written as escapes. */
const shown = (file: string | undefined) => (file === undefined ? 'FILE' : shellQuoteShown(file));

export interface HubFixes {
  endpoint: string;
  sandbox: boolean;
  /** The endpoint's token page, for "copy it from …" (the sandbox's lists its practice tokens and how to use them). */
  tokensPage: string;
  /** Get a token that can do more, e.g. `newToken('a write token')`. */
  newToken(what: string): string;
  /** Add a permission to the fine-grained token in use, e.g. `editToken('job.write on my-org')`. */
  editToken(change: string): string;
  /** Copy the token again (cut off, glued, wrong form). */
  copyAgain(): string;
  /** A token that leaked into a file or a command line. */
  /** Revoke a token written in `file` (the `revoke` command finds it there, masked, and asks first). */
  revoke(file?: string): string;
  /** Jobs need credits. */
  credits(): string;
  /** The endpoint does not answer. */
  reach(): string;
  /** One of this app's commands worded for the endpoint: `app('check')` -> `npx hf-jobs-wizard check --sandbox` on the sandbox. */
  app(args: string): string;
}

const PRACTICE_NOTE = `(practice tokens: ${PRACTICE_TOKENS.join(', ')}; they cannot be edited)`;

/**
 * In the wizard's checklist on the sandbox, a token fix is done in place: t opens the troubleshooting screen on the
 * line, whose first fix logs in again where the practice tokens are one pick away; no command to run elsewhere.
 */
const WIZARD_RELOGIN =
  'move to this ✗ line and press t: its first fix logs in again, where the write practice token works';

/**
 * The sandbox's fixes: practice tokens, no billing. `own`: the app's own sandbox, reached with `--sandbox`; else a
 * sandbox reached by its URL (a workshop's), whose commands carry `--endpoint URL` and which only whoever started it
 * can start again.
 */
function sandboxFixes(base: string, own: boolean): HubFixes {
  const flag = own ? '--sandbox' : `--endpoint ${shellQuoteShown(base)}`;
  const practiceLogin = `${APP_COMMAND} login ${flag} --practice write`;
  const port = new URL(base).port;
  return {
    endpoint: base,
    sandbox: true,
    tokensPage: `${base}/settings/tokens`,
    newToken: () => `On the sandbox, log in with the write practice token: \`${practiceLogin}\` ${PRACTICE_NOTE}.`,
    editToken: (change) =>
      `Practice tokens cannot be edited (the fine-grained one lacks ${change} on purpose): log in with the write practice token, \`${practiceLogin}\`.`,
    copyAgain: () => `On the sandbox, log in with a practice token instead of pasting one: \`${practiceLogin}\`.`,
    revoke: (file) =>
      `A practice token can be revoked to practise: \`${APP_COMMAND} revoke ${shown(file)} ${flag}\`; a real Hugging Face token: \`${APP_COMMAND} revoke ${shown(file)}\` (or at ${DEFAULT_ENDPOINT}/settings/tokens).`,
    credits: () =>
      `The sandbox has no billing: run the job under practice-user, who can pay (no \`--namespace\` for an org, no "namespace" in hf-job.json); the token is fine. Logged in as someone else? \`${practiceLogin}\`.`,
    reach: () =>
      own
        ? `Start the sandbox again (\`${APP_COMMAND} sandbox\`) and use the URL it prints (this one is ${base}).`
        : `The sandbox at ${base} does not answer: whoever started it starts it again with the same folder and port (\`${APP_COMMAND} sandbox --data DIR${port ? ` --port ${port}` : ''}\`); on your own, \`${APP_COMMAND} --sandbox\` practises on a sandbox of yours.`,
    app: (args) => `${APP_COMMAND} ${args} ${flag}`,
  };
}

export function hubFixes(endpoint: string = DEFAULT_ENDPOINT, options: {wizard?: boolean} = {}): HubFixes {
  const base = endpoint.replace(/\/+$/, '');
  if (isSandboxEndpoint(base) && options.wizard) {
    const sandbox = hubFixes(base);
    return {
      ...sandbox,
      newToken: () => `On the sandbox, ${WIZARD_RELOGIN}.`,
      editToken: (change) =>
        `Practice tokens cannot be edited (the fine-grained one lacks ${change} on purpose): ${WIZARD_RELOGIN}.`,
      copyAgain: () => `On the sandbox, ${WIZARD_RELOGIN} (nothing to paste).`,
      credits: () =>
        'The sandbox has no billing: run the job under your own user, practice-user, who can pay (remove "namespace" from hf-job.json); the token is fine.',
    };
  }
  if (isSandboxEndpoint(base)) return sandboxFixes(base, isOwnSandbox(base));
  const tokens = `${base}/settings/tokens`;
  return {
    endpoint: base,
    sandbox: false,
    tokensPage: tokens,
    newToken: (what) =>
      `Create ${what} at ${tokens}, then log in with it (\`${APP_COMMAND} login\` or \`hf auth login\`).`,
    editToken: (change) => `Edit the token at ${tokens} and add ${change}.`,
    copyAgain: () => `Copy the token again from ${tokens} and log in with it (\`hf auth login\`).`,
    revoke: (file) =>
      `If it was ever shared or pushed, revoke it: \`${APP_COMMAND} revoke ${shown(file)}${base === DEFAULT_ENDPOINT ? '' : ` --endpoint ${shellQuoteShown(base)}`}\` (asks before it sends anything), or at ${tokens}; then make a new one.`,
    credits: () =>
      `Add credits at ${base}/settings/billing (PRO/Team monthly credits count), or run in a namespace that has credits.`,
    reach: () =>
      `Check your connection, proxy settings (HTTPS_PROXY) and the endpoint (--endpoint / HF_ENDPOINT); try \`curl -I ${base}\`.`,
    app: (args) => (base === DEFAULT_ENDPOINT ? `${APP_COMMAND} ${args}` : `${APP_COMMAND} ${args} --endpoint ${base}`),
  };
}
