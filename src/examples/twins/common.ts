// What every Node twin shares: the same first steps as the Python preamble (label, HF_TOKEN present, whoami)
// and the same one-line explanations of Hub errors.
import {maskToken} from '../../core/tokens/mask.js';
import {fmt, roleWords, type MessageId} from '../messages.js';
import {HubApiError, twinHub, type TwinHub} from './hub.js';

export interface TwinIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
}

/** Thrown to end the twin with exit code 1 after printing `message` (like the Python `fail`). */
export class TwinFailure extends Error {}

export interface TwinSession {
  hub: TwinHub;
  user: string;
  endpoint: string;
  say(id: MessageId, values?: Record<string, string | number>): void;
  fail(message: string): never;
  explain(error: unknown, doing: string): string;
}

const DEFAULT_ENDPOINT = 'https://huggingface.co';

/** Label, HF_TOKEN checks and whoami; throws TwinFailure with the message already printed. */
export async function openSession(io: TwinIo, script: string): Promise<TwinSession> {
  const say = (id: MessageId, values?: Record<string, string | number>) => io.out(fmt(id, values));
  const fail = (message: string): never => {
    io.err(message);
    throw new TwinFailure(message);
  };
  say('LABEL_TWIN', {script});

  const token = io.env.HF_TOKEN;
  if (!token) fail(fmt('MISSING'));
  const value = token!;
  const masked = maskToken(value);
  const endpoint = (io.env.HF_ENDPOINT || DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const explain = (error: unknown, doing: string): string => {
    if (error instanceof HubApiError) {
      if (error.statusCode === 401) return fmt('UNAUTHORIZED', {doing, masked});
      if (error.statusCode === 403) return fmt('FORBIDDEN', {doing});
      if (error.statusCode === 404) return fmt('NOT_FOUND', {doing});
    }
    let text = error instanceof Error ? error.message : String(error);
    const cause = error instanceof Error ? (error.cause as {code?: string; message?: string} | undefined) : undefined;
    if (text === 'fetch failed' && cause)
      text = `cannot reach ${endpoint} (${cause.code ?? cause.message ?? 'network error'})`;
    return fmt('OTHER', {doing, message: text.trim().split('\n')[0] || 'unknown error'});
  };
  if (value.trim() === '$HF_TOKEN' || value.trim() === '${HF_TOKEN}') say('PLACEHOLDER');
  say('TOKEN_SET', {masked});

  const hub = twinHub(endpoint, value);
  let me: {name: string; role: string};
  try {
    me = await hub.whoAmI();
  } catch (error) {
    return fail(explain(error, 'identify the token (whoami)'));
  }
  say('WHO', {name: me.name, role: roleWords(me.role)});
  return {hub, user: me.name, endpoint, say, fail, explain};
}
