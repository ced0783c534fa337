// Hub routes that @huggingface/hub 2.17.5 has no function for, sent with the same fetch, timeout and error type
// (HubApiError with the server's JSON as `data`) so describeHubError treats them like every other call:
//   POST /api/jobs/{namespace}/auth-check/write   may this token run jobs here? 200 {namespace, user} when allowed
//   POST /api/credentials/revoke                  {"credentials": [token]}: 202 whatever the token (leak response)
import type {HubApiError as HubApiErrorType} from '@huggingface/hub';
import {hubLib} from './client.js';
import {RESPONSE_TIMEOUT_MS} from './network.js';

export interface ExtraRouteOptions {
  hubUrl: string;
  accessToken?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

async function send(
  options: ExtraRouteOptions,
  path: string,
  body: unknown,
  auth: boolean,
): Promise<{status: number; json: unknown}> {
  const url = `${options.hubUrl.replace(/\/+$/, '')}${path}`;
  const headers: Record<string, string> = {'Content-Type': 'application/json'};
  if (auth && options.accessToken) headers.Authorization = `Bearer ${options.accessToken}`;
  const res = await (options.fetch ?? fetch)(url, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? RESPONSE_TIMEOUT_MS),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const {HubApiError} = await hubLib();
    const error = new HubApiError(
      url,
      res.status,
      res.headers.get('X-Request-Id') ?? undefined,
      res.headers.get('X-Error-Message') ?? `${res.status} ${res.statusText}`,
    );
    if (json && typeof json === 'object') error.data = json as HubApiErrorType['data'];
    throw error;
  }
  return {status: res.status, json};
}

/** Resolves with the Hub's {namespace, user} when the token may run jobs in `namespace`; throws HubApiError (401/403/404) when not. */
export async function jobsAuthCheck(
  options: ExtraRouteOptions,
  namespace: string,
  access: 'read' | 'write' = 'write',
): Promise<unknown> {
  return (await send(options, `/api/jobs/${encodeURIComponent(namespace)}/auth-check/${access}`, {}, true)).json;
}

/** Asks the Hub to revoke these tokens. The answer (202) is the same for live, dead and made-up tokens. */
export async function revokeCredentials(options: ExtraRouteOptions, credentials: string[]): Promise<number> {
  return (await send(options, '/api/credentials/revoke', {credentials}, false)).status;
}
