// Pasted texts as people really paste them (messages from hf-auth-and-jobs.md §4 and hub-wire-format.md §2).
import {describe, expect, it} from 'vitest';
import {CATALOG, PROBLEM_IDS, type ProblemId} from '../../../src/core/troubleshoot/catalog.js';
import {classifyText} from '../../../src/core/troubleshoot/classify.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';

const TABLE: [label: string, text: string, expected: ProblemId][] = [
  [
    'requests-era 401',
    `Traceback (most recent call last):
  File "/usr/lib/python3.11/site-packages/huggingface_hub/utils/_http.py", line 406, in hf_raise_for_status
    response.raise_for_status()
requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2`,
    'unauthorized-401',
  ],
  [
    'httpx-era 401',
    `huggingface_hub.errors.HfHubHTTPError: Client error '401 Unauthorized' for url 'https://huggingface.co/api/whoami-v2' (Request ID: Root=1-67a1b2c3-0a1b2c3d4e5f)
For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/401
Invalid credentials in Authorization header`,
    'unauthorized-401',
  ],
  [
    'hf CLI invalid token',
    'Invalid user token. The token from HF_TOKEN environment variable is invalid. Note that HF_TOKEN takes precedence over `hf auth login`.',
    'unauthorized-401',
  ],
  [
    'HubApiError 401',
    'HubApiError: Api error with status 401. URL: https://huggingface.co/api/whoami-v2. Request ID: 01J9ZK3X5Y',
    'unauthorized-401',
  ],
  [
    'raw HTTP 401 status line',
    'HTTP/1.1 401 Unauthorized\ncontent-type: application/json\n\n{"error":"Invalid credentials in Authorization header"}',
    'unauthorized-401',
  ],
  [
    'job log: push fails with 401 after training',
    `===== Job started at 2026-08-01 10:00:00 =====
Epoch 3/3: 100%|██████████| 500/500
Traceback (most recent call last):
  File "/tmp/script.py", line 42, in <module>
    model.push_to_hub("me/my-model")
huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/repos/create (Request ID: Root=1-abc)
===== Job finished: status=ERROR =====`,
    'unauthorized-401',
  ],
  [
    '403 read token push (httpx)',
    `huggingface_hub.errors.HfHubHTTPError: 403 Forbidden: You don't have the rights to create a model under the namespace "me".
Cannot access content at: https://huggingface.co/api/repos/create.
Make sure your token has the correct permissions.`,
    'forbidden-403',
  ],
  [
    '403 requests-era',
    'requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://huggingface.co/api/repos/create',
    'forbidden-403',
  ],
  [
    'HubApiError 403',
    "Error: Api error with status 403. You don't have the rights to create a dataset under this namespace. URL: https://huggingface.co/api/repos/create. Request ID: Root=1-66",
    'forbidden-403',
  ],
  ['payment required for jobs', 'Error executing uv: API request failed: 402 Payment Required', 'payment-required'],
  [
    'KeyError HF_TOKEN in job',
    `Traceback (most recent call last):
  File "/tmp/script.py", line 7, in <module>
    token = os.environ["HF_TOKEN"]
  File "<frozen os>", line 714, in __getitem__
KeyError: 'HF_TOKEN'
===== Job finished: status=ERROR =====`,
    'token-missing',
  ],
  ['ValueError HF_TOKEN not found', 'ValueError: HF_TOKEN not found in environment!', 'token-missing'],
  [
    'LocalTokenNotFoundError',
    'huggingface_hub.errors.LocalTokenNotFoundError: Token is required (`token=True`), but no token found. You need to provide a token or be logged in to Hugging Face with `hf auth login` or `huggingface_hub.login`. See https://huggingface.co/settings/tokens.',
    'token-missing',
  ],
  [
    'whoami with no token',
    'OSError: Token is required to call the /whoami-v2 endpoint, but no token found. You must provide a token or be logged in to Hugging Face with `hf auth login`.',
    'token-missing',
  ],
  ['seed assert', 'AssertionError: HF_TOKEN required for Hub operations!', 'token-missing'],
  [
    'RepositoryNotFoundError (401 on a repo url)',
    `huggingface_hub.errors.RepositoryNotFoundError: 401 Client Error. (Request ID: Root=1-6650-abc)

Repository Not Found for url: https://huggingface.co/api/datasets/me/private-ds/revision/main.
Please make sure you specified the correct \`repo_id\` and \`repo_type\`.
If you are trying to access a private or gated repo, make sure you are authenticated and your token has the required permissions.
Invalid username or password.`,
    'repo-access-denied',
  ],
  [
    'hf CLI repo not found',
    "Error: Dataset 'me/typo-ds' not found.\nIf the repo is private, make sure you are authenticated and your token has the required permissions.",
    'repo-access-denied',
  ],
  [
    'HubApiError 404',
    'Api error with status 404. Repository not found. URL: https://huggingface.co/api/models/me/nope. Request ID: 01J9',
    'repo-access-denied',
  ],
  [
    'GatedRepoError (a 403 inside)',
    `huggingface_hub.errors.GatedRepoError: 403 Client Error. (Request ID: Root=1-abc)

Cannot access gated repo for url https://huggingface.co/meta-llama/Llama-3.1-8B/resolve/main/config.json.
Access to model meta-llama/Llama-3.1-8B is restricted and you are not in the authorized list. Visit https://huggingface.co/meta-llama/Llama-3.1-8B to ask for access.`,
    'gated-repo',
  ],
  [
    'gated, fine-grained box unchecked',
    'OSError: 403 Forbidden: Please enable access to public gated repos in your fine-grained token settings to view this repository.',
    'gated-repo',
  ],
  [
    'gated, anonymous 401 wrapped in OSError',
    `OSError: You are trying to access a gated repo.
Make sure to have access to it at https://huggingface.co/google/gemma-2b.
401 Client Error. (Request ID: Root=1-x)
Cannot access gated repo for url https://huggingface.co/google/gemma-2b/resolve/main/config.json.
Access to model google/gemma-2b is restricted. You must have access to it and be authenticated to access it. Please log in.`,
    'gated-repo',
  ],
  [
    'transformers gated OSError, first two lines only',
    `OSError: You are trying to access a gated repo.
Make sure to have access to it at https://huggingface.co/google/gemma-2b.`,
    'gated-repo',
  ],
  [
    'transformers gated OSError inside a job log',
    `===== Job started at 2026-08-01 10:00:00 =====
Traceback (most recent call last):
  File "/tmp/script.py", line 5, in <module>
    tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
OSError: You are trying to access a gated repo.
Make sure to have access to it at https://huggingface.co/meta-llama/Llama-3.1-8B.
===== Job finished: status=ERROR =====`,
    'gated-repo',
  ],
  [
    'Cannot access gated repo for url, alone',
    'Cannot access gated repo for url https://huggingface.co/google/gemma-2b/resolve/main/config.json.',
    'gated-repo',
  ],
  [
    'Access to model X is restricted, alone',
    'Access to model google/gemma-2b is restricted. You must have access to it and be authenticated to access it. Please log in.',
    'gated-repo',
  ],
  [
    'Access to dataset X is restricted (authorized list)',
    'Access to dataset bigcode/the-stack is restricted and you are not in the authorized list. Visit https://huggingface.co/datasets/bigcode/the-stack to ask for access.',
    'gated-repo',
  ],
  ['hf_ prefix TypeError (JS)', 'TypeError: Your access token must start with "hf_"', 'invalid-token-format'],
  [
    'newline in header',
    "requests.exceptions.InvalidHeader: Invalid leading whitespace, reserved character(s), or return character(s) in header value: 'Bearer hf_FAKEfakeFAKEfakeFAKEfake\\n'",
    'invalid-token-format',
  ],
  [
    '429 plain',
    "huggingface_hub.errors.HfHubHTTPError: 429 Too Many Requests: you have reached your 'api' rate limit.\nRetry after 300 seconds (0/1000 requests remaining in current 300s window).",
    'rate-limited',
  ],
  [
    '429 inside a connection-error wrapper',
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='huggingface.co', port=443): Max retries exceeded with url: /api/whoami-v2 (Caused by ResponseError('too many 429 error responses'))",
    'rate-limited',
  ],
  [
    'HubApiError 429',
    'Api error with status 429. URL: https://huggingface.co/api/whoami-v2. Request ID: abc',
    'rate-limited',
  ],
  [
    'requests ConnectionError',
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='huggingface.co', port=443): Max retries exceeded with url: /api/whoami-v2 (Caused by NameResolutionError(\"<urllib3.connection.HTTPSConnection object>: Failed to resolve 'huggingface.co' ([Errno -3] Temporary failure in name resolution)\"))",
    'network-error',
  ],
  [
    'node fetch failed',
    'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13\n  [cause]: Error: connect ECONNREFUSED 127.0.0.1:8123',
    'network-error',
  ],
  ['httpx ConnectError', 'httpx.ConnectError: [Errno 111] Connection refused', 'network-error'],
  [
    'offline mode',
    'huggingface_hub.errors.OfflineModeIsEnabled: Cannot reach https://huggingface.co/api/models/gpt2: offline mode is enabled. To disable it, please unset the `HF_HUB_OFFLINE` environment variable.',
    'network-error',
  ],
  // The failures of HF Jobs that are not token errors (real-world.md: ml-intern#125, huggingface_hub#3665, #3728, #3972).
  [
    '402 from hf jobs (httpx)',
    `huggingface_hub.errors.HfHubHTTPError: Client error '402 Payment Required' for url 'https://huggingface.co/api/jobs/alice' (Request ID: Root=1-68)
For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/402
Pre-paid credit balance is insufficient - add more credits to your account to use Jobs.`,
    'payment-required',
  ],
  [
    'job canceled for no credits',
    '{"stage": "CANCELED", "message": null, "cancelReason": "NO_CREDITS"}',
    'payment-required',
  ],
  [
    'job timeout (hf CLI)',
    "Error: Job 6650f0c2a1b2c3d4e5f60718 finished with stage 'ERROR': Job timeout",
    'job-timeout',
  ],
  [
    'org job looked up under the user',
    'huggingface_hub.errors.JobNotFoundError: Job Not Found for url: https://huggingface.co/api/jobs/alice/6650f0c2a1b2c3d4e5f60718/logs. Please make sure you specified the correct job ID and namespace.',
    'job-not-found',
  ],
  [
    '500 on job submission',
    "huggingface_hub.errors.HfHubHTTPError: Server error '500 Internal Server Error' for url 'https://huggingface.co/api/jobs/alice' (Request ID: Root=1-69)",
    'server-error',
  ],
  [
    '503 from the Hub',
    'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://huggingface.co/api/models/gpt2',
    'server-error',
  ],
  [
    'org token policy: pending approval',
    'huggingface_hub.errors.HfHubHTTPError: 403 Forbidden: Due to the organization token policy, your token needs to be approved by the organization before you can access this resource..\nCannot access content at: https://huggingface.co/api/jobs/acme-org.',
    'org-token-policy',
  ],
  [
    'org token policy: revoked by admin',
    '403 Forbidden: Your token has been revoked by the organization administrator, you can no longer access organization resources. Please contact them for more information.',
    'org-token-policy',
  ],
  [
    'no NVIDIA driver in a cpu job',
    `Traceback (most recent call last):
  File "/data/train.py", line 20, in <module>
    model.to("cuda")
RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx
===== Job finished: status=ERROR =====`,
    'job-script-failed',
  ],
  [
    'CUDA out of memory',
    'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 14.74 GiB of which 1.12 GiB is free.',
    'job-script-failed',
  ],
  [
    'unrelated job failure',
    `===== Job started at 2026-08-01 10:00:00 =====
Traceback (most recent call last):
  File "/tmp/script.py", line 3, in <module>
    import torch
ModuleNotFoundError: No module named 'torch'
===== Job finished: status=ERROR =====`,
    'job-script-failed',
  ],
];

