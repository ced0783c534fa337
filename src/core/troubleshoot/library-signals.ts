// The classifier's rules for the wordings of the tools people use with Hugging Face tokens beyond huggingface_hub and
// the libraries read before (session 10, issue 14): git and git-lfs against the Hub, llama.cpp's `-hf` downloads,
// ollama's `hf.co/` pulls, hf_transfer, autotrain-advanced, Unsloth, gradio (its CLI and gr.load), axolotl,
// huggingface_hub's browser log-in, transformers.js, mlx-lm, LeRobot; and (session 11) where notebooks, CI, containers
// and clusters keep the token (Colab, Kaggle, bash, GitHub Actions, the kubelet, BuildKit), the clients' words for a
// connection cut short (httpx, hyper, reqwest, browsers), the Hub's side in people's and CDNs' words, job failures in
// Node's and the Python stack's words, and the families in the languages people write their apps' messages in. Each rule
// quotes the tool's own format string where there is one; the tests in test/core/troubleshoot/classify-libraries.test.ts
// give each wording with its source (repository, path, line), and the near misses each rule must leave alone.
import type {ProblemId} from './catalog.js';

export interface LibrarySignal {
  problem: ProblemId;
  weight: number;
  re: RegExp;
  /** Words in lower case one of which a line must hold for `re` to be tried (see classify.ts mayHold). */
  gate?: string[];
}

const L = (problem: ProblemId, weight: number, re: RegExp, gate?: string[]): LibrarySignal =>
  gate ? {problem, weight, re, gate} : {problem, weight, re};

/**
 * A name people give a Hugging Face token's variable or secret: HF or HUGGINGFACE as one of its parts and a credential's
 * word (token, key, secret, auth, pass, cred) in it, or the bare name: HF_TOKEN, HF_API_TOKEN, HUGGINGFACE_TOKEN,
 * HUGGING_FACE_HUB_TOKEN, MY_HF_TOKEN, hf-token, huggingface-secret, huggingface. Not another service's (OPENAI_API_KEY,
 * GITHUB_TOKEN, GOOGLE_API_KEY), nor huggingface_hub's other settings (HF_HOME, HF_ENDPOINT, HF_HUB_OFFLINE). Read from a
 * word's start only (a long run of letters is then scanned once, not once a letter).
 */
const HF_NAME = String.raw`["'\x60]?(?<![\w-])(?=[\w-]*(?:TOKEN|KEY|SECRET|AUTH|PASS|CRED)|(?:[\w-]*[_-])?(?:HF|HUGG?ING_?FACE)\b)(?:[\w-]*[_-])?(?:HF|HUGG?ING_?FACE(?:_?HUB)?)(?:[_-]?[\w-]*)?["'\x60]?`;

/** The Hub named as a service: "Hugging Face", "HuggingFace", "HF", "huggingface.co", "the Hub", "HF Hub". */
const HUB_WORDS = String.raw`(?:\b(?:Hugg?ing ?Face(?:\.co)?|HF)(?: Hub)?\b|\bthe Hub\b)`;

