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
