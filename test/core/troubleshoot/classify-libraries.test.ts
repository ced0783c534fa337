// The wordings of the tools people use with Hugging Face tokens and Jobs beyond huggingface_hub and the libraries read
// in sessions 8-9 (issue 14, session 10): each text is built from the tool's own format string, filled in as the tool
// prints it (the class name, the prefix it adds), with its source (repository, path, and the line quoted), and the near
// misses each rule must leave alone. The rules alone: the second tier is tested in guess.test.ts.
import {describe, expect, it} from 'vitest';
import {classifyText} from '../../../src/core/troubleshoot/classify.js';

const problem = (text: string) => classifyText(text, {guess: false}).problem;

describe('git asking for credentials where nobody can type them', () => {
  it.each([
    // git/git prompt.c: `err = "terminal prompts disabled";` ... `die("could not read %s%s", prompt, err);` (the prompt
    // is credential.c's "Username for 'URL': "); with a terminal that cannot be read, err is strerror(errno).
    "fatal: could not read Username for 'https://huggingface.co': terminal prompts disabled",
    "fatal: could not read Username for 'https://huggingface.co': No such device or address",
    "fatal: could not read Password for 'https://alice@huggingface.co': terminal prompts disabled",
    // git-lfs creds/creds.go: `errmsg := tr.Tr.Get("Git credentials for %s not found", credWrapper.Url)`.
    'Git credentials for https://huggingface.co/acme/m not found.',
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it("leaves another forge's credentials alone", () => {
    expect(problem("fatal: could not read Username for 'https://github.com': terminal prompts disabled")).not.toBe(
      'token-missing',
    );
    expect(problem('Git credentials for https://gitlab.com/acme/m not found.')).not.toBe('token-missing');
  });
});

describe("git-lfs's words for the LFS batch API's statuses (lfshttp/errors.go)", () => {
  // defaultErrors: `401: "Authorization error: %s\nCheck that you have proper access to the repository"`, the same for
  // 403; a 401 is wrapped by errors.NewAuthError (errors/types.go: `tr.Tr.Get("Authentication required")`), and tq/api.go
  // wraps the batch call in "batch response".
  it('a 401 (the credentials refused) -> unauthorized-401', () => {
    expect(
      problem(
        'batch response: Authentication required: Authorization error: https://huggingface.co/acme/m.git/info/lfs/objects/batch\nCheck that you have proper access to the repository',
      ),
    ).toBe('unauthorized-401');
    // commands/command_smudge.go: `tr.Tr.Get("Error downloading object: %s (%s): %s", filename, oid, err)`, with
    // errors/types.go's "Smudge error".
    expect(
      problem(
        'Error downloading object: model.safetensors (a1b2c3d): Smudge error: Error downloading model.safetensors (a1b2c3d4e5): batch response: Authentication required: Authorization error: https://huggingface.co/acme/m.git/info/lfs/objects/batch',
      ),
    ).toBe('unauthorized-401');
  });

  it('a 403, a 404, a 5xx, a 429', () => {
    expect(
      problem(
        'LFS: Authorization error: https://huggingface.co/acme/m.git/info/lfs/objects/batch\nCheck that you have proper access to the repository',
      ),
    ).toBe('forbidden-403');
    // `404: "Repository or object not found: %s\nCheck that it exists and that you have proper access to it"`
    expect(
      problem(
        'batch response: Repository or object not found: https://huggingface.co/acme/m.git/info/lfs/objects/batch\nCheck that it exists and that you have proper access to it',
      ),
    ).toBe('repo-access-denied');
    // `500: "Server error: %s"`, and `tr.Tr.Get("Server error %s from HTTP %d", res.Request.URL, res.StatusCode)`.
    expect(problem('batch response: Server error: https://huggingface.co/acme/m.git/info/lfs/objects/batch')).toBe(
      'server-error',
    );
    expect(
      problem('batch response: Server error https://huggingface.co/acme/m.git/info/lfs/objects/batch from HTTP 503'),
    ).toBe('server-error');
    // `429: "Rate limit exceeded: %s"` (already right before this session).
    expect(
      problem('batch response: Rate limit exceeded: https://huggingface.co/acme/m.git/info/lfs/objects/batch'),
    ).toBe('rate-limited');
  });

  it('leaves a server that answered, and plain "authorization" talk, alone', () => {
    expect(problem('Server error: the model returned an empty answer')).not.toBe('server-error');
    expect(problem('see the Authorization error handling section of the docs')).toBe('unknown');
  });
});

describe("llama.cpp's -hf downloads", () => {
  it('a 401 from the manifest API: the repo is private, missing, or gated and asked for without a token', () => {
    // common/arg.cpp (before common/download.cpp): `else if (res_code == 401) { throw std::runtime_error("error: model
    // is private or does not exist; if you are accessing a gated model, please provide a valid HF token"); }`
    expect(
      problem(
        'error: model is private or does not exist; if you are accessing a gated model, please provide a valid HF token',
      ),
    ).toBe('repo-access-denied');
    expect(
      problem(
        "terminate called after throwing an instance of 'std::runtime_error'\n  what():  error: model is private or does not exist; if you are accessing a gated model, please provide a valid HF token\nAborted (core dumped)",
      ),
    ).toBe('repo-access-denied');
  });

  it("the Hub's words after common/hf-cache.cpp's GET failed (N), and the download's status", () => {
    // common/hf-cache.cpp: `throw std::runtime_error("GET failed (" + std::to_string(res->status) + "): " + body);`
    // (body = the JSON answer's "error"), logged as `LOG_ERR("%s: error: %s\n", __func__, e.what());`
    expect(problem('get_repo_commit: error: GET failed (401): Invalid credentials in Authorization header')).toBe(
      'unauthorized-401',
    );
    expect(problem('get_repo_commit: error: GET failed (404): Repository not found')).toBe('repo-access-denied');
    expect(
      problem(
        'get_repo_commit: error: GET failed (403): Access to model google/gemma-3-4b-it-qat-q4_0-gguf is restricted and you are not in the authorized list. Visit https://huggingface.co/google/gemma-3-4b-it-qat-q4_0-gguf to ask for access.',
      ),
    ).toBe('gated-repo');
    // common/download.cpp: `string_format("Download '%s' failed with status code: %d", url.c_str(), status)`.
    expect(
      problem("Download 'https://huggingface.co/acme/m-GGUF/resolve/main/m-Q4_K_M.gguf' failed with status code: 401"),
    ).toBe('unauthorized-401');
  });

  it('a token that is not one: common/hf-cache.cpp sends none', () => {
    // `LOG_WRN("%s: invalid token, authentication disabled\n", __func__);` (is_valid_hf_token: hf_ and 37+ characters).
    expect(problem('api_get: invalid token, authentication disabled')).toBe('invalid-token-format');
    expect(problem('the token is invalid')).toBe('unauthorized-401');
  });

  it("cpp-httplib's words for no answer (httplib.h to_string(Error)), as llama.cpp prints them", () => {
    // hf-cache.cpp: `throw std::runtime_error("HTTPLIB failed: " + httplib::to_string(res.error()));`; download.cpp:
    // `LOG_ERR("%s: download failed: %s (status: %d)\n", ...)`; old common.cpp: "error: cannot make GET request".
    for (const text of [
      'get_repo_commit: error: HTTPLIB failed: Could not establish connection',
      'get_repo_commit: error: HTTPLIB failed: SSL server verification failed',
      'common_pull_file: download failed: Failed to read connection (status: -1)',
      'error: failed to get repo tree: error: cannot make GET request',
    ])
      expect(problem(text), text).toBe('network-error');
    // A browser extension's message is not a network failure.
    expect(problem('Could not establish connection. Receiving end does not exist.')).not.toBe('network-error');
  });
});

describe("ollama's hf.co/ pulls (server/images.go)", () => {
  // `return fmt.Errorf("pull model manifest: %s", err)`; a 404 is os.ErrNotExist (cmd/cloud_suggest.go:
  // `pullModelNotFoundMessage = "pull model manifest: file does not exist"`); a 401 after the token exchange is
  // `errUnauthorized = errors.New("unauthorized: access denied")`; another status `fmt.Errorf("%d: %s", ...)`.
  it.each([
    ['Error: pull model manifest: file does not exist', 'repo-access-denied'],
    ['pulling manifest \nError: pull model manifest: unauthorized: access denied', 'unauthorized-401'],
    // Already right before this session: the Hub's own body after the status.
    ['Error: pull model manifest: 401: {"error":"Invalid username or password."}', 'unauthorized-401'],
    [
      'Error: pull model manifest: 403: {"error":"Access to model google/gemma-3-27b-it is restricted and you are not in the authorized list. Visit https://huggingface.co/google/gemma-3-27b-it to ask for access."}',
      'gated-repo',
    ],
    [
      'Error: pull model manifest: Get "https://hf.co/v2/bartowski/Llama-3.2-1B-Instruct-GGUF/manifests/latest": dial tcp 3.165.160.61:443: i/o timeout',
      'network-error',
    ],
  ])('%s -> %s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('leaves a local file that does not exist alone', () => {
    expect(problem('Error: open /home/alice/Modelfile: file does not exist')).not.toBe('repo-access-denied');
  });
});

describe('hf_transfer, autotrain-advanced, Unsloth', () => {
  it('hf_transfer and the wrapper huggingface_hub put around it', () => {
    // huggingface_hub v0.30.0 file_download.py: "An error occurred while downloading using `hf_transfer`. Consider"
    // " disabling HF_HUB_ENABLE_HF_TRANSFER for better error handling." (raised from the hf_transfer error).
    expect(
      problem(
        'RuntimeError: An error occurred while downloading using `hf_transfer`. Consider disabling HF_HUB_ENABLE_HF_TRANSFER for better error handling.',
      ),
    ).toBe('network-error');
    // hf_transfer src/lib.rs: `"Failed after too many retries ({max_retries}): {dlerr}"`, `Self::Request(req) =>
    // write!(f, "Request: {req}")`; a status from reqwest's error_for_status (already right before this session).
    expect(
      problem(
        'Exception: Failed after too many retries (5): Request: error sending request for url (https://cdn-lfs-us-1.hf.co/repos/ab/cd/ef)',
      ),
    ).toBe('network-error');
    expect(
      problem(
        'Traceback (most recent call last):\n  File "dl.py", line 3, in <module>\nException: HTTP status client error (401 Unauthorized) for url (https://huggingface.co/acme/m/resolve/main/model.safetensors)\n\nThe above exception was the direct cause of the following exception:\n\nRuntimeError: An error occurred while downloading using `hf_transfer`. Consider disabling HF_HUB_ENABLE_HF_TRANSFER for better error handling.',
      ),
    ).toBe('unauthorized-401');
  });

  it("autotrain-advanced's whoami check (app/utils.py)", () => {
    // `raise Exception(f"Invalid token ({_err_msg}). Please login with a write token.")` when whoami is not 200.
    expect(
      problem('Exception: Invalid token (https://huggingface.co/api/whoami-v2). Please login with a write token.'),
    ).toBe('unauthorized-401');
    // `raise Exception("Please login with a write token.")` when no token came.
    expect(problem('Exception: Please login with a write token.')).toBe('token-missing');
    // `raise Exception(f"Hugging Face Hub ({_err_msg}) is unreachable, please try again later.")`
    expect(
      problem(
        'Exception: Hugging Face Hub (https://huggingface.co/api/whoami-v2) is unreachable, please try again later.',
      ),
    ).toBe('network-error');
    expect(problem('the cluster is unreachable from this laptop')).not.toBe('network-error');
  });

  it("Unsloth's save.py asking for a token", () => {
    // `"Unsloth: Pushing to HF requires a token. Pass \`token = 'hf_....'\`\n" "Go to https://huggingface.co/settings/tokens."`
    expect(
      problem(
        "RuntimeError: Unsloth: Pushing to HF requires a token. Pass `token = 'hf_....'`\nGo to https://huggingface.co/settings/tokens.",
      ),
    ).toBe('token-missing');
    // `"Unsloth: Please supply a token!\nGo to https://huggingface.co/settings/tokens"`
    expect(problem('RuntimeError: Unsloth: Please supply a token!\nGo to https://huggingface.co/settings/tokens')).toBe(
      'token-missing',
    );
    // `raise RuntimeError("Unsloth: Please specify a token for uploading!")`, and the same as an assert.
    expect(problem('AssertionError: Unsloth: Please specify a token for uploading!')).toBe('token-missing');
    // A tokenizer's token is not the credential; a hint for a private Space stays the Space's story.
    expect(problem('ValueError: please provide a token id for the padding side')).not.toBe('token-missing');
    expect(
      problem(
        'ValueError: Could not find Space: acme/demo. If it is a private Space, please provide a Hugging Face token.',
      ),
    ).toBe('repo-access-denied');
  });
});

describe('gradio: gr.load and its CLI', () => {
  it.each([
    // external.py: `f"Could not find Space: {space_name}. If it is a private or gated Space, please provide your Hugging
    // Face access token (https://huggingface.co/settings/tokens) as the argument for the \`token\` parameter."`
    [
      'ValueError: Could not find Space: acme/demo. If it is a private or gated Space, please provide your Hugging Face access token (https://huggingface.co/settings/tokens) as the argument for the `token` parameter.',
      'repo-access-denied',
    ],
    // external_utils.py handle_hf_error: `raise Error("Unauthorized, please make sure you are signed in.") from e`
    ["gradio.exceptions.Error: 'Unauthorized, please make sure you are signed in.'", 'token-missing'],
    // cli/commands/hf_login.py: `print("❌  Error logging in to Hugging Face with $HF_TOKEN")`, then the prompt.
    ['❌  Error logging in to Hugging Face with $HF_TOKEN\nLogging in with CLI prompt...', 'unauthorized-401'],
    // `"🔑  No Hugging Face login found, launching login prompt... \n\nPlease use a token with permission to make calls
    // to Inference Providers \n"`
    ['🔑  No Hugging Face login found, launching login prompt... ', 'token-missing'],
    // cli/commands/deploy_space.py: `print("Need 'write' access token to create a Spaces repo.")`
    ["Need 'write' access token to create a Spaces repo.", 'forbidden-403'],
    // exceptions.py TooManyRequestsError's default message (already right before this session).
    ["gradio.exceptions.Error: 'Too many requests. Please try again later.'", 'rate-limited'],
  ])('%s -> %s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('leaves a gated layer and a write that is not a token alone', () => {
    expect(problem('the private or gated model card is shown below')).not.toBe('gated-repo');
    expect(problem('the cache needs write access to /data')).toBe('unknown');
  });
});

