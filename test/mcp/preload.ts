// Test-only "preload" for the MCP server's hf_jobs tool (@llmindset/hf-mcp, shipped inside @llmindset/hf-mcp-server):
// the tool hard-codes https://huggingface.co and refuses loopback addresses (it resolves the host and rejects
// private IPs), so requests to huggingface.co are sent to the sandbox instead, and the DNS answer for huggingface.co
// is a public address so its check passes. Nothing else is changed; undo() restores fetch and DNS.
import {createRequire, syncBuiltinESMExports} from 'node:module';

const HUB_HOSTS = new Set(['huggingface.co', 'hf.co']);
const PUBLIC_ADDRESS = '52.85.0.1';

export function redirectHubTo(sandboxUrl: string): {requests: string[]; undo: () => void} {
  const require = createRequire(import.meta.url);
  const dns = require('node:dns/promises') as {lookup: (host: string, options?: unknown) => Promise<unknown>};
  const lookup = dns.lookup;
  dns.lookup = (host: string, options?: unknown) => {
    if (!HUB_HOSTS.has(host)) return lookup(host, options);
    const one = {address: PUBLIC_ADDRESS, family: 4};
    return Promise.resolve((options as {all?: boolean} | undefined)?.all ? [one] : one);
  };
  syncBuiltinESMExports();
  const realFetch = globalThis.fetch;
  const requests: string[] = [];
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (!HUB_HOSTS.has(url.hostname) || url.protocol !== 'https:') return realFetch(input, init);
    const target = `${sandboxUrl}${url.pathname}${url.search}`;
    requests.push(`${init?.method ?? (input instanceof Request ? input.method : 'GET')} ${url.pathname}`);
    return input instanceof Request ? realFetch(new Request(target, input), init) : realFetch(target, init);
  }) as typeof fetch;
  return {
    requests,
    undo() {
      globalThis.fetch = realFetch;
      dns.lookup = lookup;
      syncBuiltinESMExports();
    },
  };
}
