// The classifier's rules for the wordings of the tools people use with Hugging Face tokens beyond huggingface_hub and
// the libraries read before (session 10, issue 14): git and git-lfs against the Hub, llama.cpp's `-hf` downloads,
// ollama's `hf.co/` pulls, hf_transfer, autotrain-advanced, Unsloth, gradio (its CLI and gr.load). Each rule quotes the tool's own format string; the tests in
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
  // huggingface_hub (up to 0.3x) wrapping any failure of hf_transfer's download: "An error occurred while downloading
  // using `hf_transfer`. Consider disabling HF_HUB_ENABLE_HF_TRANSFER for better error handling." A download cut
  // short; a status beside it (hf_transfer's "HTTP status client error (403 Forbidden) for url") is the stronger story.
  L('network-error', 6, /\bAn error occurred while downloading using `?hf_transfer\b/i),
  // autotrain-advanced (app/utils.py) when whoami does not answer: "Hugging Face Hub (URL) is unreachable, please try
  // again later.", and other tools' "the Hub is unreachable".
  L(
    'network-error',
    8,
    /\b(?:Hugg?ing ?Face(?: Hub)?|the Hub|huggingface\.co)\b[^\n]{0,80}\bis (?:currently )?unreachable\b/i,
  ),
  // A tool asking for a token it was not given: Unsloth's "Please supply a token!" and "Please specify a token for
  // uploading!" (save.py), "Pushing to HF requires a token" (its example `token = 'hf_....'` is not the user's token).
  // Not a hint for a case that may not be the user's ("If it is a private Space, please provide a token").
  L(
    'token-missing',
    10,
    /^(?![^\n]*\bif (?:(?:it|this|the \w+) is (?:a )?(?:private|gated)|you are accessing a gated)\b)[^\n]*?\b(?:please )?(?:supply|specify|provide|give) (?:a|an|your) (?:valid )?(?:hf |hugg?ing ?face |access |write |api )?token\b(?! ?(?:ids?|budget|limit|counts?|usage|type|embeddings?)\b)|\b(?:push(?:ing)?|upload(?:ing)?) to (?:the )?(?:HF|Hub|Hugging ?Face)(?: Hub)? requires (?:a|an) (?:\w+ )?token\b/i,
  ),
  // gradio's gr.load (external_utils.py handle_hf_error: a 401, or "You must provide an api_key") raising "Unauthorized,
  // please make sure you are signed in."; its CLI (cli/commands/hf_login.py): "No Hugging Face login found, launching
  // login prompt", and "Error logging in to Hugging Face with $HF_TOKEN" (whoami refused the token HF_TOKEN holds).
  L(
    'token-missing',
    8,
    /\bplease make sure you are (?:signed|logged) in\b|\bNo (?:Hugg?ing ?Face |HF )?login found\b/i,
  ),
  L('unauthorized-401', 9, /\bError logging in to Hugg?ing ?Face with \$?HF_TOKEN\b/i),
  // A write asked of a token that may only read, in gradio's deploy words ("Need 'write' access token to create a Spaces
  // repo.") and others' ("requires a write token").
  L(
    'forbidden-403',
    7,
    /\b(?:need|needs|requires?|required) (?:an? )?'?write'? (?:access )?token\b|\bwrite (?:access )?token (?:is )?(?:required|needed)\b/i,
  ),
];