describe("apps' short forms for the variable not set", () => {
  it.each([
    "RuntimeError: HF_TOKEN isn't set. Add HF_TOKEN to your environment/.env.",
    "HUGGINGFACE_API_KEY wasn't found",
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });
});

describe('already right before this session: hf_xet and huggingface.js as their sources word them', () => {
  it.each([
    // xet-core hf_xet (before the XetError rework): `PyRuntimeError::new_err(format!("Data processing error: {e}"))`,
    // data/src/errors.rs `#[error("CAS service error : {0}")]`, cas_client `#[error("Reqwest Error: {0}, domain: {1}")]`.
    [
      'RuntimeError: Data processing error: CAS service error : Reqwest Error: HTTP status client error (401 Unauthorized), domain: https://cas-server.xethub.hf.co/reconstruction/7b1e2f',
      'unauthorized-401',
    ],
    // xet_pkg/src/error.rs: `#[error("Rate limited: {0}")]` raised as PyConnectionError, `#[error("Server error: {0}")]`,
    // `#[error("Network error: {0}")]`; xet_client `#[error("Request error: {0}, domain: {1}")]`.
    [
      'ConnectionError: Rate limited: Request error: HTTP status client error (429 Too Many Requests) for url (https://cas-server.xethub.hf.co/v1/reconstructions/abc), domain: https://cas-server.xethub.hf.co',
      'rate-limited',
    ],
    [
      'ConnectionError: Server error: Request error: HTTP status server error (503 Service Unavailable) for url (https://cas-server.xethub.hf.co/v1/reconstructions/abc), domain: https://cas-server.xethub.hf.co',
      'server-error',
    ],
    [
      'ConnectionError: Network error: Request error: error sending request for url (https://cas-server.xethub.hf.co/v1/reconstructions/abc), domain: https://cas-server.xethub.hf.co',
      'network-error',
    ],
    // @huggingface/hub error.ts createApiError: `error.message = json.error || ...; error.message += \`. ${trailer}\``
    // with trailer "URL: ...", or `Api error with status ${error.statusCode}`.
    [
      'HubApiError: Invalid credentials in Authorization header. URL: https://huggingface.co/api/whoami-v2. Request ID: Root=1-abc',
      'unauthorized-401',
    ],
    ['Error: Api error with status 401. URL: https://huggingface.co/api/repos/create', 'unauthorized-401'],
    // @huggingface/inference getInferenceProviderMapping.ts: `Failed to fetch inference provider mapping for model
    // ${modelId}: ${error.error}`; utils/request.ts: `Failed to perform inference: ${output.error}`.
    [
      'InferenceClientHubApiError: Failed to fetch inference provider mapping for model acme/nope: Repository not found',
      'repo-access-denied',
    ],
    [
      'ProviderApiError: Failed to perform inference: You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.',
      'payment-required',
    ],
  ])('%s -> %s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });
});

describe("huggingface_hub's browser log-in and its refresh (utils/_oauth_device.py, utils/_auth.py)", () => {
  it('a refresh the Hub refused is the 401, whatever login command follows', () => {
    // _auth.py: `"Your Hugging Face access token has expired and could not be refreshed "` `f"(session expired or
    // revoked). Run \`hf auth login\` to re-authenticate. ({e})"`; _oauth_device.py: `f"Failed to refresh access token:
    // {error or response.status_code} - {data.get('error_description', '')}"`.
    expect(
      problem(
        'Your Hugging Face access token has expired and could not be refreshed (session expired or revoked). Run `hf auth login` to re-authenticate. (Failed to refresh access token: invalid_grant - The refresh token is invalid or expired)',
      ),
    ).toBe('unauthorized-401');
    expect(problem('You are not authenticated. Please run `hf auth login` first.')).toBe('token-missing');
  });

  it.each([
    // `raise DeviceCodeError("Device code expired. Please try again.", ...)`, `"Authorization was denied. Please try
    // again."`; _login.py's notebook: `f"...Login failed: {html.escape(str(e))}..."`.
    'huggingface_hub.errors.DeviceCodeError: Device code expired. Please try again.',
    'huggingface_hub.errors.DeviceCodeError: Authorization was denied. Please try again.',
    'Login failed: Device code expired (timeout). Please try again.',
  ])('a log-in that never completed: %s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves an access request that was denied alone', () => {
    expect(problem('Authorization was denied by the firewall policy')).not.toBe('token-missing');
  });
});

describe("axolotl's check before training (cli/checks.py)", () => {
  it('no token stored, and whoami unanswered', () => {
    // `LOG.warning("Error verifying HuggingFace token. Remember to log in using \`hf auth login\` and get your access
    // token from https://huggingface.co/settings/tokens if you want to use gated models or datasets.")`
    expect(
      problem(
        'WARNING:axolotl.cli.checks:Error verifying HuggingFace token. Remember to log in using `hf auth login` and get your access token from https://huggingface.co/settings/tokens if you want to use gated models or datasets.',
      ),
    ).toBe('token-missing');
    // `LOG.warning("Error accessing HuggingFace. This may be due to a network issue or rate limiting.")`: the hedge is
    // not a rate limit.
    expect(
      problem(
        '[2025-01-01 10:00:00,000] [WARNING] [axolotl.cli.checks.check_user_token:52] [PID:123] Error accessing HuggingFace. This may be due to a network issue or rate limiting.',
      ),
    ).toBe('network-error');
    expect(problem('Error: rate limit exceeded, retry in 30 seconds')).toBe('rate-limited');
  });
});

describe('"Hugging Face Hub token" said missing, and a log-in to the Hub to check', () => {
  it.each([
    "No Hugging Face Hub token found (/root/.cache/huggingface/token). Please ensure you have logged in with 'huggingface-cli login'.",
    'ValueError: Hugging Face Hub token is required to push the model',
    "Please ensure you have logged in with 'huggingface-cli login'.",
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it("leaves another service's token and log-in alone", () => {
    expect(
      problem('No GitHub token found. Set GITHUB_TOKEN env var, pass --token, or authenticate with `gh auth login`.'),
    ).toBe('unknown');
    expect(
      problem("Please ensure you have logged in with 'vercel login' and linked your project with 'vercel link'."),
    ).toBe('unknown');
  });
});

describe("the Hub's own 429 body for an anonymous IP (already right before this session)", () => {
  it('is the rate limit, not the missing token it advises', () => {
    // After ollama's prefix as ollama/ollama#7240 quotes it (`Error: pull model manifest: 429: {"error":"We had to rate
    // limit your IP (1.1.1.1). To continue using our service, create a HF account o...`, cut there); the rest as public
    // files quote the Hub's body in full ("... or login to your existing account, and make sure you pass a HF_TOKEN if
    // you're using the API.").
    expect(
      problem(
        'Error: pull model manifest: 429: {"error":"We had to rate limit your IP (1.1.1.1). To continue using our service, create a HF account or login to your existing account, and make sure you pass a HF_TOKEN if you\'re using the API."}',
      ),
    ).toBe('rate-limited');
  });
});

describe("transformers.js's words for a file it could not load (src/utils/hub/constants.ts, utils.ts)", () => {
  // `throw Error(\`${message}: "${remoteURL}".\`)` with ERROR_MAPPING's `401: "Unauthorized access to file"`, `403:
  // "Forbidden access to file"`, `404: "Could not locate file"`, `408: "Request timeout error occurred while trying to
  // load file"`, `502: "Bad gateway error occurred while trying to load file"`, else `Error (${status}) occurred ...`.
  it.each([
    [
      'Error: Unauthorized access to file: "https://huggingface.co/meta-llama/Llama-3.2-1B-Instruct/resolve/main/config.json".',
      'unauthorized-401',
    ],
    [
      'Error: Request timeout error occurred while trying to load file: "https://huggingface.co/Xenova/gpt2/resolve/main/config.json".',
      'network-error',
    ],
    // Already right before this session.
    [
      'Error: Forbidden access to file: "https://huggingface.co/meta-llama/Llama-3.2-1B-Instruct/resolve/main/onnx/model.onnx".',
      'gated-repo',
    ],
    [
      'Error: Bad gateway error occurred while trying to load file: "https://huggingface.co/Xenova/gpt2/resolve/main/config.json".',
      'server-error',
    ],
    [
      'Error: Error (429) occurred while trying to load file: "https://huggingface.co/Xenova/gpt2/resolve/main/config.json".',
      'rate-limited',
    ],
  ])('%s -> %s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it("leaves an app's own file check alone", () => {
    expect(problem("throw new Error('Unauthorized access to file')")).not.toBe('unauthorized-401');
  });
});

describe('text-generation-inference and text-embeddings-inference (already right before this session)', () => {
  it.each([
    // TEI router/src/lib.rs: `.context("Could not download model artifacts")?` over hf-hub's `#[error("request error:
    // {0}")]` and reqwest's status error.
    [
      'Error: Could not download model artifacts\n\nCaused by:\n    0: request error: HTTP status client error (401 Unauthorized) for url (https://huggingface.co/BAAI/bge-large-en-v1.5/resolve/main/config.json)',
      'unauthorized-401',
    ],
    [
      'Error: Could not download model artifacts\n\nCaused by:\n    0: request error: error sending request for url (https://huggingface.co/api/models/BAAI/bge-large-en-v1.5)',
      'network-error',
    ],
    // TGI launcher/src/main.rs: `tracing::error!("Download encountered an error: {err}")` over the Python download's
    // traceback; router/src/infer/mod.rs `#[error("Model is overloaded")]`.
    [
      '2024-05-01T12:00:00.000000Z ERROR download: text_generation_launcher: Download encountered an error: huggingface_hub.utils._errors.GatedRepoError: 401 Client Error. (Request ID: Root=1-abc)',
      'gated-repo',
    ],
    ['{"error":"Model is overloaded","error_type":"overloaded"}', 'server-error'],
  ])('%s -> %s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });
});

describe("mlx-lm's and LeRobot's words (LeRobot runs its training as HF Jobs)", () => {
  it("mlx-lm's ModelNotFoundError (mlx_lm/utils.py before 5101aebe, May 2025)", () => {
    // `f"Model not found for path or HF repo: {path_or_hf_repo}.\n"` `"Please make sure you specified the local path or
    // Hugging Face"` `" repo id correctly.\nIf you are trying to access a private or"` `" gated Hugging Face repo, make
    // sure you are authenticated:\n"` `"https://huggingface.co/docs/huggingface_hub/en/guides/cli#huggingface-cli-login"`
    expect(
      problem(
        'mlx_lm.utils.ModelNotFoundError: Model not found for path or HF repo: mlx-community/Llama-3.2-3B-Instruct-8bit.\nPlease make sure you specified the local path or Hugging Face repo id correctly.\nIf you are trying to access a private or gated Hugging Face repo, make sure you are authenticated:\nhttps://huggingface.co/docs/huggingface_hub/en/guides/cli#huggingface-cli-login',
      ),
    ).toBe('repo-access-denied');
  });

  it("LeRobot's job launcher (src/lerobot/jobs/hf.py, dataset.py)", () => {
    // hf.py: `f"Job {job_id} ended with stage={stage}{detail}. Check logs: hf jobs logs {job_id}"`, detail = the
    // platform's status message in parentheses.
    expect(
      problem('RuntimeError: Job 6812abcd ended with stage=ERROR (Job timeout). Check logs: hf jobs logs 6812abcd'),
    ).toBe('job-timeout');
    expect(problem('RuntimeError: Job 6812abcd ended with stage=ERROR. Check logs: hf jobs logs 6812abcd')).toBe(
      'job-script-failed',
    );
    const canceled = classifyText(
      'RuntimeError: Job 6812abcd ended with stage=CANCELED. Check logs: hf jobs logs 6812abcd',
      {
        guess: false,
      },
    );
    expect(canceled.jobFailed).toBe(true);
    expect(canceled.problem).not.toBe('job-script-failed');
    // `raise RuntimeError("Not logged in to Hugging Face. Run \`hf auth login\` first.")` (already right).
    expect(problem('RuntimeError: Not logged in to Hugging Face. Run `hf auth login` first.')).toBe('token-missing');
    // dataset.py: `f"Dataset '{repo_id}' is not in the local cache ({HF_LEROBOT_HOME}) and could not be "` `f"reached on
    // the Hub — it may not exist, or be private and inaccessible with your "` `f"token. Record or download it first, or
    // run \`hf auth login\`."`
    expect(
      problem(
        "RuntimeError: Dataset 'alice/so101_pick' is not in the local cache (/root/.cache/huggingface/lerobot) and could not be reached on the Hub — it may not exist, or be private and inaccessible with your token. Record or download it first, or run `hf auth login`.",
      ),
    ).toBe('repo-access-denied');
  });

  it('leaves a stage said in other words alone', () => {
    expect(classifyText('the pipeline ended with stage=ERROR_CHECK skipped', {guess: false}).jobFailed).toBeUndefined();
  });
});

describe('a status with its reason phrase as HTTP clients join them', () => {
  it.each([
    // .NET HttpResponseMessage.EnsureSuccessStatusCode: "Response status code does not indicate success: {0} ({1})."
    [
      'System.Net.Http.HttpRequestException: Response status code does not indicate success: 403 (Forbidden).',
      'forbidden-403',
    ],
    [
      'System.Net.Http.HttpRequestException: Response status code does not indicate success: 404 (Not Found).',
      'repo-access-denied',
    ],
    // aiohttp client_exceptions.py ClientResponseError.__str__: `"{}, message={!r}, url={!r}".format(self.status,
    // self.message, self.request_info.real_url)` (a yarl URL: URL('...')).
    [
      "aiohttp.client_exceptions.ClientResponseError: 403, message='Forbidden', url=URL('https://huggingface.co/api/repos/create')",
      'forbidden-403',
    ],
    [
      "aiohttp.client_exceptions.ClientResponseError: 404, message='Not Found', url=URL('https://huggingface.co/api/models/acme/nope')",
      'repo-access-denied',
    ],
    // Already right before this session: the 401 and 5xx forms.
    [
      'System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized).',
      'unauthorized-401',
    ],
    [
      "aiohttp.client_exceptions.ClientResponseError: 503, message='Service Unavailable', url=URL('https://huggingface.co/api/models/acme/m')",
      'server-error',
    ],
  ])('%s -> %s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('leaves a count of 403 items alone', () => {
    expect(problem('processed 403 (forbidden words filtered) entries')).not.toBe('forbidden-403');
  });
});

describe("huggingface_hub's HfFileSystem (hf_file_system.py _raise_file_not_found)", () => {
  it.each([
    'FileNotFoundError: datasets/acme/data@v2/train.csv (revision not found)',
    'FileNotFoundError: datasets/acme data (invalid repository id)',
    'FileNotFoundError: datasets/acme/new/train.csv (repository not found).\nMake sure the repository and revision exist before writing data.',
  ])('%s -> repo-access-denied', (text) => {
    expect(problem(text)).toBe('repo-access-denied');
  });
});

describe("huggingface_hub's words for a package the environment lacks", () => {
  it.each([
    // file_download.py: `"To use optimized download using Xet storage, you need to install the hf_xet package. "`
    // `'Try \`pip install "huggingface_hub[hf_xet]"\` or \`pip install hf_xet\`.'`
    'ValueError: To use optimized download using Xet storage, you need to install the hf_xet package. Try `pip install "huggingface_hub[hf_xet]"` or `pip install hf_xet`.',
    // v0.30.0 file_download.py: `"Fast download using 'hf_transfer' is enabled"` `" (HF_HUB_ENABLE_HF_TRANSFER=1) but
    // 'hf_transfer' package is not"` `" available in your environment. Try \`pip install hf_transfer\`."`
    "ValueError: Fast download using 'hf_transfer' is enabled (HF_HUB_ENABLE_HF_TRANSFER=1) but 'hf_transfer' package is not available in your environment. Try `pip install hf_transfer`.",
  ])('%s -> job-script-failed', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });

  it('leaves the fallback warning (nothing failed) alone', () => {
    // file_download.py: "Xet Storage is enabled for this repo, but the 'hf_xet' package is not installed. Falling back to
    // regular HTTP download."
    expect(
      problem(
        "Xet Storage is enabled for this repo, but the 'hf_xet' package is not installed. Falling back to regular HTTP download. For better performance, install the package with: `pip install huggingface_hub[hf_xet]` or `pip install hf_xet`",
      ),
    ).toBe('unknown');
  });
});

describe("the OpenAI SDKs pointed at the Hugging Face router, and hf_xet's authentication error", () => {
  it.each([
    // openai-node's APIError.makeMessage: `${status} status code (no body)` when the answer had no body.
    ['AuthenticationError: 401 status code (no body)', 'unauthorized-401'],
    ['PermissionDeniedError: 403 status code (no body)', 'forbidden-403'],
    ['APIError: 402 status code (no body)', 'payment-required'],
    ['RateLimitError: 429 status code (no body)', 'rate-limited'],
    ['InternalServerError: 503 status code (no body)', 'server-error'],
    // openai-python's APIConnectionError: `message: str = "Connection error."`
    ['openai.APIConnectionError: Connection error.', 'network-error'],
    // xet_pkg/src/error.rs: `create_exception!(hf_xet, XetAuthenticationError, PyPermissionError)` for
    // `#[error("Authentication error: {0}")]`, with xet_client's `#[error("Auth error: {0}")]` and AuthError's
    // `#[error("Token refresh failed: {0}")]`.
    [
      "hf_xet.XetAuthenticationError: Authentication error: Auth error: Token refresh failed: Error refreshing token: PyErr { type: <class 'RuntimeError'>, value: RuntimeError('refresh failed') }",
      'unauthorized-401',
    ],
    // The Python SDK's status errors (already right before this session).
    [
      "openai.AuthenticationError: Error code: 401 - {'error': 'Invalid credentials in Authorization header'}",
      'unauthorized-401',
    ],
    [
      "openai.APIStatusError: Error code: 402 - {'error': 'You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.'}",
      'payment-required',
    ],
  ])('%s -> %s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('leaves a status code explained in prose without its number alone', () => {
    expect(problem('the status code is shown in the response header')).toBe('unknown');
  });
});

