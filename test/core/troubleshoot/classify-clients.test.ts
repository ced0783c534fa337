// Families of wordings added in session 9 (issue 14): the names apps give the token's variable, "missing" in the
// languages apps word their errors in, "authentication required", and the clients' own strings (lm-evaluation-harness'
// evaluation tracker, accelerate's `estimate-memory`, gradio_client), each tested on texts written for this test in
// the style of the clients and on the near misses it must leave alone. The rules alone: the second tier is tested in
// guess.test.ts.
import {describe, expect, it} from 'vitest';
import {classifyText, outsideCatalog} from '../../../src/core/troubleshoot/classify.js';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {WORDING_SIGNALS} from '../../../src/core/troubleshoot/wording-signals.js';
import {loadCorpus} from '../../helpers/troubleshoot-corpus.js';

const problem = (text: string) => classifyText(text, {guess: false}).problem;

describe('the token read from a variable or Space secret that is not there', () => {
  it.each([
    // Python's os.environ["X"] on a missing variable, in a flattened Space runtime-error page or a traceback.
    `Exit code: 1. Reason: Traceback (most recent call last): File "/home/user/app/app.py", line 3, in <module> login(token=os.environ["HF_API_TOKEN"]) File "/usr/local/lib/python3.10/os.py", line 680, in __getitem__ raise KeyError(key) from None KeyError: 'HF_API_TOKEN'`,
    'Traceback (most recent call last):\n  File "app.py", line 9, in <module>\n    snapshot_download("acme/weights", token=os.environ["ACCESS_TOKEN"])\nKeyError: \'ACCESS_TOKEN\'',
    "KeyError: 'HUGGINGFACEHUB_API_TOKEN'",
    // Apps' own words for it.
    'ValueError: Missing HUGGINGFACE_API_KEY. Add it in the Space settings under Variables and secrets.',
    'RuntimeError: HF_READ_TOKEN is not set',
    'Error: HF_TOKEN environment variable is not set',
    'EnvironmentError: No HUGGING_FACE_HUB_TOKEN found; export one before starting the server',
    "please configure 'HF_API_KEY' in your .env file",
    // lm-evaluation-harness' evaluation tracker.
    "Hugging Face token is not defined, but 'push_results_to_hub' or 'push_samples_to_hub' is set to True. Please provide a valid Hugging Face token by setting the HF_TOKEN environment variable.",
    'ERROR: a Hugging Face token is needed to download gated models (set HF_TOKEN)',
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves names that are not the Hub token, and variables that are set, alone', () => {
    // A dict key read from an API answer (lower case) is the script's own bug.
    expect(
      problem("Traceback (most recent call last):\n  File \"a.py\", line 2\n    t = resp['token']\nKeyError: 'token'"),
    ).not.toBe('token-missing');
    expect(problem("KeyError: 'HF_HOME'")).not.toBe('token-missing');
    expect(problem('HF_TOKEN is set, logging in as alice')).toBe('unknown');
  });
});

describe('"missing" in the languages apps word their messages in, for a Hugging Face token', () => {
  it.each([
    'ValueError: Token HF manquant. Ajoutez HF_TOKEN dans les secrets de votre Space.',
    'Error: falta el token de Hugging Face (HF_TOKEN no está definido)',
    'Erro: HF_TOKEN não encontrado nas variáveis de ambiente',
    'Fehler: HF_TOKEN fehlt in der Umgebung',
    'RuntimeError: HF_TOKEN не задан. Добавьте его в секреты Space.',
    '错误：缺少 HF_TOKEN，请在 Space 的 Secrets 中设置',
    'エラー: HF_TOKEN が設定されていません',
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves another token said missing in those words alone', () => {
    expect(problem('RuntimeError: Не найден TELEGRAM_TOKEN. Добавьте его в секреты.')).not.toBe('token-missing');
    expect(problem('Erreur : fichier de configuration manquant')).toBe('unknown');
  });
});