describe('classifyText', () => {
  it('recognises every problem of the catalog from some real text, and falls back to unknown for an unrelated one', () => {
    // Behaviour, not the table's size: each problem id is what some real error text classifies as.
    const recognised = new Set(TABLE.map(([, text]) => classifyText(text).problem));
    expect(PROBLEM_IDS.filter((id) => id !== 'unknown' && !recognised.has(id))).toEqual([]);
    expect(classifyText('Everything went fine, 3 files written.').problem).toBe('unknown');
  });

  it.each(TABLE)('%s', (_label, text, expected) => {
    const c = classifyText(text);
    expect(c.problem).toBe(expected);
    expect(c.title).toBe(CATALOG[expected].title);
    if (expected !== 'unknown') expect(c.evidence.length).toBeGreaterThan(0);
  });

  it('never echoes a token in its evidence', () => {
    const c = classifyText(
      `401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2 token=${FAKE}`,
    );
    expect(JSON.stringify(c)).not.toContain(FAKE);
  });

  it('says when it is unsure and lists candidates', () => {
    const c = classifyText(
      '403 Client Error: Forbidden for url: https://huggingface.co/api/x\nrequests.exceptions.ConnectionError: Connection refused',
    );
    expect(c.candidates?.map((x) => x.problem)).toEqual(expect.arrayContaining(['forbidden-403', 'network-error']));
  });

  it('marks failed job logs; output has the contract fields', () => {
    const c = classifyText(TABLE.find((t) => t[0].startsWith('KeyError'))![1]);
    expect(c.jobFailed).toBe(true);
    expect(Object.keys(c)).toEqual(
      expect.arrayContaining(['problem', 'title', 'evidence', 'causes', 'solutions', 'checks']),
    );
  });
});