describe("uv's words for a job script's dependencies and header", () => {
  it.each([
    // uv: "error: Distribution `X` can't be installed because it doesn't have a source distribution or wheel for the
    // current platform", with its hint "hint: You're on Linux (...), but `X` (vN) only has wheels for the following
    // platforms: ..." (as quoted in public issues).
    "error: Distribution `torch==2.5.1+cu121 @ registry+https://download.pytorch.org/whl/cu121` can't be installed because it doesn't have a source distribution or wheel for the current platform",
    "hint: You're on Linux (`manylinux_2_35_x86_64`), but `decord` (v0.6.0) only has wheels for the following platforms: `manylinux2010_x86_64`, `win_amd64`",
    'error: Failed to parse: `train.py`\n  Caused by: TOML parse error at line 3, column 1',
  ])('%s -> job-script-failed', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });

  it('a fetch that got no answer stays the network (already right)', () => {
    expect(
      problem(
        'error: Failed to fetch: `https://pypi.org/simple/transformers/`\n  Caused by: Request failed after 3 retries\n  Caused by: error sending request for url (https://pypi.org/simple/transformers/)',
      ),
    ).toBe('network-error');
  });
});

describe('what these tools print when nothing failed stays unknown', () => {
  it.each([
    // huggingface_hub's login(): the git-credential note, then success.
    'The token has not been saved to the git credentials helper. Pass `add_to_git_credential=True` in this function directly or `--add-to-git-credential` if using via `huggingface-cli` if you want to set the git credential as well.\nToken is valid (permission: fineGrained).\nYour token has been saved to /root/.cache/huggingface/token\nLogin successful',
    // ollama's successful pull.
    'pulling manifest\npulling 6a0746a1ec1a... 100% 4.7 GB\nverifying sha256 digest\nwriting manifest\nsuccess',
  ])('%s', (text) => {
    expect(classifyText(text).problem).toBe('unknown');
  });

  it("@huggingface/hub's own check of the token's form (utils/checkCredentials.ts, already right)", () => {
    // `throw new TypeError("Your access token must start with 'hf_'")`
    expect(problem("TypeError: Your access token must start with 'hf_'")).toBe('invalid-token-format');
  });
});

describe("gradio's OAuth when debugged locally (oauth.py)", () => {
  it("a token that is not a personal account's, and none at all", () => {
    // `"Your machine is not logged in with a personal account. Please use a "` `"personal access token. You can generate
    // a new token in your settings page"` `" (https://huggingface.co/settings/tokens)."`
    expect(
      problem(
        'ValueError: Your machine is not logged in with a personal account. Please use a personal access token. You can generate a new token in your settings page (https://huggingface.co/settings/tokens).',
      ),
    ).toBe('invalid-token-format');
    // `"Your machine must be logged in to HF to debug a Gradio app locally. Please"` `" run \`huggingface-cli login\` or
    // set \`HF_TOKEN\` as environment variable "` (already right).
    expect(
      problem(
        'ValueError: Your machine must be logged in to HF to debug a Gradio app locally. Please run `huggingface-cli login` or set `HF_TOKEN` as environment variable with one of your access token.',
      ),
    ).toBe('token-missing');
  });
});

describe("tokenizers' Tokenizer.from_pretrained (tokenizers/src/utils/from_pretrained.rs)", () => {
  it("a tokenizer.json it could not get is the repo's story, unless the network says otherwise", () => {
    // `Err(_) => Err(format!("Model \"{}\" on the Hub doesn't have a tokenizer", identifier.as_ref()).into())`
    expect(problem('Exception: Model "acme/nope" on the Hub doesn\'t have a tokenizer')).toBe('repo-access-denied');
    // The error drops its cause; a connection failure logged beside it (a log written for this test) is the story.
    expect(
      problem(
        'WARNING: request to https://huggingface.co/acme/m/resolve/main/tokenizer.json failed: Connection refused\nException: Model "acme/m" on the Hub doesn\'t have a tokenizer',
      ),
    ).toBe('network-error');
  });
});