describe('"authentication required", "not logged in", "run the login command"', () => {
  it.each([
    'Error: Authentication required',
    'You are not authenticated. Please run `hf auth login` first.',
    'Unauthenticated: this endpoint requires authentication',
    'RuntimeError: This operation requires a Hugging Face account. Please log in.',
    'Warning: You are not logged into the Hugging Face Hub. Some features may not work.',
    'Error: You must pass an accessToken to use this function',
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('a status said beside it is the stronger story', () => {
    expect(
      problem(
        'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2 Authentication required',
      ),
    ).toBe('unauthorized-401');
    expect(
      problem("remote: Authentication required.\nfatal: Authentication failed for 'https://huggingface.co/acme/m'"),
    ).toBe('unauthorized-401');
    // The Hub's 404 hint "make sure you are authenticated" stays the repo's story.
    expect(
      problem(
        'OSError: Repo for model `acme/tiny` does not exist on the Hub. If you are trying to access a private repo, make sure you are authenticated via `huggingface-cli login` and have access.',
      ),
    ).toBe('repo-access-denied');
  });
});

describe("the clients' own strings: accelerate, gradio_client", () => {
  it("accelerate's estimate-memory: a gated repo, a repo that does not exist", () => {
    expect(
      problem(
        'OSError: Repo for model `meta-llama/Llama-3.1-8B` is gated. You must be authenticated to access it. Please run `huggingface-cli login`.',
      ),
    ).toBe('gated-repo');
    expect(problem('OSError: Repo for model `acme/tiny` does not exist on the Hub.')).toBe('repo-access-denied');
    // A gated layer is not a gated repo.
    expect(problem('the model is gated by a sigmoid, see the MLP block')).not.toBe('gated-repo');
  });

  it('gradio_client: a Space it cannot see, the rate limit, a 401 from the app', () => {
    expect(
      problem(
        'ValueError: Could not find Space: acme/demo. If it is a private Space, please provide a Hugging Face token.',
      ),
    ).toBe('repo-access-denied');
    expect(
      problem(
        'gradio_client.exceptions.TooManyRequestsError: Too many requests to the API, please try again later. To avoid being rate-limited, please duplicate the Space using Client.duplicate(acme/demo) and pass in your Hugging Face token.',
      ),
    ).toBe('rate-limited');
    expect(
      problem(
        'Error: Could not access this app (received a 401 response). If it is a private Hugging Face Space, pass a valid Hugging Face token to the `token` option of `Client.connect`.',
      ),
    ).toBe('unauthorized-401');
    // Without the conditional, asking for the token is the missing token.
    expect(problem('Please provide a Hugging Face token to use this Space')).toBe('token-missing');
  });
});

describe("another service's credential, and git refusing a commit: none of the catalog's problems", () => {
  it.each([
    'Exit code: 1. Reason: Traceback (most recent call last): File "/home/user/app/app.py", line 6, in <module> client = OpenAI( File "/usr/local/lib/python3.10/site-packages/openai/_client.py", line 110, in __init__ raise OpenAIError( openai.OpenAIError: The api_key client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable',
    "Traceback (most recent call last):\n  File \"bot.py\", line 4, in <module>\n    TOKEN = os.environ['TELEGRAM_BOT_TOKEN']\nKeyError: 'TELEGRAM_BOT_TOKEN'",
    'wandb.errors.UsageError: WANDB_API_KEY is not set; run wandb login',
    "CalledProcessError                        Traceback (most recent call last)\nCalledProcessError: Command '['git', 'commit', '-m', 'add model']' returned non-zero exit status 1.",
  ])('%s -> unknown, and no guess', (text) => {
    expect(problem(text)).toBe('unknown');
    expect(classifyText(text).problem).toBe('unknown');
    expect(outsideCatalog(text)).toBe(true);
  });

  it('a Hugging Face token named beside it, or a real failure of the script, still decides', () => {
    expect(problem("KeyError: 'OPENAI_API_KEY'\nKeyError: 'HF_TOKEN'")).toBe('token-missing');
    expect(
      problem(
        'Traceback (most recent call last):\n  File "train.py", line 3, in <module>\n    import h5py\nModuleNotFoundError: No module named \'h5py\'\nOPENAI_API_KEY is not set',
      ),
    ).toBe('job-script-failed');
  });
});

describe('"token" said missing plainly, a None token sent, a log-in prompt where nobody can type', () => {
  it.each([
    'ValueError: Token not found. Please login first.',
    'Error: No token was provided',
    'Error: missing token. use --token or HF_TOKEN',
    'TokenError: token is empty',
    'ValueError: Cannot find a valid Hugging Face token. Did you forget to log in?',
    'Error: Missing required secret HF_TOKEN for job',
    "headers: {'Authorization': 'Bearer None'}",
    'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n    login()\n  File "/usr/lib/python3/site-packages/huggingface_hub/_login.py", line 120, in login\n    interpreter_login()\nEOFError: EOF when reading a line',
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it("leaves a tokenizer's tokens, a plain EOF and a 401 said beside it alone", () => {
    for (const text of [
      'ValueError: pad token is not set',
      'the eos token was not found in the tokenizer',
      'KeyError: token not found in vocab',
      'warning: special token missing from the chat template',
      'ValueError: Asking to pad but the tokenizer does not have a padding token.',
    ]) {
      expect(problem(text), text).toBe('unknown');
      // Nor does the second tier guess a credential from a tokenizer's words.
      expect(classifyText(text).problem, text).toBe('unknown');
    }
    expect(
      problem(
        'Traceback (most recent call last):\n  File "a.py", line 1\n    x = input()\nEOFError: EOF when reading a line',
      ),
    ).not.toBe('token-missing');
    expect(problem('401 Client Error: Unauthorized. No token was provided.')).toBe('unauthorized-401');
  });
});

describe("a platform's memory limit is the script's failure (a bigger flavor), not the token's", () => {
  it.each([
    'Runtime error\nMemory limit exceeded (14Gi)',
    'Container was killed: memory limit of 16Gi exceeded',
    'RuntimeError: out of memory',
    'the job was killed (OOM) after 20 minutes',
  ])('%s -> job-script-failed', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });

  it('leaves a rate limit and a budget alone', () => {
    expect(problem('rate limit exceeded for memory API')).toBe('rate-limited');
    expect(problem('we are out of memory budget on the dashboard')).toBe('unknown');
  });
});

describe('a message carried as an escaped string in a log line (a JSON log, a container log)', () => {
  it("reads its own lines: the traceback's last line, as printed", () => {
    const json = String.raw`{"timestamp":"2026-01-12T10:02:11Z","level":"ERROR","message":"Shard 0 failed to start:\nTraceback (most recent call last):\n\n  File \"/opt/conda/bin/server.py\", line 8, in <module>\n    main()\n\n  File \"/opt/conda/lib/python3.11/site-packages/app/cli.py\", line 40, in main\n    raise ValueError(\"bad config: num_shard must divide the head count\")\n\nValueError: bad config: num_shard must divide the head count\n","target":"launcher"}`;
    expect(problem(json)).toBe('job-script-failed');
  });

  it('keeps what the line says as a whole, and leaves short or single escapes alone', () => {
    const json = String.raw`{"level":"ERROR","message":"Download encountered an error:\nTraceback (most recent call last):\n  File \"/opt/conda/lib/python3.10/site-packages/huggingface_hub/utils/_http.py\", line 270, in hf_raise_for_status\n    response.raise_for_status()\nrequests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/models/acme/private-model\n"}`;
    expect(problem(json)).toBe('unauthorized-401');
    expect(problem(String.raw`print("a\nb")`)).toBe('unknown');
  });
});

describe("the statuses' other words: a service that cannot answer now, a limit, a refused token, a refused write", () => {
  it.each([
    ['Error code 524: A timeout occurred (huggingface.co)', 'server-error'],
    ['huggingface.co | 520: Web server is returning an unknown error', 'server-error'],
    ['Error: Service Temporarily Unavailable', 'server-error'],
    [
      'The server is temporarily unable to service your request due to maintenance downtime or capacity problems.',
      'server-error',
    ],
    ['Model meta-llama/Llama-3.1-8B-Instruct is overloaded, please try again later', 'server-error'],
    ['Error: Something went wrong on our end. Please try again later.', 'server-error'],
    ['Scheduling failure: not enough hardware capacity', 'server-error'],
    ['The Hugging Face Hub is down? getting errors on every request', 'server-error'],
    ['Error: You are being throttled. Slow down.', 'rate-limited'],
    ['You have reached your hourly request limit. Try again in 12 minutes.', 'rate-limited'],
    ['Too many concurrent requests', 'rate-limited'],
    ['Error: Unauthorized', 'unauthorized-401'],
    ['{"error":"Unauthorized"}', 'unauthorized-401'],
    ['Authorization header is invalid', 'unauthorized-401'],
    ['Error: Access token expired, please generate a new one', 'unauthorized-401'],
    ['permission denied: token has been revoked', 'unauthorized-401'],
    ['Forbidden: insufficient scope for this action', 'forbidden-403'],
    ['403: You are not allowed to push to this repository', 'forbidden-403'],
    ["OSError: acme/secret-model is a private repository, you don't have access to it", 'repo-access-denied'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves counts, code words and other limits alone', () => {
    for (const text of [
      'loaded 520 examples, error 0',
      'got 522 tokens',
      'the function is overloaded in C++',
      'Mistral-7B is down to 4 bits after quantization',
      'the throttle valve is closed',
      'you are not allowed to commit secrets to the repo (pre-commit hook)',
      'the cache has expired, token refresh failed',
    ])
      expect(problem(text), text).toBe('unknown');
    // An organization's revocation keeps its own id.
    expect(problem('403 Forbidden: Your token has been revoked by the organization administrator')).toBe(
      'org-token-policy',
    );
  });
});

describe('`hf jobs wait` giving up on waiting is not the job timing out', () => {
  it.each([
    'Error: Timed out after 600.0s waiting for Job(s) to finish.',
    'Error: Timed out after 30 minutes waiting for Job(s) to finish.',
  ])('%s -> unknown, and no guess', (text) => {
    expect(problem(text)).toBe('unknown');
    expect(classifyText(text).problem).toBe('unknown');
  });

  it("leaves the job's own timeout and a network timeout to their ids", () => {
    expect(problem("Error: Job 68f9 finished with stage 'ERROR': Job timeout")).toBe('job-timeout');
    expect(problem('the job timed out after 2 hours')).toBe('job-timeout');
    expect(
      problem(
        "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='huggingface.co', port=443): Read timed out. (read timeout=10)",
      ),
    ).toBe('network-error');
  });
});

describe("a log line read without loguru's and Python logging's prefixes", () => {
  it("sees a traceback's last line behind them", () => {
    expect(
      problem(
        "2026-01-12 10:02:11 | ERROR | __main__:main:42 - Traceback (most recent call last):\n2026-01-12 10:02:11 | ERROR | __main__:main:42 - ModuleNotFoundError: No module named 'flash_attn'",
      ),
    ).toBe('job-script-failed');
    expect(
      problem(
        "2026-01-12 10:02:11,123 - trainer - ERROR - FileNotFoundError: [Errno 2] No such file or directory: 'data/train.jsonl'",
      ),
    ).toBe('job-script-failed');
    expect(
      problem('INFO:httpx:HTTP Request: GET https://huggingface.co/api/models/acme/m "HTTP/1.1 401 Unauthorized"'),
    ).toBe('unauthorized-401');
  });

  it('a lone plain error line behind a prefix stays too little to say', () => {
    expect(problem('ERROR:root:ValueError: bad value')).toBe('unknown');
  });
});

describe("ZeroGPU's words in a Space: a task past its duration, no GPU free now, CUDA before `import spaces`", () => {
  it.each([
    ["gradio.exceptions.Error: 'GPU task aborted'", 'job-timeout'],
    ["gradio.exceptions.Error: 'No GPU was available after 60s. Retry later'", 'server-error'],
    ['Error: No GPU currently available. Please try again later.', 'server-error'],
    [
      'ZeroGPU worker error: RuntimeError: CUDA has been initialized before importing the spaces package',
      'job-script-failed',
    ],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it("leaves a machine without a GPU to the script's failure, and a remark alone", () => {
    expect(problem('RuntimeError: No CUDA GPUs are available')).toBe('job-script-failed');
    expect(problem('no GPU available on this laptop, using CPU')).toBe('unknown');
  });
});

describe('a token or a log-in said needed in general words', () => {
  it.each([
    'You need to be logged in to use this feature',
    'Login required',
    'This model requires a token. Set HF_TOKEN.',
    'Downloading this model requires an HF token',
    'Use `huggingface-cli login` to authenticate',
    'ValueError: hf_token must be provided',
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it("leaves a tokenizer's token and a token budget alone, and a gate stays the gate", () => {
    expect(problem('the tokenizer requires a pad token')).toBe('unknown');
    expect(problem('this endpoint requires a token budget of 1000')).toBe('unknown');
    expect(
      problem(
        'OSError: meta-llama/Llama-2-7b-hf is a gated model; you need to be authenticated: run huggingface-cli login',
      ),
    ).toBe('gated-repo');
  });
});

describe("more of the ids' words: a repo not there, the gate's page, a cut transfer, a script's own bug", () => {
  it.each([
    ['ValueError: The repository acme/tiny does not exist or you do not have access to it', 'repo-access-denied'],
    ['Error: No such repository: acme/model', 'repo-access-denied'],
    ['You need to agree to share your contact information to access this model', 'gated-repo'],
    ['Could not download the model: network timeout', 'network-error'],
    ['error: RPC failed; curl 56 GnuTLS recv error (-9): Error decoding the received TLS packet.', 'network-error'],
    [
      'RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!',
      'job-script-failed',
    ],
    ['error: Failed to spawn: `train.py`\n  Caused by: No such file or directory (os error 2)', 'job-script-failed'],
    [
      'torch.distributed.DistBackendError: NCCL error in: ../torch/csrc/distributed/c10d/NCCLUtils.hpp:219, unhandled cuda error',
      'job-script-failed',
    ],
    ["TypeError: hf_hub_download() got an unexpected keyword argument 'use_auth_token'", 'job-script-failed'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves a wrapper label and other networks to what they wrap', () => {
    expect(problem('the neural network error rate went down')).toBe('unknown');
    // "Network error:" is a tool's label for what follows: the 403 inside is the story.
    expect(
      problem(
        'ConnectionError: Network error: Request error: HTTP status client error (403 Forbidden), domain: https://huggingface.co/api/models/acme/m/xet-write-token/main',
      ),
    ).toBe('forbidden-403');
    expect(problem('error: RPC failed; HTTP 500 curl 22 The requested URL returned error: 500')).toBe('server-error');
  });
});

describe("hf jobs' last line with the stage as Python 3.12 formats the enum ('JobStage.ERROR')", () => {
  it('is a job that ended in ERROR, as with the plain value', () => {
    const c = classifyText("some output of the script\nError: Job 68f9a1 finished with stage 'JobStage.ERROR'", {
      guess: false,
    });
    expect(c.problem).toBe('job-script-failed');
    expect(c.jobFailed).toBe(true);
    expect(problem("Error: Job 68f9a1 finished with stage 'JobStage.ERROR': Job timeout")).toBe('job-timeout');
    expect(classifyText("Error: Job 68f9a1 finished with stage 'JobStage.CANCELED'").jobFailed).toBe(true);
  });
});

describe("the MCP server's explanations beside a status (hf-mcp-server error-messages.ts), pasted with or without it", () => {
  it.each([
    [
      'Error executing run: API request failed: 401 Unauthorized. Authentication failed. Please check that your Hugging Face token is valid. Check your Hugging Face token permissions.',
      'unauthorized-401',
    ],
    ['Authentication failed. Please check that your Hugging Face token is valid.', 'unauthorized-401'],
    ['You do not have permission to access this resource. Check your Hugging Face token permissions.', 'forbidden-403'],
    ['Hugging Face is experiencing issues. Please try again later.', 'server-error'],
    ['The server gateway is temporarily unavailable.', 'server-error'],
    ['The service is temporarily down for maintenance.', 'server-error'],
    [
      'Error executing inspect: API request failed: 404 Not Found. The requested resource does not exist.',
      'job-not-found',
    ],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });
});

describe("a job's environment or command line: images and wheels for another machine, argparse refusing the command", () => {
  it.each([
    'exec /usr/local/bin/python: exec format error',
    'ImportError: /usr/local/lib/python3.10/site-packages/flash_attn_2_cuda.cpython-310-x86_64-linux-gnu.so: undefined symbol: _ZN3c104cuda9SetDeviceEi',
    "ImportError: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.32' not found",
    'CUDA driver version is insufficient for CUDA runtime version',
    "RuntimeError: Expected a 'cuda' device type for generator but found 'cpu'",
    'ValueError: Tokenizer class LlamaTokenizer does not exist or is not currently imported.',
    'usage: train.py [-h] --output_dir OUTPUT_DIR\ntrain.py: error: the following arguments are required: --output_dir',
    'train.py: error: unrecognized arguments: --lr 1e-4',
  ])('%s -> job-script-failed', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });

  it("transformers' \"Can't load tokenizer for\" a repo id is the repo's story, a local path is not", () => {
    expect(
      problem(
        "OSError: Can't load tokenizer for 'acme/model'. If you were trying to load it from 'https://huggingface.co/models', make sure you don't have a local directory with the same name.",
      ),
    ).toBe('repo-access-denied');
    expect(problem("OSError: Can't load tokenizer for './checkpoints/run3'.")).not.toBe('repo-access-denied');
  });
});

// huggingface_hub's hf_raise_for_status (utils/_http.py) raises "Repository Not Found for url" or "Cannot access gated
// repo for url" and appends the Hub's own message (its X-Error-Message header) after it. When that message is about the
// token, the token is the story: tune texts 649 (`User Access Token "notebooks" is expired`) and 652 ("Organization
// tokens cannot be used to access"), both from Space runtime-error pages.
describe("the Hub's words about the token after a repo it hid or gated", () => {
  const REQ = '(Request ID: Root=1-6681a85f-56675b696dc555b16e3a87ee;30dcd553-2ef8-4112-b221-6e8a14782d3c)';
  const notFound = (url: string, server: string) =>
    `huggingface_hub.errors.RepositoryNotFoundError: 401 Client Error. ${REQ}\n\nRepository Not Found for url: ${url}.\nPlease make sure you specified the correct \`repo_id\` and \`repo_type\`.\nIf you are trying to access a private or gated repo, make sure you are authenticated and your token has the required permissions.\nFor more details, see https://huggingface.co/docs/huggingface_hub/authentication\n${server}`;
  const gated = (url: string, server: string) =>
    `huggingface_hub.errors.GatedRepoError: 403 Client Error. ${REQ}\n\nCannot access gated repo for url ${url}.\n${server}`;

  it.each([
    [
      notFound(
        'https://huggingface.co/acme/llama/resolve/main/config.json',
        'User Access Token "notebooks" is expired',
      ),
      'unauthorized-401',
    ],
    // The same flattened onto one line, as a Space's runtime-error page shows it.
    [
      `raise RepositoryNotFoundError(message, response) from e huggingface_hub.utils._errors.RepositoryNotFoundError: 401 Client Error. ${REQ} Repository Not Found for url: https://huggingface.co/api/models/acme/llama. If you are trying to access a private or gated repo, make sure you are authenticated. User Access Token "ci-read" is expired The above exception was the direct cause of the following exception:`,
      'unauthorized-401',
    ],
    [
      notFound('https://huggingface.co/api/models/acme/llama', 'Invalid credentials in Authorization header'),
      'unauthorized-401',
    ],
    [
      gated(
        'https://huggingface.co/api/datasets/acme/private-set',
        'Organization tokens cannot be used to access gated repos',
      ),
      'invalid-token-format',
    ],
    [
      `requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://huggingface.co/api/datasets/acme/set The above exception was the direct cause of the following exception: huggingface_hub.utils._errors.GatedRepoError: 403 Client Error. ${REQ} Cannot access gated repo for url https://huggingface.co/api/datasets/acme/set. Organization tokens cannot be used to access`,
      'invalid-token-format',
    ],
    // huggingface_hub's generic 403 ("\n\n403 Forbidden: MESSAGE.\nCannot access content at: URL.\nMake sure ...").
    [
      `huggingface_hub.errors.HfHubHTTPError: ${REQ}\n\n403 Forbidden: Organization tokens cannot be used to access this resource..\nCannot access content at: https://huggingface.co/api/jobs/acme-org.\nMake sure your token has the correct permissions.`,
      'invalid-token-format',
    ],
    // transformers' OSError over the chained Hub error.
    [
      `OSError: You are trying to access a gated repo.\nMake sure to have access to it at https://huggingface.co/acme/x.\n${gated('https://huggingface.co/acme/x/resolve/main/config.json', 'Organization tokens cannot be used to access gated repos')}`,
      'invalid-token-format',
    ],
    [
      `OSError: acme/x is not a local folder and is not a valid model identifier listed on 'https://huggingface.co/models'\nIf this is a private repository, make sure to pass a token having permission to this repo either by logging in with \`huggingface-cli login\` or by passing \`token=<your_token>\`\n\n${notFound('https://huggingface.co/acme/x/resolve/main/config.json', 'User Access Token "colab" is expired')}`,
      'unauthorized-401',
    ],
  ])('%s -> %s', (text, id) => {
    const c = classifyText(text, {guess: false});
    expect(c.problem).toBe(id);
    // The Hub said it: a sure answer, not a close call between the token and the repo.
    expect(c.candidates).toBeUndefined();
  });

  it('leaves the repo or the gate as the story when the Hub said nothing about the token', () => {
    const url = 'https://huggingface.co/api/models/acme/llama';
    expect(problem(notFound(url, ''))).toBe('repo-access-denied');
    // A token named but not said expired (a person's words, or the token's name in a log line).
    expect(problem(notFound(url, 'Using User Access Token "notebooks" (read)'))).toBe('repo-access-denied');
    expect(problem(notFound(url, 'my token expired last week, so I made a new one'))).toBe('repo-access-denied');
    expect(problem(gated(url, 'Organization: acme'))).toBe('gated-repo');
    expect(
      problem(
        gated(
          url,
          'Access to model acme/llama is restricted. You must have access to it and be authenticated to access it. Please log in.',
        ),
      ),
    ).toBe('gated-repo');
    // Another product's organization tokens (Terraform's docs): not an HF token.
    expect(
      problem('Organization tokens cannot be used for command-line Terraform actions; use a user or team token.'),
    ).not.toBe('invalid-token-format');
  });
});

// The job ids with few public texts (job-not-found, job-timeout, payment-required, org-token-policy), as each client
// prints them. Sources, read in huggingface/huggingface_hub (ee0a451) and huggingface/hf-mcp-server (e83f335):
// - hf CLI: cli/hf.py prints a known error through cli/_output.py's error() as "Error: MESSAGE", then
//   "Hint: set HF_DEBUG=1 as environment variable for full traceback."; cli/jobs.py raises
//   "Job ID finished with stage 'STAGE': MESSAGE" (hf jobs run) and "N of M Job(s) did not complete successfully"
//   after a table of id, stage and message (hf jobs wait).
// - Python API: utils/_http.py's hf_raise_for_status: JobNotFoundError "404 Client Error. (Request ID: ...)\n\nJob Not
//   Found for url: URL.\nPlease make sure you specified the correct job ID and namespace."; a 403 "\n\n403 Forbidden:
//   X-ERROR-MESSAGE.\nCannot access content at: URL.\nMake sure your token has the correct permissions."; any other
//   status httpx's own "Client error '402 Payment Required' for url '...'" with the Hub's message appended.
// - MCP server: jobs-tool.ts "Error executing OPERATION: MESSAGE"; hf-api-call.ts "API request failed: STATUS TEXT"
//   (the jobs client drops the body); commands/inspect.ts "Failed to fetch job ID: ..."; sse-handler.ts "Failed to fetch
//   logs: STATUS TEXT"; commands/logs.ts "Could not safely retrieve logs because job metadata was unavailable: ...";
//   commands/run.ts "Could not collect logs: ..."; inspect's JSON keeps status.stage and status.message.
describe('the job ids as hf jobs, the Python API and the MCP tool print them', () => {
  const REQ = '(Request ID: Root=1-68b0c0ff-1a2b3c4d5e6f7a8b9c0d1e2f;5f0c9a1e-2b3d-4c5e-8f90-a1b2c3d4e5f6)';
  const ID = '68b0c0ffee0123456789abcd';
  const HINT = 'Hint: set HF_DEBUG=1 as environment variable for full traceback.';
  const notFound = (url: string) =>
    `404 Client Error. ${REQ}\n\nJob Not Found for url: ${url}.\nPlease make sure you specified the correct job ID and namespace.`;

  it.each([
    // hf jobs logs / inspect / cancel on an org's job looked up under the user (hf CLI).
    `Error: ${notFound(`https://huggingface.co/api/jobs/alice/${ID}/logs`)}\n${HINT}`,
    `Error: ${notFound(`https://huggingface.co/api/scheduled-jobs/alice/${ID}`)}\n${HINT}`,
    // The Python API (HfApi.inspect_job, fetch_job_logs).
    `Traceback (most recent call last):\n  File "status.py", line 4, in <module>\n    api.inspect_job(job_id="${ID}")\nhuggingface_hub.errors.JobNotFoundError: ${notFound(`https://huggingface.co/api/jobs/alice/${ID}`)}`,
    // Its last line alone.
    'Please make sure you specified the correct job ID and namespace.',
    // The MCP tool.
    'Error executing logs: Could not safely retrieve logs because job metadata was unavailable: API request failed: 404 Not Found',
    'Error executing cancel: API request failed: 404 Not Found',
    `**Errors:**\n- Failed to fetch job ${ID}: API request failed: 404 Not Found`,
    `Job started: ${ID}\n\nCould not collect logs: Failed to fetch logs: 404 Not Found\n\nView job details: https://huggingface.co/jobs/acme-org/${ID}`,
  ])('%s -> job-not-found', (text) => {
    expect(problem(text)).toBe('job-not-found');
  });

  it.each([
    // hf jobs run (the stage as the enum's value, or by name as Python 3.12 formats a str enum).
    `Error: Job ${ID} finished with stage 'ERROR': Job timeout\n${HINT}`,
    `Error: Job ${ID} finished with stage 'JobStage.ERROR': Job timeout`,
    // hf jobs wait: the table, then its error.
    `ID                       STAGE MESSAGE\n------------------------ ----- -----------\n${ID} ERROR Job timeout\nError: 1 of 1 Job(s) did not complete successfully: ${ID} (ERROR)`,
    // The Python API's JobInfo as printed (wait_for_job, inspect_job).
    `JobInfo(id='${ID}', flavor='cpu-basic', status=JobStatus(stage='ERROR', message='Job timeout'), owner=JobOwner(id='1', name='alice', type='user'))`,
    // The MCP tool's inspect (JSON in a Markdown block).
    `**Job Details** (1 job):\n\n\`\`\`json\n[\n  {\n    "id": "${ID}",\n    "flavor": "cpu-basic",\n    "status": {\n      "stage": "ERROR",\n      "message": "Job timeout"\n    },\n    "timeout_seconds": 1800\n  }\n]\n\`\`\``,
  ])('%s -> job-timeout', (text) => {
    expect(problem(text)).toBe('job-timeout');
  });

  it.each([
    // hf jobs run / the Python API: httpx's words, the Hub's message appended.
    `Error: Client error '402 Payment Required' for url 'https://huggingface.co/api/jobs/alice' ${REQ}\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/402\n\nPre-paid credit balance is insufficient - add more credits to your account to use Jobs.\n${HINT}`,
    `huggingface_hub.errors.HfHubHTTPError: Client error '402 Payment Required' for url 'https://huggingface.co/api/jobs/alice' ${REQ}\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/402`,
    // The MCP tool (the body dropped).
    'Error executing run: API request failed: 402 Payment Required',
    'Error executing uv: API request failed: 402 Payment Required',
  ])('%s -> payment-required', (text) => {
    expect(problem(text)).toBe('payment-required');
  });

  it.each([
    `Error: 403 Forbidden: Due to the organization token policy, your token needs to be approved by the organization before you can access this resource.. ${REQ}\nCannot access content at: https://huggingface.co/api/jobs/acme-org.\nMake sure your token has the correct permissions.\n${HINT}`,
    `huggingface_hub.errors.HfHubHTTPError: ${REQ}\n\n403 Forbidden: Your token has been revoked by the organization administrator.\nCannot access content at: https://huggingface.co/api/jobs/acme-org.\nMake sure your token has the correct permissions.`,
  ])('%s -> org-token-policy', (text) => {
    expect(problem(text)).toBe('org-token-policy');
  });

  it('leaves what only looks like them alone', () => {
    // The MCP jobs client drops the 403's body: the policy cannot be told from any other refusal.
    expect(problem('Error executing run: API request failed: 403 Forbidden')).toBe('forbidden-403');
    // Other statuses on the same MCP lines are their own stories.
    expect(problem('Failed to fetch logs: 401 Unauthorized')).toBe('unauthorized-401');
    expect(problem(`- Failed to fetch job ${ID}: API request failed: 503 Service Unavailable`)).toBe('server-error');
    expect(problem('Failed to fetch model: 404 Not Found')).not.toBe('job-not-found');
    expect(problem('Please make sure you specified the correct `repo_id` and `repo_type`.')).not.toBe('job-not-found');
    // GitHub's policy for classic tokens is not a Hugging Face organization's.
    expect(
      problem(
        '403 `ORGANIZATION` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.',
      ),
    ).not.toBe('org-token-policy');
  });

  it("a client's wait running out is not the job's timeout, with or without the second tier", () => {
    for (const text of [
      `Error: Timed out after 10m waiting for Job(s) to finish.`,
      `Traceback (most recent call last):\n  File "submit.py", line 12, in <module>\n    job = api.wait_for_job("${ID}", timeout=60)\nTimeoutError: Job '${ID}' is still in stage 'RUNNING' after 60 seconds.`,
    ]) {
      expect(problem(text)).toBe('unknown');
      expect(classifyText(text).problem).toBe('unknown');
      expect(outsideCatalog(text)).toBe(true);
    }
    // The MCP tool stops following a job's logs after 10 seconds (sse-handler.ts, commands/logs.ts, commands/run.ts).
    expect(problem('⚠ Log collection stopped after 10 seconds. Job may still be running.')).not.toBe('job-timeout');
    expect(problem('Stopped following logs after 10s; job may still be running.')).not.toBe('job-timeout');
    // Its own request timing out is the network's story (hf-api-call.ts).
    expect(problem('Error executing ps: API request timed out after 12500ms')).toBe('network-error');
  });
});

// Session 10: families read from batch O's tune part (corpus 684-730) and the clients' words, each with the near misses
// it must leave alone.
describe("the Hub out of reach in people's words (a network or a country that blocks it)", () => {
  it.each([
    'The site https://huggingface.co/ is unreachable from our office network, so the models cannot be downloaded.',
    'I think the failure comes from my inability to access Hugging Face from this server.',
    "We can't connect to huggingface.co from the cluster, every download hangs.",
    'huggingface.co seems to be blocked here; is there a mirror I can set?',
  ])('%s -> network-error', (text) => {
    expect(problem(text)).toBe('network-error');
  });

  it('leaves a repo or a file on the Hub, and its models, to their own stories', () => {
    expect(
      problem(
        'Cannot access gated repo for url https://huggingface.co/meta-llama/Llama-2-7b-hf/resolve/main/config.json.',
      ),
    ).toBe('gated-repo');
    expect(problem('I am unable to access Hugging Face models that are private to my org')).not.toBe('network-error');
    expect(problem('I cannot access huggingface.co/acme/private-model even though I am logged in')).not.toBe(
      'network-error',
    );
    expect(problem("I can't access Hugging Face with my new token")).not.toBe('network-error');
  });
});

describe('a status said before where it came from: "getting a 502 from the hub", "a 503 when it requests"', () => {
  it.each([
    ['It keeps getting a 502 from the hub when it lists the repo files.', 'server-error'],
    ['The loader gets a 503 when it requests the dataset info.', 'server-error'],
    ['Since this morning every download gets a 429 from huggingface.co', 'rate-limited'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves a count alone', () => {
    expect(problem('We kept the 500 from the training split and dropped the rest.')).toBe('unknown');
    expect(problem('getting 500 examples per shard from the dataset')).toBe('unknown');
  });
});

describe("another service's status with nothing of Hugging Face in the text", () => {
  it.each([
    "httpx.HTTPStatusError: Client error '401 Unauthorized' for url 'https://api.openai.com/v1/chat/completions'",
    'Provider: Anthropic\nStatus Code: 429\nThis request would exceed your organization rate limit',
    "ERROR Request failed: Server error '503 Service Unavailable' for url 'https://api.example.org/v1/jobs'",
    'OPENAI_API_KEY was rejected: Error code: 401 - invalid api key',
  ])('%s -> unknown, and no guess', (text) => {
    expect(problem(text)).toBe('unknown');
    expect(outsideCatalog(text)).toBe(true);
  });

  it("keeps the Hub's own statuses, and another host's beside the Hub, to the status", () => {
    expect(
      problem(
        "huggingface_hub.errors.HfHubHTTPError: Server error '503 Service Unavailable' for url 'https://huggingface.co/api/models/acme/x'",
      ),
    ).toBe('server-error');
    expect(problem("Client error '401 Unauthorized' for url 'https://router.huggingface.co/v1/chat/completions'")).toBe(
      'unauthorized-401',
    );
    expect(
      problem("Server error '502 Bad Gateway' for url 'https://proxy.example.org/x' while downloading from the Hub"),
    ).toBe('server-error');
    expect(
      problem(
        '403 Client Error: Forbidden for url: https://s3.us-east-1.amazonaws.com/lfs.huggingface.co/repos/7a/8d/abc?X-Amz-Expires=900',
      ),
    ).toBe('server-error');
  });
});

describe("tools' and people's other words for no token, and a token said wrong beside a repo not found", () => {
  it.each([
    "No Hugging Face Hub token found (/root/.cache/huggingface/token). Please ensure you have logged in with 'huggingface-cli login'.",
    'I could not download the model until I logged in with the CLI; the variable in the README seems to be the wrong one.',
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves a token found, and a log-in that broke things, alone', () => {
    expect(problem('Hugging Face Hub token found in /root/.cache/huggingface/token, logged in as alice')).not.toBe(
      'token-missing',
    );
    expect(problem('It worked fine until I logged in with the new account.')).not.toBe('token-missing');
  });

  it('a token said invalid beside "Repository Not Found" is the 401; the Hub\'s own body alone leaves the repo', () => {
    expect(
      problem(
        'RepositoryNotFoundError: Repository Not Found for url: https://huggingface.co/api/models/acme/x/revision/main.\n(turned out my HF token was invalid, a new one fixed it)',
      ),
    ).toBe('unauthorized-401');
    expect(
      problem(
        'Repository Not Found for url: https://huggingface.co/acme/typo-model/resolve/main/config.json.\nPlease make sure you specified the correct `repo_id` and `repo_type`.\nInvalid username or password.',
      ),
    ).toBe('repo-access-denied');
  });
});

describe('a 403 on a read by the download calls, without a URL: the gate', () => {
  it.each([
    'hf_hub_download(repo_id="acme/licensed-model", filename="model.safetensors")\nHTTPError: 403 Client Error: Forbidden',
    '$ hf download acme/licensed-model\nError: 403 Forbidden',
    'model = AutoModel.from_pretrained("acme/licensed-model")\nrequests.exceptions.HTTPError: 403 Client Error: Forbidden',
  ])('%s -> gated-repo', (text) => {
    expect(problem(text)).toBe('gated-repo');
  });

  it('leaves a write, and a token the Hub says lacks permissions, to the 403', () => {
    expect(
      problem(
        'api.upload_file(path_or_fileobj="x.bin", path_in_repo="x.bin", repo_id="acme/m")\n403 Client Error: Forbidden for url: https://huggingface.co/api/models/acme/m/preupload/main',
      ),
    ).toBe('forbidden-403');
    expect(
      problem(
        'snapshot_download("acme/m")\n403 Forbidden: This authentication method does not have sufficient permissions to call Inference Providers',
      ),
    ).toBe('forbidden-403');
  });
});

describe("tools' words for a token the Hub refused or that lacks a right, and an app asking for one, on lines of their own", () => {
  it.each([
    [
      'Missing: Hugging Face - User Access Token\nPlease add your access token to huggingface_hub to continue.',
      'token-missing',
    ],
    ['ERROR: Authentication failed with Hugging Face API', 'unauthorized-401'],
    ['Please check that your API token is valid and has the correct permissions', 'unauthorized-401'],
    ["Your HuggingFace token doesn't have the right permissions to access Llama 3.3.", 'forbidden-403'],
    ['the token does not have the required scope for this endpoint', 'forbidden-403'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves other services, other files and the tokenizer alone', () => {
    expect(problem('Authentication failed with GitHub, retrying with SSH')).toBe('unknown');
    expect(problem('Missing: config.json in the output folder')).toBe('unknown');
    expect(problem("the tokenizer doesn't have the right special tokens for chat")).toBe('unknown');
  });
});

describe('a Hugging Face token said invalid or expired in the languages apps word their messages in', () => {
  it.each([
    'Erreur : le token Hugging Face est invalide ou expiré',
    'Fehler: HF_TOKEN ist ungültig',
    'Error: el token de Hugging Face ha caducado',
    'HF_TOKEN non è valido, generane uno nuovo',
    '错误：HF_TOKEN 无效或已过期',
    'Hugging Face トークンが無効です',
  ])('%s -> unauthorized-401', (text) => {
    expect(problem(text)).toBe('unauthorized-401');
  });

  it("leaves another service's token and other things said invalid alone; 'missing' with 'de' stays missing", () => {
    expect(problem('Erreur : le fichier de configuration est invalide')).toBe('unknown');
    expect(problem('Fehler: TELEGRAM_TOKEN ist ungültig')).toBe('unknown');
    expect(problem('Erro: token do Hugging Face ausente')).toBe('token-missing');
  });
});

describe('a token people say they did not give, and a 5xx or a 429 in the languages apps word their messages in', () => {
  it.each([
    ['I forgot to pass HF_TOKEN to the job, so the download failed', 'token-missing'],
    ['we never set the token in the Space secrets', 'token-missing'],
    ["turns out I didn't export my Hugging Face token in that shell", 'token-missing'],
    ['Erreur interne du serveur, veuillez réessayer', 'server-error'],
    ['Fehler: Interner Serverfehler beim Herunterladen', 'server-error'],
    ['错误：服务器内部错误', 'server-error'],
    ['Trop de requêtes, réessayez plus tard', 'rate-limited'],
    ['请求过多，请稍后再试', 'rate-limited'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves other things not given, a tokenizer, and a case only considered, alone', () => {
    expect(problem("I didn't set the learning rate, so training diverged")).toBe('unknown');
    expect(problem('I did not pass the tokenizer to the trainer')).toBe('unknown');
    expect(
      problem(
        "Invalid user token. If you didn't pass a user token, make sure you are properly logged in by executing `huggingface-cli login`.",
      ),
    ).toBe('unauthorized-401');
  });
});

describe('a log that says its step succeeded, with no word of a failure, is not read as a problem', () => {
  it('asks no guess of a success log', () => {
    // huggingface_hub's login() prints these lines when it worked; pip and git say so in their words.
    for (const text of [
      'Token is valid (permission: write).\nYour token has been saved to /root/.cache/huggingface/token\nLogin successful',
      'Successfully installed huggingface-hub-0.36.0 tokenizers-0.22.1',
      'Upload successful: the model is on the Hub',
    ]) {
      expect(outsideCatalog(text)).toBe(true);
      expect(classifyText(text).problem).toBe('unknown');
    }
  });

  it('reads the failure when a success line sits beside one (near misses)', () => {
    expect(
      outsideCatalog('Login successful\n401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2'),
    ).toBe(false);
    expect(
      problem(
        'Login successful\nrequests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2',
      ),
    ).toBe('unauthorized-401');
    expect(outsideCatalog('Successfully downloaded 3 files, then: Connection refused')).toBe(false);
    expect(outsideCatalog('the upload was not successful')).toBe(false);
  });
});

// Session 11: families from batch Q's tune part (src/core/troubleshoot/wording-signals.ts).
describe('a token people never gave, revoked themselves, or could not paste; a request still waiting; a busy server', () => {
  it.each([
    // The Rust hf-hub crate's log (candle, mistral.rs): where it looked for the saved token.
    [
      '[INFO  hf_hub::api::sync] Token file not found "/home/me/.cache/huggingface/token"\nError: request error: https://huggingface.co/meta-llama/Llama-2-7b-hf/resolve/main/config.json: status code 401',
      'token-missing',
    ],
    ['401 Client Error\nwhere do I put my Hugging Face token?', 'token-missing'],
    ['I made a token, but where should the token be entered in the settings?', 'token-missing'],
    ['Model download error (401): this model requires a Hugging Face token', 'token-missing'],
    ['Some gated repos require an HF token to download', 'token-missing'],
    // dataset-viewer's libapi ResponseNotReadyError.
    [
      '{"error":"The server is busier than usual and the response is not ready yet. Please retry later."}',
      'server-error',
    ],
    ['I rotated my HF token last week and forgot the CI still used it', 'unauthorized-401'],
    ['we regenerated the token without realizing the Space was still using it', 'unauthorized-401'],
    ["Invalid token passed!\nI can't paste my token into the terminal, nothing shows up", 'invalid-token-format'],
    ['pasting the token in PowerShell does not work', 'invalid-token-format'],
    ['my access request for meta-llama/Llama-3.1-8B is still pending', 'gated-repo'],
    ['Your request to get access was rejected by the authors? my access request shows rejected', 'gated-repo'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves near misses alone: another token file, a tokenizer, a pull request, a GPU that is busy', () => {
    expect(problem('Token file not found: /etc/app/oauth_token.txt')).toBe('unknown');
    expect(problem('where do I put the pad token for this tokenizer?')).toBe('unknown');
    expect(problem('where do I put the config file?')).toBe('unknown');
    expect(problem('this endpoint requires a GitHub token')).toBe('unknown');
    expect(problem('my pull request is still pending review')).toBe('unknown');
    expect(problem('the GPU is busier than usual, training is slow')).toBe('unknown');
    expect(problem('I rolled back the version and it works')).toBe('unknown');
    expect(problem('paste the token below and press enter')).toBe('unknown');
    // The request a server keeps pending is not an access request.
    expect(problem('the HTTP request is pending forever')).toBe('unknown');
  });
});

describe('a status people say they get, a token said to stop working or printed empty, the Hub said to seem down', () => {
  it.each([
    ['I get 401 even though my token is correct', 'unauthorized-401'],
    ['we keep getting 429 when downloading the shards', 'rate-limited'],
    ['I get a 503 from the endpoint since this morning', 'server-error'],
    ['my HF token stopped working yesterday', 'unauthorized-401'],
    ['the token no longer works after I changed my password', 'unauthorized-401'],
    ['huggingface token not working anymore', 'unauthorized-401'],
    ['token=None', 'token-missing'],
    ['hf_token: None', 'token-missing'],
    ['DEBUG auth_token: undefined', 'token-missing'],
    ['Hugging Face seems to be down right now', 'server-error'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves near misses alone: counts and sizes, a tokenizer, another site, another thing that stopped', () => {
    expect(problem('I get 4010 items back')).toBe('unknown');
    expect(problem('I get 500 MB free on the disk')).toBe('unknown');
    expect(problem('tokenizer.pad_token = None')).toBe('unknown');
    expect(problem('pad token: None')).toBe('unknown');
    expect(problem('the eos token stopped working in generation')).toBe('unknown');
    expect(problem('the sampling stopped working')).toBe('unknown');
    expect(problem('token_count: 0')).toBe('unknown');
    expect(problem('the site seems to be down')).toBe('unknown');
  });
});

describe('a token the thread found missing by what mended it, an app asking for it, a job run without it', () => {
  it.each([
    ['It works after I logged in with huggingface-cli login', 'token-missing'],
    ['solved by running hf auth login', 'token-missing'],
    ['Fixed by exporting HF_TOKEN before launching', 'token-missing'],
    ['worked once I passed my token to from_pretrained', 'token-missing'],
    ['Add your HF token in the Colab secrets tab', 'token-missing'],
    ['Enter your Hugging Face token to continue', 'token-missing'],
    ['hf jobs run without --secrets HF_TOKEN', 'token-missing'],
    ['Token not configured', 'token-missing'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves near misses alone: another fix, a refused token mended by a new one, another key', () => {
    expect(problem('fixed by upgrading transformers')).toBe('unknown');
    expect(problem('it works after I restarted the kernel')).toBe('unknown');
    expect(problem('solved by setting the pad token')).toBe('unknown');
    expect(problem('the logger is not configured')).toBe('unknown');
    expect(problem('Enter your OpenAI key to continue')).toBe('unknown');
    expect(
      problem(
        '401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2\nit works after I logged in again with a new token',
      ),
    ).toBe('unauthorized-401');
  });
});

describe('a request said to have failed with a status; the Hub site not loading; CloudFront answering for it', () => {
  it.each([
    ['fetch failed with 504', 'server-error'],
    ['download fails with status code 401', 'unauthorized-401'],
    ['the push failed with a 429', 'rate-limited'],
    ['huggingface.co is not loading', 'server-error'],
    ['Hugging Face website not loading since this morning', 'server-error'],
    ['CloudFront: The request could not be satisfied', 'server-error'],
    ['X-Cache: Error from cloudfront', 'server-error'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves counts, a cached answer and another page alone', () => {
    expect(problem('the test failed with 500 samples left')).toBe('unknown');
    expect(problem('training failed with 401 steps left')).toBe('unknown');
    expect(problem('X-Cache: Hit from cloudfront')).toBe('unknown');
    expect(problem('the page is not loading')).toBe('unknown');
  });
});

describe('an HTTP error class with only its status; a token said refused, invalid or deleted without "is"', () => {
  it.each([
    ['HfHubHTTPError: 401', 'unauthorized-401'],
    ['huggingface_hub.errors.HfHubHTTPError: (Request ID: Root=1-abc) 401', 'unauthorized-401'],
    ['RequestError: 401', 'unauthorized-401'],
    ['HTTPError: 503', 'server-error'],
    ['ClientResponseError: 429', 'rate-limited'],
    ['token rejected by huggingface', 'unauthorized-401'],
    ['Hugging Face rejected my token', 'unauthorized-401'],
    ['my token was deleted', 'unauthorized-401'],
    ['Invalid API token', 'unauthorized-401'],
    ['token invalid', 'unauthorized-401'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves other errors with a number, a tokenizer and a refused pull request alone', () => {
    expect(problem('ValueError: 401 samples expected')).toBe('unknown');
    expect(problem('RuntimeError: 500')).toBe('unknown');
    expect(problem('HTTPError: 4010')).toBe('unknown');
    expect(problem('the pad token was removed from the vocab')).toBe('unknown');
    expect(problem('special token invalid in template')).toBe('unknown');
    expect(problem('I rejected the PR')).toBe('unknown');
  });
});

describe("a job's command line its script refused (argparse, HfArgumentParser); hf jobs told the job is not there", () => {
  it.each([
    // transformers' hf_argparser.py, which TRL's scripts use.
    ["ValueError: Some specified arguments are not used by the HfArgumentParser: ['--lr']", 'job-script-failed'],
    // Python's argparse format strings.
    [
      'usage: train.py [-h] --model MODEL\ntrain.py: error: the following arguments are required: --model',
      'job-script-failed',
    ],
    ['sft.py: error: unrecognized arguments: --lora_r 16', 'job-script-failed'],
    ["train.py: error: argument --epochs: invalid int value: 'three'", 'job-script-failed'],
    ['hf jobs inspect 68a1 -> 404 Client Error', 'job-not-found'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves other "error:" lines and a 404 elsewhere alone', () => {
    expect(problem('error: the token argument is deprecated')).toBe('unknown');
    expect(problem('404 Client Error: Not Found for url: https://huggingface.co/api/models/acme/nope')).not.toBe(
      'job-not-found',
    );
  });
});

describe("the gate, a repo not where it was asked for, and the network, in people's words", () => {
  it.each([
    ['I accepted the terms but still get 403 on meta-llama/Llama-3.1-8B', 'gated-repo'],
    ['please request access to the model on Hugging Face', 'gated-repo'],
    ['Access to this model is restricted', 'gated-repo'],
    ['my access to the model google/gemma-2b was not granted yet', 'gated-repo'],
    ['License agreement not accepted for this model', 'gated-repo'],
    ['you must accept the conditions at https://hf.co/pyannote/segmentation-3.0', 'gated-repo'],
    ['model acme/foo not found on huggingface', 'repo-access-denied'],
    ['404: model acme/foo not found', 'repo-access-denied'],
    ['OSError: acme/nope is not a valid model identifier', 'repo-access-denied'],
    ['the repo is private', 'repo-access-denied'],
    ['The repo was renamed last week', 'repo-access-denied'],
    ['typo in the repo id', 'repo-access-denied'],
    ['I am behind a corporate proxy', 'network-error'],
    ['no internet access in the job', 'network-error'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it("leaves another site's terms and access, a file, a variable and slow internet alone", () => {
    expect(problem('accept the terms of service to continue')).toBe('unknown');
    expect(problem('I accepted the license of the font')).toBe('unknown');
    expect(problem('request access to the S3 bucket from IT')).toBe('unknown');
    expect(problem('the file is not found on disk')).toBe('unknown');
    expect(problem('the variable is private')).toBe('unknown');
    expect(problem('the internet is slow today')).toBe('unknown');
  });
});

describe("a token that may not write, a job's timeout, an organization's approval, a job not found: people's words", () => {
  it.each([
    ['my token is read-only so I cannot push', 'forbidden-403'],
    ['I used a read token instead of a write token', 'forbidden-403'],
    ['You do not have write access to this repo', 'forbidden-403'],
    ['not a member of the organization acme', 'forbidden-403'],
    ['permission denied when pushing to the hub', 'forbidden-403'],
    ['the job hit its timeout', 'job-timeout'],
    ['job stopped after 30 minutes', 'job-timeout'],
    ['the job was killed after the default 30 min timeout', 'job-timeout'],
    ['I need a longer timeout for my job', 'job-timeout'],
    ['my org requires admin approval for tokens', 'org-token-policy'],
    ['the organization admin has to approve my token', 'org-token-policy'],
    ['job id not found', 'job-not-found'],
    ['could not find job 68a1b2', 'job-not-found'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it("leaves a file's permission, git's key, a read-only disk, an approved PR and another timeout alone", () => {
    expect(problem('PermissionError: [Errno 13] Permission denied: /root/.cache/huggingface/hub')).not.toBe(
      'forbidden-403',
    );
    expect(problem('git@hf.co: Permission denied (publickey) when pushing to the repo')).not.toBe('forbidden-403');
    expect(problem('the file system is read-only')).toBe('unknown');
    expect(problem('the read token works for downloads')).toBe('unknown');
    expect(problem('the org approved my PR')).toBe('unknown');
    expect(problem('the request hit its timeout')).toBe('unknown');
    expect(problem('the training stopped after 30 minutes')).toBe('unknown');
  });
});

describe('the Hub out of reach, the gate, a token not given or refused, a repo not there: in the languages of the issues', () => {
  it.each([
    ['连接 huggingface 超时', 'network-error'],
    ['下载模型时网络超时', 'network-error'],
    ['国内无法访问huggingface', 'network-error'],
    ['huggingface被墙了', 'network-error'],
    ['No se puede conectar a huggingface.co', 'network-error'],
    ['Impossible de se connecter à huggingface.co', 'network-error'],
    ['Verbindung zu huggingface.co fehlgeschlagen', 'network-error'],
    ['Não foi possível conectar ao huggingface.co', 'network-error'],
    ['Не удалось подключиться к huggingface.co', 'network-error'],
    ['模型需要申请访问权限', 'gated-repo'],
    ['没有权限访问该模型 meta-llama/Llama-2-7b', 'gated-repo'],
    ['申请了访问权限还在审核中', 'gated-repo'],
    ['未登录 huggingface', 'token-missing'],
    ['没有设置 HF_TOKEN', 'token-missing'],
    ['huggingface 的 token 无效', 'unauthorized-401'],
    ['仓库不存在', 'repo-access-denied'],
    ['找不到模型 acme/foo', 'repo-access-denied'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves another server and a file alone', () => {
    expect(problem('No se puede conectar a la base de datos')).toBe('unknown');
    expect(problem('文件不存在')).toBe('unknown');
  });
});

describe('session 12: a token said not sent, a repo id never filled in, a transfer cut mid-body, a control character as the token', () => {
  it.each([
    // People's and maintainers' words for a request that went without the token.
    ['push_to_hub fails because the token is not being passed to HfApi', 'token-missing'],
    ['the HF token is never forwarded to the worker processes, so the download gets a 401', 'token-missing'],
    [
      "HF_TOKEN wasn't sent with the request; 401 Client Error: Unauthorized for url: https://huggingface.co/api/repos/create",
      'token-missing',
    ],
    ['The wrapper does not pass the token to snapshot_download: 401 Unauthorized', 'token-missing'],
    ['upload_folder fails without passing the HF token: Invalid username or password.', 'token-missing'],
    // A Hub URL with a repo id the program never filled in (Python's None, the parameter's name, a README's PATH,
    // an f-string's braces, JavaScript's undefined).
    [
      'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/None/resolve/main/config.json',
      'repo-access-denied',
    ],
    [
      'HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/datasets/None/revision/main',
      'repo-access-denied',
    ],
    [
      '401 Client Error: Unauthorized for url: https://huggingface.co/model_name_or_path/resolve/main/tokenizer.json',
      'repo-access-denied',
    ],
    [
      'Repository Not Found for url: https://huggingface.co/api/models/{repo_id}/revision/main. Invalid username or password.',
      'repo-access-denied',
    ],
    ['GET https://huggingface.co/api/models/undefined 401 (Unauthorized)', 'repo-access-denied'],
    // The Rust clients' Debug words for a body cut short.
    [
      'Error: reqwest::Error { kind: Decode, source: hyper::Error(Body, Custom { kind: UnexpectedEof, error: IncompleteBody }) } while downloading model.safetensors',
      'network-error',
    ],
    ['download failed: hyper::Error(Body, Error { kind: UnexpectedEof })', 'network-error'],
    // A control character where the token should be (rich's locals, a debug print).
    ["│ │                 token = '\\x16'                                        │ │", 'invalid-token-format'],
    ['hf_token="\\x03\\x16" (len 2)', 'invalid-token-format'],
  ])('%s -> %s', (text, want) => {
    expect(problem(text)).toBe(want);
  });

  it("leaves a token that went, a real repo, other EOFs and a tokenizer's special tokens alone", () => {
    // The token was passed: nothing says it was missing.
    expect(problem('the token is passed to HfApi(token=...) and the push works')).toBe('unknown');
    expect(problem('token not passed validation: must start with hf_')).not.toBe('token-missing');
    expect(problem('the pad token is not passed to the model, generation never stops')).toBe('unknown');
    // A real repo whose name starts like a placeholder, and a placeholder outside the Hub.
    expect(
      problem('401 Client Error: Unauthorized for url: https://huggingface.co/Nonesuch/model/resolve/main/config.json'),
    ).not.toBe('repo-access-denied');
    expect(problem('npm ERR! 401 Unauthorized - GET https://registry.example.com/None/-/pkg.tgz')).not.toBe(
      'repo-access-denied',
    );
    // An EOF that is not a transfer: Python's input() in a container, a JSON parser.
    expect(problem('EOFError: EOF when reading a line')).not.toBe('network-error');
    expect(problem('serde_json::Error: EOF while parsing a value (UnexpectedEof) at line 1')).not.toBe('network-error');
    // A tokenizer's special tokens, an escape that is not a control character.
    expect(problem("eos_token = '\\n'")).toBe('unknown');
    expect(problem("sep_token='\\x16' in the vocab")).toBe('unknown');
    expect(problem("token = '\\x41BC'")).not.toBe('invalid-token-format');
  });
});

describe('session 12: a status in other verbs, a request made without the token, no Authorization header', () => {
  it.each([
    ['huggingface.co responded with 502 for an hour', 'server-error'],
    ['the download came back with a 503 again', 'server-error'],
    ['snapshot_download keeps throwing 504 on large repos', 'server-error'],
    ['the Hub replied with 429 after the first hundred files', 'rate-limited'],
    ['the API came back with a 401 for my Space', 'unauthorized-401'],
    ['I ran the script without logging in and it fails with 401', 'token-missing'],
    ['downloading the private model without a token gives Repository Not Found', 'token-missing'],
    ['we never logged in on the CI runner, so the gated download is refused with 401', 'token-missing'],
    ['I forgot to set HF_TOKEN in the job; 401 Client Error: Unauthorized', 'token-missing'],
    ['401 because the request was anonymous', 'token-missing'],
    ['unauthenticated requests to the Hub get 401 on private repos', 'token-missing'],
    ['{"error": "Authorization header is missing"}', 'token-missing'],
    ['401: no Authorization header was sent with the request', 'token-missing'],
    ['the proxy forwards the request without an Authorization header', 'token-missing'],
    ['> Authorization: Bearer', 'token-missing'],
  ])('%s -> %s', (text, want) => {
    expect(problem(text)).toBe(want);
  });

  it('leaves counts, a token that was there, the rate limit of anonymous callers and a header that is wrong alone', () => {
    // A count after the verb, a number that is not a status.
    expect(problem('the query came back with 500 results')).toBe('unknown');
    expect(problem('the dashboard shows 503 downloads this month')).toBe('unknown');
    // Logged in, a token given.
    expect(problem('I logged in and passed the token; it works')).toBe('unknown');
    expect(problem('works without any changes after the update')).toBe('unknown');
    // The Hub's limit for anonymous callers is the rate limit, not a missing token.
    expect(problem('429 Too Many Requests: anonymous requests are rate limited, log in for a higher limit')).toBe(
      'rate-limited',
    );
    // A header that is there but wrong, and one the Hub reads as either.
    expect(problem('Authorization: Bearer hf_FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE1234')).not.toBe('token-missing');
    expect(problem('{"error":"Missing or invalid Authorization header"}')).not.toBe('token-missing');
  });
});

describe("session 12: ZeroGPU's quota, a server not answering, the Hub's side, a token not valid, not authenticated", () => {
  it.each([
    ['gradio_client.exceptions.AppError: ZeroGPU quota exceeded (60s requested vs. 12s left)', 'rate-limited'],
    ['You have exceeded your free GPU quota. Try again in 23:59:12', 'rate-limited'],
    ['the Space is not responding: 502', 'server-error'],
    ['the endpoint is unavailable (503) since this morning', 'server-error'],
    ['HF is having issues right now, uploads to the Hub fail', 'server-error'],
    ['Hugging Face is having an outage', 'server-error'],
    ['looks like an error on the Hub side, retrying later', 'server-error'],
    ['login failed: token not valid', 'unauthorized-401'],
    ['my HF token is no longer valid after I changed my password', 'unauthorized-401'],
    ['Your token seems to be invalid, please check it', 'unauthorized-401'],
    ['Error: not authenticated with huggingface', 'token-missing'],
    ['You are not authenticated. Run `hf auth login` first.', 'token-missing'],
  ])('%s -> %s', (text, want) => {
    expect(problem(text)).toBe(want);
  });

  it("leaves another quota, a count, the user's side, a valid token and another service's login alone", () => {
    expect(problem('disk quota exceeded on /home')).not.toBe('rate-limited');
    expect(problem('the server went down after 500 requests')).toBe('unknown');
    expect(problem('the error was on my side: a typo in the script')).toBe('unknown');
    expect(problem('the token is valid (permission: write)')).toBe('unknown');
    expect(problem('Error response from daemon: not authenticated with docker')).toBe('unknown');
  });
});

describe("session 12: another service's SDK, API or CLI named beside its status", () => {
  it.each([
    'groq.RateLimitError: Error code: 429 - Rate limit reached for model llama3-70b-8192 on tokens per minute',
    'botocore.exceptions.ClientError: An error occurred (403) when calling the HeadObject operation: Forbidden',
    'pinecone.core.client.exceptions.UnauthorizedException: (401) Reason: Unauthorized',
    'mistralai.exceptions.MistralAPIException: Status: 401. Message: Unauthorized',
    'Error: 401 Unauthorized - your OpenRouter API key is invalid',
    'anthropic.InternalServerError: Error code: 500 - {"type":"error","error":{"type":"api_error"}}',
    'kaggle: 401 - Unauthorized',
    'Weights & Biases: 502 Bad Gateway when syncing runs',
  ])('%s -> unknown', (text) => {
    expect(problem(text)).toBe('unknown');
  });

  it('leaves the Hub answering through another SDK, and a library only named, alone', () => {
    // The OpenAI SDK pointed at the Hub's router: the Hub's answer.
    expect(
      problem(
        'openai.AuthenticationError: Error code: 401 - {"error":"Invalid credentials in Authorization header"} (base_url=https://router.huggingface.co/v1)',
      ),
    ).toBe('unauthorized-401');
    // A module name that is not an exception, beside the Hub's 503.
    expect(
      problem(
        'import openai\nhuggingface_hub.errors.HfHubHTTPError: 503 Server Error: Service Unavailable for url: https://huggingface.co/api/models/acme/m',
      ),
    ).toBe('server-error');
  });
});

describe('session 12: how to give the token, a program that never read it, authentication said failed, servers down, throttling', () => {
  it.each([
    ['How do I pass my Hugging Face token to the model loader? It keeps failing to download', 'token-missing'],
    ['Is there a way to specify the HF token? I get an auth error', 'token-missing'],
    ['Can you add support for passing an HF token?', 'token-missing'],
    ['I set the token in .env but the app does not read it', 'token-missing'],
    ['it prompts for a huggingface token in a non-interactive job and crashes', 'token-missing'],
    ['no cached token, please log in', 'token-missing'],
    ['Authentication with the Hub failed', 'unauthorized-401'],
    ['authentication error when downloading from hugging face', 'unauthorized-401'],
    ['Unauthorized access to huggingface.co', 'unauthorized-401'],
    ['the token I generated does not work', 'unauthorized-401'],
    ['Hugging Face servers are down', 'server-error'],
    ["HF's servers seem overloaded today", 'server-error'],
    ['you are sending requests too quickly', 'rate-limited'],
    ['HF throttles my downloads after a few GB', 'rate-limited'],
  ])('%s -> %s', (text, want) => {
    expect(problem(text)).toBe(want);
  });

  it("leaves a tokenizer's tokens, a password, another service's login and a size alone", () => {
    expect(problem('how do I use the token embeddings of the model?')).toBe('unknown');
    expect(problem('how to set the max token length for generation')).toBe('unknown');
    expect(problem('the tokenizer does not read the special tokens from the file')).toBe('unknown');
    expect(problem('the installer asks me for a password')).toBe('unknown');
    expect(problem('authentication with GitHub failed')).not.toBe('unauthorized-401');
    expect(problem('the request body is too large for the proxy')).not.toBe('rate-limited');
  });
});

describe("session 12: HF Jobs' thin ids in more of people's words", () => {
  it.each([
    ['my HF job times out after 30m even though training is not done', 'job-timeout'],
    ['the job keeps timing out at the same step', 'job-timeout'],
    ['Job exceeded the maximum duration and was stopped', 'job-timeout'],
    ['the default timeout of hf jobs is too short for my training', 'job-timeout'],
    ['I cannot find my job, hf jobs inspect says it does not exist', 'job-not-found'],
    ['the job id is wrong, no such job', 'job-not-found'],
    ['The organization requires fine-grained tokens to be approved', 'org-token-policy'],
  ])('%s -> %s', (text, want) => {
    expect(problem(text)).toBe(want);
  });

  it("leaves a request's timeout, a job's file, a cron entry and an approved pull request alone", () => {
    expect(problem('the request times out after 10 seconds')).not.toBe('job-timeout');
    expect(problem('cannot find the job file jobs/train.yaml')).not.toBe('job-not-found');
    expect(problem('the organization requires pull requests to be approved before merging')).not.toBe(
      'org-token-policy',
    );
  });
});

describe('session 12: a Hugging Face token not set or invalid, and the Hub out of reach, in more languages', () => {
  it.each([
    ['Hugging Face のトークンが設定されていません', 'token-missing'],
    ['HF_TOKEN이 설정되지 않았습니다 (Hugging Face)', 'token-missing'],
    ['Не задан токен Hugging Face (HF_TOKEN)', 'token-missing'],
    ['O token do Hugging Face não está definido', 'token-missing'],
    ["Le token Hugging Face n'est pas défini", 'token-missing'],
    ['Неверный токен Hugging Face', 'unauthorized-401'],
    ['Jeton Hugging Face invalide', 'unauthorized-401'],
    ['Hugging Face: トークンが無効です', 'unauthorized-401'],
    ['Не удается подключиться к huggingface.co', 'network-error'],
  ])('%s -> %s', (text, want) => {
    expect(problem(text)).toBe(want);
  });

  it("leaves another service's token and another host alone", () => {
    expect(problem('Не задан токен бота Telegram')).toBe('unknown');
    expect(problem('トークンが設定されていません (Slack)')).toBe('unknown');
    expect(problem('jeton du bot Telegram invalide')).toBe('unknown');
    expect(problem('Не удается подключиться к базе данных')).toBe('unknown');
  });
});

describe('session 12: an access request not approved, a token without a permission, a quoted repo id not found', () => {
  it.each([
    ['I requested access to Llama 3 but have not been approved yet', 'gated-repo'],
    ['applied for access two days ago, still pending', 'gated-repo'],
    ['token has read-only scope, cannot push', 'forbidden-403'],
    ['the token lacks the "Make calls to Inference Providers" permission', 'forbidden-403'],
    ['my token does not have write permission on the org', 'forbidden-403'],
    ['Model "acme/foo" not found', 'repo-access-denied'],
  ])('%s -> %s', (text, want) => {
    expect(problem(text)).toBe(want);
  });

  it('leaves a pull request waiting, a file that is read-only and a local file not found alone', () => {
    expect(problem('I requested a review on the pull request, still pending')).toBe('unknown');
    expect(problem('the file is read-only, cannot write the cache')).not.toBe('forbidden-403');
    expect(problem("file 'data/train.json' not found")).not.toBe('repo-access-denied');
  });
});

describe('session 12: a firewall blocking the Hub, a DNS lookup failing, a stalled download, credits run out', () => {
  it.each([
    ['my company firewall blocks huggingface.co', 'network-error'],
    ['DNS lookup failed for huggingface.co', 'network-error'],
    ['the download stalls at 0% and then nothing happens', 'network-error'],
    ['I ran out of inference credits on my PRO account', 'payment-required'],
  ])('%s -> %s', (text, want) => {
    expect(problem(text)).toBe(want);
  });

  it('leaves a blocked user, a count of credits and a hanging process alone', () => {
    expect(problem('the forum blocks new users from posting links')).toBe('unknown');
    expect(problem('the course gives 3 credits')).toBe('unknown');
    expect(problem('the training loop hangs after epoch 2')).not.toBe('network-error');
  });
});

describe("session 11's wording rules carry a gate that every line they match holds", () => {
  it('on every line of the tuning part and of these tests', () => {
    const lines = [
      ...loadCorpus('tune').flatMap((t) => t.text.split(/\r?\n/)),
      ...readFileSync(fileURLToPath(import.meta.url), 'utf8').split(/\r?\n/),
    ].filter((l) => l.length <= 4000);
    for (const s of WORDING_SIGNALS)
      for (const line of lines)
        if (s.re.test(line))
          expect(
            s.gate.some((g) => line.toLowerCase().includes(g)),
            `${s.re.source}\n${line}`,
          ).toBe(true);
  });
});
