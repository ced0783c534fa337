// Families of wordings added in session 8 (issue 14): the clients' own error strings (huggingface_hub's _http.py and
// errors, transformers' hub.py, datasets' load.py, hf jobs) and the ways applications and people word a status, each
// tested on texts written for this test in the style of the clients (other ids, other hosts, other tools) and on the
// near misses it must leave to another rule. The rules alone: the second tier is tested in guess.test.ts.
import {describe, expect, it} from 'vitest';
import {classifyText} from '../../../src/core/troubleshoot/classify.js';

const problem = (text: string) => classifyText(text, {guess: false}).problem;

describe('a status as applications word it: "Error 403", "returns a 500", "failed (429)"', () => {
  it.each([
    ['HTTP Error 403 thrown while requesting POST https://huggingface.co/api/repos/create', 'forbidden-403'],
    ['upload failed: the server returned 403 for acme/ds', 'forbidden-403'],
    [
      'HTTP Error 404 thrown while requesting HEAD https://huggingface.co/acme/m/resolve/main/x.bin',
      'repo-access-denied',
    ],
    ['get_repo_files: error: GET failed (404)', 'repo-access-denied'],
    ['get_repo_files: error: GET failed (429): <!DOCTYPE html>', 'rate-limited'],
    ['the endpoint returns 402 since this morning', 'payment-required'],
    ['Seems like the api server returns a 500 for new datasets', 'server-error'],
    ['fetch failed (503) while listing the files', 'server-error'],
    ['login failed (401) with the token from the settings page', 'unauthorized-401'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('a 403 on a read of a gated repo stays the gate, a 404 on a job stays the job', () => {
    expect(
      problem(
        'HTTP Error 403 thrown while requesting HEAD https://huggingface.co/meta-llama/Llama-3.1-8B/resolve/main/config.json',
      ),
    ).toBe('gated-repo');
    expect(
      problem('HTTP Error 404 thrown while requesting GET https://huggingface.co/api/jobs/alice/69ab12/logs'),
    ).toBe('job-not-found');
  });

  it('leaves numbers that are not a status alone', () => {
    expect(problem('processed 403 files, 500 to go')).toBe('unknown');
    expect(problem('error rate 4.29 percent on the eval set')).toBe('unknown');
    expect(problem('Loaded the split, got 500 examples and 403 duplicates')).toBe('unknown');
    expect(problem('the search returned 404 results in 500 ms')).toBe('unknown');
    expect(problem('HTTP 503 errors for ten minutes, then it recovered')).toBe('server-error');
  });
});

describe("huggingface_hub's other not-found answers and its incomplete snapshot", () => {
  it.each([
    'huggingface_hub.errors.BucketNotFoundError: 404 Client Error.\n\nBucket Not Found for url: https://huggingface.co/api/buckets/acme/b.',
    '403 Client Error.\n\nCannot access repository for url https://huggingface.co/api/models/acme/old.\nAccess to this resource is disabled.',
    'OSError: v2.1 is not a valid git identifier (branch name, tag name or commit id) that exists for this model name.',
    "OSError: acme/m is not a local folder or a valid repository name on 'https://hf.co'.",
    "OSError: acme/tiny does not appear to have a file named preprocessor_config.json. Checkout 'https://huggingface.co/acme/tiny/tree/main' for available files.",
  ])('%s', (text) => {
    expect(problem(text)).toBe('repo-access-denied');
  });

  it('an incomplete cached snapshot and the datasets library\'s "Couldn\'t reach" are the network', () => {
    expect(
      problem(
        "huggingface_hub.errors.IncompleteSnapshotError: The cached snapshot for 'acme/m' (revision 'main', commit abc) is incomplete: 2 file(s) are missing.",
      ),
    ).toBe('network-error');
    expect(problem("ConnectionError: Couldn't reach 'acme/ds' on the Hub (LocalEntryNotFoundError)")).toBe(
      'network-error',
    );
    expect(
      problem(
        "OSError: We couldn't connect to 'https://hf-mirror.com' to load the files, and couldn't find them in the cached files.",
      ),
    ).toBe('network-error');
  });
});

describe("the script's own files and imports, in transformers' and datasets' words", () => {
  it.each([
    "OSError: /content/ckpt does not appear to have a file named config.json. Checkout 'https://huggingface.co//content/ckpt/tree/main' for available files.",
    "OSError: Error no file named ['pytorch_model.bin', 'model.safetensors'] found in directory ./out/final",
    'OSError: PermissionError at /data/hub/.locks/x.lock when downloading acme/m. Check cache directory permissions.',
    'RuntimeError: Failed to import transformers.models.llama because of the following error (look up to see its traceback):',
    "cannot import name 'cached_download' from 'huggingface_hub' (/usr/lib/python3/site-packages/huggingface_hub/__init__.py)",
    'RuntimeError: Dataset scripts are no longer supported, but found squad_v3.py',
  ])('%s', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });
});

describe('a gated dataset, and accepting the terms, are the gate', () => {
  it.each([
    "datasets.exceptions.DatasetNotFoundError: Dataset 'acme/private-eval' is a gated dataset on the Hub. You must be authenticated to access it.",
    'The model now asks users to authenticate and accept terms before the weights can be downloaded.',
    'You need to accept the license on the model page first.',
  ])('%s', (text) => {
    expect(problem(text)).toBe('gated-repo');
  });

  it('a dataset that does not exist stays the repo', () => {
    expect(problem("DatasetNotFoundError: Dataset 'acme/nope' doesn't exist on the Hub or cannot be accessed.")).toBe(
      'repo-access-denied',
    );
  });
});

describe('a token read with its line end is a token in the wrong form', () => {
  it.each([
    'the token is loaded with EOL from ~/.cache/huggingface/token',
    'a newline character is added to the token when it is read from the file',
    'my secret has a trailing newline after the token',
  ])('%s', (text) => {
    expect(problem(text)).toBe('invalid-token-format');
  });

  it('leaves a newline that is not about a token alone', () => {
    expect(problem('the CSV has a trailing newline at the end')).toBe('unknown');
  });
});

describe("a job stopped after minutes or hours is the job's timeout; a socket timeout stays the network", () => {
  it.each([
    'I scheduled a job with a 2h timeout, which timed out after 30 minutes.',
    'the training run timed out after 4 hours on the a10g',
    'the job timed out before the eval finished',
  ])('%s', (text) => {
    expect(problem(text)).toBe('job-timeout');
  });

  it('a read that timed out after seconds is the network', () => {
    expect(
      problem(
        "ReadTimeoutError: HTTPSConnectionPool(host='huggingface.co', port=443): Read timed out. (read timeout=10)",
      ),
    ).toBe('network-error');
    expect(problem('connection timed out after 10 seconds')).toBe('network-error');
  });
});

describe('a process killed by SIGKILL is the script running out of memory', () => {
  it.each([
    "[ERROR] [launch.py:320:sigkill_handler] ['/usr/bin/python', '-u', 'train.py'] exits with return code = -9",
    'torch.distributed.elastic.multiprocessing.api: failed (exitcode: -9) local_rank: 0 (pid: 812) of binary: /usr/bin/python3',
    'Process finished with exit code -9 (interrupted by signal 9: SIGKILL)',
  ])('%s', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });

  it('leaves a return code of 9 (no minus) and a git command alone', () => {
    expect(problem('the tool exits with return code = 9 when the input is empty')).toBe('unknown');
    expect(problem("CalledProcessError: Command '['git', 'push']' returned non-zero exit status 1.")).toBe('unknown');
  });
});

describe("quotas, missing keys, the Hub's 500 body, people's words for a connection timing out", () => {
  it('ZeroGPU\'s "exceeded your GPU quota" is a rate limit', () => {
    expect(
      problem('gradio_client.exceptions.AppError: You have exceeded your GPU quota (90s requested vs. 12s left).'),
    ).toBe('rate-limited');
  });

  it('an API key or token that is missing is a missing token', () => {
    expect(problem('Authentication failed: your API key is missing or invalid.')).toBe('token-missing');
    expect(problem('Error: access token missing, set HUGGINGFACEHUB_API_TOKEN')).toBe('token-missing');
  });

  it("the Hub's own 500 body is the server", () => {
    expect(problem('{"error":"Internal Error - We\'re working hard to fix this as soon as possible!"}')).toBe(
      'server-error',
    );
  });

  it('"connection timeout" and "maximum retry limit" are the network', () => {
    expect(problem('downloading config.json ended in a connection timeout and exceeded the maximum retry limit')).toBe(
      'network-error',
    );
  });

  it("hf jobs' conflicting namespace is the job looked up in the wrong place", () => {
    expect(
      problem("Error: Conflicting namespace: got --namespace='alice' but job ID implies namespace='acme-org'"),
    ).toBe('job-not-found');
  });
});

describe("more families: people's words for a refused token, git, access requests, billing, TLS, gateways, pip", () => {
  it.each([
    ['Error: the token is invalid, please check it', 'unauthorized-401'],
    ['openai.AuthenticationError: invalid api key provided to the HF router', 'unauthorized-401'],
    ["fatal: Authentication failed for 'https://huggingface.co/spaces/alice/demo/'", 'unauthorized-401'],
    [
      'remote: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead.',
      'unauthorized-401',
    ],
    [
      'Cannot access gated repo for url https://huggingface.co/acme/m/resolve/main/config.json.\nYour request to access model acme/m is awaiting a review from the repo authors.',
      'gated-repo',
    ],
    ['Your request to access this dataset has been rejected by the authors.', 'gated-repo'],
    ['ValueError: Please set HF_TOKEN before running the evaluation', 'token-missing'],
    ['HF_TOKEN is empty in the runner environment', 'token-missing'],
    ['HfHubHTTPError: upload refused, the read-only token cannot push', 'forbidden-403'],
    ['Error: your account has no write access to acme-org', 'forbidden-403'],
    ['{"error":"Too Many Requests"}', 'rate-limited'],
    ['Request limit exceeded for this endpoint, retry later', 'rate-limited'],
    [
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='huggingface.co', port=443): certificate verify failed: self-signed certificate in certificate chain",
      'network-error',
    ],
    ['Error: unable to get local issuer certificate', 'network-error'],
    ['upstream connect error or disconnect/reset before headers. reset reason: connection failure', 'server-error'],
    ['<html><body><h1>504 Gateway Time-out</h1></body></html>', 'server-error'],
    ['Gateway Timeout while creating the commit', 'server-error'],
    [
      'This feature requires a PRO subscription: add a payment method at huggingface.co/settings/billing',
      'payment-required',
    ],
    [
      'ERROR: Could not find a version that satisfies the requirement torch==9.9 (from versions: none)',
      'job-script-failed',
    ],
    ['ERROR: No matching distribution found for flash-attn==9.0', 'job-script-failed'],
    ['  × Failed to build `flash-attn==2.7.4`', 'job-script-failed'],
    ["OSError: [Errno 28] No space left on device: '/tmp/ckpt'", 'job-script-failed'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves their near misses to the other rules', () => {
    // The 429's own remedy names PRO: still the rate limit, not billing.
    expect(
      problem(
        'We had to rate limit you, you hit the quota of 1000 api requests per 5 minutes period. Upgrade to a PRO user or Team/Enterprise organization account to get higher limits.',
      ),
    ).toBe('rate-limited');
    // A token in the wrong form or missing stays that, though the words say "invalid".
    expect(problem('Invalid token format: the token must start with hf_')).toBe('invalid-token-format');
    // Showing one's setup is not being asked for a token.
    expect(problem('export HF_TOKEN=hf_FAKEfakeFAKE1234\npython train.py')).toBe('unknown');
    // A local file that is read-only is not a write refused by the Hub.
    expect(problem('the config file is read-only, cannot save settings')).toBe('unknown');
  });
});

describe('loaders that take a repo id or a local folder: the repo when it is an id, the script when it is a path', () => {
  it.each([
    ["ValueError: Can't find 'adapter_config.json' at 'acme/llama-lora'", 'repo-access-denied'],
    ["ValueError: Can't find 'adapter_config.json' at '/kaggle/input/lora-run-3'", 'job-script-failed'],
    ["ValueError: Can't find 'adapter_config.json' at './outputs/final/'", 'job-script-failed'],
    ["ValueError: Invalid repository ID or local directory specified: 'acme/qwen-7b-typo'.", 'repo-access-denied'],
    ["ValueError: Invalid repository ID or local directory specified: '/mnt/models'.", 'job-script-failed'],
    [
      'OSError: Error no file named diffusion_pytorch_model.bin found in directory /root/.cache/huggingface/hub/models--acme--sd/snapshots/0f3c/unet.',
      'repo-access-denied',
    ],
    ['OSError: Error no file named pytorch_model.bin found in directory ./checkpoints/run2', 'job-script-failed'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });
});

describe("the hf CLI's own words (cli/_errors.py) and users writing Chinese, Japanese or Korean", () => {
  it.each([
    [
      "Error: Repository 'acme/x' not found.\nIf the repo does not exist, create it with: hf repos create acme/x",
      'repo-access-denied',
    ],
    ["Error: Bucket 'acme/logs' not found.", 'repo-access-denied'],
    [
      "Error: File not found in dataset 'acme/ds'.\nURL: https://huggingface.co/datasets/acme/ds/resolve/main/a.parquet",
      'repo-access-denied',
    ],
    ["Error: Revision not found in model 'acme/x'.", 'repo-access-denied'],
    ['Error: OIDC Exchange failed. No id token is available in this CI provider.', 'token-missing'],
    ['Error: Local entry not found. [Errno 101] Network is unreachable', 'network-error'],
    ['运行的时候一直连接超时，模型下载不了', 'network-error'],
    ['服务器上无法连接 huggingface，怎么办', 'network-error'],
    ['モデルのダウンロード時に接続エラーが発生します', 'network-error'],
    ['모델을 받을 때 연결 시간 초과가 납니다', 'network-error'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves their near misses alone', () => {
    // A job's timeout said in Chinese is not the network: "超时" alone says nothing of a connection.
    expect(problem('任务运行超时了')).toBe('unknown');
    // A model that is not found locally by another tool is not a Hub repo either way: still the "not found" family.
    expect(problem("Error: Space 'acme/demo' not found.")).toBe('repo-access-denied');
  });
});

describe('a status in a JSON log line', () => {
  it.each([
    [
      '{"level":"error","msg":"hub request failed","statusCode":403,"url":"https://huggingface.co/api/repos/create"}',
      'forbidden-403',
    ],
    ['{"status_code": 429, "detail": "slow down"}', 'rate-limited'],
    ['{"statusCode":502,"message":"upstream"}', 'server-error'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });
});

describe('a token with its line end: the auth token, not a tokenizer token', () => {
  it.each([
    'the model emits a newline token after every answer',
    'the EOS token is a newline in this template',
    'IndexError: token ids are invalid for this vocabulary size',
  ])('%s', (text) => {
    expect(problem(text)).toBe('unknown');
  });
  it('the token file that ends with a newline is the token in the wrong form', () => {
    expect(problem('my token file ends with a newline, so the header is rejected')).toBe('invalid-token-format');
  });
});

describe('accepting terms is the gate only when a model, repo or dataset is in question', () => {
  it("leaves conda's terms of service alone", () => {
    expect(problem('CondaToSNonInteractiveError: you must accept the terms of service for the default channels')).toBe(
      'unknown',
    );
  });
});

describe("diffusers' words for a Hub it could not reach", () => {
  it('is the network, unless the root cause above it is a status', () => {
    expect(
      problem(
        "Couldn't connect to the Hub: (ProtocolError('Connection aborted.')).\nWill try to load from local cache.\nOSError: Cannot load model acme/sd: model is not cached locally and an error occurred while trying to fetch metadata from the Hub. Please check out the root cause in the stacktrace above.",
      ),
    ).toBe('network-error');
    expect(
      problem(
        'huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/models/acme/sd\nOSError: Cannot load model acme/sd: model is not cached locally and an error occurred while trying to fetch metadata from the Hub.',
      ),
    ).toBe('unauthorized-401');
  });
});

describe("a message wrapped in another tool's log prefix is read as the message", () => {
  it('a traceback in docker compose output ending in a plain Python error is the script', () => {
    const log = [
      'web-1  | Traceback (most recent call last):',
      'web-1  |   File "/app/serve.py", line 3, in <module>',
      'web-1  |     run(port=int(PORT))',
      "web-1  | ValueError: invalid literal for int() with base 10: 'eighty'",
    ].join('\n');
    expect(problem(log)).toBe('job-script-failed');
  });

  it('a segmentation fault under a timestamp and a level is the script', () => {
    expect(problem('2025-03-02T10:11:12.345Z ERROR Segmentation fault')).toBe('job-script-failed');
  });

  it("vLLM's stamped lines and a Markdown quote keep their message's rule", () => {
    expect(
      problem(
        "[Stage-0] ERROR 01-28 20:45:51 [loader.py:12] FileNotFoundError: [Errno 2] No such file or directory: '/data/x.jsonl'",
      ),
    ).toBe('job-script-failed');
    expect(problem("> FileNotFoundError: [Errno 2] No such file or directory: '/root/.cache/huggingface/token'")).toBe(
      'unknown',
    );
  });

  it('strips only prefixes: the same words in the middle of a sentence do not become a start', () => {
    expect(problem('the server said Segmentation fault is not our fault')).toBe('unknown');
  });
});

describe('a library the environment lacks, a GPU it does not have, memory it cannot allocate', () => {
  it.each([
    'ImportError: This modeling file requires the following packages that were not found in your environment: flash_attn. Run `pip install flash_attn`',
    'ImportError: LlamaTokenizer requires the SentencePiece library but it was not found in your environment.',
    'ImportError: Using `bitsandbytes` 4-bit quantization requires Accelerate: `pip install accelerate`',
    'RuntimeError: Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False.',
    'numpy.core._exceptions._ArrayMemoryError: Unable to allocate 3.46 GiB for an array with shape (100000, 9280)',
  ])('%s', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });

  it('leaves install advice that is not an ImportError alone', () => {
    expect(problem('Tip: pip install hf_transfer to download faster')).toBe('unknown');
  });
});

describe('an SDK asking for a key it was not given is a missing token', () => {
  it.each([
    'ValueError: You must provide an api_key to work with fal-ai API or log in with `hf auth login`.',
    'Error: no api key provided for the Hugging Face provider',
    // The MCP server's hf_jobs tool without a token answers with its plans, not a status.
    'Jobs are available for Pro, Team and Enterprise users. Go to https://huggingface.co/pricing to get started.',
  ])('%s', (text) => {
    expect(problem(text)).toBe('token-missing');
  });
});
