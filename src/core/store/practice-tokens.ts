// The practice tokens of a sandbox data folder (`accounts.json`, 0600, written by the sandbox), read by a process that
// did not start that sandbox: `learn --endpoint URL --sandbox-data DIR`, and `login`/the wizard on a sandbox reached by
// its URL (a workshop's). The folder's permissions decide who gets them.
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {PRACTICE_TOKENS, type PracticeToken} from '../practice.js';
import {explainJsonError} from '../text/json-error.js';

interface StoredAccounts {
  users?: {name?: string}[];
  tokens?: {label?: string; value?: string}[];
}

/** Why the tokens could not be read: `missing`, `unreadable` (with the errno code), `damaged`, or not a sandbox's. */
export class PracticeTokensError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly reason: 'missing' | 'unreadable' | 'damaged' | 'incomplete',
    readonly code?: string,
  ) {
    super(message);
    this.name = 'PracticeTokensError';
  }
}

/** The folder's practice tokens and first user (practice-user); throws PracticeTokensError with a sentence. */
export async function readPracticeTokens(
  dataDir: string,
): Promise<{tokens: Record<PracticeToken, string>; user: string; users: string[]}> {
  const file = join(dataDir, 'accounts.json');
  let accounts: StoredAccounts;
  let text = '';
  try {
    text = await readFile(file, 'utf8');
    accounts = JSON.parse(text) as StoredAccounts;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PracticeTokensError(`${file}: it does not exist`, file, 'missing', code);
    if (code) throw new PracticeTokensError(`${file}: it cannot be read (${code})`, file, 'unreadable', code);
    const what = explainJsonError(text, error, 'accounts.json').what;
    throw new PracticeTokensError(`${file}: it is damaged (${what})`, file, 'damaged');
  }
  const tokens = {} as Record<PracticeToken, string>;
  for (const label of PRACTICE_TOKENS) {
    const value = accounts.tokens?.find((t) => t.label === label)?.value;
    if (!value)
      throw new PracticeTokensError(
        `${file} has no "${label}" practice token: is it a sandbox data folder?`,
        file,
        'incomplete',
      );
    tokens[label] = value;
  }
  const users = (accounts.users ?? []).map((u) => u.name).filter((n): n is string => typeof n === 'string');
  return {tokens, user: users[0] ?? 'practice-user', users};
}

/**
 * The form key of the sandbox serving `dataDir` (its owner.json, 0600, holds it), for the token page's Create button
 * and the browser login's approval link: read only by a user who may read the folder, and used by the caller only
 * once the server at the URL proved it is that folder's live owner (core/auth/shared-sandbox.ts). Undefined if absent.
 */
export async function readOwnerFormKey(dataDir: string): Promise<string | undefined> {
  try {
    const owner = JSON.parse(await readFile(join(dataDir, 'owner.json'), 'utf8')) as {formKey?: unknown};
    return typeof owner.formKey === 'string' && /^[0-9a-f]{32,128}$/.test(owner.formKey) ? owner.formKey : undefined;
  } catch {
    return undefined;
  }
}
