// The classifier's rules for the wordings of the tools people use with Hugging Face tokens beyond huggingface_hub and
// the libraries read before (session 10, issue 14): git and git-lfs against the Hub, llama.cpp's `-hf` downloads,
// ollama's `hf.co/` pulls. Each rule quotes the tool's own format string; the tests in
// test/core/troubleshoot/classify-libraries.test.ts give each wording with its source (repository, path, line).
import type {ProblemId} from './catalog.js';

export interface LibrarySignal {
  problem: ProblemId;
  weight: number;
  re: RegExp;
}

const L = (problem: ProblemId, weight: number, re: RegExp): LibrarySignal => ({problem, weight, re});

/** A Hub host as git and the download tools print it in a URL (a mirror people set as HF_ENDPOINT included). */
const HUB_URL = String.raw`https?:\/\/(?:[^@'"\s/]+@)?(?:huggingface\.co|hf\.co|hf-mirror\.com)\b`;

export const LIBRARY_SIGNALS: LibrarySignal[] = [
  // git asking for credentials where nobody can type them (a job, CI, a notebook): "fatal: could not read Username for
  // 'https://huggingface.co': terminal prompts disabled" / "No such device or address"; git-lfs's "Git credentials for
  // URL not found". Only a Hub URL: another forge's credentials are not a Hugging Face token.
  L(
    'token-missing',
    10,
    new RegExp(
      String.raw`\bcould not read (?:Username|Password) for '${HUB_URL}|\bGit credentials for ${HUB_URL}\S* not found\b`,
      'i',
    ),
  ),
  // git-lfs (lfshttp/errors.go) wraps a 401 from the LFS batch API as "Authentication required: Authorization error:
  // URL"; a 403 is the same "Authorization error: URL / Check that you have proper access to the repository" without
  // the 401's prefix; a 404 "Repository or object not found: URL"; a 5xx "Server error: URL" or "Server error URL from
  // HTTP 503".
  L(
    'unauthorized-401',
    8,
    /\b(?:batch response|LFS): Authentication required\b|\bAuthentication required: Authorization error\b/i,
  ),
  L('forbidden-403', 7, /(?<!Authentication required: )\bAuthorization error: https?:\/\/\S+/i),
  L('repo-access-denied', 8, /\bRepository or object not found: https?:\/\//i),
  L('server-error', 9, /\bServer error:? https?:\/\/\S+(?: from HTTP 5\d\d)?|\bServer error \S+ from HTTP 5\d\d\b/i),
  // llama.cpp's `-hf` download (common/arg.cpp before the Hub cache, common/download.cpp): a 401 from the Hub's manifest
  // API is "error: model is private or does not exist; if you are accessing a gated model, please provide a valid HF
  // token". The repo's story: a wrong name, a private repo, or a gated one asked for without a token.
  L('repo-access-denied', 14, /\bmodel is private or does not exist\b/i),
  // llama.cpp's Hub cache (common/hf-cache.cpp) refusing to send a token that is not hf_ and 37+ letters and digits:
  // "api_get: invalid token, authentication disabled".
  L('invalid-token-format', 12, /\binvalid token, authentication disabled\b/i),
  // cpp-httplib's words for a request that got no answer, as llama.cpp prints them ("HTTPLIB failed: Could not
  // establish connection", "download failed: SSL server verification failed (status: -1)"), and old llama.cpp's
  // "error: cannot make GET request". Not a browser extension's "Could not establish connection. Receiving end does
  // not exist".
  L(
    'network-error',
    7,
    /\bCould not establish connection\b(?!\. Receiving end)|\bSSL (?:connection failed|server (?:hostname )?verification failed)\b|\bProxy connection failed\b|\bFailed to (?:read|write) connection\b|\berror: cannot make GET request\b/i,
  ),
  // ollama (server/images.go): a manifest the registry does not have ("pull model manifest: file does not exist", an
  // hf.co/ repo or quant tag that is not there), and a registry that refused the credentials it got after asking for
  // them ("unauthorized: access denied"; an hf.co/ pull of a private repo without the Ollama key added to the account).
  L('repo-access-denied', 8, /\bpull model manifest: file does not exist\b/i),
  L('unauthorized-401', 7, /\bunauthorized: access denied\b/i),
];