describe("the Hub's own bodies as clients pass them on", () => {
  it('a revision that is not there', () => {
    // huggingface_hub tests/test_hf_api.py (run against the Hub): `with pytest.raises(HfHubHTTPError, match="Invalid rev
    // id"): api.delete_branch(repo_url.repo_id, branch="cool-branch")`.
    expect(problem('{"error":"Invalid rev id: cool-branch"}')).toBe('repo-access-denied');
    expect(problem('HubApiError: Invalid rev id: v9. URL: https://huggingface.co/api/models/acme/m/branch/v9')).toBe(
      'repo-access-denied',
    );
  });
});

describe("huggingface_hub's stored tokens (_login.py)", () => {
  it('a token name it does not store', () => {
    // `raise ValueError(f"Access token {token_name} not found in {constants.HF_STORED_TOKENS_PATH}")`
    expect(problem('ValueError: Access token alice-write not found in /root/.cache/huggingface/stored_tokens')).toBe(
      'token-missing',
    );
    // A file that is not the token store is not the token.
    expect(problem('FileNotFoundError: token_map.json not found in /data/cache')).not.toBe('token-missing');
  });
});

describe("the Hub's inference answer for a model id that is not there", () => {
  it('as @huggingface/inference passes it on', () => {
    // packages/inference/test/InferenceClient.spec.ts: `.rejects.toThrowError("Model this-model/does-not-exist-123 does
    // not exist")`, thrown as utils/request.ts's `Failed to perform inference: ${output.error}`.
    expect(
      problem('ProviderApiError: Failed to perform inference: Model this-model/does-not-exist-123 does not exist'),
    ).toBe('repo-access-denied');
    expect(problem('KeyError: Model gpt2 does not exist in the local registry')).not.toBe('repo-access-denied');
  });
});