/** Not a tokenizer's token ("pad token", "eos_token", "special tokens"). */
const NOT_TOKENIZER = String.raw`(?<!\b(?:pad|eos|bos|unk|sep|cls|mask|special|chat|start|end)[ _-]?)`;

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
  // huggingface_hub's browser log-in (utils/_oauth_device.py) that never completed: "Device code expired. Please try
  // again.", "Authorization was denied. Please try again." (DeviceCodeError, or "Login failed: ..." in a notebook).
  L('token-missing', 9, /\bDevice code expired\b|\b(?:DeviceCodeError|Login failed): Authorization was denied\b/i),
  // axolotl's check before training (cli/checks.py): no token stored ("Error verifying HuggingFace token. Remember to log
  // in using `hf auth login`"), and whoami unanswered ("Error accessing HuggingFace. This may be due to a network issue
  // or rate limiting.").
  L('token-missing', 9, /\bRemember to log ?in\b[^\n]{0,20}(?:hf auth login|huggingface-cli login)/i),
  L('network-error', 7, /\bError accessing Hugg?ing ?Face\b[^\n]{0,40}\bnetwork issue\b/i),
  // A tool asking the user to check a log-in to the Hub (SimpleTuner's "No Hugging Face Hub token found (PATH). Please
  // ensure you have logged in with 'huggingface-cli login'."). Only the Hub's login: "docker login", "vercel login" are
  // other services'.
  L(
    'token-missing',
    8,
    /\b(?:ensure|make sure|check) (?:that )?you(?:'ve| have)? (?:logged|signed) in\b[^\n]{0,30}(?:hf auth login|huggingface-cli login|notebook_login|hugg?ing ?face)/i,
  ),
  // transformers.js (src/utils/hub/constants.ts ERROR_MAPPING, thrown as `${message}: "${remoteURL}".`): a 401 is
  // "Unauthorized access to file", a 408 "Request timeout error occurred while trying to load file" (its 403, 404 and
  // 5xx wordings were already known).
  L('unauthorized-401', 7, /\bUnauthorized access to file:? ["'`]?https?:\/\//i),
  L('network-error', 7, /\bRequest timeout error occurred while trying to load file\b/i),
  // mlx-lm's utils.py (before May 2025, and forks that copied it): "ModelNotFoundError: Model not found for path or HF
  // repo: X. Please make sure you specified the local path or Hugging Face repo id correctly. If you are trying to access
  // a private or gated Hugging Face repo, make sure you are authenticated".
  L('repo-access-denied', 10, /\bModel not found for path or HF repo\b/i),
  // LeRobot's HF Jobs launcher (jobs/dataset.py): "Dataset 'X' is not in the local cache (PATH) and could not be reached
  // on the Hub — it may not exist, or be private and inaccessible with your token."
  L('repo-access-denied', 10, /\bcould not be reached on the Hub\W+it may not exist\b/i),
  // A status with its reason phrase as HTTP clients join them: .NET's "Response status code does not indicate success:
  // 403 (Forbidden).", aiohttp's ClientResponseError "403, message='Forbidden', url=URL('...')" (their 401, 429 and 5xx
  // forms were already known). The reason phrase as the clients print it, capitalised: not a count "403 (forbidden ...)".
  L('forbidden-403', 7, /\b403\W{1,3}(?:message=\W{0,2})?Forbidden\b/),
  L('repo-access-denied', 5, /\b404\W{1,3}(?:message=\W{0,2})?Not Found\b/),
  // huggingface_hub's HfFileSystem (hf_file_system.py _raise_file_not_found): `f"{path} (revision not found)"`,
  // `f"{path} (invalid repository id)"`, and for a write "Make sure the repository and revision exist before writing
  // data." ("(repository not found)" was already known).
  L(
    'repo-access-denied',
    7,
    /\((?:revision not found|invalid repository id)\)|\bMake sure the repository and revision exist before writing data\b/i,
  ),
  // A package the environment lacks, in huggingface_hub's words: "To use optimized download using Xet storage, you need
  // to install the hf_xet package." (file_download.py), "Fast download using 'hf_transfer' is enabled
  // (HF_HUB_ENABLE_HF_TRANSFER=1) but 'hf_transfer' package is not available in your environment." (up to 0.3x): the
  // job's dependencies, not the token.
  L(
    'job-script-failed',
    10,
    /\bpackage is not available in your environment\b|\byou need to install the `?[\w.[\]-]+`? (?:package|library)\b/i,
  ),
  // The OpenAI SDKs people point at the Hugging Face router: the Node SDK's "401 status code (no body)" (a status with
  // no body; the number before the words, where the status rules look after them), the Python SDK's
  // "APIConnectionError: Connection error." (its default message when no answer came).
  L('unauthorized-401', 6, statusCodeWords('401')),
  L('forbidden-403', 6, statusCodeWords('403')),
  L('repo-access-denied', 5, statusCodeWords('404')),
  L('payment-required', 12, statusCodeWords('402')),
  L('rate-limited', 12, statusCodeWords('429')),
  L('server-error', 9, statusCodeWords('50[0234]')),
  L('network-error', 7, /\bAPIConnectionError: Connection error\b/),
  // hf_xet's exception for a token refresh or credential failure (xet_pkg/src/error.rs: XetAuthenticationError, a
  // PermissionError, "Authentication error: ..."): the token the Hub gave for the storage was refused or not renewed.
  L('unauthorized-401', 6, /\bXetAuthenticationError\b/),
  // uv running a job's script: a dependency with no wheel for the job's machine ("Distribution `X` can't be installed
  // because it doesn't have a source distribution or wheel for the current platform", its hint "only has wheels for the
  // following platforms"), and a script header uv cannot read ("TOML parse error at line 3, column 1").
  L(
    'job-script-failed',
    10,
    /\bcan't be installed because it doesn't have a source distribution or wheel for the current platform\b|\bonly has wheels for the following platforms?\b/i,
  ),
  L('job-script-failed', 9, /\bTOML parse error at line \d+/i),
  // gradio's local OAuth debugging (oauth.py) with an organization's or an app's token where a user's is needed: "Your
  // machine is not logged in with a personal account. Please use a personal access token."
  L('invalid-token-format', 12, /\bnot logged in with a personal account\b/i),
  // tokenizers' Tokenizer.from_pretrained (tokenizers/src/utils/from_pretrained.rs): any failure to get the repo's
  // tokenizer.json is `Model "X" on the Hub doesn't have a tokenizer` (a wrong id, a private or gated repo without a
  // token; a network failure reads the same, and its own words beside it outrank this).
  L('repo-access-denied', 6, /\bModel "[^"\n]+" on the Hub doesn't have a tokenizer\b/),
  // The Hub's own answer for a branch or revision that is not there, "Invalid rev id" (huggingface_hub's tests against the
  // Hub: test_hf_api.py `pytest.raises(HfHubHTTPError, match="Invalid rev id")` for a missing branch).
  L('repo-access-denied', 7, /\bInvalid rev id\b/i),
  // huggingface_hub's `hf auth switch` / logout for a token name it does not store (_login.py: `f"Access token
  // {token_name} not found in {constants.HF_STORED_TOKENS_PATH}"`, `f"Token {token_name} not found in ..."`).
  L('token-missing', 9, /\b(?:Access )?token \S+ not found in \S*stored_tokens\b/i),
  // The Hub's inference answer for a model id that is not there, as @huggingface/inference passes it on (its tests:
  // `rejects.toThrowError("Model this-model/does-not-exist-123 does not exist")`). A repo id (namespace/name) only.
  L('repo-access-denied', 8, /\bModel [\w.-]+\/[\w.-]+ does not exist\b/),
  // "Hugging Face Hub token" said needed or not there ("Hugging Face Hub token is required to push the model"; "No
  // Hugging Face Hub token found" is the core rules').
  L(
    'token-missing',
    10,
    /\b(?:Hugg?ing ?Face|HF) Hub token (?:is |was )?(?:required|needed|missing|empty|not (?:found|set|provided|configured|given|available))\b/i,
  ),
  // gradio_client (client.py) on a private Space without a token, "Could not load URL as credentials were not provided.
  // Please login.", and on a Space whose app failed: "The current space is in the invalid state: RUNTIME_ERROR. Please
  // contact the owner to fix this." (the state as the enum's value, or by name: SpaceStage.RUNTIME_ERROR). A paused
  // Space is its owner's choice, none of the catalog's problems.
  L('token-missing', 9, /\bas credentials were not provided\b/i),
  L(
    'job-script-failed',
    10,
    /\bin the invalid state: (?:SpaceStage\.)?(?:RUNTIME_ERROR|BUILD_ERROR|CONFIG_ERROR|NO_APP_FILE)\b/,
  ),
  // text-generation-inference's launcher (launcher/src/main.rs) when the model server did not start or died: `"Shard
  // {rank} failed to start"`, then `Error: ShardCannotStart` (or ShardFailed): the model, its memory or the image, not
  // the token (a download error has its own words, and its cause's rules outrank this).
  L('job-script-failed', 7, /\bShard \d+ failed to start\b|^\s*Error: Shard(?:CannotStart|Failed)\b/), // Notebooks' secret stores when the token's secret is not there or not shared with the notebook. Google Colab
  // (google/colab/userdata.py): SecretNotFoundError `f'Secret {key} does not exist.'`, NotebookAccessError `f'Notebook does
  // not have access to secret {key}'`, and a secret asked for outside the Colab UI ("Requesting secret HF_TOKEN timed
  // out. Secrets can only be fetched when running from the Colab UI."): a timeout of the notebook's own secret request, not
  // the network. huggingface_hub's words around them (utils/_auth.py): "Access to the secret `HF_TOKEN` has not been
  // granted on this notebook.", "Error while fetching `HF_TOKEN` secret value from your vault: '...'. You are not
  // authenticated with the Hugging Face Hub in this notebook." Kaggle (the service's answer that
  // patches/kaggle_web_client.py raises as BackendError): "No user secrets exist for kernel id N and label HF_TOKEN".
  // Only a Hugging Face name: another service's secret is none of the catalog's problems.
  L(
    'token-missing',
    10,
    new RegExp(
      String.raw`\bSecret ${HF_NAME} (?:does not|doesn't) exist\b(?! in your Colab secrets)|\b(?:does not|doesn't) have access to (?:the )?secret ${HF_NAME}|\bAccess to the secret ${HF_NAME} has not been granted\b|\bRequesting secret ${HF_NAME} timed out\b|\bError while fetching ${HF_NAME} secret value\b|\bYou are not authenticated with the Hugging Face Hub\b|\bNo user secrets exist for kernel id \d+ and label ${HF_NAME}`,
      'i',
    ),
    ['secret', 'not authenticated with the hugging face hub'],
  ),
  // huggingface_hub's warning when Colab has no HF_TOKEN secret (utils/_auth.py up to 0.3x: "The secret `HF_TOKEN` does
  // not exist in your Colab secrets. ... authentication is recommended but still optional to access public models or
  // datasets."): printed before whatever failed, so weak: alone it is the missing token, beside another error that error.
  L('token-missing', 5, /\bdoes not exist in your Colab secrets\b/i, ['colab']),
  // A token option given an empty value (a CI secret that is not set, `--token $HF_TOKEN` with the variable empty): argparse's
  // "argument --token: expected one argument" (huggingface-cli login, training scripts' --hf_token), click's (typer's)
  // "Option '--token' requires an argument." (hf auth login).
  L(
    'token-missing',
    9,
    /\bargument --(?:hf[_-]?|hub[_-]?)?token: expected one argument\b|\bOption ['"]--(?:hf[_-]?|hub[_-]?)?token['"] requires an argument\b/i,
    ['token'],
  ),
  // The places a job, a container or CI reads the token from, in their own words when it is not there: bash's `set -u`
  // (subst.c err_unboundvar: "%s: unbound variable"; dash: "parameter not set"; `${HF_TOKEN:?}`: "parameter null or not
  // set"), GitHub Actions' core.getInput (actions/toolkit packages/core: `Input required and not supplied: ${name}`), the
  // kubelet (pkg/kubelet/kubelet_pods.go: "couldn't find key %v in Secret %v/%v"), BuildKit's `--mount=type=secret`
  // ("secret hf_token: not found"). Only a Hugging Face name.
  L(
    'token-missing',
    10,
    new RegExp(
      String.raw`${HF_NAME}: (?:unbound variable|parameter (?:null or )?not set)\b|\bInput required and not supplied: ${HF_NAME}|\bcouldn't find key ${HF_NAME} in Secret\b|\bcouldn't find key \S+ in Secret \S*(?:hf|hugg?ing)|\bsecret ${HF_NAME}: not found\b`,
      'i',
    ),
    ['unbound', 'parameter', 'input required', "couldn't find key", 'secret'],
  ),
  // huggingface_hub up to 0.4 (hf_api.py, no token given or stored): "You need to pass a valid `token` or login by using
  // `huggingface-cli login`".
  L('token-missing', 10, /\bpass a valid [`'"]?token[`'"]? or log ?in\b/i, ['pass a valid']),
  // Tools and apps asking for a log-in or a Hugging Face token in words the rules before did not know: "You must be logged
  // in to access this model", "Hugging Face API key not found", "You need a Hugging Face token to download this model",
  // "Please enter your HuggingFace token in the settings", a token that was None ("Invalid token: None").
  L('token-missing', 7, /\b(?:must|need to|have to) be (?:logged|signed) in\b(?!\s+as\b)/i, ['logged', 'signed']),
  L(
    'token-missing',
    10,
    /\b(?:Hugg?ing ?Face|HF)(?: Hub| Inference)?(?: API)? key (?:is |was )?(?:not (?:found|set|provided|configured|defined|given)|missing|required|empty)\b|\b(?:no|missing) (?:Hugg?ing ?Face|HF)(?: Hub)? API key\b/i,
    ['key'],
  ),
  L(
    'token-missing',
    8,
    /\b(?:need|needs|require|requires|required) (?:a|an|your) (?:valid )?(?:Hugg?ing ?Face|HF)(?: Hub)?(?: API| access| user)? token\b|\b(?:enter|paste|input|configure) (?:your|a) (?:Hugg?ing ?Face|HF)(?: Hub)?(?: API| access| user)? token\b/i,
    ['token'],
  ),
  L('token-missing', 9, /\b(?:invalid|bad) (?:api[ _-]?key|token)\W{1,3}None\b/i, ['none']),
  // Advice to check the variable ("Make sure HF_TOKEN is set"): weak, a status beside it is the stronger story.
  L(
    'token-missing',
    6,
    new RegExp(
      String.raw`\b(?:make sure|ensure|check(?: that)?|verify(?: that)?)\s+(?:the\s+)?(?:env(?:ironment)? var(?:iable)?\s+)?${HF_NAME}\s+(?:is|has been)\s+(?:set|defined|exported|configured|provided)\b`,
      'i',
    ),
    ['make sure', 'ensure', 'check', 'verify'],
  ),
  // The Hub said down or out in people's and apps' words ("Is Hugging Face down?", "huggingface.co seems to be down",
  // "HF is down again", "an outage on the Hugging Face side, see status.huggingface.co"), and a service said unavailable
  // ("The model is temporarily unavailable", "Hugging Face is currently unavailable"). Only the Hub or its models, not
  // another site ("api.openai.com is down"); not a download ("HF download failed"). Weak: the user's own network said
  // beside it ("I can't connect to huggingface.co") is the stronger story.
  L(
    'server-error',
    6,
    new RegExp(
      String.raw`(?:${HUB_WORDS}\s+(?:is|are|was|seems|looks|appears|went|goes|has gone)\s+(?:to be\s+)?(?:currently\s+|completely\s+|totally\s+|still\s+)?|\bIs ${HUB_WORDS}\s+(?:currently\s+|still\s+)?)down\b|\b(?:outage|downtime)\b[^\n]{0,40}${HUB_WORDS}|${HUB_WORDS}[^\n]{0,40}\b(?:outage|downtime)\b|\bstatus\.huggingface\.co\b|(?:${HUB_WORDS}\s+(?:is|are)\s+(?:currently\s+|temporarily\s+)?|(?:\b(?:the )?(?:model|server|service|endpoint|backend|provider|space)s?|\bModel [\w.-]+\/[\w.-]+)\s+(?:is|are)\s+(?:currently|temporarily)\s+)unavailable\b(?! (?:in|for) (?:your|this|the) (?:region|country|location|plan|account))`,
      'i',
    ),
    ['down', 'outage', 'downtime', 'status.huggingface', 'unavailable'],
  ),
  // A server's or the router's JSON body for its own failure: {"error": "Internal Error"}, "Backend error", "upstream
  // error", "Provider returned error" (the provider behind the Hugging Face router failed).
  L(
    'server-error',
    9,
    /["'](?:error|detail|message)["']\s*:\s*["'](?:Internal (?:Server )?Error|Backend error|Upstream error|Provider returned error|Server error)\.?["']/i,
    ['internal', 'backend', 'upstream', 'provider returned', 'server error'],
  ),
  // CloudFront's page when the origin behind it failed (a 502 it words as "CloudFront attempted to establish a connection
  // with the origin, but either the attempt failed or the origin closed the connection."), and Apache's 503 body ("The
  // server is temporarily unable to service your request due to maintenance downtime or capacity problems") in the
  // other words apps copy ("temporarily unable to handle the request"). Not CloudFront's 403 "Request blocked".
  L(
    'server-error',
    9,
    /\bCloudFront attempted to establish a connection with the origin\b|\btemporarily unable to handle (?:the|your|this) request\b/i,
    ['cloudfront', 'temporarily unable'],
  ),
  // The Hub's words for a gated repo the account has not asked for, as its 403 body ends and apps repeat alone: "Visit
  // https://huggingface.co/meta-llama/Llama-3.1-8B to ask for access." (huggingface_hub errors.py, GatedRepoError's
  // docstring, after "is restricted and you are not in the authorized list").
  L(
    'gated-repo',
    12,
    new RegExp(
      String.raw`\b(?:visit|go to)\s+${HUB_URL}\/(?:(?:datasets|spaces)\/)?[\w.-]+\/[\w.-]+\/?\s+to (?:ask|request) (?:for )?access\b`,
      'i',
    ),
    ['access'],
  ),
  // urllib3's Retry with a status_forcelist (requests' RetryError) giving up on the same answer: "Max retries exceeded with
  // url: U (Caused by ResponseError('too many 403 error responses'))" (urllib3/exceptions.py: ResponseError.
  // SPECIFIC_ERROR = "too many {status_code} error responses"); the 429 and 5xx forms were already known.
  L('unauthorized-401', 7, /\btoo many 401 error responses\b/),
  L('forbidden-403', 7, /\btoo many 403 error responses\b/),
  L('repo-access-denied', 7, /\btoo many 404 error responses\b/),
  // The connection closed before the answer was whole, as huggingface_hub 1.x's httpx (httpcore/_async/http11.py
  // RemoteProtocolError "Server disconnected without sending a response."; h11's "peer closed connection without sending
  // complete message body (incomplete chunked read)") and the Rust clients hf_xet and hf_transfer (hyper's "connection
  // closed before message completed", reqwest's "error decoding response body") word it.
  L(
    'network-error',
    7,
    /\bServer disconnected without sending a response\b|\bpeer closed connection without sending complete message body\b|\bconnection closed before message completed\b|\berror decoding response body\b/i,
    ['disconnected', 'peer closed', 'closed before message', 'decoding response body'],
  ),
  // A write refused to the account or token in words without the status: "You don't have permission to push to this
  // repo", "Permission denied to push to X", "You are not a member of acme-org" (a repo or a job in an organization).
  L(
    'forbidden-403',
    7,
    /\b(?:don't|do not|doesn't|does not) have (?:the )?(?:permission|rights?|access) to (?:push|write|create|upload|delete|modify|commit)\b|\bPermission denied to (?:push|write|create|upload)\b/i,
    ['permission', 'rights', 'access'],
  ),
  L('forbidden-403', 6, /\b(?:you are|you're|user is) not a member of\b/i),
  // A log-in asked for in the languages people write their apps' messages in (Chinese, Japanese, Korean, French,
  // Spanish, German, Portuguese, Russian): 请先登录, 需要登录, ログインしてください, 로그인이 필요, "Veuillez vous connecter",
  // "inicia sesión", "melden Sie sich ... an", "faça login", "необходимо войти" (as "Login required", "please log in").
  L(
    'token-missing',
    7,
    /请先登录|请登录|需要登录|未登录|没有登录|尚未登录|登录后(?:才能|再)|ログインしてください|ログインが必要|ログインしていません|로그인(?:이|을)? ?(?:필요|하세요|해 ?주세요)|로그인하지 않|\bVeuillez vous connecter\b|\b(?:connexion|authentification) (?:requise|nécessaire)\b|\binicia(?:r)? sesión\b|\bmelden Sie sich\b[^\n]{0,40}\ban\b|\bAnmeldung erforderlich\b|\bfaça login\b|требуется (?:авторизация|вход)|необходимо (?:войти|авторизоваться)|авторизуйтесь|войдите в|(?:使用|用|运行|执行|請使用)\s*[`'"]?(?:hf auth login|huggingface-cli login|hf login)|(?:hf auth login|huggingface-cli login|hf login)[`'"]?\s*(?:登录|进行登录|でログイン|로 로그인)/i,
    [
      '登录',
      'ログイン',
      '로그인',
      'veuillez',
      'connexion',
      'authentification',
      'sesión',
      'melden',
      'anmeldung',
      'login',
      'авториз',
      'войти',
      'войдите',
      'вход',
    ],
  ),
  // The gate in those languages: 申请访问 / 请求访问权限 ("apply for / request access"), アクセス申請, 액세스 요청.
  L(
    'gated-repo',
    9,
    /申请访问|请求访问权限|访问申请|アクセス(?:を)?申請|アクセスをリクエスト|액세스(?:를)? 요청|접근 (?:권한 )?요청/,
    ['申请', '请求访问', '访问申请', 'アクセス', '액세스', '접근'],
  ),
  // A repo that is not there or not visible in those languages: 模型不存在, 仓库不存在, 不存在或没有权限.
  L(
    'repo-access-denied',
    8,
    /(?:模型|仓库|存储库|数据集|リポジトリ|モデル|저장소|모델)(?:が|가|이)?\s?(?:不存在|存在しません|존재하지 않)|不存在或(?:者)?(?:没有|无)(?:访问)?权限/,
    ['不存在', '存在しません', '존재하지'],
  ),
  // A token said invalid or expired with "token" bare in those languages (the Hugging Face-qualified form is the core
  // rules'): "token 无效", "令牌已过期", "トークンが無効", "토큰이 유효하지 않".
  L(
    'unauthorized-401',
    6,
    /(?<!\b(?:pad|eos|bos|unk|sep|cls|mask|special|chat)\s)(?:\btoken|令牌|トークン|토큰)(?:が|이|가)?\s*(?:无效|已过期|已失效|無効|期限切れ|유효하지 않|만료)/i,
    ['无效', '过期', '失效', '無効', '期限切れ', '유효하지', '만료'],
  ),
  // A write permission the token lacks in those languages: 需要写权限, 没有写入权限, 書き込み権限, 쓰기 권한.
  L('forbidden-403', 7, /(?:需要|缺少|没有|無)[^\n]{0,6}(?:写|寫)(?:入)?权限|書き込み権限|쓰기 권한/, [
    '权限',
    '書き込み',
    '쓰기',
  ]),
  // A connection that failed in those languages, the Hub or a host between the words: "连接 Hugging Face 失败",
  // "Impossible de se connecter à Hugging Face", "No se pudo conectar", "не удалось подключиться".
  L(
    'network-error',
    6,
    /(?:连接|連線|接続)[^\n]{1,30}?(?:失败|失敗|超时|できません)|\bImpossible de (?:se connecter|joindre|contacter|atteindre)\b|\bNo se pudo conectar\b|\bNão foi possível conectar\b|\bVerbindung (?:fehlgeschlagen|konnte nicht)|не удалось подключиться/i,
    ['连接', '連線', '接続', 'impossible de', 'no se pudo', 'não foi possível', 'verbindung', 'подключиться'],
  ),
  // A token the tool could not get, or a variable it never read, in people's and tools' words: "Failed to retrieve the
  // Hugging Face token", "token retrieval is failing", "HF_TOKEN is not being picked up by the container", "the HF_TOKEN
  // environment variable is ignored", "vLLM doesn't pick up HF_TOKEN", "The job does not receive HF_TOKEN". Not a
  // variable read as it should be ("HF_TOKEN is read from the environment").
  L(
    'token-missing',
    7,
    new RegExp(
      String.raw`\b(?:failed to|could not|couldn't|cannot|can't|unable to) (?:retrieve|fetch|obtain|resolve) (?:a |an |any |the |your )?(?:valid )?(?:hugg?ing ?face |hf |api |access |auth(?:entication)? )?token\b|\btoken (?:retrieval|lookup|resolution)\b[^\n]{0,20}\bfail|${HF_NAME}[^\n]{0,30}\b(?:is not|isn't|was not|wasn't|are not|aren't|not|never)\s+(?:being\s+|getting\s+)?(?:picked up|read|recognized|recognised|detected|passed|forwarded|propagated|injected|loaded|exported)\b|${HF_NAME}[^\n]{0,30}\b(?:is|was|gets|got) (?:being )?ignored\b|\b(?:doesn't|does not|didn't|did not|won't|never) (?:pick up|read|see|receive|get|inherit|load) (?:the |my |our |your )?${HF_NAME}`,
      'i',
    ),
    ['token', 'hf', 'hugg'],
  ),
  // The gate in apps' and people's words: "Your access request is pending", "You need to request access to this model",
  // "needs approval from the model authors", "This model is restricted".
  L(
    'gated-repo',
    12,
    /\baccess request (?:is |was )?(?:still )?(?:pending|awaiting|under review)\b|\b(?:need|have|must) to request access to (?:this|the) (?:model|repo(?:sitory)?|dataset)\b|\b(?:needs|requires) approval from the (?:model|repo(?:sitory)?|dataset) (?:authors?|owners?)\b|\bThis (?:model|repo(?:sitory)?|dataset) is restricted\b(?! to\b)/i,
    ['access request', 'request access', 'approval', 'restricted'],
  ),
  // A request limit in apps' words: "You have reached the maximum number of requests", "API limit reached".
  L(
    'rate-limited',
    10,
    /\breached the maximum number of requests\b|\bAPI (?:rate )?limit (?:reached|exceeded|hit)\b/i,
    ['maximum number of requests', 'limit'],
  ),
  // The status's name alone as a message or a JSON error, as "Unauthorized" is the 401's: "Error: Forbidden",
  // {"error": "Forbidden"}.
  L('forbidden-403', 7, /^\s*(?:[\w.]*Error:\s*)?Forbidden\.?\s*$|["']error["']\s*:\s*["']Forbidden["']/i, [
    'forbidden',
  ]),
  // No answer, in a browser's words (transformers.js, @huggingface/inference in a web page): Chromium's net errors
  // (net/base/net_error_list.h: net::ERR_NAME_NOT_RESOLVED, ERR_CONNECTION_RESET, ERR_INTERNET_DISCONNECTED...), fetch's
  // TypeError ("Failed to fetch" in Chromium, "NetworkError when attempting to fetch resource." in Firefox, "Load failed"
  // in Safari); and a client's "Connection error." alone (the OpenAI SDKs' default message).
  L(
    'network-error',
    7,
    /\bnet::ERR_(?:NAME_NOT_RESOLVED|CONNECTION_\w+|INTERNET_DISCONNECTED|TIMED_OUT|NETWORK_\w+|ADDRESS_UNREACHABLE|EMPTY_RESPONSE|PROXY_\w+|TUNNEL_CONNECTION_FAILED|SSL_\w+|CERT_\w+)\b|\bTypeError: (?:Failed to fetch|Load failed)\b|\bNetworkError when attempting to fetch resource\b|^\s*(?:[\w.]*Error:\s*)?Connection error\.?\s*$/im,
    ['net::err_', 'failed to fetch', 'load failed', 'networkerror', 'connection error'],
  ),
  // A job's script or its environment failing in Node's and the Python stack's own words, not the token: Node's module
  // loaders ("Error: Cannot find module 'x'", ESM's "[ERR_MODULE_NOT_FOUND]: Cannot find package 'x' imported from"), V8's
  // "TypeError: Cannot read properties of undefined (reading 'x')" and "x is not a function", an image without the
  // interpreter ("/usr/bin/env: 'python': No such file or directory"), NumPy 2 against modules built for 1.x ("A module
  // that was compiled using NumPy 1.x cannot be run in NumPy 2", "numpy.core.multiarray failed to import", "module 'numpy'
  // has no attribute 'float'"), PyTorch's shapes ("The size of tensor a (512) must match the size of tensor b"), a
  // read-only or unwritable path, uv refusing a requirements file ("error: Failed to parse: `requirements.txt`").
  L(
    'job-script-failed',
    9,
    /\bError: Cannot find module '[^'\n]+'|\bERR_MODULE_NOT_FOUND\b|\bCannot find package '[^'\n]+' imported from\b|\bTypeError: Cannot read propert(?:y|ies) of (?:undefined|null)\b|\bTypeError: [\w.$]+ is not a function\b|^\/usr\/bin\/env: '?[\w.-]+'?: No such file or directory|\bcompiled using NumPy 1\.x cannot be run in NumPy 2|\bnumpy\.core\.multiarray failed to import\b|\bmodule 'numpy' has no attribute '\w+'|\bNumpy is not available\b|\bThe size of tensor a \(\d+\) must match the size of tensor b\b|\[Errno 30\] Read-only file system\b|\berror: Failed to parse: `[^`\n]+`/,
    [
      'cannot find',
      'err_module',
      'typeerror',
      '/usr/bin/env',
      'numpy',
      'size of tensor',
      'read-only file system',
      'failed to parse',
    ],
  ),
  // A token refused in words the rules before did not know: "Your token is no longer valid", "Invalid authentication
  // credentials", "Authentication failed" alone on its line; and credentials never sent, as Django REST framework
  // words it (NotAuthenticated: "Authentication credentials were not provided.").
  L(
    'unauthorized-401',
    7,
    /\b(?:token|api[ _-]?key|credentials?)\b[^\n]{0,20}\b(?:is |are |was )?no longer (?:valid|works?|working|accepted)\b|\binvalid (?:authentication |auth )?credentials\b|^\s*(?:[\w.]*Error:\s*)?Authentication failed\.?\s*$/i,
    ['no longer', 'credentials', 'authentication failed'],
  ),
  L('token-missing', 7, /\bcredentials were not provided\b/i, ['not provided']),
  // huggingface_hub up to 0.16 (file_download.py) raised LocalEntryNotFoundError as "Connection error, and we cannot find
  // the requested files in the cached path" only after a ConnectionError or a timeout: no answer came (later versions
  // say "An error happened while trying to locate the file on the Hub" for any failure, a guess the status beside it
  // outranks).
  L('network-error', 8, /\bConnection error, and we cannot find the requested files\b/i, ['connection error']),
  // Haystack's Secret.from_env_var (haystack/utils/auth.py, EnvVarSecret.resolve_value): `f"None of the following
  // authentication environment variables are set: {self._env_vars}"`, a token's names among them.
  L(
    'token-missing',
    10,
    new RegExp(
      String.raw`\bNone of the following authentication environment variables are set: [^\n]{0,80}?(?:HF|HUGG?ING_?FACE)\w*`,
      'i',
    ),
    ['none of the following'],
  ),
  // Session 12. A command line refused for a Hugging Face token option left out: Python's argparse (Lib/argparse.py: "the following
  // arguments are required: %s") and click (core.py MissingParameter: "Missing option '--hf-token'."). It outranks
  // argparse's other refusals (the script's own arguments, wording-signals.ts).
  L(
    'token-missing',
    10,
    /\b(?:the following arguments are required: [^\n]{0,80}?|Missing (?:option|parameter|argument) ['"\x60]?)--?(?:hf|hugg?ing[_-]?face)(?:[_-]hub)?[_-](?:api[_-])?(?:token|key)\b/i,
    ['required', 'missing'],
  ),
  // Configuration checkers' words for a variable not set (envalid, t3-env, dotenv-safe, apps' own): "Missing required
  // environment variable: HF_TOKEN", "Required env var HF_TOKEN is undefined".
  L(
    'token-missing',
    9,
    new RegExp(
      String.raw`\b(?:missing|required|undefined|unset|empty)(?: required)? (?:environment|env) var(?:iable)?s?\b[:\s]{1,3}${HF_NAME}`,
      'i',
    ),
    ['environment', 'env var'],
  ),
  // A client's failure to authenticate to the Hub with the status after it ("Failed to authenticate with Hugging Face:
  // 401"), and "Unauthorized" beside a Hugging Face token to check ("Unauthorized access. Check your HF token.").
  L(
    'unauthorized-401',
    7,
    new RegExp(
      String.raw`\bauthenticat\w*\b[^\n]{0,30}${HUB_WORDS}[^\n]{0,10}?[:(]\s*401\b|\bUnauthori[sz]ed\b[^\n]{0,40}\b(?:check|verify|invalid|wrong|bad)\b[^\n]{0,20}${HUB_WORDS}[ -]?(?:api[ -])?token\b`,
      'i',
    ),
    ['401', 'unauthori'],
  ),
  // The hf CLI's Space commands checking write access first (huggingface_hub cli/spaces.py): a RepositoryNotFoundError
  // becomes "Write access check to NAME repository failed. Make sure that you are authenticated".
  L('repo-access-denied', 8, /\bWrite access check to \S+ repository failed\b/i, ['write access check']),
  // A local folder taken for a repo id (a path that does not exist on this machine, so the loader asked the Hub): the
  // Hub's URL then names a "repo" whose namespace is a folder people keep models in (models/, output/, checkpoints/,
  // content/drive/ on Colab, saved_model/) or a Windows path (D:%5C...). huggingface_hub raises RepositoryNotFoundError for
  // it, a 401 when no token was sent and a 404 when one was (utils/_http.py hf_raise_for_status): the repo is the story.
  L(
    'repo-access-denied',
    9,
    new RegExp(
      String.raw`${HUB_URL}\/(?:api\/(?:models|datasets|spaces)\/)?(?:(?:datasets|spaces)\/)?(?:[A-Za-z](?::|%3A)(?:%5C|%2F|\\|\/)|%2F|(?:models?|outputs?|checkpoints?|ckpts?|content|drive|home|root|tmp|weights|saved_models?|results|runs|workspace|mnt|pretrained(?:_models?)?|local)\/)`,
      'i',
    ),
    ['http'],
  ),
  // A repo id that was never filled in: a variable left unset and formatted into the id (Python's None, JavaScript's
  // null or undefined), a parameter's name passed as its value ("pretrained_model_name_or_path"), or a documentation
  // placeholder ("your-username/...", "YOUR_MODEL", "<repo_id>"). The Hub has no such repo (huggingface_hub's 401 for it
  // is a RepositoryNotFoundError, utils/_http.py): the id is the story, not the token.
  L(
    'repo-access-denied',
    9,
    new RegExp(
      String.raw`${HUB_URL}\/(?:api\/(?:models|datasets|spaces)\/)?(?:(?:datasets|spaces)\/)?(?:[\w.-]+\/)?(?:None|null|undefined|NaN|pretrained_model_name_or_path|model_name_or_path|model_id|repo_id|model_name|dataset_name|your[_-](?:user(?:name)?|org(?:anization)?|namespace|hf[_-]username|model|dataset|repo)[\w-]*|YOUR_[A-Z_]+|%3C[\w-]+%3E|<[\w-]+>)(?=[\/\s'"\x60),.]|$)`,
    ),
    ['http'],
  ),
  // Applications' words for a repo the Hub does not show them: "Could not find model acme/m on Hugging Face", 'model
  // "acme/m" not found on the Hub', "The repository acme/m does not exist or is private". A namespace/name, and the Hub
  // or the private repo named beside it (ollama's "model 'x' not found, try pulling it first" is neither).
  L(
    'repo-access-denied',
    8,
    new RegExp(
      String.raw`\b(?:could not|couldn't|can't|cannot|unable to|failed to) find (?:the )?(?:model|dataset|repo(?:sitory)?|space) ["'\x60]?[\w.-]+\/[\w.-]+["'\x60]? (?:on|in) ${HUB_WORDS}|\b(?:model|dataset|repo(?:sitory)?|space) ["'\x60]?[\w.-]+\/[\w.-]+["'\x60]? (?:was )?(?:not found|(?:does not|doesn't) exist)\b(?: (?:on|in) ${HUB_WORDS}| or (?:is )?private\b)`,
      'i',
    ),
    ['find', 'not found', 'exist'],
  ),
  // The repo not there in apps' and people's words without the Hub named: "repo acme/m not found" (a repo or dataset
  // with a namespace; a model name alone may be what a local server serves), "is private or does not exist", the Hub's
  // own X-Error-Code ("RepoNotFound: acme/m"), "is not a valid model id on Hugging Face".
  L(
    'repo-access-denied',
    8,
    new RegExp(
      String.raw`\b(?:repo(?:sitory)?|dataset) ["'\x60]?[\w.-]+\/[\w.-]+["'\x60]? (?:was )?(?:not found|(?:does not|doesn't) exist)\b(?! (?:locally|in (?:the )?(?:local )?cache|on (?:this )?(?:disk|machine)))|\b(?:is |are )?private or (?:does not|doesn't|did not) exist\b|\bRepoNotFound\b|\bis not a valid (?:model|repo(?:sitory)?|dataset) (?:id|identifier|name)\b[^\n]{0,20}\b(?:on|in) (?:the )?${HUB_WORDS}`,
      'i',
    ),
    ['not found', 'exist', 'reponotfound', 'not a valid'],
  ),
  // An access request said to be waiting or refused in people's words: "I have requested access but it is still
  // pending", "my access request was rejected".
  L(
    'gated-repo',
    9,
    /\brequested access\b[^\n]{0,40}\b(?:pending|awaiting|not (?:yet )?(?:been )?(?:approved|granted|accepted)|rejected|denied|declined)\b|\baccess request\b[^\n]{0,30}\b(?:rejected|denied|declined)\b/i,
    ['requested access', 'access request'],
  ),
  // The gate asked for by a URL or as a licence to accept, in apps' words: "Please request access at
  // https://huggingface.co/google/gemma-7b", "model requires license acceptance (meta-llama/Llama-3.1-8B)".
  L(
    'gated-repo',
    10,
    new RegExp(
      String.raw`\b(?:request|ask for|apply for) access (?:at|on|via|from|to) ${HUB_URL}\/[\w.-]+\/[\w.-]+|\b(?:requires?|needs?|pending|missing) (?:the )?(?:licen[cs]e|terms|conditions?|agreement) acceptance\b`,
      'i',
    ),
    ['access', 'acceptance'],
  ),
  // huggingface_hub's notebook_login() run where there is no notebook (a script, a job): _login.py raises "The
  // `notebook_login` function can only be used in a notebook (Jupyter or Colab) and you need the `ipywidgets` module":
  // no token was given, and none can be typed there. It outranks the ImportError it is.
  L('token-missing', 10, /\bThe [`'"]?notebook_login[`'"]? function can only be used in a notebook\b/, [
    'notebook_login',
  ]),
  // "No Hugging Face credentials found", "no HF credentials".
  L('token-missing', 9, new RegExp(String.raw`\bno ${HUB_WORDS}(?: API| access)? credentials\b`, 'i'), ['credentials']),
  // The Hub's side in apps' and people's words: "An internal error occurred on the Hugging Face Hub", "HF is returning
  // 500s", "huggingface.co keeps throwing 502". Not an error of the script's that happened in a Hugging Face library,
  // nor a count ("HF returns 500 examples").
  L(
    'server-error',
    7,
    new RegExp(
      String.raw`\binternal (?:server )?error (?:(?:has )?(?:occurred|happened) |was returned )?(?:on|from|at) (?:the )?${HUB_WORDS}|(?:${HUB_WORDS}|\b(?:huggingface|hf)\.co\b)[^\n]{0,20}\b(?:is |are |keeps? |kept )?(?:returning|returns|returned|throwing|throws|giving|gives|answering|responding with|sending)\s+(?:an? |HTTP |status |error )*5\d\d(?:s|'s)?\b(?!\s*(?:%|ms\b|[KMG]i?B\b|\.\d)|\s+(?!errors\b|responses\b|codes\b)[a-z]+s\b)`,
      'i',
    ),
    ['internal', 'return', 'throw', 'giv', 'answer', 'respond', 'send'],
  ),
  // Apps' words for a token in the wrong form: "Your token looks malformed", "HF_TOKEN contains a newline" (not a
  // tokenizer's "pad token contains spaces").
  L(
    'invalid-token-format',
    9,
    new RegExp(
      String.raw`${NOT_TOKENIZER}\b(?:token|${HF_NAME})\b[^\n]{0,20}\b(?:looks |is |seems |appears )?malformed\b|${NOT_TOKENIZER}\b(?:token|${HF_NAME}) (?:value )?(?:contains|has|includes) (?:a |an |trailing |leading )?(?:newline|line break|whitespace|spaces?|quotes?|quotation marks?|invalid characters?)\b`,
      'i',
    ),
    ['malformed', 'contains', 'has', 'includes'],
  ),
  // Node's http refusing the Authorization header it was given (lib/_http_outgoing.js: ERR_INVALID_CHAR, "Invalid
  // character in header content [\"authorization\"]"): the token holds a line break, a space or a quote it was pasted with.
  L('invalid-token-format', 10, /\bInvalid character in header content \[["']authorization["']\]/i, ['header content']),
  // A token the Hub refused, in apps' and people's words: "The Hugging Face token you provided was rejected", "Hugging
  // Face rejects my token", "Invalid Hugging Face API token", "HF_TOKEN is set but invalid", "your HF_TOKEN appears to
  // be invalid or expired", "401 even though I pass a valid token", "unauthorized ... with my token". Not a tokenizer's.
  L(
    'unauthorized-401',
    7,
    new RegExp(
      String.raw`${NOT_TOKENIZER}\b(?:token|${HF_NAME}|api[ _-]?key)\b[^\n]{0,40}\b(?:was |were |is |got |been |being |gets )?(?:rejected|refused|not accepted)\b|\b(?:rejects?|rejected|refuses?|refused|(?:doesn't|does not|won't|will not) accept)\s+(?:my |the |your |our |a )?(?:hugg?ing ?face |hf )?(?:api |access |user )?(?:token|api[ _-]?key)\b|\binvalid (?:hugg?ing ?face|hf) (?:api|access|user) token\b|${HF_NAME}[^\n]{0,30}\b(?:is |was |seems |appears |looks )(?:to be )?(?:set but |present but )?(?:invalid|expired|revoked|not valid)\b|\b(?:401|unauthori[sz]ed)\b[^\n]{0,60}\b(?:even though|although|despite|with|using)\b[^\n]{0,12}\b(?:my|a|the|our)\s+(?:valid |correct |new |fresh |working )?(?:hf |hugg?ing ?face )?(?:api |access |user )?token\b`,
      'i',
    ),
    ['reject', 'refuse', 'accept', 'invalid', 'expired', 'revoked', 'not valid', '401', 'unauthori'],
  ),
  // huggingface.js's inference client (packages/inference/src/utils/request.ts) puts the provider's own error after
  // "Failed to perform inference: "; a provider's words for credentials it refused there are a 401.
  L(
    'unauthorized-401',
    7,
    /\bFailed to perform inference: (?:Unauthori[sz]ed|Authentication (?:failed|required|error)|Invalid (?:token|api key|credentials|authentication))\b/i,
    ['perform inference'],
  ),
];

/** "NNN status code", the status before the words (`codes`: an alternation of statuses). */
function statusCodeWords(codes: string): RegExp {
  return new RegExp(String.raw`\b(?:${codes}) status code\b`);
}

/**
 * Signals read over several lines of the text (a traceback's source line and the error under it), each counted once.
 * Session 12: a header value the token made unencodable (CPython's http.client).
 * Session 12: a token that was None where the clients needed a string. CPython's os.environ refuses None ("TypeError:
 * str expected, not NoneType", Lib/os.py encodevalue) under a line that sets a Hugging Face token's variable
 * (os.environ["HF_TOKEN"] = userdata.get("HF_TOKEN")); pydantic's "Field required [type=missing" under a settings field
 * named for the token (pydantic-core prints the field on its own line, then "  Field required [type=missing, ...]");
 * a NoneType error raised in huggingface_hub's login or header code (_login.py, utils/_headers.py, utils/_auth.py).
 */
export const TEXT_SIGNALS: LibrarySignal[] = [
  // CPython's http.client encoding a header as Latin-1 (putheader: `one_value.encode('latin-1')`): a character no
  // header may hold, a curly quote or an ellipsis pasted with the token into the Authorization header.
  L(
    'invalid-token-format',
    8,
    /\bin putheader\b[^\n]*\n(?:[^\n]*\n){0,3}?\s*UnicodeEncodeError: 'latin-1' codec can't encode character\b[^\n]*/,
  ),
  L(
    'token-missing',
    10,
    new RegExp(
      String.raw`^[^\n]*\b(?:os\.environ\[|setenv\(|putenv\()[^\n]*${HF_NAME}[^\n]*\n(?:[^\n]*\n){0,3}?\s*TypeError: str expected, not NoneType\b[^\n]*|^\s*(?:hf|hugg?ing_?face(?:_hub)?)_(?:api_|access_)?(?:token|key)\s*\n\s*Field required \[type=missing\b[^\n]*|huggingface_hub[\\/](?:_login|utils[\\/]_headers|utils[\\/]_auth)\.py"?, line \d+[^\n]*\n(?:[^\n]*\n){0,4}?\s*(?:TypeError|AttributeError)\b[^\n]*\bNoneType\b[^\n]*`,
      'im',
    ),
  ),
];
