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