describe("gradio_client's words for a Space (client/python/gradio_client/client.py)", () => {
  it.each([
    // `f"Could not load {self.src} as credentials were not provided. Please login."` (a 401 from the Space's config).
    [
      'gradio_client.exceptions.AuthenticationError: Could not load https://acme-demo.hf.space as credentials were not provided. Please login.',
      'token-missing',
    ],
    // `f"The current space is in the invalid state: {state}. "` `"Please contact the owner to fix this."`
    [
      'ValueError: The current space is in the invalid state: RUNTIME_ERROR. Please contact the owner to fix this.',
      'job-script-failed',
    ],
    [
      'ValueError: The current space is in the invalid state: SpaceStage.CONFIG_ERROR. Please contact the owner to fix this.',
      'job-script-failed',
    ],
    // `f"Could not login to {self.src}. Invalid credentials."` (already right).
    [
      'gradio_client.exceptions.AuthenticationError: Could not login to https://acme-demo.hf.space. Invalid credentials.',
      'unauthorized-401',
    ],
  ])('%s -> %s', (text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('a Space its owner paused is none of them', () => {
    expect(
      problem('ValueError: The current space is in the invalid state: PAUSED. Please contact the owner to fix this.'),
    ).toBe('unknown');
  });
});

describe('`hf jobs wait` on jobs that failed (huggingface_hub cli/jobs.py)', () => {
  // `raise CLIError(f"{len(failed)} of {len(jobs)} Job(s) did not complete successfully: " + ", ".join(f"{job.id}
  // ({job.status.stage})" for job in failed))`
  it('a job that ended in ERROR with nothing else said failed on its own', () => {
    const c = classifyText('Error: 1 of 1 Job(s) did not complete successfully: 6812abcd1234 (ERROR)', {guess: false});
    expect(c.problem).toBe('job-script-failed');
    expect(c.jobFailed).toBe(true);
    expect(
      problem(
        'Error: 2 of 3 Job(s) did not complete successfully: 6812abcd1234 (JobStage.ERROR), 6812abcd9999 (JobStage.CANCELED)',
      ),
    ).toBe('job-script-failed');
  });

  it("a canceled one is failed but not the script's", () => {
    const c = classifyText('Error: 1 of 1 Job(s) did not complete successfully: 6812abcd1234 (CANCELED)', {
      guess: false,
    });
    expect(c.jobFailed).toBe(true);
    expect(c.problem).toBe('unknown');
  });
});

describe("text-generation-inference's launcher when its model server did not start (launcher/src/main.rs)", () => {
  it("is the job's own failure, unless a token error shows", () => {
    // `tracing::error!("Shard {rank} failed to start")` then `return Err(LauncherError::ShardCannotStart)`.
    expect(
      problem(
        '2024-05-01T12:00:00.000000Z ERROR text_generation_launcher: Shard 0 failed to start\nError: ShardCannotStart',
      ),
    ).toBe('job-script-failed');
    expect(
      problem(
        'huggingface_hub.errors.GatedRepoError: 401 Client Error.\nCannot access gated repo for url https://huggingface.co/meta-llama/Llama-3.1-8B/resolve/main/config.json.\n2024-05-01T12:00:00.000000Z ERROR text_generation_launcher: Shard 0 failed to start\nError: ShardCannotStart',
      ),
    ).toBe('gated-repo');
  });
});

// @huggingface/hub (dist/index.js, its Xet upload): `throw new Error(\`Failed to get JWT token: ${resp.status} ${await
// resp.text()}\`)`, the Hub's 401 body after it. A JWT another service checks (JWT_SECRET) stays outside the catalog.
describe("@huggingface/hub's Xet token request", () => {
  it("a 401 with the Hub's own body is the token, not another service", () => {
    expect(
      classifyText('Error: Failed to get JWT token: 401 {"error":"Invalid credentials in Authorization header"}')
        .problem,
    ).toBe('unauthorized-401');
    expect(classifyText('Error: JWT_SECRET is not set; 401 Unauthorized').problem).toBe('unknown');
  });
});

describe("notebooks' secret stores without the token's secret (session 11)", () => {
  it.each([
    // googlecolab/colabtools google/colab/userdata.py: SecretNotFoundError `super().__init__(f'Secret {key} does not
    // exist.')`, NotebookAccessError `super().__init__(f'Notebook does not have access to secret {key}')`.
    'google.colab.userdata.SecretNotFoundError: Secret HF_TOKEN does not exist.',
    'SecretNotFoundError: Secret HUGGINGFACE_TOKEN does not exist.',
    'NotebookAccessError: Notebook does not have access to secret HF_TOKEN',
    // A secret asked for outside the Colab UI (a scheduled run, papermill): Colab's own timeout, quoted by
    // huggingface_hub's warning in utils/_auth.py (v0.26-v0.30): `f"\nError while fetching `HF_TOKEN` secret value from
    // your vault: '{str(e)}'."` + "\nYou are not authenticated with the Hugging Face Hub in this notebook."
    'TimeoutException: Requesting secret HF_TOKEN timed out. Secrets can only be fetched when running from the Colab UI.',
    "/usr/local/lib/python3.12/dist-packages/huggingface_hub/utils/_auth.py:103: UserWarning: \nError while fetching `HF_TOKEN` secret value from your vault: 'Requesting secret HF_TOKEN timed out. Secrets can only be fetched when running from the Colab UI.'.\nYou are not authenticated with the Hugging Face Hub in this notebook.\nIf the error persists, please let us know by opening an issue on GitHub (https://github.com/huggingface/huggingface_hub/issues/new).\n  warnings.warn(",
    // huggingface_hub utils/_auth.py: "\nAccess to the secret `HF_TOKEN` has not been granted on this notebook."
    'UserWarning: \nAccess to the secret `HF_TOKEN` has not been granted on this notebook.\nYou will not be requested again.\nPlease restart the session if you want to be prompted again.',
    // huggingface_hub utils/_auth.py up to 0.3x: "\nThe secret `HF_TOKEN` does not exist in your Colab secrets." (alone)
    'UserWarning: \nThe secret `HF_TOKEN` does not exist in your Colab secrets.\nTo authenticate with the Hugging Face Hub, create a token in your settings tab (https://huggingface.co/settings/tokens), set it as secret in your Google Colab and restart your session.\nYou will be able to reuse this secret in all of your notebooks.\nPlease note that authentication is recommended but still optional to access public models or datasets.',
    // Kaggle/docker-python patches/kaggle_web_client.py: `raise BackendError(f'Unexpected response from the service.
    // Response: {response_json}.')`, the service's errors for a secret not attached to the notebook.
    "BackendError: Unexpected response from the service. Response: {'errors': ['No user secrets exist for kernel id 132377725 and label HF_TOKEN.'], 'error': {'code': 5}, 'wasSuccessful': False}.",
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it("leaves another service's secret, and the warning beside another failure, alone", () => {
    expect(problem('google.colab.userdata.SecretNotFoundError: Secret OPENAI_API_KEY does not exist.')).toBe('unknown');
    expect(problem('NotebookAccessError: Notebook does not have access to secret GOOGLE_API_KEY')).toBe('unknown');
    expect(
      problem(
        "BackendError: Unexpected response from the service. Response: {'errors': ['No user secrets exist for kernel id 132377725 and label GOOGLE_API_KEY.'], 'error': {'code': 5}, 'wasSuccessful': False}.",
      ),
    ).toBe('unknown');
    // The warning is printed before whatever failed: a connection that failed stays the network's story.
    expect(
      problem(
        "UserWarning: \nThe secret `HF_TOKEN` does not exist in your Colab secrets.\nrequests.exceptions.ConnectionError: HTTPSConnectionPool(host='huggingface.co', port=443): Max retries exceeded with url: /api/models/gpt2 (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 101] Network is unreachable'))",
      ),
    ).toBe('network-error');
  });
});

describe('a token option given an empty value (a CI secret not set)', () => {
  it.each([
    // argparse (cpython Lib/argparse.py: _('expected one argument')), huggingface-cli login's --token with `$HF_TOKEN`
    // empty; click (src/click/parser.py: "Option {name!r} requires an argument."), hf auth login through typer.
    'huggingface-cli <command> [<args>] login: error: argument --token: expected one argument',
    'train.py: error: argument --hf_token: expected one argument',
    "Error: Option '--token' requires an argument.",
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves other options without their value alone', () => {
    expect(problem('train.py: error: argument --max_tokens: expected one argument')).toBe('unknown');
    expect(problem("Error: Option '--output' requires an argument.")).toBe('unknown');
  });
});

describe("Haystack's Secret.from_env_var (haystack/utils/auth.py EnvVarSecret.resolve_value)", () => {
  // `raise ValueError(f"None of the following authentication environment variables are set: {self._env_vars}")`
  it("a token's variables none of which is set -> token-missing; another service's -> unknown", () => {
    expect(
      problem(
        "ValueError: None of the following authentication environment variables are set: ('HF_API_TOKEN', 'HF_TOKEN')",
      ),
    ).toBe('token-missing');
    expect(
      problem("ValueError: None of the following authentication environment variables are set: ('OPENAI_API_KEY',)"),
    ).toBe('unknown');
    // smolagents default_tools.py: `raise ValueError(f"Missing API key. Make sure you have '{api_key_env_name}' in your
    // env variables.")` with SERPAPI_API_KEY or SERPER_API_KEY: a search service's key.
    expect(problem("ValueError: Missing API key. Make sure you have 'SERPAPI_API_KEY' in your env variables.")).toBe(
      'unknown',
    );
  });
});

describe("the clients' guesses at the network yield to the answer the request got (session 11)", () => {
  // huggingface_hub file_download.py _raise_on_head_call_error (0.17-0.28): any HTTP error but a missing repo or a gate
  // became `LocalEntryNotFoundError("An error happened while trying to locate the file on the Hub and we cannot find the
  // requested files in the local cache. Please check your connection ...") from head_call_error` (fc491d4, #2847, raises
  // a 401 itself since); transformers and diffusers then say "We couldn't connect to '{HUGGINGFACE_CO_RESOLVE_ENDPOINT}'
  // to load this model" (diffusers utils/hub_utils.py).
  const chained = (status: string) =>
    `requests.exceptions.HTTPError: ${status} for url: https://huggingface.co/acme/model/resolve/main/config.json\n\nThe above exception was the direct cause of the following exception:\n\nhuggingface_hub.utils._errors.LocalEntryNotFoundError: An error happened while trying to locate the file on the Hub and we cannot find the requested files in the local cache. Please check your connection and try again or make sure your Internet connection is on.\n\nThe above exception was the direct cause of the following exception:\n\nOSError: We couldn't connect to 'https://huggingface.co' to load this file, couldn't find it in the cached files and it looks like acme/model is not the path to a directory containing a file named config.json.\nCheckout your internet connection or see how to run the library in offline mode at 'https://huggingface.co/docs/transformers/installation#offline-mode'.`;

  it('a status under the guess is the story', () => {
    expect(problem(chained('401 Client Error: Unauthorized'))).toBe('unauthorized-401');
    expect(problem(chained('429 Client Error: Too Many Requests'))).toBe('rate-limited');
    expect(problem(chained('500 Server Error: Internal Server Error'))).toBe('server-error');
    // A 403 on a /resolve/ read is the gate (the rule for /resolve/ URLs).
    expect(problem(chained('403 Client Error: Forbidden'))).toBe('gated-repo');
  });

  it("diffusers' wrappers around any HfHubHTTPError (pipelines/pipeline_utils.py, utils/hub_utils.py)", () => {
    // `logger.warning(f"Couldn't connect to the Hub: {e}.\nWill try to load from local cache.")`
    expect(
      problem(
        "Couldn't connect to the Hub: 401 Client Error: Unauthorized for url: https://huggingface.co/api/models/acme/model.\nWill try to load from local cache.\nCannot load model acme/model: model is not cached locally and an error occurred while trying to fetch metadata from the Hub. Please check out the root cause in the stacktrace above.",
      ),
    ).toBe('unauthorized-401');
    // `f"There was a specific connection error when trying to load {pretrained_model_name_or_path}:\n{e}"`
    expect(
      problem(
        'OSError: There was a specific connection error when trying to load acme/model:\n429 Client Error: Too Many Requests for url: https://huggingface.co/api/models/acme/model',
      ),
    ).toBe('rate-limited');
  });

  it('the guess alone, or beside a transport error, stays the network', () => {
    expect(
      problem(
        'huggingface_hub.utils._errors.LocalEntryNotFoundError: An error happened while trying to locate the file on the Hub and we cannot find the requested files in the local cache. Please check your connection and try again or make sure your Internet connection is on.',
      ),
    ).toBe('network-error');
    expect(
      problem(
        "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='huggingface.co', port=443): Max retries exceeded with url: /acme/model/resolve/main/config.json (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x7f>, 'Connection to huggingface.co timed out. (connect timeout=10)'))\n\nThe above exception was the direct cause of the following exception:\n\nhuggingface_hub.utils._errors.LocalEntryNotFoundError: An error happened while trying to locate the file on the Hub and we cannot find the requested files in the local cache. Please check your connection and try again or make sure your Internet connection is on.\n\nOSError: We couldn't connect to 'https://huggingface.co' to load this file, couldn't find it in the cached files and it looks like acme/model is not the path to a directory containing a file named config.json.",
      ),
    ).toBe('network-error');
    // huggingface_hub up to 0.16 (file_download.py): "Connection error, and we cannot find the requested files in the
    // cached path." only after a ConnectionError or a timeout; its class name is not a missing repo file.
    expect(
      problem(
        '    raise LocalEntryNotFoundError(\nhuggingface_hub.utils._errors.LocalEntryNotFoundError: Connection error, and we cannot find the requested files in the disk cache. Please try again or make sure your Internet connection is on.',
      ),
    ).toBe('network-error');
  });
});

describe('where a job, a container or CI reads the token from, when it is not there (session 11)', () => {
  it.each([
    // bash subst.c err_unboundvar ("%s: unbound variable") under `set -u`; dash's "parameter not set".
    './run.sh: line 3: HF_TOKEN: unbound variable',
    '/entrypoint.sh: 5: HF_TOKEN: parameter not set',
    // actions/toolkit packages/core getInput: `throw new Error(`Input required and not supplied: ${name}`)`.
    'Error: Input required and not supplied: hf_token',
    // kubernetes pkg/kubelet/kubelet_pods.go: `fmt.Errorf("couldn't find key %v in Secret %v/%v", key, pod.Namespace, name)`.
    "Error: couldn't find key token in Secret default/hf-secret",
    "Error: couldn't find key HF_TOKEN in Secret jobs/tokens",
    // BuildKit, a `RUN --mount=type=secret,id=hf_token` without `--secret id=hf_token` (as docker build prints it).
    '#15 ERROR: secret hf_token: not found\nERROR: failed to build: failed to solve: secret hf_token: not found',
    // huggingface_hub v0.4 hf_api.py: `raise ValueError("You need to pass a valid `token` or login by using
    // `huggingface-cli login`")` (no token given or stored).
    'ValueError: You need to pass a valid `token` or login by using `huggingface-cli login`',
    // Apps' and tools' other words for a log-in or a token not given.
    'You must be logged in to access this model',
    'Hugging Face API key not found',
    'You need a Hugging Face token to download this model',
    'Please enter your HuggingFace token in the settings',
    'Authentication token not provided',
    'Invalid token: None',
    'Error: not authenticated. Run: hf auth login',
    'Make sure HF_TOKEN is set',
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it("leaves another service's variable or secret, and huggingface_hub's other settings, alone", () => {
    for (const text of [
      './run.sh: line 3: OPENAI_API_KEY: unbound variable',
      './run.sh: line 3: HF_HOME: unbound variable',
      'Error: Input required and not supplied: github-token',
      'ERROR: failed to solve: secret npm_token: not found',
      "Error: couldn't find key password in Secret default/db-secret",
      'Make sure HF_HOME is set',
      'you must be logged in as root to install drivers',
      'pad token: None',
    ])
      expect(problem(text), text).toBe('unknown');
  });
});

describe("the Hub's side in people's, CDNs' and servers' words (session 11)", () => {
  it.each([
    'Is Hugging Face down? I keep getting errors when downloading models since this morning.',
    'huggingface.co seems to be down right now',
    'HF is down again',
    'It looks like there is an outage on the Hugging Face side, see status.huggingface.co',
    '{"error":"The model is temporarily unavailable, please try again later"}',
    'Model meta-llama/Llama-3.1-8B-Instruct is currently unavailable',
    'Our servers are currently overloaded, please try again later.',
    // CloudFront's 502 page (the CDN in front of the Hub's files), and Apache's 503 body in the words apps copy.
    'The request could not be satisfied. CloudFront attempted to establish a connection with the origin, but either the attempt failed or the origin closed the connection.',
    'The server is temporarily unable to handle the request',
  ])('%s -> server-error', (text) => {
    expect(problem(text)).toBe('server-error');
  });

  it("leaves another site, the user's own network, a download and offline mode alone", () => {
    expect(problem('api.openai.com is down')).toBe('unknown');
    expect(problem('my GPU server is down')).toBe('unknown');
    expect(problem('HF_HUB_OFFLINE=1 so the Hub is offline by design')).toBe('unknown');
    expect(problem('Is Hugging Face down? I cannot connect to huggingface.co from my server')).toBe('network-error');
  });
});

describe("another service's own errors are none of the catalog's problems (session 11)", () => {
  it.each([
    // OpenAI's key refusal and quota, Anthropic's, Google's client library.
    "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-proj-****abcd. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}",
    "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'code': 'insufficient_quota'}}",
    "anthropic.AuthenticationError: Error code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', 'message': 'invalid x-api-key'}}",
    'google.api_core.exceptions.ResourceExhausted: 429 Resource has been exhausted (e.g. check quota).',
    // GitHub's REST rate limit, git's refusal by GitHub, Docker Hub's pull limit, PyPI's files host.
    "API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
    "remote: Permission to alice/project.git denied to bob.\nfatal: unable to access 'https://github.com/alice/project.git/': The requested URL returned error: 403",
    "remote: Support for password authentication was removed on August 13, 2021.\nfatal: Authentication failed for 'https://github.com/alice/project.git/'",
    'toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
    'ERROR: HTTP error 403 while getting https://files.pythonhosted.org/packages/ab/cd/torch-2.1.0.whl',
    'Error: Request failed with status code 401 at https://api.replicate.com/v1/predictions',
    // Another forge's repository, W&B's client, Anthropic's overload, git over SSH to GitHub.
    "remote: Repository not found.\nfatal: repository 'https://github.com/acme/private-tool.git/' not found",
    'wandb: ERROR Error while calling W&B API: user is not logged in (<Response [401]>)',
    "anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
    'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.',
  ])('%s -> unknown', (text) => {
    expect(problem(text)).toBe('unknown');
  });

  it("keeps the Hub's answer through another SDK, and the Hub's own repositories on GitHub", () => {
    // A link to another project's GitHub issue beside the Hub's own words is not another service's answer.
    expect(
      problem(
        'Access to model meta-llama/Llama-2-7b-hf is restricted. You must be authenticated to access it. (see https://github.com/meta-llama/llama-recipes/issues/1)',
      ),
    ).toBe('gated-repo');
    expect(
      problem(
        "remote: Repository not found.\nfatal: repository 'https://huggingface.co/acme/private-model/' not found",
      ),
    ).toBe('repo-access-denied');
    // The OpenAI SDK pointed at the Hugging Face router: OpenAI's class names, the Hub's body.
    expect(
      problem("openai.AuthenticationError: Error code: 401 - {'error': 'Invalid credentials in Authorization header'}"),
    ).toBe('unauthorized-401');
    expect(
      problem(
        "openai.RateLimitError: Error code: 429 - {'error': 'You have exceeded your rate limit'} (base_url https://router.huggingface.co/v1)",
      ),
    ).toBe('rate-limited');
    expect(
      problem('429 Too Many Requests while downloading, see https://github.com/huggingface/huggingface_hub/issues/1'),
    ).toBe('rate-limited');
    // The datasets library read its loading scripts from Hugging Face's own GitHub repository (datasets 1.x-2.x).
    expect(
      problem(
        'requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://raw.githubusercontent.com/huggingface/datasets/2.3.2/datasets/xsum/xsum.py',
      ),
    ).toBe('rate-limited');
  });
});

describe("gated repos and the clients' other words for a read refused (session 11)", () => {
  it('the Hub\'s "to ask for access" alone, and a 403 on a repo\'s file list', () => {
    // huggingface_hub errors.py, GatedRepoError's docstring: "Visit https://huggingface.co/ardent-figment/gated-model to
    // ask for access."
    expect(problem('Please visit https://huggingface.co/meta-llama/Llama-3.1-8B to ask for access.')).toBe(
      'gated-repo',
    );
    // text-generation-webui download-model.py lists the repo (api/models/X/tree/main) before downloading.
    expect(
      problem(
        'requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://huggingface.co/api/models/meta-llama/Llama-2-7b-hf/tree/main',
      ),
    ).toBe('gated-repo');
    expect(problem('Visit the docs to ask for access to the beta')).toBe('unknown');
  });

  it('the hf CLI\'s "Local entry not found. {cause}" (cli/_errors.py) is its cause\'s story', () => {
    expect(
      problem(
        'Error: Local entry not found. 401 Client Error: Unauthorized for url: https://huggingface.co/acme/m/resolve/main/config.json',
      ),
    ).toBe('unauthorized-401');
    expect(
      problem(
        "Error: Local entry not found. HTTPSConnectionPool(host='huggingface.co', port=443): Max retries exceeded with url: /api/models/acme/m (Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))",
      ),
    ).toBe('network-error');
  });
});

describe("urllib3's retries that got the same answer each time, and ollama's local models (session 11)", () => {
  // urllib3/exceptions.py: ResponseError SPECIFIC_ERROR = "too many {status_code} error responses", inside requests'
  // RetryError ("Max retries exceeded with url: ... (Caused by ResponseError(...))"): an answer came, its status is the story.
  const retried = (url: string, status: number) =>
    `requests.exceptions.RetryError: HTTPSConnectionPool(host='huggingface.co', port=443): Max retries exceeded with url: ${url} (Caused by ResponseError('too many ${status} error responses'))`;

  it('the status each retry got', () => {
    expect(problem(retried('/api/whoami-v2', 401))).toBe('unauthorized-401');
    expect(problem(retried('/meta-llama/Llama-2-7b-hf/resolve/main/config.json', 403))).toBe('forbidden-403');
    expect(problem(retried('/api/models/acme/model', 404))).toBe('repo-access-denied');
    expect(problem(retried('/api/models/acme/model', 429))).toBe('rate-limited');
    expect(problem(retried('/api/models/acme/model', 502))).toBe('server-error');
  });

  it('ollama\'s model not pulled on this machine is not the Hub\'s repo (server/routes.go: "model %q not found, try pulling it first")', () => {
    expect(problem('Error: model "llama3" not found, try pulling it first')).toBe('unknown');
    expect(problem("Error: model 'llama3' not found, try pulling it first")).toBe('unknown');
    // The hf CLI's own words stay the repo's.
    expect(problem("Error: Model 'acme/model' not found.")).toBe('repo-access-denied');
  });
});

describe('a connection closed before the answer was whole, and a write refused in words (session 11)', () => {
  it.each([
    // httpcore _async/http11.py (huggingface_hub 1.x's httpx): RemoteProtocolError("Server disconnected without sending a
    // response."); h11's incomplete chunked read; hyper's IncompleteMessage and reqwest's body error (hf_xet, hf_transfer).
    'httpx.RemoteProtocolError: Server disconnected without sending a response.',
    'httpx.RemoteProtocolError: peer closed connection without sending complete message body (incomplete chunked read)',
    'Error while downloading: Connection closed before message completed',
    'RuntimeError: Data processing error: CAS service error : Reqwest Error: error decoding response body',
  ])('%s -> network-error', (text) => {
    expect(problem(text)).toBe('network-error');
  });

  it.each([
    "You don't have permission to push to this repo",
    'remote: Permission denied to push to acme/model',
    'You are not a member of acme-org',
  ])('%s -> forbidden-403', (text) => {
    expect(problem(text)).toBe('forbidden-403');
  });

  it('leaves permission talk that refuses nothing alone', () => {
    expect(problem('Members of acme-org have permission to push to this repo')).toBe('unknown');
    expect(problem('the member list of acme-org')).toBe('unknown');
  });
});

describe("the same problems in the languages people write their apps' messages in (session 11)", () => {
  // Phrasings in Chinese, Japanese, Korean, French, Spanish, German and Russian (no one tool's format string): the families
  // the English rules know, with the permission a token lacks and a tokenizer's token as near misses.
  it.each([
    ['请先登录 Hugging Face', 'token-missing'],
    ['请先使用 huggingface-cli login 登录', 'token-missing'],
    ['需要登录才能下载该模型', 'token-missing'],
    ['没有配置 HF_TOKEN', 'token-missing'],
    ['未检测到 Hugging Face token，请设置环境变量 HF_TOKEN', 'token-missing'],
    ['Hugging Face にログインしてください', 'token-missing'],
    ['Hugging Face 토큰이 필요합니다', 'token-missing'],
    ['로그인이 필요합니다', 'token-missing'],
    ['Veuillez vous connecter à Hugging Face', 'token-missing'],
    ['Por favor, inicia sesión en Hugging Face', 'token-missing'],
    ['Bitte melden Sie sich bei Hugging Face an', 'token-missing'],
    ['Необходимо войти в Hugging Face', 'token-missing'],
    ['没有权限访问该模型，请先申请访问', 'gated-repo'],
    ['模型不存在或者没有权限', 'repo-access-denied'],
    ['token 无效', 'unauthorized-401'],
    ['HF token 需要写权限', 'forbidden-403'],
    ['Hugging Face 토큰에 쓰기 권한이 필요합니다', 'forbidden-403'],
    ['连接 Hugging Face 失败', 'network-error'],
    ['Impossible de se connecter à Hugging Face', 'network-error'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it("leaves a tokenizer's token alone", () => {
    expect(problem('pad token 无效')).toBe('unknown');
  });
});

describe('a token the tool could not get, or a variable it never read (session 11)', () => {
  it.each([
    'token retrieval is failing when token is stored in colab secrets',
    'Failed to retrieve the Hugging Face token',
    'Unable to obtain an access token',
    'HF_TOKEN is not being picked up by the container',
    'the HF_TOKEN environment variable is ignored',
    "vLLM doesn't pick up HF_TOKEN from the environment",
    'The job does not receive HF_TOKEN',
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves a variable read as it should be, and a tokenizer, alone', () => {
    expect(problem('HF_TOKEN is read from the environment and works fine')).toBe('unknown');
    expect(problem('HF_HOME is not being picked up by the container')).toBe('unknown');
    expect(problem('Failed to retrieve the pad token id')).toBe('unknown');
  });
});

describe("apps' words for the gate, a request limit, a bare Forbidden, and a browser's words for no answer (session 11)", () => {
  it.each([
    ['Your access request is pending', 'gated-repo'],
    ['You need to request access to this model', 'gated-repo'],
    ['This model needs approval from the model authors', 'gated-repo'],
    ['This model is restricted', 'gated-repo'],
    ['You have reached the maximum number of requests', 'rate-limited'],
    ['API limit reached', 'rate-limited'],
    ['Error: Forbidden', 'forbidden-403'],
    ['{"error":"Forbidden"}', 'forbidden-403'],
    // Chromium net/base/net_error_list.h as the console prints it; fetch's TypeError in Chromium and Firefox; the OpenAI
    // SDKs' default APIConnectionError message alone.
    ['GET https://huggingface.co/Xenova/bert/resolve/main/config.json net::ERR_NAME_NOT_RESOLVED', 'network-error'],
    ['TypeError: Failed to fetch', 'network-error'],
    ['Uncaught (in promise) TypeError: NetworkError when attempting to fetch resource.', 'network-error'],
    ['Connection error.', 'network-error'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves a licence restriction and a forbidden word in a sentence alone', () => {
    expect(problem('This model is restricted to non-commercial use')).toBe('unknown');
    expect(problem('Forbidden words are filtered from the output')).toBe('unknown');
  });
});

describe("a server's or the router's JSON body for its own failure (session 11)", () => {
  it.each([
    '{"error":"Internal Error"}',
    '{"error":"Backend error"}',
    '{"error":"upstream error"}',
    '{"error":"Provider returned error"}',
    'The provider is currently unavailable',
  ])('%s -> server-error', (text) => {
    expect(problem(text)).toBe('server-error');
  });

  it("leaves a client's own error body alone", () => {
    expect(problem('{"error":"Invalid JSON body"}')).toBe('unknown');
  });
});

describe("a job's script or environment failing in Node's and the Python stack's own words (session 11)", () => {
  it.each([
    // Node lib/internal/modules/cjs/loader.js ("Cannot find module '${request}'") and the ESM resolver's
    // ERR_MODULE_NOT_FOUND ("Cannot find package '${name}' imported from ${base}"); V8's TypeError messages.
    "Error: Cannot find module 'express'\nRequire stack:\n- /app/index.js",
    "Error [ERR_MODULE_NOT_FOUND]: Cannot find package '@huggingface/transformers' imported from /app/index.mjs",
    "TypeError: Cannot read properties of undefined (reading 'map')\n    at main (/app/index.js:12:20)",
    "/usr/bin/env: 'python': No such file or directory",
    'A module that was compiled using NumPy 1.x cannot be run in NumPy 2.0.0 as it may crash.',
    "AttributeError: module 'numpy' has no attribute 'float'.",
    'RuntimeError: The size of tensor a (512) must match the size of tensor b (1024) at non-singleton dimension 1',
    "OSError: [Errno 30] Read-only file system: '/data'",
    'error: Failed to parse: `requirements.txt`',
  ])('%s -> job-script-failed', (text) => {
    expect(problem(text)).toBe('job-script-failed');
  });

  it('a token variable the script did not define is the missing token, a bare error line too little', () => {
    expect(problem('ReferenceError: HF_TOKEN is not defined\n    at main (/app/index.js:3:1)')).toBe('token-missing');
    expect(problem("KeyError: 'text'")).toBe('unknown');
  });
});

describe('a token refused, or credentials never sent, in other words (session 11)', () => {
  it.each([
    ['Your token is no longer valid', 'unauthorized-401'],
    ['Invalid authentication credentials', 'unauthorized-401'],
    ['Authentication failed', 'unauthorized-401'],
    // Django REST framework's NotAuthenticated default detail (rest_framework/exceptions.py).
    ['Authentication credentials were not provided.', 'token-missing'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('leaves a log-in that worked and an authentication step that is only named alone', () => {
    expect(
      problem(
        'Token is valid (permission: read).\nYour token has been saved to /root/.cache/huggingface/token\nLogin successful',
      ),
    ).toBe('unknown');
    expect(problem('Authentication failed attempts are logged to the audit trail')).toBe('unknown');
  });
});

describe('a text copied from a web page with its HTML entities left in (session 11)', () => {
  it.each([
    ['KeyError: &#39;HF_TOKEN&#39;', 'token-missing'],
    ['KeyError: &#x27;HUGGINGFACE_TOKEN&#x27;', 'token-missing'],
    ['{&quot;error&quot;: &quot;Forbidden&quot;}', 'forbidden-403'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it('shows the line with the characters themselves and still masks a token in it', () => {
    const c = classifyText('KeyError: &#39;HF_TOKEN&#39; (token hf_FAKEabcdefghijklmnopqrstuvwxyz0123456)', {
      guess: false,
    });
    expect(c.evidence.join('\n')).toContain("KeyError: 'HF_TOKEN'");
    expect(c.evidence.join('\n')).not.toContain('hf_FAKEabcdefghijklmnopqrstuvwxyz0123456');
  });
});

describe("the Hub's 401 for no credentials beside the text's own words for a token not there (session 11)", () => {
  const colab =
    'UserWarning: \nThe secret `HF_TOKEN` does not exist in your Colab secrets.\nTo authenticate with the Hugging Face Hub, create a token in your settings tab (https://huggingface.co/settings/tokens), set it as secret in your Google Colab and restart your session.\n';
  it('"Invalid username or password" (the Hub\'s body when no token came) is the missing token\'s consequence', () => {
    expect(
      problem(
        `${colab}huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://router.huggingface.co/v1/chat/completions (Request ID: Root=1-6)\n\nInvalid username or password.`,
      ),
    ).toBe('token-missing');
  });

  it('a token the Hub refused, or the 401 alone, stays the 401', () => {
    expect(
      problem(
        `${colab}huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2\n\nInvalid credentials in Authorization header`,
      ),
    ).toBe('unauthorized-401');
    expect(
      problem(
        'huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://router.huggingface.co/v1/chat/completions\n\nInvalid username or password.',
      ),
    ).toBe('unauthorized-401');
  });
});

describe("the clients' words for a token refused, a token left out, and other services (session 12)", () => {
  it.each([
    // huggingface_hub hf_api.py _inner_whoami on a 401: `error_message += " The token stored is invalid. Please run
    // \`hf auth login --force\` to set a new token."` (and the same for HF_TOKEN and the Colab vault): a token was sent.
    [
      'huggingface_hub.errors.HfHubHTTPError: Invalid user token. The token stored is invalid. Please run `hf auth login --force` to set a new token.',
      'unauthorized-401',
    ],
    // huggingface.js packages/inference/src/utils/request.ts: `Failed to perform inference: ${output.error ?? ...}`.
    ['InferenceClientProviderApiError: Failed to perform inference: Unauthorized', 'unauthorized-401'],
    ['Error: Failed to perform inference: Authentication failed', 'unauthorized-401'],
    // Applications' words for the Hub refusing the token, with the status after it.
    ['ERROR: Failed to authenticate with Hugging Face: 401', 'unauthorized-401'],
    ['Exception: Unauthorized access. Check your HF token.', 'unauthorized-401'],
    // "fetch failed with 401": a status came back; Node's bare "TypeError: fetch failed" stays the network.
    ['Error: model download: fetch failed with 401', 'unauthorized-401'],
    ['TypeError: fetch failed', 'network-error'],
    // Python's argparse (Lib/argparse.py): `_('the following arguments are required: %s')`; click's MissingParameter:
    // "Error: Missing option '--token' / '-t'." (a Hugging Face token's option here).
    ['train.py: error: the following arguments are required: --model_id, --hf_token', 'token-missing'],
    ["Error: Missing option '--hf-token'.", 'token-missing'],
    // Apps' own configuration checks: `throw new Error(\`Missing required environment variable: ${name}\`)`.
    ['Error: Missing required environment variable: HF_TOKEN', 'token-missing'],
    // huggingface_hub cli/spaces.py: `f"Write access check to {space_id} repository failed. Make sure that you are
    // authenticated"`, raised from a RepositoryNotFoundError.
    [
      'Error: Write access check to alice/demo repository failed. Make sure that you are authenticated',
      'repo-access-denied',
    ],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it("leaves another script's arguments, another option and another variable alone", () => {
    expect(problem('train.py: error: the following arguments are required: --model_id')).toBe('job-script-failed');
    expect(problem("Error: Missing option '--openai-key'.")).not.toBe('token-missing');
    expect(problem('Error: Missing required environment variable: DATABASE_URL')).not.toBe('token-missing');
  });

  it.each([
    // botocore/exceptions.py ClientError.MSG_TEMPLATE: "An error occurred ({error_code}) when calling the
    // {operation_name} operation: {error_message}"; NoCredentialsError: "Unable to locate credentials".
    'botocore.exceptions.ClientError: An error occurred (403) when calling the HeadObject operation: Forbidden',
    'An error occurred (ExpiredToken) when calling the PutObject operation: The provided token has expired.',
    'botocore.exceptions.NoCredentialsError: Unable to locate credentials',
    // Kaggle's API client (kaggle.rest.ApiException prints "(401)\nReason: Unauthorized").
    'kaggle.rest.ApiException: (401)\nReason: Unauthorized',
    'kaggle.rest.ApiException: (403)\nReason: Forbidden\nHTTP response body: {"code":403,"message":"Permission \'datasets.get\' was denied"}',
    // The Docker daemon and BuildKit ("failed to authorize: failed to fetch anonymous token: unexpected status: 401").
    'Error response from daemon: unauthorized: authentication required',
    'ERROR: failed to solve: ghcr.io/acme/img:latest: failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized',
    // Other services' SDKs by their exception's module: groq-python's AuthenticationError, PyGithub's GithubException.
    "groq.AuthenticationError: Error code: 401 - {'error': {'message': 'Invalid API Key', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}",
    'github.GithubException.BadCredentialsException: 401 {"message": "Bad credentials"}',
    // GitHub's REST body for a refused token, as actions/github-script prints it; AWS ECR's refusal as the Docker client
    // prints a registry's error ("denied: ..."); the experiment trackers' clients.
    'HttpError: Bad credentials\n    at /home/runner/work/_actions/actions/github-script/v7/dist/index.js:1:1\n  status: 401',
    'denied: Your authorization token has expired. Reauthenticate and try again.',
    'comet_ml: ERROR: Invalid API key',
    'neptune.exceptions.NeptuneInvalidApiTokenException: The provided API token is invalid.',
    // FastAPI's security classes (fastapi/security/http.py: HTTPException(..., detail="Not authenticated")): an app's
    // own API refusing the request.
    '{"detail":"Not authenticated"}',
    'fastapi.exceptions.HTTPException: 401: Not authenticated',
    // OpenAI's model_not_found for its own model names.
    "openai.NotFoundError: Error code: 404 - {'error': {'message': 'The model `gpt-4` does not exist or you do not have access to it.', 'code': 'model_not_found'}}",
    // A status from another host only (wget of zenodo.org).
    '--2024-05-01 10:00:00--  https://zenodo.org/record/1/files/x.zip\nHTTP request sent, awaiting response... 401 Unauthorized\nUsername/Password Authentication Failed.',
  ])('another service: %s -> unknown', (text) => {
    expect(problem(text)).toBe('unknown');
  });

  it("a registry's refusal of an image is the run's environment, not a gate", () => {
    // The Docker daemon: "Error response from daemon: pull access denied for X, repository does not exist or may require
    // 'docker login'" (was gated-repo).
    expect(
      problem(
        "Error response from daemon: pull access denied for acme/image, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      ),
    ).toBe('job-script-failed');
  });

  it("another service's line in a log that also downloaded from the Hub is that service's", () => {
    // W&B's client (wandb: ERROR ... W&B API), OpenAI's key refusal, botocore's template, after a Hub download went well.
    expect(
      problem(
        'config.json: 100%|██████████| 665/665 [00:00<00:00, 3.1MB/s] (https://huggingface.co/gpt2)\nwandb: ERROR Error while calling W&B API: user is not logged in (<Response [401]>)\nwandb.errors.errors.CommError: Error while calling W&B API: user is not logged in (<Response [401]>)',
      ),
    ).toBe('unknown');
    expect(
      problem(
        'model = AutoModel.from_pretrained("acme/m")\nopenai.AuthenticationError: Error code: 401 - {"error": {"message": "Incorrect API key provided: sk-proj-abc. You can find your API key at https://platform.openai.com/account/api-keys.", "code": "invalid_api_key"}}',
      ),
    ).toBe('unknown');
    expect(
      problem(
        'snapshot_download(repo_id="acme/m") done\nbotocore.exceptions.ClientError: An error occurred (403) when calling the PutObject operation: Forbidden',
      ),
    ).toBe('unknown');
    // The Hub's own 401 in the same log stays the Hub's.
    expect(
      problem(
        'wandb: ERROR api_key not configured (no-tty). call wandb.login(key=[your_api_key])\nhuggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2\n\nInvalid credentials in Authorization header',
      ),
    ).toBe('unauthorized-401');
  });

  it("keeps the Hub's own answer beside the same words", () => {
    // The OpenAI SDK pointed at the Hub's router, a Hub repo id in the model_not_found wording, a wget of the Hub.
    expect(
      problem("openai.AuthenticationError: Error code: 401 - {'error': 'Invalid credentials in Authorization header'}"),
    ).toBe('unauthorized-401');
    expect(
      problem(
        '--2024-05-01 10:00:00--  https://huggingface.co/acme/m/resolve/main/model.safetensors\nHTTP request sent, awaiting response... 401 Unauthorized\nUsername/Password Authentication Failed.',
      ),
    ).toBe('unauthorized-401');
    // A prose text that only links a notebook beside a token it says was revoked is not another host's status.
    expect(
      problem(
        'I revoked the token without realizing it was still in use.\nSee https://colab.research.google.com/drive/1abc for the notebook.',
      ),
    ).not.toBe('unknown');
  });
});

describe("a local folder taken for a repo id, and apps' words for a repo or a gate (session 12)", () => {
  it.each([
    // huggingface_hub utils/_http.py hf_raise_for_status: a 401 on /api/{models,datasets,spaces}/ or /resolve/ is a
    // RepositoryNotFoundError (a 404 once a token is sent); older clients raised requests' HTTPError with the same URL.
    // The "repo" is a folder that is not on this machine, so the loader asked the Hub for it.
    'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/models/models/bert-finetuned',
    'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/output/checkpoint-500/resolve/main/config.json',
    'HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/content/drive/resolve/main/config.json',
    '401 Client Error: Unauthorized for url: https://huggingface.co/api/models/D:%5Cmodels%5Cbert/revision/main',
    // Applications' words for a repo the Hub does not show them.
    'ValueError: Could not find model acme/m on Hugging Face',
    'Error: model "acme/m" not found on the Hub. Check the name or your access.',
    'The repository acme/m does not exist or is private.',
  ])('%s -> repo-access-denied', (text) => {
    expect(problem(text)).toBe('repo-access-denied');
  });

  it('leaves a real namespace, and a status without the repo, to the token', () => {
    expect(
      problem(
        'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/models/acme/bert-finetuned\n\nInvalid credentials in Authorization header',
      ),
    ).toBe('unauthorized-401');
    // transformers' pointer to the model list is not a repo URL.
    expect(problem("listed on 'https://huggingface.co/models' 401 Unauthorized")).not.toBe('repo-access-denied');
    // ollama's own library: "model 'x' not found, try pulling it first".
    expect(problem("Error: model 'llama3/instruct' not found, try pulling it first")).not.toBe('repo-access-denied');
  });

  it.each([
    'Please request access at https://huggingface.co/google/gemma-7b and make sure you are logged in.',
    'Access denied: model requires license acceptance (meta-llama/Llama-3.1-8B)',
  ])('%s -> gated-repo', (text) => {
    expect(problem(text)).toBe('gated-repo');
  });
});

describe("the clients' advice to one that sent no token, before what really failed (session 12)", () => {
  // The Hub's X-HF-Warning, which huggingface_hub logs (utils/_http.py _warn_on_warning_headers) on an anonymous
  // request, seen in vLLM's, Open WebUI's and training runs' logs.
  const advice =
    'Warning: You are sending unauthenticated requests to the HF Hub. Please set a HF_TOKEN to enable higher rate limits and faster downloads.';
  const colab =
    'UserWarning: \nThe secret `HF_TOKEN` does not exist in your Colab secrets.\nTo authenticate with the Hugging Face Hub, create a token in your settings tab (https://huggingface.co/settings/tokens), set it as secret in your Google Colab and restart your session.\nYou will be able to reuse this secret in all of your notebooks.\nPlease note that authentication is recommended but still optional to access public models or datasets.\n  warnings.warn(';
  const oom =
    'Traceback (most recent call last):\n  File "/app/train.py", line 40, in <module>\n    trainer.train()\ntorch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.';

  it('alone, the advice is the missing token', () => {
    expect(problem(advice)).toBe('token-missing');
    expect(problem(colab)).toBe('token-missing');
  });

  it("beside the script's own failure, that failure is the story (its words about rate limits are not a 429)", () => {
    expect(problem(`${advice}\n${oom}`)).toBe('job-script-failed');
    expect(problem(`${colab}\n${oom}`)).toBe('job-script-failed');
    expect(problem(`(APIServer pid=1) ${advice}\nrequests.exceptions.ConnectionError: Connection refused`)).toBe(
      'network-error',
    );
  });

  it('beside a 401 or a gate, the token stays the story', () => {
    expect(
      problem(
        `${advice}\nhuggingface_hub.errors.GatedRepoError: 401 Client Error.\n\nCannot access gated repo for url https://huggingface.co/meta-llama/Llama-3.1-8B/resolve/main/config.json.\nAccess to model meta-llama/Llama-3.1-8B is restricted. You must have access to it and be authenticated to access it. Please log in.`,
      ),
    ).toBe('gated-repo');
    expect(
      problem(
        `${colab}\nhuggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://router.huggingface.co/v1/chat/completions\n\nInvalid username or password.`,
      ),
    ).toBe('token-missing');
  });
});

describe('a repo id never filled in, and a write sent with no token (session 12)', () => {
  it.each([
    // A variable left unset formatted into the id (Python's None), a parameter's name passed as its value, a
    // documentation placeholder: huggingface_hub's 401 for a repo the Hub does not have (utils/_http.py).
    'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/None/resolve/main/config.json',
    'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/datasets/None/refs',
    'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/pretrained_model_name_or_path/resolve/main/vae/config.json',
    'Error: Api error with status 401. URL: https://huggingface.co/api/models/YOUR_USERNAME/model',
    '404 Client Error: Not Found for url: https://huggingface.co/api/models/acme/undefined/revision/main',
  ])('%s -> repo-access-denied', (text) => {
    expect(problem(text)).toBe('repo-access-denied');
  });

  it('leaves a real name that only starts like one alone', () => {
    for (const url of [
      'https://huggingface.co/api/models/none-ai/model-x',
      'https://huggingface.co/api/models/acme/nonet',
    ])
      expect(problem(`requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: ${url}`)).toBe(
        'unauthorized-401',
      );
  });

  it('"Invalid username or password" (no credentials came) on a write to the Hub\'s API is the token not passed', () => {
    // huggingface_hub >= 1.0 (httpx): "Client error '401 Unauthorized' for url '...'" + the Hub's body.
    expect(
      problem(
        "HfHubHTTPError: Client error '401 Unauthorized' for url 'https://huggingface.co/api/repos/create' (Request ID: Root=1-x)\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/401\nInvalid username or password",
      ),
    ).toBe('token-missing');
    // A token the Hub refused, a read (whoami), the router: the 401.
    expect(
      problem(
        'huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/repos/create\n\nInvalid credentials in Authorization header',
      ),
    ).toBe('unauthorized-401');
    expect(
      problem(
        'HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2\nInvalid username or password.',
      ),
    ).toBe('unauthorized-401');
    expect(
      problem(
        '401 Client Error: Unauthorized for url: https://router.huggingface.co/v1/chat/completions\nInvalid username or password.',
      ),
    ).toBe('unauthorized-401');
  });
});

describe('a token that was None where the clients needed one, and a log-in that cannot happen there (session 12)', () => {
  it.each([
    // CPython Lib/os.py (encodevalue): `raise TypeError("str expected, not %s" % type(value).__name__)`, under a line
    // that sets the token's variable from a secret store that had none.
    'Traceback (most recent call last):\n  File "/content/a.py", line 3, in <module>\n    os.environ["HF_TOKEN"] = userdata.get("HF_TOKEN")\n  File "<frozen os>", line 684, in __setitem__\n  File "<frozen os>", line 758, in encode\nTypeError: str expected, not NoneType',
    // pydantic-core's ValidationError: the field on its own line, then "  Field required [type=missing, ...]".
    'pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\nhf_token\n  Field required [type=missing, input_value={}, input_type=dict]',
    // A NoneType error raised in huggingface_hub's header code, given a token of None.
    'Traceback (most recent call last):\n  File "/app/run.py", line 5, in <module>\n    api.whoami(token=os.getenv("HF_TOKEN"))\n  File "/usr/local/lib/python3.11/site-packages/huggingface_hub/utils/_headers.py", line 120, in build_hf_headers\n    if token.startswith("api_org"):\nAttributeError: \'NoneType\' object has no attribute \'startswith\'',
    // huggingface_hub _login.py notebook_login(): `raise ImportError("The \`notebook_login\` function can only be used in
    // a notebook (Jupyter or Colab) and you need the \`ipywidgets\` module: \`pip install ipywidgets\`.")`
    'ImportError: The `notebook_login` function can only be used in a notebook (Jupyter or Colab) and you need the `ipywidgets` module: `pip install ipywidgets`.',
    'ERROR: No Hugging Face credentials found.',
  ])('%s -> token-missing', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it("leaves the script's own None, another field and another variable to the script", () => {
    expect(
      problem(
        "Traceback (most recent call last):\n  File \"/app/lib.py\", line 3, in compute\n    return x.shape\nAttributeError: 'NoneType' object has no attribute 'shape'",
      ),
    ).toBe('job-script-failed');
    expect(
      problem(
        'pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\nopenai_api_key\n  Field required [type=missing, input_value={}, input_type=dict]',
      ),
    ).toBe('unknown');
    expect(
      problem(
        'Traceback (most recent call last):\n  File "/content/a.py", line 3, in <module>\n    os.environ["WANDB_PROJECT"] = cfg.get("project")\nTypeError: str expected, not NoneType',
      ),
    ).not.toBe('token-missing');
  });
});

describe("huggingface_hub's deprecation of the old CLI says nothing of a token (session 12)", () => {
  // As huggingface_hub 0.34-0.36 printed it before running the old command (seen in CI, training and vLLM logs).
  const deprecated = "⚠️  Warning: 'huggingface-cli login' is deprecated. Use 'hf auth login' instead.";
  it('alone it is no problem of the catalog', () => {
    expect(problem(deprecated)).toBe('unknown');
    // huggingface_hub >= 1.0 cli/deprecated_cli.py: "`huggingface-cli` is deprecated and no longer works. Use `hf` instead."
    expect(problem('`huggingface-cli` is deprecated and no longer works. Use `hf` instead.')).toBe('unknown');
  });

  it('in a log, what failed is the story', () => {
    expect(
      problem(
        `${deprecated}\nToken is valid (permission: read).\nLogin successful.\n⚠️  Warning: 'huggingface-cli download' is deprecated. Use 'hf download' instead.\nTraceback (most recent call last):\n  File "/workspace/train.py", line 3, in <module>\n    import flash_attn\nModuleNotFoundError: No module named 'flash_attn'`,
      ),
    ).toBe('job-script-failed');
    // A log-in that was not possible stays the missing token.
    expect(
      problem(`${deprecated}\nEOFError: EOF when reading a line\n  File "_login.py", line 1, in interpreter_login`),
    ).toBe('token-missing');
  });
});

describe("the Hub's side in apps' and people's words (session 12)", () => {
  it.each([
    'Error: An internal error occurred on the Hugging Face Hub. Please try again later.',
    'HF is returning 500s for everything right now',
    'huggingface.co keeps throwing 502 Bad Gateway',
  ])('%s -> server-error', (text) => {
    expect(problem(text)).toBe('server-error');
  });

  it("leaves the script's own error and a count alone", () => {
    expect(problem('The internal error in my script happened in HF datasets map')).not.toBe('server-error');
    expect(problem('HF returns 500 examples per page')).not.toBe('server-error');
  });
});

describe("huggingface_hub's warnings for a request it retried, before what really failed (session 12)", () => {
  // utils/_http.py http_backoff: `logger.warning(f"HTTP Error {response.status_code} thrown while requesting {method}
  // {url}")`, `logger.warning(f"'{err}' thrown while requesting {method} {url}")`, `logger.warning(f"Retrying in
  // {actual_sleep}s [Retry {nb_tries}/{max_retries}].")`.
  const retried =
    "HTTP Error 429 thrown while requesting HEAD https://huggingface.co/gpt2/resolve/main/tokenizer.json\nRetrying in 2s [Retry 2/5].\n'(ReadTimeoutError(\"HTTPSConnectionPool(host='huggingface.co', port=443): Read timed out. (read timeout=10)\"), '(Request ID: 4f1)')' thrown while requesting HEAD https://huggingface.co/gpt2/resolve/main/config.json\nRetrying in 1s [Retry 1/5].";

  it('alone, or when the retries ran out, they are the story', () => {
    expect(problem(retried)).toBe('rate-limited');
    expect(
      problem(
        `${retried}\nrequests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://huggingface.co/api/models/gpt2`,
      ),
    ).toBe('rate-limited');
  });

  it("beside the script's own failure, that failure is", () => {
    expect(
      problem(
        `${retried}\nTraceback (most recent call last):\n  File "/app/train.py", line 40, in <module>\n    trainer.train()\ntorch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.`,
      ),
    ).toBe('job-script-failed');
  });
});

describe('a token the HTTP clients cannot put in a header (session 12)', () => {
  it.each([
    // Node lib/_http_outgoing.js: ERR_INVALID_CHAR ('header content', name).
    'TypeError [ERR_INVALID_CHAR]: Invalid character in header content ["authorization"]',
    // CPython Lib/http/client.py putheader: `values[i] = one_value.encode('latin-1')`, a curly quote pasted with the token.
    "Traceback (most recent call last):\n  File \"/app/x.py\", line 3, in <module>\n    r = requests.get(url, headers=headers)\n  File \"/usr/lib/python3.11/http/client.py\", line 1271, in putheader\n    values[i] = one_value.encode('latin-1')\nUnicodeEncodeError: 'latin-1' codec can't encode character '\\u201c' in position 7: ordinal not in range(256)",
  ])('%s -> invalid-token-format', (text) => {
    expect(problem(text)).toBe('invalid-token-format');
  });

  it("leaves another header and a file's encoding alone", () => {
    expect(problem('TypeError [ERR_INVALID_CHAR]: Invalid character in header content ["x-title"]')).not.toBe(
      'invalid-token-format',
    );
    expect(
      problem(
        "Traceback (most recent call last):\n  File \"/app/x.py\", line 3, in <module>\n    f.write(text.encode('latin-1'))\nUnicodeEncodeError: 'latin-1' codec can't encode character '\\u201c' in position 7: ordinal not in range(256)",
      ),
    ).not.toBe('invalid-token-format');
  });
});

describe("apps' words for a token in the wrong form (session 12)", () => {
  it.each([
    'Your token looks malformed: expected 37 characters starting with hf_',
    'Error: HF_TOKEN contains a newline',
  ])('%s -> invalid-token-format', (text) => {
    expect(problem(text)).toBe('invalid-token-format');
  });

  it("leaves a tokenizer's tokens alone", () => {
    expect(problem('pad token contains spaces')).not.toBe('invalid-token-format');
    expect(problem('eos_token is malformed')).not.toBe('invalid-token-format');
  });
});

describe("a model's token ids and a JSON parser's tokens are not a token refused (session 12)", () => {
  it.each([
    'RuntimeError: Invalid token id 32001 (vocab size 32000)',
    'Invalid token in JSON at position 0',
    'Using sep_token, but it is not set yet.',
    "KeyError: '<|im_end|>' token not found in vocabulary",
  ])('%s -> unknown', (text) => {
    expect(problem(text)).toBe('unknown');
  });

  it('still reads an invalid token as refused', () => {
    expect(problem('Error: invalid token')).toBe('unauthorized-401');
    expect(problem('The Hub says: invalid HF token')).toBe('unauthorized-401');
  });
});

describe('another service named for the token or key in question (session 12)', () => {
  it.each([
    'Discord bot token is invalid',
    'Error: The Slack token is invalid',
    'Cloudflare: Invalid API Token (code 10000)',
    'Stripe: No API key provided',
    'Twilio: Authenticate\nHTTP 401 error: Unable to create record: Authenticate',
  ])('%s -> unknown', (text) => {
    expect(problem(text)).toBe('unknown');
  });

  it("keeps the Hub's token when it is the one named, or the Hub's own words are there", () => {
    expect(problem('Error: The Hugging Face token is invalid')).toBe('unauthorized-401');
    expect(
      problem(
        'GitHub token is fine, but: huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2\n\nInvalid credentials in Authorization header',
      ),
    ).toBe('unauthorized-401');
  });
});

describe("gradio_client's 'Could not find Space' with its hint for a private Space (session 12)", () => {
  it("is the Space not found; its hint names hf_token only for a case that may not be the user's", () => {
    // gradio client.py: `f"Could not find Space: {src}. If it is a private Space, please provide an hf_token."` (was
    // token-missing: "please provide ... hf_token" was read as the variable asked for).
    expect(
      problem(
        'gradio_client.exceptions.AppError: Could not find Space: acme/app. If it is a private Space, please provide an hf_token.',
      ),
    ).toBe('repo-access-denied');
    expect(problem('Please provide HF_TOKEN')).toBe('token-missing');
  });
});

describe("the repo not there, and an access request waiting, in apps' and people's words (session 12)", () => {
  it.each([
    ['Error: repo acme/m not found', 'repo-access-denied'],
    ['The dataset acme/d is private or does not exist', 'repo-access-denied'],
    // The Hub's X-Error-Code, which huggingface_hub reads (utils/_http.py: `error_code == "RepoNotFound"`).
    ['RepoNotFound: acme/m', 'repo-access-denied'],
    ['ValueError: acme/m is not a valid model id on Hugging Face', 'repo-access-denied'],
    ['I have requested access but it is still pending', 'gated-repo'],
  ])('%s -> %s', (text, id) => {
    expect(problem(text)).toBe(id);
  });

  it("leaves a local server's model, ollama's library and a cache miss alone", () => {
    // vLLM's OpenAI-compatible server for a model name it does not serve.
    expect(problem('The model `meta-llama/Llama-3-8B` does not exist.')).not.toBe('repo-access-denied');
    expect(problem("Error: model 'llama3' not found, try pulling it first")).not.toBe('repo-access-denied');
    expect(problem('repository acme/m was not found locally, downloading')).not.toBe('repo-access-denied');
  });
});

describe("a token the Hub refused, in apps' and people's words (session 12)", () => {
  it.each([
    'Hugging Face rejects my token',
    'Getting unauthorized when calling the inference API with my token',
    '401 even though I pass a valid token',
    'Invalid Hugging Face API token. Please check your credentials.',
    'The Hugging Face token you provided was rejected (401).',
    'HF_TOKEN is set but invalid',
    'Your HF_TOKEN appears to be invalid or expired',
  ])('%s -> unauthorized-401', (text) => {
    expect(problem(text)).toBe('unauthorized-401');
  });

  it("leaves a tokenizer's token, a request refused, and a token said missing to their own stories", () => {
    expect(problem('pad token was rejected by the template')).not.toBe('unauthorized-401');
    expect(problem('the request was rejected')).not.toBe('unauthorized-401');
    expect(problem('HF_TOKEN is not set or invalid')).toBe('token-missing');
  });
});
