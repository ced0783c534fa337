// `GET /_sandbox/info` on a Hub at an address on this machine: whether it is this app's sandbox (src/sandbox/owner.ts
// infoRoute) and the folder its practice tokens are in. No token is sent. Anything else (another local Hub, no answer,
// an answer that is not the sandbox's) is `undefined`, within 2 s.
import {fetchWithBoundedBody} from './bounded-body.js';

export const SANDBOX_APP = 'hf-jobs-wizard sandbox';

export async function sandboxInfo(
  endpoint: string,
  options: {fetch?: typeof fetch; timeoutMs?: number} = {},
): Promise<{dataDir: string} | undefined> {
  try {
    const bounded = fetchWithBoundedBody(options.fetch ?? fetch, 64 * 1024);
    const res = await bounded(`${endpoint.replace(/\/+$/, '')}/_sandbox/info`, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 2000),
    });
    if (!res.ok) return undefined;
    const body = (await res.json()) as {app?: unknown; dataDir?: unknown};
    if (body.app !== SANDBOX_APP || typeof body.dataDir !== 'string' || !body.dataDir) return undefined;
    return {dataDir: body.dataDir};
  } catch {
    return undefined;
  }
}