describe('catalog', () => {
  it('has every problem id with causes, solutions, a verification step, and corrected advice', () => {
    for (const id of PROBLEM_IDS) {
      const p = CATALOG[id];
      expect(p.id).toBe(id);
      expect(p.causes.length).toBeGreaterThan(0);
      expect(p.solutions.length).toBeGreaterThan(0);
      expect(p.verify).not.toBe('');
    }
    const all = JSON.stringify(CATALOG);
    expect(all.replace(/the removed `huggingface-cli login`/g, '')).not.toContain('huggingface-cli');
    expect(all).toContain('hf auth login');
    expect(all).toContain('--secrets HF_TOKEN');
    expect(all).toContain('get_token()');
    expect(all).toContain('only the MCP tool');
  });
});

describe('a line longer than the rules read', () => {
  const line403 = '403 Forbidden: You don\'t have the rights to create a model under the namespace "acme-org" ';
  it('is read up to MAX_LINE: a 403 line followed by 5,000 characters of one value is still the 403', () => {
    expect(classifyText(line403 + 'x'.repeat(5000)).problem).toBe('forbidden-403');
    expect(classifyText(line403 + 'x'.repeat(2000)).problem).toBe('forbidden-403');
  });
  it('a signal only past MAX_LINE on one line is not read (no rule runs over megabytes of one line)', () => {
    expect(classifyText('y'.repeat(5000) + line403).problem).not.toBe('forbidden-403');
  });
});
