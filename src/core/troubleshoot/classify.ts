// Classifies pasted text (tracebacks, HubApiError messages, HTTP status lines, job logs) into a problem id,
// by scoring evidence. Wrappers do not fool it: a gated 403 is gated-repo, a 429 inside a connection error is rate-limited.
import {redactSecrets} from '../tokens/mask.js';
import {catalogFor, offeredCauses, type ProblemId} from './catalog.js';
import {guessProblem} from './guess.js';
import {foreignLine, foreignSignatureOnly, onlyForeignUrls} from './foreign.js';
import {LIBRARY_SIGNALS, TEXT_SIGNALS} from './library-signals.js';
import {WORDING_SIGNALS} from './wording-signals.js';

interface Signal {
  problem: ProblemId;
  re: RegExp;
  weight: number;
  /** Words in lower case one of which a line must hold for `re` to be tried (its compilation is then spared). */
  gate?: string[];
}

/** Whether the line (lower-cased once) may hold the signal: no gate, or one of its words in it. */
const mayHold = (s: Signal, lower: string): boolean => !s.gate || s.gate.some((g) => lower.includes(g));

const S = (problem: ProblemId, weight: number, re: RegExp): Signal => ({problem, weight, re});

/** A 403 from the Hub's file storage hosts, whose URLs the Hub signs (no token is sent there). */
const STORAGE_HOST =
  /(?:s3[\w.-]*\.amazonaws\.com\/lfs\.huggingface\.co|cdn-lfs[\w.-]*\.(?:huggingface\.co|hf\.co)|(?:cas-bridge|cas-server|transfer)\.xethub\.hf\.co)\//i;
const STORAGE_403 = new RegExp(
  String.raw`^(?=.*(?:\b403\b|\bForbidden\b|Status\(403\b)).*${STORAGE_HOST.source}`,
  'im',
);

/** A line that is a plain Python error (the script's own failure when nothing from the Hub shows). */
const PLAIN_PYTHON_ERROR =
  /^\s*(?:[\w.]+\.)?(?:ValueError|TypeError|RuntimeError|AttributeError|NameError|IndexError|KeyError|FileNotFoundError|SyntaxError|IndentationError|AssertionError|ZeroDivisionError|NotImplementedError|ImportError|PermissionError|MemoryError|RecursionError|UnboundLocalError|OverflowError|UnicodeDecodeError|JSONDecodeError|CalledProcessError|IsADirectoryError|NotADirectoryError)\b/;

/** A traceback without its header: frame lines, and a plain Python error (not about the Hub's cache or a token) last. */
function trimmedTracebackEndsInPlainError(text: string, lines: string[]): boolean {
  if (!/^\s*File "[^"\n]+", line \d+/m.test(text)) return false;
  let last = '';
  for (let i = lines.length - 1; i >= 0 && !last; i--) if (lines[i]!.trim()) last = lines[i]!;
  return PLAIN_PYTHON_ERROR.test(last) && !/huggingface|hf_home|\btoken\b/i.test(last);
}

/**
 * A status as applications and people word it, around the number: "Error 403", "HTTP 404", "returned 402", "the server
 * returns a 500", "GET failed (429)", "getting a 500 from the hub", "a 503 when it requests the dataset info". `codes`
 * is an alternation of statuses. Not a count or a size: "got 500 examples", "returned 404 results", "500 ms", "the 500
 * from the training split".
 */
const statusSaid = (codes: string): RegExp =>
  new RegExp(
    String.raw`\b(?:error|HTTP|status|statusCode|status_code|code|response|returned|returns|got|getting|gets|received|receiving|hitting|gives|throws|responds with|answered)\b[^\n]{0,12}\b(?:${codes})\b(?!\s*(?:%|ms\b|s\b|[KMG]i?B\b|\.\d)|\s+(?!errors\b|responses\b|codes\b)[a-z]+s\b)|\b(?:failed|error)\b[^\n]{0,16}\(\s*(?:${codes})\s*\)|\ban?\s+(?:${codes})\s+(?:from|back from|when|while|whenever)\s`,
    'i',
  );

/** A Hub host: huggingface.co, hf.co, and the mirror people set as HF_ENDPOINT (hf-mirror.com). */
const HUB_HOST = String.raw`(?:huggingface\.co|hf\.co|hf-mirror\.com)`;
/** The Hub itself named as a site (not a repo or a file on it): "huggingface.co", "https://huggingface.co/", "the Hub". */
const HUB_SITE = String.raw`(?:https?:\/\/)?(?:hugg?ing ?face(?:\.co)?|hf\.co|the hub)\/?(?![\w.\/-])`;

/**
 * Loaders that take "a repo id or a local folder" and word a failure the same for both: PEFT's "Can't find
 * 'adapter_config.json' at 'X'", vLLM's "Invalid repository ID or local directory specified: 'X'". A quoted X that is
 * a repo id (namespace/name) is the repo's story; one that is a path (/..., ./..., ~/..., C:\...) is the script's.
 */
const LOADER_SAID = String.raw`(?:Can't find '[\w.-]+' at|Invalid repository ID or local directory specified:?)\s*`;
const LOADER_REPO = new RegExp(String.raw`${LOADER_SAID}'[\w.-]+\/[\w.-]+\/?'`, 'i');
const LOADER_LOCAL = new RegExp(String.raw`${LOADER_SAID}'(?:[.~]{0,2}[\\/]|[A-Za-z]:[\\/])`, 'i');

/**
 * The names applications give the variable or Space secret that holds a Hugging Face token: HF_TOKEN, HF_API_TOKEN,
 * HF_API_KEY, HF_READ_TOKEN, HUGGINGFACE_TOKEN, HUGGINGFACEHUB_API_TOKEN, HUGGING_FACE_HUB_TOKEN.
 */
const HF_TOKEN_VAR = String.raw`\b(?:HF|HUGGING_?FACE(?:_?HUB)?)_(?:[A-Z]+_)?(?:TOKEN|API_?KEY|ACCESS_?KEY|KEY)\b`;

/** A Hugging Face token named in words: "HF token", "Hugging Face API token", "token HF" (French word order). */
const HF_TOKEN_WORDS = String.raw`(?:${HF_TOKEN_VAR}|\b(?:Hugg?ing ?Face|HF)(?: API| access)?[ -]?(?:token|токен|令牌|トークン|토큰)|\b(?:token|токен)(?: (?:de|du|di|da|do|del|della|von|der))? (?:HF|Hugg?ing ?Face)\b)`;

/**
 * "token" as the credential: at the start, after punctuation, an article or a credential's qualifier ("No token", "the
 * token", "Hugging Face token", "access token"), not a tokenizer's ("pad token", "eos token") or another thing's ("the
 * face token" of a game), nor token ids or counts. The space before it is bounded: an unbounded one made a line of
 * spaces cost quadratic time in the lookbehind (100 ms a 4,000-character line).
 */
const CREDENTIAL_TOKEN = String.raw`(?<=(?:^|[^\w\s]|\b(?:the|a|an|your|my|this|valid|no|missing|any|api|access|auth|authentication|authorization|user|hf|read|write|login|bearer|hugg?ing ?face))\s{0,4})token\b(?! ?(?:ids?|indices|type|embeddings?|counts?|limit|budget|usage)\b)`;

/**
 * "Invalid" and "expired" in the same languages: invalide, expiré, ungültig, abgelaufen, inválido, caducado, non valido,
 * scaduto, недействителен, истёк, 无效, 已过期, 無効, 期限切れ, 유효하지 않, 만료.
 */
const INVALID_WORDS = String.raw`(?:invalide|expiré|ungültig|abgelaufen|inválid[oa]|expirad[oa]|caducad[oa]|non (?:è )?valid[oa]|scadut[oa]|недействител\w*|истёк|истек|просрочен\w*|无效|已过期|过期|無効|期限切れ|유효하지 않|만료)`;

/**
 * "Missing" in the languages people write their apps' messages in (French, Spanish, Portuguese, German, Italian,
 * Russian, Chinese, Japanese, Korean): manquant, falta, não encontrado, fehlt, mancante, не найден, 未设置, 見つかりません;
 * and "needed" or "please set" (需要, 请设置, 必要, 필요), not a permission it needs (需要写权限, 権限が必要, 권한이 필요).
 */
const MISSING_WORDS = String.raw`(?:manquante?s?|introuvable|non (?:défini|trouvé|configuré)e?|falta|faltante|no (?:está )?(?:definido|configurado|encontrado)|não (?:foi )?(?:encontrado|definido|configurado)|ausente|fehlt|nicht (?:gesetzt|gefunden|definiert|konfiguriert)|mancante|non (?:impostato|trovato)|не (?:найден|задан|указан|установлен)|отсутствует|未设置|未配置|未找到|缺少|没有设置|没有配置|未检测到|未提供|没有提供|请设置|请配置|请提供|请输入|需要(?![^\n]{0,6}权限)|未設定|設定されていません|見つかりません|(?<!権限が)必要|설정되지 않|찾을 수 없|(?<!권한이 )필요)`;

/**
 * Another service's key or token (OpenAI's OPENAI_API_KEY, W&B's WANDB_API_KEY, GitHub's GITHUB_TOKEN, a chat bot's
 * BOT_TOKEN) said missing in English or as a KeyError: not a Hugging Face token, and none of the catalog's problems.
 */
const FOREIGN_KEY = String.raw`\b(?:OPENAI|AZURE_OPENAI|ANTHROPIC|CLAUDE|GROQ|GEMINI|GOOGLE|COHERE|MISTRAL|DEEPSEEK|OPENROUTER|TOGETHER|REPLICATE|PINECONE|WANDB|COMET|NEPTUNE|GITHUB|GH|GITLAB|TELEGRAM|BOT|DISCORD|SLACK|TWILIO|AWS|ELEVENLABS|SERPER|SERPAPI|TAVILY|LANGCHAIN|LANGSMITH|NGROK|STRIPE|SUPABASE|FIREBASE)_(?:[A-Z]+_)?(?:API_?KEY|KEY|TOKEN|SECRET(?:_KEY)?)\b`;
const FOREIGN_KEY_MISSING = new RegExp(
  String.raw`KeyError: ['"]${FOREIGN_KEY}['"]|${FOREIGN_KEY}[^\n]{0,20}(?:environment variable|env var|is (?:not set|missing|required)|not (?:been )?(?:set|found|defined|provided))|\b(?:missing|no)\s+["'\x60]?${FOREIGN_KEY}|\bsetting the ${FOREIGN_KEY} environment variable`,
);

/**
 * The Hub's own words for the token it was given, which huggingface_hub appends (the X-Error-Message header) after its
 * "Repository Not Found" or "Cannot access gated repo": `User Access Token "NAME" is expired` (a Space's runtime-error
 * page, corpus text 649), "Organization tokens cannot be used to access" a gated repo (text 652).
 */
const HUB_TOKEN_EXPIRED = /\bUser Access Token "[^"\n]{0,100}" is expired\b/i;
const HUB_ORG_TOKEN_REFUSED = /\bOrganization tokens cannot be used to access\b/i;
/**
 * People's and applications' words for a token the server refused: "the token is invalid", "invalid API key", "expired
 * token", "xx is incorrect token". A token in a wrong form or missing has its own rules, which outrank these. Not a
 * model's token id ("Invalid token id 32001") nor a JSON parser's ("Invalid token in JSON at position 0").
 */
const PEOPLE_SAY_TOKEN_REFUSED =
  /\b(?:token(?! ids?\b| indices\b| type\b| embeddings?\b| count\b)|api[ _-]?key|access token|credentials?)\b[^\n]{0,20}\b(?:is|are|was|seems|looks)\s+(?:invalid|expired|revoked|wrong|incorrect|not valid)\b|\b(?:invalid|expired|revoked|incorrect|wrong) (?:hugg?ing ?face |hf )?(?:token|api[ _-]?key|access token|credentials)\b(?! ?(?:ids?|indices|type|\d)\b| (?:in|at) (?:JSON|position)\b)/i;

const SIGNALS: Signal[] = [
  // 401
  S('unauthorized-401', 7, /\b401 Client Error\b/i),
  S('unauthorized-401', 7, /'401 Unauthorized'/),
  S('unauthorized-401', 7, /\b(?:Api error with )?status(?: code)?[ :=]+401\b/i),
  S('unauthorized-401', 6, /\bHTTP\/[\d.]+ 401\b|\b401 Unauthorized\b/i),
  S('unauthorized-401', 7, /Invalid credentials in Authorization header/i),
  // The Hub's X-Error-Message for an expired token, which huggingface_hub appends to the error it raises.
  S('unauthorized-401', 8, HUB_TOKEN_EXPIRED),
  S('unauthorized-401', 6, /Invalid user token/i),
  // huggingface_hub's login() refusing what it was given (the Hub said no to whoami).
  S('unauthorized-401', 7, /\bInvalid token passed\b/i),
  // An API's JSON answer refusing the token it got: {"error": "invalid token"} (or an expired one).
  S('unauthorized-401', 6, /["']error["']\s*:\s*["'](?:invalid|expired|bad) (?:token|api key|credentials)["']/i),
  // A server's refusal of a request without (usable) credentials: "Missing or invalid Authorization header".
  S('unauthorized-401', 6, /\b(?:Missing|Invalid)(?: or (?:invalid|missing))? Authorization header\b/i),
  S('unauthorized-401', 4, /\bstatus=401\b|\b401\b[^\n]*\bUnauthorized\b/i),
  S('unauthorized-401', 3, /could not be refreshed|access token has expired/i),
  S('unauthorized-401', 7, /token seems invalid|Authorization header is correct, but the token/i),
  // The Hub's 401 body when no (or no valid) credentials came with the request.
  S('unauthorized-401', 6, /Invalid username or password/i),
  // Download tools' own words for a 401: aria2c's errorCode=24 "Authorization failed", wget's failed authentication.
  S('unauthorized-401', 6, /\berrorCode=24\b|\bAuthorization failed\b|Username\/Password Authentication Failed/i),
  // A 401 as applications word it: "Error 401", "HTTP 401", "returned 401", "401 (Unauthorized)".
  S(
    'unauthorized-401',
    6,
    /\b(?:error|HTTP|status|code|response|returned|got|received)\b[^\n]{0,12}\b401\b(?!\s*(?:%|ms\b|s\b|[KMG]i?B\b|\.\d)|\s+(?!errors\b|responses\b|codes\b)[a-z]+s\b)|\b401\b[^\n]{0,12}\b(?:error|unauthori[sz]ed)\b/i,
  ),
  S('unauthorized-401', 6, statusSaid('401')),
  S('unauthorized-401', 7, /\bAuthentication failed\b[^\n]{0,40}\bcheck that your (?:Hugging Face )?token is valid\b/i),
  // Tools' words for the Hub refusing the token they sent, on lines of their own: "ERROR: Authentication failed with
  // Hugging Face API", "Please check that your API token is valid and has the correct permissions".
  S(
    'unauthorized-401',
    7,
    /\bAuthentication failed (?:with|for|against|on) (?:the )?(?:Hugg?ing ?Face|HF|the Hub|huggingface\.co)\b|\bcheck that your (?:hugg?ing ?face |hf |api |access |user )*token is valid\b/i,
  ),
  // The status's name alone as a message or a JSON error ("Error: Unauthorized", {"error": "Unauthorized"}), and a token
  // said expired or revoked without "is" ("Access token expired", "token has been revoked"; an organization's revocation
  // has its own rule, which outranks this).
  S(
    'unauthorized-401',
    7,
    /^\s*(?:[\w.]*Error:\s*)?Unauthori[sz]ed\.?\s*$|["']error["']\s*:\s*["']Unauthori[sz]ed["']|\bAuthorization header is (?:invalid|malformed)\b|\b(?:token|api[ _-]?key|credentials?)\s+(?:has\s+)?(?:expired|been revoked)\b/i,
  ),
  // People's and applications' words for a token the server refused: "the token is invalid", "invalid API key",
  // "expired token". A token in a wrong form or missing has its own rules, which outrank these.
  S('unauthorized-401', 6, PEOPLE_SAY_TOKEN_REFUSED),
  // git's refusal of the credentials it sent to the Hub, and the Hub's answer to a password given to git.
  S(
    'unauthorized-401',
    8,
    /\bAuthentication failed for '?https?:\/\/|Password authentication in git is no longer supported/i,
  ),
  // 403
  // Rust clients (reqwest, hf-hub, candle) word an answer's status as Status(NNN, ...) or kind: Status(NNN).
  S('unauthorized-401', 6, /\bStatus\(401\b/),
  S('forbidden-403', 7, /\b403 Client Error\b|'403 Forbidden'|\b403 Forbidden\b/i),
  S('forbidden-403', 7, /\b(?:Api error with )?status(?: code)?[ :=]+403\b|\bHTTP\/[\d.]+ 403\b/i),
  S(
    'forbidden-403',
    5,
    /You don't have the rights to|Make sure your token has the correct permissions|token with the write role/i,
  ),
  S('forbidden-403', 4, /requires fine-grained|pending approval|Forbidden/i),
  S('forbidden-403', 6, statusSaid('403')),
  // The MCP server's explanations beside a status it got (packages/mcp/src/error-messages.ts), pasted alone: "Authentication
  // failed. Please check that your Hugging Face token is valid." (401), "You do not have permission to access this
  // resource." (403; its "Check your Hugging Face token permissions" follows the 401's explanation too).
  S('forbidden-403', 7, /\bdo(?:n't| not) have permission to access this resource\b/i),
  // A 403 said first on the line ("403: You are not allowed to push"), a scope the token lacks, a write refused in words.
  S(
    'forbidden-403',
    7,
    /^\s*(?:Error:?\s*)?403\s*[:-]\s|\binsufficient (?:scopes?|permissions?)\b|\bnot (?:allowed|authori[sz]ed|permitted) to (?:push|write|create|upload|delete|modify)\b/i,
  ),
  // A write with a token or account that may only read: "read-only token", "no write access", "write access required".
  S(
    'forbidden-403',
    6,
    /\bread(?:-| )?only (?:access )?token\b|\b(?:no|without|lacks?|missing) write (?:access|permission|role)\b|\bwrite (?:access|permission|role) (?:is )?(?:required|needed)\b|\bdoes not have write (?:access|permission)\b/i,
  ),
  // git pushing to the Hub without the right to: the server's refusal as git prints it.
  S(
    'forbidden-403',
    7,
    /\bDENIED update refs\/\S+:\s*forbidden|requested URL returned error: 403\b|\[remote rejected\][^\n]*\bforbidden\b/i,
  ),
  // A token said to lack the right, in tools' and people's words: "Your HuggingFace token doesn't have the right
  // permissions to access Llama 3.3", "the token does not have the required scope".
  S(
    'forbidden-403',
    7,
    /\btokens?\b[^\n]{0,20}\b(?:doesn't|does not|didn't|did not|lacks?)(?: have)? (?:the )?(?:right|required|necessary|correct|needed|sufficient|enough|proper) (?:permissions?|scopes?|rights?)\b/i,
  ),
  // A fine-grained token without the permission (Inference Providers, jobs): the Hub's words, with or without "403".
  S('forbidden-403', 7, /(?:authentication method|token) does not have sufficient permissions/i),
  // token missing
  S('token-missing', 12, /KeyError: ['"]HF_TOKEN['"]/),
  // A script reading the token from a variable or Space secret that is not there: os.environ["HUGGINGFACE_TOKEN"]
  // raises KeyError with the name (any of the names apps give it, or a bare TOKEN / ACCESS_TOKEN: in capitals, as
  // variables are named; a lower-case 'token' is a key of the script's own data).
  S(
    'token-missing',
    11,
    new RegExp(
      String.raw`KeyError: ['"](?:${HF_TOKEN_VAR}|hf_token|(?:(?:ACCESS|API|AUTH|USER|READ|WRITE|HUB)_)?TOKEN)['"]`,
    ),
  ),
  // An app's own words for the variable it did not get: "Missing HF_API_KEY. Add it to Hugging Face Spaces Secrets.",
  // "HF_API_TOKEN is not set", "No HUGGINGFACEHUB_API_TOKEN found", "please set 'HF_API_TOKEN' in your environment".
  // Not a hint for a case that may not be the user's (gradio_client: "Could not find Space: x. If it is a private
  // Space, please provide an hf_token.").
  S(
    'token-missing',
    10,
    new RegExp(
      String.raw`${HF_TOKEN_VAR}["'\x60]?\s+(?:(?:env(?:ironment)?\s+)?(?:var(?:iable)?|secret)\s+)?(?:is |was |has )?(?:not (?:been )?(?:set|found|defined|provided|configured|given|available|passed)|missing|required|empty|undefined|unset)\b|\b(?:missing|no|without(?: an?)?|lacks?)\s+(?:the\s+)?(?:required\s+)?(?:env(?:ironment)? var(?:iable)?\s+|secret\s+)?["'\x60]?${HF_TOKEN_VAR}|^(?![^\n]*\bif (?:(?:it|this|the \w+) is (?:a )?private|you are accessing a gated)\b)[^\n]*?\b(?:please|must|need to|have to|should)\s+(?:set|add|provide|define|export|configure)\b[^\n]{0,30}${HF_TOKEN_VAR}`,
      'i',
    ),
  ),
  // A Hugging Face token said invalid or expired in those languages: "le token Hugging Face est invalide ou expiré",
  // "HF_TOKEN ist ungültig", "HF_TOKEN 无效或已过期", "Hugging Face トークンが無効です". Below the statuses' own rules.
  S(
    'unauthorized-401',
    6,
    new RegExp(
      String.raw`${HF_TOKEN_WORDS}[^\n]{0,25}${INVALID_WORDS}|${INVALID_WORDS}[^\n]{0,20}${HF_TOKEN_WORDS}`,
      'i',
    ),
  ),
  // The same in other languages: "Token HF manquant. Ajoutez HF_TOKEN", "缺少 HF_TOKEN", "HF_TOKEN не задан".
  S(
    'token-missing',
    10,
    new RegExp(
      String.raw`${HF_TOKEN_WORDS}[^\n]{0,20}${MISSING_WORDS}|${MISSING_WORDS}[^\n]{0,20}${HF_TOKEN_WORDS}`,
      'i',
    ),
  ),
  S(
    'token-missing',
    11,
    /HF_TOKEN["'`]? (?:not found|missing|is missing|required|is required|(?:may |is )?not (?:be )?set)|HF_TOKEN required/i,
  ),
  // The same in the short forms: "HF_TOKEN isn't set", "HUGGINGFACE_API_KEY wasn't found".
  S(
    'token-missing',
    10,
    new RegExp(
      String.raw`${HF_TOKEN_VAR}["'\x60]?\s+(?:(?:env(?:ironment)?\s+)?(?:var(?:iable)?|secret)\s+)?(?:is|was|has|are)n't (?:been )?(?:set|found|defined|provided|configured|given|available|passed)\b`,
      'i',
    ),
  ),
  // Libraries that wrap the Hub (langchain and others) word it their own way.
  S('token-missing', 10, /Did not find \w*(?:api_)?token|please add an environment variable `?\w*TOKEN/i),
  S('token-missing', 12, /LocalTokenNotFoundError/),
  // Tools' own words for "no token": "A valid user token is required", "You need to define a token using the
  // environment variable ...", a TokenNotSet error, a Kubernetes secret or an env var holding the token not found.
  S(
    'token-missing',
    9,
    /\b(?:valid |user |access |api )+token is required\b|\b(?:need|have) to (?:define|set|provide|pass|specify) (?:a|an|your) (?:\w+ )?token\b|\bToken ?Not ?Set\b/i,
  ),
  S(
    'token-missing',
    9,
    /\b(?:secret|env(?:ironment)? var(?:iable)?)\s+["'`]?[\w-]*(?:token|hf|hugging)[\w-]*["'`]?\s+(?:is\s+)?(?:required\s+but\s+)?(?:not found|missing|not set|empty)\b/i,
  ),
  S('token-missing', 9, /Token is required[^\n]*no token found|but no token found|no token found/i),
  // The same said of a plain "token" (the credential, not a tokenizer's): "No token was provided", "missing token",
  // "token is empty", "Token not found. Please login first". Below the Hub's statuses: a 401 beside it stays the 401.
  S(
    'token-missing',
    7,
    new RegExp(
      String.raw`\b(?:no|missing|without an?)\s+(?:(?:valid|api|access|auth|user|hf|hugging ?face)\s+)?${CREDENTIAL_TOKEN}(?:\s+(?:was\s+)?(?:provided|found|given|set|passed|specified|supplied))?|${CREDENTIAL_TOKEN}\s+(?:is |was )?(?:not (?:found|provided|given|set|specified|supplied|available)|empty|missing|required|None)\b(?! in (?:the )?vocab)|\b(?:cannot|can't|could not|couldn't|unable to|failed to) (?:find|locate|get|read|load) (?:a |any |the |your )?(?:valid )?(?:(?:hugging ?face|hf|api|access|auth)\s+)?${CREDENTIAL_TOKEN}`,
      'i',
    ),
  ),
  // A token that was None (an unset variable) sent anyway: "Authorization: Bearer None".
  S('token-missing', 9, /\bBearer (?:None|null|undefined)\b/),
  // huggingface_hub's interactive login (login() with no token) in a job or a Space, where nobody can type: the prompt
  // meets the end of input.
  S('token-missing', 9, /\bEOFError\b[^\n]*\b(?:log ?in|token)\b|(?:Enter your token|getpass)[^\n]*\bEOFError\b/i),
  S('token-missing', 8, /Not logged in\. Run 'hf auth login'|Error: Not logged in|\bNot logged in(?:to)?\b/i),
  // The clients' and applications' other words for "no token": "A Hugging Face token is required", "HF token not
  // found", "no Hugging Face API token", "be logged in as a user" (huggingface_hub when it needs the namespace).
  S(
    'token-missing',
    10,
    /\b(?:Hugg?ing? ?Face|HF|HUGGING_?FACE\w*|HF_\w+)(?: API| access| auth)? token (?:is |was )?(?:required|needed|not (?:found|set|provided|configured|defined|given|available|passed|supplied)|missing|was not provided|is empty|undefined)\b|\b(?:no|missing) (?:Hugg?ing? ?Face|HF)(?: Hub)?(?: API| access)? token\b/i,
  ),
  // A tool asking for the variable, or finding it empty: "please set HF_TOKEN", "HF_TOKEN is empty". Not a hint for a
  // case that may not be the user's: "Could not find Space: x. If it is a private Space, please provide a token.", "if
  // you are accessing a gated model, please provide a valid HF token".
  S(
    'token-missing',
    8,
    /^(?![^\n]*\bif (?:(?:it|this|the \w+) is (?:a )?private|you are accessing a gated)\b)[^\n]*?\b(?:please|must|need to|have to|should)\s+(?:set|export|provide|pass|define)\b[^\n]{0,30}\b(?:HF_TOKEN|HUGGING_?FACE\w*_TOKEN|hugg?ing ?face (?:api |access )?token|HF token)\b|\b(?:HF_TOKEN|HUGGING_?FACE\w*_TOKEN)\b[^\n]{0,15}\b(?:is )?(?:empty|unset|undefined|None)\b/i,
  ),
  // People's words for a token they did not give: "I forgot to pass HF_TOKEN to the job", "we never set the token in
  // the Space secrets", "didn't export my Hugging Face token". Not a token set, a tokenizer, or a case the text only
  // considers ("If you didn't pass a user token, make sure you are logged in", after the Hub refused one).
  S(
    'token-missing',
    7,
    /(?<!\b(?:if|whether|unless) (?:you|we|I|they) )\b(?:forgot|forget|forgetting|didn't|did not|never|haven't|have not|hadn't|had not)\s+(?:to\s+)?(?:set|pass|passed|add|added|export|exported|provide|provided|give|gave|given|include|included|configure|configured|put)\b[^\n]{0,30}\b(?:HF_TOKEN|HUGGING_?FACE\w*_TOKEN|(?:(?:my|the|a|an|any|your|our)\s+)?(?:hugg?ing ?face |hf |access |api |user |read |write )?tokens?)\b/i,
  ),
  // People's words for what only worked once they logged in: "I couldn't download a model until I logged in via the
  // huggingface CLI" (the token the code was meant to read was never there). Not "it worked until I logged in".
  S(
    'token-missing',
    7,
    /\b(?:couldn't|could not|can't|cannot|didn't|did not|wasn't able to|weren't able to|unable to|failed to|wouldn't|would not|won't)\b[^\n]{0,80}\buntil (?:I|we|you) (?:had )?(?:logged|log|signed|sign) ?in\b/i,
  ),
  // huggingface_hub's InferenceClient (and other SDKs) asking for a key it was not given: "You must provide an api_key
  // to work with <provider> API or log in with `hf auth login`".
  S(
    'token-missing',
    9,
    /\b(?:must|need to) (?:provide|pass|give|supply) an? (?:api[_ ]?key|token|access ?token)\b|\bno api[_ ]?key (?:was )?(?:provided|found|set|given)\b/i,
  ),
  // A tool refusing to go on without one: "Token must be specified for push to hub".
  S('token-missing', 9, /\b(?:hf_|hub_|api_|access_|auth_)?token must be (?:specified|provided|given|set)\b/i),
  // A tool saying a token is needed, or a log-in, in general words: "This model requires a token", "requires an HF
  // token", "You need to be logged in to use this feature", "Login required".
  S(
    'token-missing',
    7,
    /\brequires? (?:a|an|your) (?:valid )?(?:hf |hugg?ing ?face |access |auth |api )?token\b(?! ?(?:ids?|budget|limit|counts?|usage)\b)|\b(?:need|must|have) to be logged[ -]in\b|\blog ?in (?:is )?required\b/i,
  ),
  // Apps asking for the token they were not given, in their own layout: "Missing: Hugging Face - User Access Token",
  // "Please add your access token to huggingface_hub to continue".
  S(
    'token-missing',
    8,
    /\bmissing\b\W{0,3}(?:hugg?ing ?face|HF)\b[^\n]{0,25}\b(?:access )?token\b|\b(?:please )?(?:add|enter|paste|provide|set) (?:your|a) (?:hugg?ing ?face |hf )?(?:user )?access token (?:to|in|into|before|first)\b/i,
  ),
  // An application's words for a key it was not given: "your API key is missing", "access token missing".
  S('token-missing', 8, /\b(?:api[ _-]?key|access token|auth(?:entication)? token)\b (?:is |was )?missing\b/i),
  S('token-missing', 9, /be logged in as a user|must provide a 'namespace' as input or be logged in/i),
  // The MCP server's hf_jobs tool called without a token: it answers with its plans page, not an error status.
  S('token-missing', 9, /Jobs are available for Pro, Team and Enterprise users/i),
  // Keyless CI log-in (OIDC, "Trusted Publishers") that could not get a token: the hf CLI's "OIDC Exchange failed".
  S('token-missing', 8, /\bOIDC Exchange failed\b|\bOIDCError\b/),
  S('token-missing', 6, /assert\s+["']HF_TOKEN["']\s+in\s+os\.environ|AssertionError[^\n]*HF_TOKEN/),
  // LangChain's HuggingFaceEndpoint when its login() finds no usable token (none given, or none in the environment).
  S('token-missing', 7, /Could not authenticate with huggingface_hub/i),
  // Tools and notebooks telling the user to log in first, each in its own words: "You must log in to push to hub! Run
  // notebook_login()", "You must login to the Hugging Face hub on this computer by typing `transformers-cli login`",
  // "Please login with a write token." (a log-in request that names the Hub, a token or the login command). Not after
  // autotrain's "Invalid token (URL)." (whoami refused the token it was given: the 401's story).
  S(
    'token-missing',
    9,
    /^(?![^\n]*\bInvalid token \(https?:)[^\n]*?\b(?:you must|you need to|you have to|please|must)\s+(?:first\s+)?(?:log ?in|sign in|be logged in)\b[^\n]{0,100}?(?:\bhub\b|hugging ?face|\btoken\b|notebook_login|-cli login|hf auth login)/i,
  ),
  S('token-missing', 8, /\bRun notebook_login\(\)|by typing `?(?:transformers|huggingface)-cli login/i),
  // A tool telling the user to run the login command ("You are not authenticated. Please run `hf auth login`"), and a
  // log-in asked for after the Hub is named ("requires a Hugging Face account. Please log in."). Not after the token is
  // said refused: autotrain's "Invalid token (URL)", huggingface_hub's "access token has expired and could not be
  // refreshed" (a 401's story: the token there is no longer accepted); nor after the repo is said possibly missing
  // (LeRobot's "it may not exist, or be private ... or run `hf auth login`": the repo's story).
  S(
    'token-missing',
    8,
    /^(?![^\n]*(?:\bInvalid token \(https?:|\btoken has expired and could not be refreshed\b|\bit may not exist\b))[^\n]*?(?:\b(?:please |you (?:must|need to|have to|should) |first )?(?:run|use|try):? [`'"]?(?:hf auth login|huggingface-cli login|hf login)\b|\b(?:hub|hugg?ing ?face)\b[^\n]{0,80}\b(?:please|you must|you need to)\s+(?:log ?in|sign in)\b)/i,
  ),
  // Servers' and clients' words for a request that came without credentials: "Authentication required", "You are not
  // authenticated", "Unauthenticated". Weak: a status said beside it (a 401) is the stronger story.
  S(
    'token-missing',
    6,
    /\bauthentication (?:is )?required\b|\brequires authentication\b|\b(?:you are|you're|user is|request is) not authenticated\b|\bUnauthenticated\b/i,
  ),
  // A tool telling the user to create a token and pass it (pyannote: "make sure to authenticate ... create your access
  // token and retry with use_auth_token=YOUR_AUTH_TOKEN"). Not the Hub's "make sure you are authenticated", which
  // follows a 404 and is the repo's story.
  S(
    'token-missing',
    9,
    /\bmake sure to authenticate\b|\bcreate (?:your|an) (?:access )?token and retry\b|\b(?:use_auth_token|token)=YOUR_\w*TOKEN\b/i,
  ),
  // repo access
  S('repo-access-denied', 10, /RepositoryNotFoundError|Repository Not Found for url/i),
  S(
    'repo-access-denied',
    7,
    /\bRepository not found\b|repo(?:sitory)? access denied|Error: (?:Model|Dataset|Space) '[^']+' not found(?!,? try pulling it first)/i,
  ),
  S(
    'repo-access-denied',
    5,
    /\b404 Client Error\b|'404 Not Found'|\b(?:Api error with )?status[ :=]+404\b|\bHTTP\/[\d.]+ 404\b|\b404 Not Found\b/i,
  ),
  // Not LocalEntryNotFoundError: the cache had nothing and the Hub did not answer (the network rules' story).
  S('repo-access-denied', 4, /RevisionNotFoundError|(?<!Local)EntryNotFoundError|Revision Not Found|Entry Not Found/i),
  S('repo-access-denied', 5, /\bStatus\(404\b/),
  S('repo-access-denied', 5, statusSaid('404')),
  S('repo-access-denied', 8, LOADER_REPO),
  // The hf CLI's own words (cli/_errors.py): "Repository 'x' not found.", "Bucket 'x' not found.", "File not found in
  // model 'x'.", "Revision not found in dataset 'x'." Not ollama's local "model 'x' not found, try pulling it first".
  S(
    'repo-access-denied',
    8,
    /\b(?:Repository|Model|Dataset|Space|Bucket) '[^'\n]+' not found\b(?!,? try pulling it first)|\b(?:File|Revision) not found in (?:model|dataset|space|repository)\b/i,
  ),
  // A file diffusers or transformers looked for in the downloaded snapshot of a repo: the repo does not have it.
  S('repo-access-denied', 7, /\bno file named\b[^\n]*\bfound in directory\b[^\n]*\bsnapshots[\\/]/i),
  // huggingface_hub's other not-found answers: a bucket, a repo its owner or the Hub disabled.
  S('repo-access-denied', 10, /BucketNotFoundError|Bucket Not Found for url|Cannot access repository for url/i),
  // transformers' words for a revision that does not exist, and for a name that is neither a folder nor a repo.
  S(
    'repo-access-denied',
    8,
    /is not a valid git identifier \(branch name, tag name or commit id\)|is not a local folder or a valid repository name/i,
  ),
  // transformers' words for a file the repo does not have ("Checkout 'https://huggingface.co/x/y/tree/main'"), unless
  // the path it names is a local folder (then the script's own files are the story, below).
  S(
    'repo-access-denied',
    7,
    /^(?!\s*(?:OSError:\s*)?(?:[.~]{0,2}\/|[A-Za-z]:\\))[^\n]*\bdoes not appear to have (?:a file|files) named\b/i,
  ),
  // huggingface_hub refusing the id itself before asking (a local path, a URL or a typo taken for a repo id), and the
  // Hub's answer for a repo its owner or the Hub disabled.
  S(
    'repo-access-denied',
    8,
    /HFValidationError|Repo id must (?:be in the form|use alphanumeric)|DisabledRepoError|Access to this resource is disabled/i,
  ),
  // transformers wraps a RepositoryNotFoundError in its own words (a wrong id, or a local path that is not there), often
  // pasted alone and sometimes wrapped over two lines.
  S(
    'repo-access-denied',
    8,
    /is not a local folder and is not a valid model identifier|^\s*valid model identifier listed on '?https?:\/\/huggingface\.co\/models/i,
  ),
  // transformers.js (and other JS loaders) word a missing or hidden Hub file as "Could not locate file: <Hub URL>".
  S('repo-access-denied', 7, /Could not locate file:?\s*["'`]?https?:\/\/(?:huggingface\.co|hf\.co)\//i),
  // The datasets library words a missing (or hidden: private, not a member) dataset its own way.
  S('repo-access-denied', 10, /DatasetNotFoundError|(?:doesn't|does not) exist on the Hub/i),
  // An application's words for a repo that is not there or not visible: "does not exist or you do not have access to
  // it", "No such repository".
  S(
    'repo-access-denied',
    8,
    /\b(?:does not|doesn't) exist or (?:you )?(?:do not|don't) have access\b|\bNo such (?:repository|repo|model|dataset)\b/i,
  ),
  // transformers' words for a repo id it could not load from (a wrong or private repo, or files it lacks), unless a
  // local path is named: "Can't load tokenizer for 'acme/model'".
  S(
    'repo-access-denied',
    8,
    /\bCan't load (?:tokenizer|config(?:uration)?|the model|model|feature extractor|image processor|processor) for '[\w.-]+\/[\w.-]+'/i,
  ),
  // gradio_client's words for a Space it cannot see (a wrong name, or a private one without a token).
  S('repo-access-denied', 10, /\bCould not find Space: /),
  // A private repo the account cannot see, in an application's words.
  S(
    'repo-access-denied',
    8,
    /\bis a private (?:repository|repo|model|dataset|space)\b[^\n]{0,40}\b(?:don't|do not|no) (?:have )?access\b/i,
  ),
  // A local weights file taken for a repo id: the Hub is asked for the repo "models/llama.ggmlv3.q8_0.bin", which does
  // not exist (401 or 404 alike). Only the repo's own name ending in a weights extension, not a file inside a repo.
  S(
    'repo-access-denied',
    8,
    /https?:\/\/(?:huggingface\.co|hf\.co)\/(?:api\/(?:models|datasets|spaces)\/)?[\w.-]+\/[\w.-]+\.(?:bin|gguf|ggml|ggmlv3|safetensors|pt|pth|ckpt|onnx|h5)(?=[/\s'"`)]|$)/i,
  ),
  // gated
  S('gated-repo', 16, /GatedRepoError|Cannot access gated repo/i),
  S(
    'gated-repo',
    15,
    /is restricted and you are not in the authorized list|enable access to public gated repos|requires approval/i,
  ),
  S('gated-repo', 13, /Access to (?:model|dataset|space|repo)[^\n]*is restricted/i),
  // transformers wraps the Hub error in its own words, often pasted alone (the lines after it cut off).
  S('gated-repo', 14, /You are trying to access a gated repo|Make sure to have access to it at https?:\/\//i),
  S('gated-repo', 3, /\bgated repo\b/i),
  // accelerate's words ("Repo for model `x` is gated. You must be authenticated to access it"); not a gated layer
  // ("the MLP is gated by a sigmoid").
  S(
    'gated-repo',
    13,
    /\b(?:repo(?:sitory)?|model|dataset|space)\b[^\n]{0,80}\bis (?:a )?gated\b(?!\s+(?:by|through|via|with|on)\b)/i,
  ),
  // The Hub's words for an access request not granted (yet): "Your request to access model X is awaiting a review from
  // the repo authors", a rejected one.
  S(
    'gated-repo',
    15,
    /\bawaiting a review from the repo authors\b|\byour request to access\b[^\n]{0,80}\b(?:is (?:pending|awaiting)|has been (?:rejected|denied))\b/i,
  ),
  // The Hub's gate as its page words it: "You need to agree to share your contact information to access this model".
  S('gated-repo', 13, /\bagree to share your contact information to access\b/i),
  // The datasets library's words for a gated dataset (wrapped in its DatasetNotFoundError).
  S('gated-repo', 13, /\bis a gated dataset\b/i),
  // A 403 on a Hub file download (/resolve/), as any client words it (Rust's Status(403, ...), curl, JS): reading a
  // file is refused to a valid token only by a gate (the access not yet granted, or a fine-grained token without gated
  // repos). A private repo the token cannot see answers 404, a write is not a /resolve/ URL, and a fine-grained token
  // the Hub says lacks permissions is left to the 403 rules.
  S(
    'gated-repo',
    10,
    new RegExp(
      String.raw`^(?!.*sufficient permissions)(?=.*\b(?:403|Forbidden)\b).*https?:\/\/${HUB_HOST}\/(?:(?:datasets|spaces)\/)?[\w.-]+\/[\w.-]+\/resolve\/`,
      'i',
    ),
  ),
  // The same for a read of the repo's metadata (the revision a download resolves first) or of its file list (tree/,
  // paths-info/, as text-generation-webui's download-model.py and snapshot_download list it): a 403 there is the gate too.
  S(
    'gated-repo',
    10,
    new RegExp(
      String.raw`^(?!.*sufficient permissions)(?=.*\b(?:403|Forbidden)\b).*https?:\/\/${HUB_HOST}\/api\/(?:models|datasets|spaces)\/[\w.-]+\/[\w.-]+\/(?:revision|tree|paths-info)\/`,
      'i',
    ),
  ),
  // Applications' own words for it: "Access denied to gated repository", "requires accepting a license agreement". Not
  // a hint for a case that may not be the user's (llama.cpp's "if you are accessing a gated model, please provide ...",
  // gradio's "If it is a private or gated Space, please provide your Hugging Face access token").
  S('gated-repo', 13, /\b(?:access|denied)\b[^\n]{0,20}\bgated (?:repository|model)\b/i),
  S(
    'gated-repo',
    8,
    /(?<!\bif (?:you are|you're) (?:accessing|trying to access|using) an? |\bprivate or )\bgated (?:repository|model|dataset|space)\b|requires accepting (?:a|the) licen[cs]e|^(?=[^\n]*\b(?:models?|repo(?:sitory)?|datasets?|weights|checkpoints?|hugg?ing ?face|hf\.co|page)\b)[^\n]*(?:\baccept (?:the |its )?(?:licen[cs]e|terms|user conditions)\b|\bauthenticate and accept\b)/i,
  ),
  // token format
  S('invalid-token-format', 13, /access token must start with|must start with ["']?hf_/i),
  S(
    'invalid-token-format',
    11,
    /Illegal header value|Invalid header value|Invalid leading whitespace|return character\(s\) in header value|LocalProtocolError/i,
  ),
  S(
    'invalid-token-format',
    9,
    /\bapi_org_|organization API token|Invalid token format|hf_(?:xxx+|YOUR_TOKEN|\.\.\.|<)/i,
  ),
  // A token read with its line end or blanks (a token file edited by hand, a secret pasted with a newline).
  S(
    'invalid-token-format',
    9,
    /\b(?:newline|new line|line break|EOL|trailing (?:whitespace|spaces?|newline))\b[^\n]{0,40}\b(?:to|in|after|at the end of|from|of) (?:the |my |your |a )?(?:\w+ )?token\b|\btoken(?: file| string| value| secret)?\b[^\n]{0,30}\b(?:ends with|has|had|contains|includes|with) (?:an? )?(?:trailing )?(?:newline|new line|line break|EOL|whitespace|space)\b|\btoken\b[^\n]{0,30}(?:loaded|read|saved) with (?:an? )?(?:EOL|newline)/i,
  ),
  // The Hub's refusal of an organization token (api_org_...) on a gated repo, after "Cannot access gated repo".
  S('invalid-token-format', 12, HUB_ORG_TOKEN_REFUSED),
  // huggingface_hub's refusal of an organization token for a write: "You must use your personal account token".
  S('invalid-token-format', 11, /must use your personal account token|personal account token for write-access/i),
  // whoami answers 400 (not 401) to an Authorization header it cannot parse: a token with a space or a newline.
  S(
    'invalid-token-format',
    10,
    /\b400 Client Error: Bad Request for url: \S*\/api\/whoami|'400 Bad Request' for url '\S*\/api\/whoami/i,
  ),
  // rate limit
  S('rate-limited', 16, /\b429\b[^\n]*Too Many Requests|Too Many Requests[^\n]*\b429\b|too many 429 error responses/i),
  S(
    'rate-limited',
    14,
    /\b(?:Api error with )?status(?: code)?[ :=]+429\b|\bHTTP\/[\d.]+ 429\b|'429 Too Many Requests'/i,
  ),
  // Not a hedge among other causes: axolotl's "This may be due to a network issue or rate limiting".
  S(
    'rate-limited',
    10,
    /^(?![^\n]*\bmay be (?:due to|caused by)\b[^\n]*\bor rate[ -]?limit)[^\n]*?(?:rate limit|rate-limit|ratelimit|Retry after \d+ seconds)/i,
  ),
  S('rate-limited', 14, /\bStatus\(429\b/),
  // An application's own log line ending in the status: "Failed to request /api/whoami-v2 - 429".
  S('rate-limited', 10, /\/api\/\S+\s+-\s+429\b|\b(?:status|code|error|HTTP)\s*[:=]?\s*429\b/i),
  S('rate-limited', 12, statusSaid('429')),
  // The status's name alone ({"error": "Too Many Requests"}), and a request quota used up.
  S('rate-limited', 12, /\bToo Many Requests\b|\brequests? (?:quota|limit) (?:exceeded|reached)\b/i),
  // Other words for the same: throttled, an hourly or daily request limit reached, too many concurrent requests.
  S(
    'rate-limited',
    10,
    /\bthrottl(?:ed|ing)\b|\breached (?:your|the) (?:hourly |daily |per-minute )?(?:request |rate |API )?limit\b|\b(?:hourly|daily|per-minute) (?:request |API )?limit (?:reached|exceeded|hit)\b|\btoo many concurrent requests\b/i,
  ),
  // Too many requests in the same languages: "Trop de requêtes", "Demasiadas solicitudes", "Zu viele Anfragen", "请求过多",
  // "リクエストが多すぎます", "요청이 너무 많".
  S(
    'rate-limited',
    10,
    /\b(?:trop de requêtes|demasiadas (?:solicitudes|peticiones)|muitas requisições|zu viele anfragen|troppe richieste)\b|слишком много запросов|请求(?:过多|太多|过于频繁)|請求過多|リクエスト(?:が|数が)?多すぎ|요청이 너무 많/i,
  ),
  // ZeroGPU's quota on a Space (a free account's GPU seconds): "You have exceeded your GPU quota".
  S('rate-limited', 12, /exceeded your (?:\w+ )?GPU quota|\bGPU quota\b[^\n]{0,40}\b(?:exceeded|left|reached)\b/i),
  // network
  S('network-error', 6, /\bConnectionError\b|\bConnectError\b|Max retries exceeded/),
  S(
    'network-error',
    8,
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT/,
  ),
  // A connection cut mid-way, curl's and the resolver's words, a proxy in the way.
  S(
    'network-error',
    7,
    /Connection reset by peer|Connection aborted|RemoteDisconnected|Remote end closed connection|IncompleteRead|ChunkedEncodingError|Could not resolve host|Failed to connect to \S+ port \d+|No route to host|Name or service not known|nodename nor servname|Proxy Authentication Required|Tunnel connection failed|gnutls_handshake\(\) failed|OpenSSL SSL_connect: SSL_ERROR_SYSCALL/i,
  ),
  // A transfer cut mid-way as git and curl word it ("RPC failed; curl 56 GnuTLS recv error", "transfer closed with
  // outstanding read data remaining"), and "network timeout" / "network error" in an application's words.
  S(
    'network-error',
    6,
    /\bRPC failed; curl (?:7|16|18|28|35|5[2-6]|92)\b|\bGnuTLS recv error\b|\btransfer closed with outstanding read data remaining\b|(?<!\bneural )\bnetwork (?:timeout|timed out|error|failure|is unreachable)\b(?!\s*:)/i,
  ),
  // Windows socket errors: 10060 timed out, 10061 refused, 10054 reset, 10051/10065 unreachable.
  S(
    'network-error',
    8,
    /\[WinError 100(?:5[0-9]|6[0-5])\]|connection attempt failed because the connected party did not properly respond/i,
  ),
  S(
    'network-error',
    7,
    /TypeError: fetch failed|\bfetch failed\b(?!\s+with\s)|Connection refused|Network is unreachable|NameResolutionError|Failed to resolve|getaddrinfo|Temporary failure in name resolution/i,
  ),
  // Not `hf jobs wait` giving up ("Timed out after 30m waiting for Job(s) to finish"): the job may still be running.
  S(
    'network-error',
    6,
    /ConnectTimeout|ReadTimeout|timed out(?![^\n]*\bwaiting for Job)|SSLError|CERTIFICATE_VERIFY_FAILED|ProxyError/i,
  ),
  S('network-error', 9, /OfflineModeIsEnabled|offline mode is enabled/i),
  // Other clients' words for no answer: aiohttp, urllib, Go's net package, Node's sockets, an SSL connection cut short.
  S(
    'network-error',
    7,
    /ClientConnectorError|Cannot connect to host|ServerDisconnectedError|\burlopen error\b|\bno such host\b|\bi\/o timeout\b|TLS handshake timeout|socket hang up|UND_ERR_SOCKET|\bother side closed\b|SSLEOFError|UNEXPECTED_EOF_WHILE_READING|EOF occurred in violation of protocol/i,
  ),
  // Rust clients (hf_xet, candle, TGI's router) word a request that never got an answer as reqwest does: an error of
  // kind Request, Connect or Timeout, "error sending request for url", "error trying to connect". An answer with a
  // status is kind Status(...), left to the status rules.
  S(
    'network-error',
    7,
    /reqwest::Error \{ kind: (?:Request|Connect|Timeout)\b|\berror sending request for url\b|\berror trying to connect\b/i,
  ),
  // The clients' other words for no answer: transformers' "We couldn't connect to '<endpoint>' to load the files" (any
  // endpoint, a mirror too), the datasets library's "Couldn't reach '<id>' on the Hub", huggingface_hub's incomplete
  // cached snapshot (the Hub could not be reached to complete it), and people's "connection timeout", "maximum retries".
  S(
    'network-error',
    8,
    /\bLocal entry not found\b|We couldn't connect to '[^'\n]+' to load|Couldn't reach '[^'\n]+' on the Hub|IncompleteSnapshotError|cached snapshot for '[^'\n]+'[^\n]* is incomplete/i,
  ),
  // TLS in the way (a proxy re-signing, an old CA store): the words of OpenSSL, Python and Node for a certificate refused.
  S(
    'network-error',
    7,
    /certificate verify failed|self[- ]signed certificate|unable to get local issuer certificate|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|CERT_HAS_EXPIRED|WRONG_VERSION_NUMBER/i,
  ),
  // The same in the words of users writing Chinese, Japanese or Korean, and of localized Windows socket errors
  // (connection timed out or failed, cannot connect or reach, network error, cannot download).
  S(
    'network-error',
    6,
    /连接(?:超时|失败|尝试失败|被重置|被拒绝)|无法连接|连不上|访问不了|网络(?:错误|问题|不通|异常)|下不下来|下载不了|接続(?:エラー|できません|がタイムアウト|に失敗)|ネットワークエラー|연결\s?(?:할 수 없|시간 초과|오류|실패)|네트워크 오류/,
  ),
  // People's words for the Hub out of their reach (a network or a country that blocks it, a site they cannot open): "The
  // website https://huggingface.co/ is inaccessible", "caused by my inability to access Huggingface", "I can't connect
  // to Hugging Face". Not a repo or a file on it ("cannot access huggingface.co/meta-llama/...", "unable to access
  // Hugging Face models"), which is the repo's or the gate's story.
  S(
    'network-error',
    7,
    new RegExp(
      String.raw`${HUB_SITE}\s+(?:website\s+|site\s+)?(?:is|was|seems|appears|has been|became)\s+(?:to be\s+)?(?:(?:completely|totally|currently|still)\s+)?(?:inaccessible|unreachable|blocked|not (?:accessible|reachable))\b|\b(?:cannot|can ?not|can't|could not|couldn't|unable to|inability to|not able to|fail(?:ed)? to)\s+(?:access|reach|connect to|open|visit|get to)\s+${HUB_SITE}(?!\s+(?:repos?|repositor(?:y|ies)|models?|datasets?|spaces?|gated|private|api|tokens?|with|using|as)\b)`,
      'i',
    ),
  ),
  // diffusers' words: "Couldn't connect to the Hub: ... Will try to load from local cache.", then "Cannot load model X:
  // model is not cached locally and an error occurred while trying to fetch metadata from the Hub" (the root cause,
  // above it, outranks this when it is a status).
  S('network-error', 7, /Couldn't connect to the Hub\b/i),
  S(
    'network-error',
    6,
    /model is not cached locally and an error occurred while trying to fetch metadata from the Hub/i,
  ),
  S('network-error', 6, /\bconnection time-?out\b|\bmax(?:imum)? retr(?:y|ies) (?:limit|exceeded)\b/i),
  // No network reached, so the cache was the only place to look and it had nothing.
  S(
    'network-error',
    8,
    /outgoing traffic has been disabled|LocalEntryNotFoundError|couldn't connect to 'https?:\/\/huggingface\.co'/i,
  ),
  // The same error's message without its class name, as huggingface_hub words it (an app's log line quoting it).
  S(
    'network-error',
    8,
    /error happened while trying to locate the files? on the Hub|cannot find the (?:requested files|appropriate snapshot folder)[^\n]*(?:local (?:cache|disk))/i,
  ),
  // 402: credits, not the token (the Hub's words, and the cancel reasons of a job stopped for billing).
  S(
    'payment-required',
    16,
    /Pre-paid credit balance is insufficient|add more credits to your account|\b402 Payment Required\b|'402 Payment Required'/i,
  ),
  S(
    'payment-required',
    12,
    /\b(?:Api error with )?status(?: code)?[ :=]+402\b|\bHTTP\/[\d.]+ 402\b|\b402 Client Error\b|Payment Required/i,
  ),
  S('payment-required', 12, statusSaid('402')),
  S(
    'payment-required',
    12,
    /\bNO_CREDITS\b|\bNO_SUBSCRIPTION\b|\bRESOURCE_GROUP_LIMIT\b|\bNOT_ENOUGH_BALANCE\b|cancel(?:led|ed)? (?:reason|because)[^\n]*credit/i,
  ),
  S(
    'payment-required',
    8,
    /insufficient (?:credits|balance)|out of credits|no credits|positive credit balance|exceeded your monthly included credits|credit balance|\b(?:have|need) to (?:buy|purchase) (?:more )?credits\b/i,
  ),
  // A paid plan or a payment method asked for: "requires a PRO subscription", "add a payment method".
  S(
    'payment-required',
    8,
    /\b(?:requires?|need) (?:a |an )?(?:PRO|paid|Team|Enterprise) (?:subscription|plan|account)\b|\b(?:add|no|missing|valid) (?:a )?payment method\b|\bsubscribe to PRO\b/i,
  ),
  // Inference Providers' wording of the same: the month's included credits are gone, pre-paid credits are needed.
  S(
    'payment-required',
    10,
    /\b(?:depleted|exceeded|used up|run out of|reached)\b[^\n]{0,60}\b(?:monthly|included|free)\b[^\n]{0,40}\b(?:credits|usage limit)\b|\b(?:purchase|add|buy)\b[^\n]{0,40}\bpre-?paid credits\b/i,
  ),
  // The job's own timeout (30 minutes by default).
  S(
    'job-timeout',
    16,
    /finished with stage '?(?:JobStage\.)?ERROR'?:? Job timeout|\bJob timeout\b|"message":\s*"Job timeout"/i,
  ),
  S('job-timeout', 6, /timeout(?:Seconds)?[^\n]*(?:exceeded|reached)|exceeded (?:the|its) (?:job )?timeout/i),
  // A job stopped after minutes or hours (a network timeout counts in seconds): "which timed out after 30 minutes".
  S(
    'job-timeout',
    9,
    /\btimed? ?out after \d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?|h)\b(?![^\n]*\bwaiting for Job)|\bjob\b[^\n]{0,60}\btimed out\b/i,
  ),
  // ZeroGPU stopping a Space's GPU task that ran past the duration it asked for ("GPU task aborted"): the same fix, a
  // longer duration.
  S('job-timeout', 9, /\bGPU task aborted\b/i),
  // A job looked up under the wrong namespace or id.
  // huggingface_hub's JobNotFoundError (utils/_http.py, a 404 on /api/jobs/NS/ID or /api/scheduled-jobs/NS/ID), whose
  // last line is pasted alone too: "Please make sure you specified the correct job ID and namespace."
  S(
    'job-not-found',
    18,
    /JobNotFoundError|Job Not Found for url|make sure you specified the correct job ID and namespace/i,
  ),
  S('job-not-found', 14, /\b404\b[^\n]*\/api\/jobs\/|\/api\/jobs\/[^\s]*[^\n]*\b404\b|Job not found|No job found/i),
  // hf jobs' refusal of a job id whose namespace is not the one given (ns/ID against --namespace).
  S('job-not-found', 9, /Conflicting namespace: got --namespace=/),
  // The MCP server's hf_jobs tool names the operation, not the URL: a 404 on logs/inspect/cancel is the job's.
  S(
    'job-not-found',
    14,
    /Error executing (?:logs|inspect|cancel|duplicate)\b[^\n]*\b404\b|job metadata was unavailable[^\n]*\b404\b/i,
  ),
  // The MCP server's own lines for a job it could not find (packages/mcp/src/jobs): inspect's "Failed to fetch job ID:
  // API request failed: 404 Not Found", the log stream's "Failed to fetch logs: 404 Not Found" (also after run's
  // "Could not collect logs: ").
  S('job-not-found', 14, /\bFailed to fetch (?:job \S+|logs):[^\n]*\b404\b/i),
  // 5xx: the Hub's side.
  // A Space or job whose container the platform could not start (its runtime-error page): the Hub's side, not the code.
  S('server-error', 9, /failed to create containerd task|failed to create shim task/i),
  // A 403 from the Hub's file storage (the signed S3 URL of an LFS upload, the CDN, the Xet bridge and transfer hosts):
  // no token goes there, the Hub signed the URL itself, so the refusal is the storage side's (an expired signature, an
  // outage), not the token's scopes.
  S('server-error', 9, STORAGE_403),
  S('server-error', 14, /Server error '5\d\d [^']*'|\b5\d\d Server Error\b|too many 5\d\d error responses/i),
  // The Hub's own body for a 500, and a 5xx in people's words ("the api server returns a 500").
  S('server-error', 12, /Internal Error - We're working hard to fix this/i),
  // A gateway's words when the service behind it did not answer (the status's name alone, Envoy's bodies).
  S(
    'server-error',
    9,
    /\bGateway Time-?out\b|\bupstream connect error\b|\bno healthy upstream\b|\bupstream request timeout\b/i,
  ),
  S('server-error', 9, statusSaid('50[0234]|52[0-9]')),
  // A 5xx in the languages apps word their messages in: "Erreur interne du serveur", "Interner Serverfehler", "Error
  // interno del servidor", "服务器内部错误", "サーバーエラー", "내부 서버 오류", "Service indisponible", "服务不可用".
  S(
    'server-error',
    9,
    /\b(?:erreur interne du serveur|interner serverfehler|error interno del servidor|erro interno do servidor|errore interno del server|service (?:temporairement )?indisponible|servicio no disponible|serviço indisponível|dienst nicht verfügbar|servizio non disponibile)\b|внутренняя ошибка сервера|сервис (?:временно )?недоступен|服务器(?:内部)?错误|服务(?:暂时)?不可用|サーバー(?:内部)?エラー|サービス(?:が)?(?:一時的に)?利用できません|(?:내부 )?서버 오류|서비스를 사용할 수 없/i,
  ),
  // The other words of a service that cannot answer now: Cloudflare's 52x pages ("Error code 524: A timeout
  // occurred", "520: Web server is returning an unknown error"), "Service Temporarily Unavailable", a model or server
  // "overloaded", "Something went wrong on our end", the platform out of machines ("not enough hardware capacity"),
  // "Hugging Face is down".
  S(
    'server-error',
    9,
    /\b52[0-9]: (?:Web server is (?:returning an unknown error|down)|Connection timed out|A timeout occurred|Origin is unreachable|SSL handshake failed)\b|\bService (?:is )?(?:currently |temporarily )?Unavailable\b|\btemporarily unable to service your request\b|\b(?:model|server|service|endpoint|backend|provider|site)s?\b[^\n]{0,80}\b(?:is |are )?(?:currently )?overloaded\b|\bsomething went wrong on our (?:end|side)\b|\b(?:Hugging ?Face|the Hub) is experiencing issues\b|\bgateway is temporarily unavailable\b|\b(?:temporarily )?down for maintenance\b|\bthe server had an error while processing\b|\bnot enough hardware capacity\b|\bScheduling failure\b|\b(?:Hugging ?Face|the Hub|huggingface\.co)\b[^\n]{0,20}\bis (?:down|having an outage)\b/i,
  ),
  // ZeroGPU (or a platform) without a free GPU right now: "No GPU was available after 60s. Retry later".
  S(
    'server-error',
    9,
    /\bNo GPU (?:was |is )?(?:currently )?available(?: after \d+\s*s\b| right now|\. (?:Please )?(?:retry|try again))/i,
  ),
  // The Inference API's 503 body while a model warms up: {"error": "Model X is currently loading", "estimated_time": 20}.
  S('server-error', 10, /\bis currently loading\b|["']estimated_time["']\s*:/i),
  // The Inference API's answer when the model did not answer in time (huggingface_hub's InferenceTimeoutError).
  S('server-error', 9, /InferenceTimeoutError|Model too busy, unable to get response/i),
  S('server-error', 9, /\bStatus\(5\d\d\b/),
  S(
    'server-error',
    12,
    /\b(?:500 Internal Server Error|502 Bad Gateway|503 Service Unavailable|504 Gateway Time-?out)\b/i,
  ),
  S(
    'server-error',
    9,
    /\b(?:Api error with )?status(?: code)?[ :=]+5\d\d\b|\bHTTP\/[\d.]+ 5\d\d\b|Internal Server Error|Bad Gateway|Service Unavailable/i,
  ),
  // A 5xx as applications and people word it: "a 500 error", "HTTP 503", "returned 502", "error code 504".
  S(
    'server-error',
    9,
    /\b(?:error|HTTP|status|code|response|returned|got|received)\b[^\n]{0,12}\b50[0234]\b(?!\s*(?:%|ms\b|s\b|[KMG]i?B\b|\.\d)|\s+(?!errors\b|responses\b|codes\b)[a-z]+s\b)|\b50[0234]\b[^\n]{0,12}\berror\b/i,
  ),
  // An organization's token policy.
  S(
    'org-token-policy',
    20,
    /organization token policy|needs to be approved by the organization|revoked by the organization administrator|token[^\n]*pending (?:admin )?approval/i,
  ),
  // The script failed on its own (the token is not the story).
  S('job-script-failed', 11, /ModuleNotFoundError|No module named ['"]?\w|ImportError: cannot import name/),
  // The same import failure in other words: "cannot import name 'X' from 'Y'" alone, transformers' lazy import of one of
  // its modules ("Failed to import transformers.trainer because of the following error").
  S(
    'job-script-failed',
    10,
    /\bcannot import name ['"]?\w+['"]? from\b|Failed to import transformers\.[\w.]+ because of the following error/,
  ),
  // A library the script needs that its environment lacks, in transformers' and other libraries' words: "requires the
  // following packages that were not found in your environment", "requires the protobuf library but it was not found",
  // an ImportError naming the `pip install` to run.
  S(
    'job-script-failed',
    10,
    /requires the following packages that were not found in your environment|requires the [\w.-]+ library but it was not found in your environment|ImportError\b[^\n]*\bpip install\b/i,
  ),
  // ZeroGPU's rule for a Space's script: CUDA touched before `import spaces`.
  S('job-script-failed', 10, /CUDA has been initialized before importing the `?spaces`? package/i),
  // PyTorch's and Python's words for a script's own bug or a library version it did not pin: tensors on two devices,
  // shapes that do not multiply, NCCL between processes, a port taken, a keyword argument the installed version does not
  // know; uv unable to start the script ("Failed to spawn").
  S(
    'job-script-failed',
    9,
    /Expected all tensors to be on the same device|mat1 and mat2 shapes cannot be multiplied|\bNCCL error\b|\bDistBackendError\b|\[Errno 98\] Address already in use|got an unexpected keyword argument '\w+'|\berror: Failed to spawn: /,
  ),
  // An image or a wheel built for another machine (exec format error, an undefined symbol, a newer glibc, a CUDA runtime
  // newer than the driver), a tensor wanted on a GPU the machine lacks, a tokenizer class the installed transformers
  // lacks, and the script's own command line refused by argparse: the job's environment or command, not the token.
  S(
    'job-script-failed',
    10,
    /\bexec format error\b|\bundefined symbol: \w|version `GLIBC_[\d.]+' not found|CUDA driver version is insufficient for CUDA runtime version|Expected a '?cuda'? device|Tokenizer class \w+ does not exist or is not currently imported|\berror: (?:the following arguments are required|unrecognized arguments): /,
  ),
  // A GPU-saved checkpoint or a GPU call on a machine without one; memory that could not be allocated (numpy).
  S('job-script-failed', 10, /torch\.cuda\.is_available\(\) is False|Unable to allocate [\d.]+ [KMGT]i?B\b/),
  // transformers looking for weights or a file in a local folder that lacks them, and a cache folder it cannot write.
  S(
    'job-script-failed',
    9,
    /\bno file named \[?[^\n]*\bfound in directory\b(?![^\n]*\bsnapshots[\\/])|(?:^|OSError:\s*)(?:[.~]{0,2}\/|[A-Za-z]:\\)[^\n]*\bdoes not appear to have (?:a file|files) named\b|Check cache directory permissions/i,
  ),
  S('job-script-failed', 9, LOADER_LOCAL),
  // The datasets library refusing a dataset that is a loading script (a library version newer than the dataset).
  S('job-script-failed', 9, /Dataset scripts are no longer supported/),
  // The sandbox's uv stand-in: this machine's python3 lacks a package the script's header lists.
  S('job-script-failed', 12, /python3 \([^)\n]*\) cannot import [^\n]*, which this (?:script|command) needs/),
  // uv could not resolve the script's PEP 723 dependencies: the job stops before the script starts.
  S(
    'job-script-failed',
    11,
    /No solution found when resolving (?:script )?dependencies|we can conclude that (?:your|the) requirements are unsatisfiable|these package versions have conflicting dependencies|\bResolutionImpossible\b/i,
  ),
  // No GPU where the script wants one, as Docker and NVIDIA's tools word it.
  S(
    'job-script-failed',
    12,
    /could not select device driver "?nvidia"?|NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver|nvidia-smi: (?:command )?not found/i,
  ),
  S(
    'job-script-failed',
    12,
    /Found no NVIDIA driver|NVIDIA driver on your system|Torch not compiled with CUDA enabled|no CUDA GPUs are available|CUDA is not available|No CUDA runtime is found/i,
  ),
  S(
    'job-script-failed',
    12,
    /CUDA out of memory|OutOfMemoryError|CUDA error: out of memory|\bOOMKilled\b|Killed\s*$|exit code 137/i,
  ),
  // The machine's memory as platforms word its limit (a Space's "Memory limit exceeded (14Gi)", a container killed for
  // memory) and as allocators word running out: the flavor is too small for the script, not a token problem.
  S(
    'job-script-failed',
    10,
    /\bMemory limit exceeded\b|\bmemory limit (?:of \S+ )?(?:was |has been )?(?:exceeded|reached)\b|\bexceeded (?:the |its |your )?memory limit\b|\bkilled\b[^\n]{0,40}\b(?:out of memory|memory limit|OOM)\b|^\s*(?:\w+Error: )?out of memory\b/im,
  ),
  // transformers refusing the model the script asked for (an architecture it does not know, a folder or repo without
  // a config it can read, a GGUF repo): the script's or the library version's problem, not the token.
  S(
    'job-script-failed',
    9,
    /Unrecognized model in [^\n]*model_type|Should have a `model_type` key in its config\.json|does not recognize this architecture|Unrecognized configuration class/i,
  ),
  // pip refusing a package for the Python it runs on ("requires a different Python: 3.10.13 not in '>=3.11'"), and
  // the Space stage a failed build leaves: the build's own requirements.
  S('job-script-failed', 9, /requires a different Python: [\d.]+ not in|\bBUILD_ERROR\b/),
  // pip's own words for a package that did not build or install: "error: subprocess-exited-with-error",
  // "Getting requirements to build wheel did not run successfully", "metadata-generation-failed".
  S(
    'job-script-failed',
    9,
    /subprocess-exited-with-error|\b(?:Getting requirements to build wheel|python setup\.py egg_info|Preparing metadata \(pyproject\.toml\)) did not run successfully|metadata-generation-failed/i,
  ),
  // A job's own environment failing before or around the script: an image that cannot be pulled (a wrong name or tag),
  // a command the image does not have, a system library missing from it, a wheel that does not build, the machine's
  // memory (CPU side) running out, a distributed launcher reporting its child's failure.
  S(
    'job-script-failed',
    9,
    /pull access denied for|\bmanifest unknown\b|failed to pull image|\bErrImagePull\b|\bImagePullBackOff\b|executable file not found in \$PATH|: command not found\b|cannot open shared object file|Failed building wheel for|Could not build wheels for|DefaultCPUAllocator: can't allocate memory|\bChildFailedError\b/i,
  ),
  // pip and uv not finding or building a package the script needs, and the machine's disk full.
  S(
    'job-script-failed',
    9,
    /Could not find a version that satisfies the requirement|No matching distribution found for|Failed to (?:prepare distributions|build `|download and build)|\bNo space left on device\b/i,
  ),
  // A Docker build step (a Space's or a job image's pip install) that failed: the build's own dependencies.
  S('job-script-failed', 8, /\bdid not complete successfully: exit code: [1-9]\d*/i),
  // 137 = 128 + SIGKILL: the kernel's out-of-memory killer, however the runner words the exit.
  S('job-script-failed', 12, /\b(?:exit(?:ed)?|exit status|status code|exit code)\b[^\n]{0,24}\b137\b/i),
  // The same kill as a signal: a launcher's "exits with return code = -9" (torchrun's exitcode: -9), SIGKILL, signal 9.
  S(
    'job-script-failed',
    12,
    /\b(?:return ?code|exit ?code|exitcode|exit status)\b\s*[=:]?\s*-9\b|\bSignals\.SIGKILL\b|\bSIGKILL\b|\bsignal 9\b|\bkilled by signal\b/i,
  ),
  // A checkpoint that does not fit the model the script built (PyTorch's load_state_dict): the script's own failure.
  S('job-script-failed', 8, /Error\(s\) in loading state_dict for|size mismatch for \S+: copying a param with shape/),
  // CUDA's own runtime errors (a build without kernels for this GPU, a device-side assert) and a process killed by a
  // signal (segmentation fault, illegal instruction): the script or its environment, not the token.
  S('job-script-failed', 11, /\bCUDA error: [a-z]|no kernel image is available for execution on the device/i),
  S('job-script-failed', 8, /^\s*(?:Segmentation fault|Illegal instruction|Bus error)\b|\(core dumped\)|\bSIGSEGV\b/i),
  // The script's own file missing (a data file, a checkpoint it expects to have written): not the Hub's cache or token.
  S(
    'job-script-failed',
    6,
    /^\s*FileNotFoundError: \[Errno 2\] No such file or directory: (?![^\n]*(?:huggingface|hf_home|\btoken\b))/i,
  ),
  S(
    'job-script-failed',
    5,
    /^(?!.*Command '\[['"]git['"]).*(?:\bexit(?:ed)? (?:with )?(?:status )?(?:code|status):? [1-9]\d*\b|returned non-zero exit status|Command failed with exit code)/i,
  ),
  S('job-script-failed', 3, PLAIN_PYTHON_ERROR),
  ...LIBRARY_SIGNALS,
  ...WORDING_SIGNALS,
];

/** When both score, the first is the real story and the second only its wrapper or consequence. */
const DOMINATES: Partial<Record<ProblemId, ProblemId[]>> = {
  'gated-repo': ['forbidden-403', 'repo-access-denied', 'unauthorized-401', 'token-missing', 'job-script-failed'],
  'rate-limited': ['network-error', 'forbidden-403', 'server-error', 'job-script-failed', 'payment-required'],
  'token-missing': ['unauthorized-401', 'repo-access-denied', 'job-script-failed'],
  'invalid-token-format': ['unauthorized-401', 'network-error', 'job-script-failed'],
  'repo-access-denied': ['unauthorized-401', 'job-script-failed'],
  'unauthorized-401': ['job-script-failed'],
  'forbidden-403': ['job-script-failed'],
  'payment-required': ['forbidden-403', 'unauthorized-401', 'job-script-failed', 'server-error'],
  'org-token-policy': ['forbidden-403', 'unauthorized-401', 'job-script-failed'],
  'job-not-found': ['repo-access-denied', 'unauthorized-401', 'job-script-failed'],
  'job-timeout': ['network-error', 'job-script-failed'],
  'server-error': ['network-error', 'job-script-failed'],
  'network-error': ['job-script-failed'],
};

/**
 * The most of one line the rules read: a longer line (a minified bundle, a base64 blob, an error followed by kilobytes
 * of one value) is read up to here, so its head still counts (it was skipped whole: a 403 line followed by 5,000
 * characters answered unknown), and no rule's pattern runs over megabytes of one line.
 */
export const MAX_LINE = 4000;
const clipLine = (line: string) => (line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line);

/** Whether a rule's signal matches the line (the trainer's rule-blind cross-validation hides such lines). */
export function lineHasSignal(whole: string): boolean {
  const line = clipLine(whole);
  const bare = stripLogPrefix(line);
  const lower = line.toLowerCase();
  return SIGNALS.some((s) => mayHold(s, lower) && (s.re.test(line) || (bare !== line && s.re.test(bare))));
}

export interface Candidate {
  problem: ProblemId;
  score: number;
}

export interface Classification {
  problem: ProblemId;
  title: string;
  /** The lines that decided it (tokens masked). */
  evidence: string[];
  causes: string[];
  solutions: string[];
  checks: string[];
  /** Present only when unsure: the top candidates, best first. */
  candidates?: Candidate[];
  /** A job log that ended in ERROR/CANCELED. */
  jobFailed?: boolean;
  /**
   * Set when the rules found nothing and the second tier (guess.ts, a model trained on the tuning corpus) answered:
   * a best guess, with the model's probability for it.
   */
  guess?: {confidence: number};
}

const MAX_TEXT = 512 * 1024;

/** The clients' calls that read a repo's files, and the ones that write to the Hub. */
const DOWNLOAD_CALL =
  /\b(?:hf_hub_download|snapshot_download|from_pretrained)\s*\(|\b(?:huggingface-cli|hf) download\b/;
const WRITE_CALL =
  /\b(?:upload_file|upload_folder|upload_large_folder|push_to_hub|create_repo|create_commit|create_branch|create_pr|delete_file|save_pretrained)\b|\b(?:huggingface-cli|hf) (?:upload|repo create)\b|\bgit push\b|\/api\/repos\/create\b/;

/** A 403 the Hub itself gave: on one of its own URLs, or in its words for a right the token lacks. */
const HUB_403 =
  /^(?=.*\b403\b).*https?:\/\/(?:huggingface\.co|hf\.co)\/|You don't have the rights to|does not have sufficient permissions|token with the write role|correct permissions/im;

/**
 * A text that states an HTTP status no problem of the catalog is about (a 409 "already created", a 412 from a concurrent
 * commit, a 413, a 422), or git's "nothing to commit": the words around it may look like a known problem's, but a guess
 * from them would name the wrong one. Such a text is left unknown, with the rules' candidates.
 */
const OUT_OF_CATALOG_STATUS =
  /(?:\b|')(40[5-9]|41\d|42[0-8]|43\d|45\d) (?:Client Error|Method Not Allowed|Not Acceptable|Request Timeout|Conflict|Gone|Length Required|Precondition Failed|Payload Too Large|Request Entity Too Large|URI Too Long|Unsupported Media Type|Range Not Satisfiable|Unprocessable (?:Entity|Content)|Locked|Failed Dependency|Too Early|Upgrade Required|Precondition Required)\b|\bHTTP\/[\d.]+ (40[5-9]|41\d|42[0-8])\b|\bstatus(?: code)?[ :=]+(40[5-9]|41\d|42[0-8])\b/i;
const NOTHING_TO_COMMIT = /^\s*nothing (?:added )?to commit\b/im;
/**
 * `hf jobs wait --timeout` giving up on waiting ("Timed out after 10m waiting for Job(s) to finish."), and the Python
 * API's wait_for_job(timeout=) raising TimeoutError ("Job 'ID' is still in stage 'RUNNING' after 60 seconds."): the
 * job itself may still be running, nothing failed yet.
 */
const WAIT_TIMED_OUT =
  /\bTimed out after [^\n]{0,40}\bwaiting for Jobs?\b|\bJob '[\w-]+' is still in stage '[\w.]+' after [\d.]+ seconds\b/i;
/** git's commit refused (exit 1: nothing to commit) as Python's subprocess reports it: "Command '['git', 'commit', ...". */
const GIT_COMMIT_FAILED = /Command '\[['"]git['"], ['"]commit['"][^\n]*returned non-zero exit status 1\b/;

const HF_TOKEN_SAID = new RegExp(HF_TOKEN_WORDS, 'i');

/** Another service's key or token said missing, and no Hugging Face token named anywhere in the text. */
function foreignKeyMissing(text: string): boolean {
  return FOREIGN_KEY_MISSING.test(text) && !HF_TOKEN_SAID.test(text);
}

/**
 * Another service's answer, with nothing of Hugging Face anywhere in the text: an HTTP client's status for a URL on
 * another host (httpx's "Server error '502 Bad Gateway' for url 'https://api.example.org/...'", requests' "for url:"),
 * a provider named that is not the Hub (an editor's "Provider: xAI ... Status Code: 429"), another service's key or a
 * JWT the server checks (OPENAI_API_KEY, JWT_SECRET), or (session 12) URLs on other hosts only (a wget of zenodo.org, a
 * local server). Its 401, 403, 429, 402 or 5xx is that service's, none of the catalog's problems.
 */
const FOREIGN_URL_STATUS =
  /\bfor url:?\s*['"]?https?:\/\/(?![\w.-]*\b(?:huggingface\.co|hf\.co|hf\.space|hf-mirror\.com)\b)[\w-]+(?:\.[\w-]+)+/i;
const FOREIGN_PROVIDER =
  /^\W*Provider\W*\s*(?:xAI|OpenAI|Anthropic|OpenRouter|Groq|Gemini|Google|Vertex|Mistral|DeepSeek|Azure|Bedrock|Cohere|Perplexity|Ollama|LM ?Studio)\b/im;
const FOREIGN_AUTH = new RegExp(String.raw`${FOREIGN_KEY}|\bJWT(?:_SECRET)?\b`);
// Another service's SDK named by its own exception's module ("groq.RateLimitError", "botocore.exceptions.ClientError",
// "pinecone.core.client.exceptions.UnauthorizedException", "github.GithubException"), or its API named beside the
// error ("your OpenRouter API key is invalid"), or its CLI's prefix ("kaggle: 401", "Weights & Biases: 502"). Not
// OpenAI's SDK: pointed at the Hub's router (Inference Providers) it prints the Hub's answers in its own classes.
// Session 12, from probes of other services' errors: their statuses are theirs.
const FOREIGN_SDK =
  /\b(?:anthropic|groq|cohere|mistralai|pinecone|botocore|boto3|replicate|github|together|fireworks|voyageai|elevenlabs|tweepy|stripe|twilio|kaggle)(?:\.[A-Za-z_]+)*\.[A-Za-z_]*(?:Error|Exception)\b|\b(?:Anthropic|Groq|Cohere|Mistral|Pinecone|OpenRouter|Replicate|Kaggle|Gemini|Perplexity|DeepSeek|xAI)\b[^\n]{0,12}\bAPI\b(?:\s+(?:error|key))?|^\s*(?:Weights & Biases|W&B|kaggle)\s*:/im;
// The Hub's own answer to a bad token counts as naming it: @huggingface/hub's Xet upload throws "Failed to get JWT
// token: 401 {"error":"Invalid credentials in Authorization header"}" (a JWT the Hub gives, not another service's).
const HUB_NAMED =
  /hugg?ing ?face|\bhf[_.-]|\bHF_|hf\.co|hf\.space|\bhub\b|transformers|diffusers|gradio|safetensors|from_pretrained|snapshot_download|\bspaces?\b|\bgated\b|\brepo(?:sitory)?\b|Invalid credentials in Authorization header/i;
const STATUS_IDS: ProblemId[] = [
  'unauthorized-401',
  'forbidden-403',
  'rate-limited',
  'server-error',
  'payment-required',
];

/** The ids another service's own signature (foreign.ts) also takes out of the catalog: its repo, its log-in, its gate. */
const SIGNED_IDS: ProblemId[] = [...STATUS_IDS, 'repo-access-denied', 'token-missing', 'gated-repo'];

/** Another service's answer (`problem`: the rules' answer, which it must be one of; any when not given). */
function foreignServiceOnly(text: string, problem?: ProblemId): boolean {
  const status = problem === undefined || STATUS_IDS.includes(problem);
  const signed = problem === undefined || SIGNED_IDS.includes(problem);
  return (
    (status &&
      (FOREIGN_URL_STATUS.test(text) ||
        FOREIGN_PROVIDER.test(text) ||
        FOREIGN_AUTH.test(text) ||
        onlyForeignUrls(text) ||
        FOREIGN_SDK.test(text)) &&
      !HUB_NAMED.test(text)) ||
    (signed && foreignSignatureOnly(text))
  );
}

/** A tokenizer's tokens (pad, eos, special tokens, the vocabulary): "token" there is not the credential. */
const TOKENIZER_TALK =
  /\b(?:pad(?:ding)?|eos|bos|unk|sep|cls|mask|special|chat) tokens?\b|\bin (?:the )?vocab(?:ulary)?\b/i;

/**
 * A log that says its step succeeded (huggingface_hub's "Login successful", ollama's "success", "Successfully
 * installed ...") and holds no word of a failure: nothing failed, so none of the catalog's problems, and the second
 * tier is not asked to read a problem into it.
 */
const SAYS_SUCCESS = /\b(?:Login successful|success(?:ful(?:ly)?)?)\b/i;
const SAYS_FAILURE =
  /\b(?:error|errno|fail(?:ed|ure|s)?|exception|traceback|denied|unauthori[sz]ed|forbidden|refused|invalid|not found|timed? ?out|killed|abort(?:ed)?|cannot|can't|couldn't|unable|not (?:\w+ )?success(?:ful(?:ly)?)?)\b|\b[45]\d\d\b/i;

function successOnly(text: string): boolean {
  return SAYS_SUCCESS.test(text) && !SAYS_FAILURE.test(text);
}

export function outsideCatalog(text: string): boolean {
  return (
    successOnly(text) ||
    OUT_OF_CATALOG_STATUS.test(text) ||
    NOTHING_TO_COMMIT.test(text) ||
    WAIT_TIMED_OUT.test(text) ||
    GIT_COMMIT_FAILED.test(text) ||
    foreignKeyMissing(text) ||
    foreignServiceOnly(text) ||
    TOKENIZER_TALK.test(text)
  );
}

/**
 * A log line without what the tool that printed it put before the message: a docker compose service ("app-1  | "), a
 * Markdown quote ("> "), a timestamp, bracketed tags ("[Stage-0]", "[file.py:749]"), a level ("ERROR", "INFO:"),
 * vLLM's "ERROR 01-28 20:45:51" stamp, loguru's "| ERROR | module:function:42 - " and Python logging's formats. Rules anchored at the start of a message then match it wrapped in such logs.
 */
export function stripLogPrefix(line: string): string {
  let l = line;
  for (let i = 0; i < 6; i++) {
    const next = l.replace(LOG_PREFIX, '');
    if (next === l) break;
    l = next;
  }
  return l;
}

const LOG_PREFIX = new RegExp(
  [
    String.raw`^\s*>\s?`,
    String.raw`^\s*\|\s?`,
    String.raw`^\s*[\w.-]+\s+\|\s?`,
    String.raw`^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\s*`,
    String.raw`^\s*\[[^\]\n]{1,60}\]\s*`,
    // loguru's "| ERROR | module:function:42 - " (or its location alone, once the level is gone), Python logging's
    // "ERROR:root:" and "- name - ERROR - ": tried before the bare level below.
    String.raw`^\s*\|?\s*(?:TRACE|DEBUG|INFO|SUCCESS|WARNING|ERROR|CRITICAL)\s*\|\s*[\w.<>-]+:[\w.<>-]+:\d+\s+-\s+`,
    String.raw`^\s*[\w.<>-]+:[\w.<>-]+:\d+\s+-\s+`,
    String.raw`^(?:ERROR|WARNING|INFO|DEBUG|CRITICAL):[\w.]+:`,
    String.raw`^\s*-?\s*[\w.]+ - (?:ERROR|WARNING|INFO|DEBUG|CRITICAL) - `,
    String.raw`^\s*(?:ERROR|WARN(?:ING)?|INFO|DEBUG|CRITICAL|FATAL)\b(?:\s+\d{2}-\d{2} \d{2}:\d{2}:\d{2})?[:\s]+`,
  ].join('|'),
);

/**
 * The clients' advice to one that sent no token, printed before whatever happens next: the Hub's X-HF-Warning, which
 * huggingface_hub logs (utils/_http.py _warn_on_warning_headers) on an anonymous request ("You are sending
 * unauthenticated requests to the HF Hub. Please set a HF_TOKEN to enable higher rate limits and faster downloads."),
 * and huggingface_hub's Colab warnings (utils/_auth.py: "The secret `HF_TOKEN` does not exist in your Colab secrets.
 * ... authentication is recommended but still optional", "Access to the secret `HF_TOKEN` has not been granted on this
 * notebook", "You are not authenticated with the Hugging Face Hub in this notebook"). Nothing failed when they are
 * printed. The Hub's advice is not read for its words about a token and a rate limit: it counts as a weak sign of no
 * token. Alone, either is the missing token; beside the script's own failure (vLLM's or a training run's log), or
 * another failure no token explains, that failure is the story.
 */
const HUB_ANONYMOUS_ADVICE =
  /\bYou are sending unauthenticated requests to the HF Hub\.?(?:\s*Please set a HF_TOKEN to enable higher rate limits and faster downloads\.?)?/i;
const CLIENT_ADVICE =
  /\bdoes not exist in your Colab secrets\b|\bhas not been granted on this notebook\b|\bYou are not authenticated with the Hugging Face Hub in this notebook\b/i;
const ADVICE_WEIGHT = 5;
/**
 * Lines that name a log-in but say nothing of a token: huggingface_hub's deprecation of the old CLI, as it printed it
 * from 0.34 ("⚠️  Warning: 'huggingface-cli login' is deprecated. Use 'hf auth login' instead.") and from 1.0
 * (cli/deprecated_cli.py: "`huggingface-cli` is deprecated and no longer works. Use `hf` instead."). Not read at all.
 */
const NO_TOKEN_WORDS =
  /(?:⚠️\s*)?Warning: 'huggingface-cli(?: [\w-]+){0,2}' is deprecated\. Use 'hf(?: [\w-]+){0,3}' instead\.?|`huggingface-cli` is deprecated and no longer works\. Use `hf` instead\.?/g;
/**
 * huggingface_hub's warnings for a request it retries (utils/_http.py http_backoff, hf_api.py): "HTTP Error 429 thrown
 * while requesting HEAD URL", "'(ReadTimeoutError(...))' thrown while requesting GET URL", "Retrying in 1s [Retry 1/5].".
 * The request may well have gone through on a retry: what they say is the story only when nothing else failed (when
 * the retries ran out, the client raises the error, which is read as usual).
 */
const RETRY_WARNING =
  /\bthrown while requesting (?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b|^\s*Retrying in [\d.]+s \[Retry \d+\/\d+\]/;
/** What a token set would not have changed: the story whatever the advice says. */
const ADVICE_YIELDS_TO: ProblemId[] = [
  'job-script-failed',
  'network-error',
  'server-error',
  'rate-limited',
  'payment-required',
  'job-timeout',
];

/** Each rule's signals over the lines (a line as printed or without its log prefix), one count a line per problem. */
function collectSignals(
  lines: string[],
  bare: string[],
): {scores: Map<ProblemId, number>; evidence: Map<ProblemId, string[]>; softOnly: Set<ProblemId>} {
  const scores = new Map<ProblemId, number>();
  const evidence = new Map<ProblemId, string[]>();
  const seen = new Map<string, number>();
  let advice: string | undefined;
  // The problems some line other than the clients' advice or a retried request's warning gave evidence for.
  const hard = new Set<ProblemId>();
  lines.forEach((full, i) => {
    if (full.length > MAX_LINE) return;
    const advised = HUB_ANONYMOUS_ADVICE.test(full);
    if (advised) advice ??= full;
    const quiet = (l: string) => l.replace(HUB_ANONYMOUS_ADVICE, ' ').replace(NO_TOKEN_WORDS, ' ');
    const neutral = advised || full.includes('huggingface-cli');
    const line = neutral ? quiet(full) : full;
    const b = neutral ? quiet(bare[i]!) : bare[i]!;
    const lower = line.toLowerCase();
    const clientAdvice = CLIENT_ADVICE.test(line);
    const retried = RETRY_WARNING.test(line);
    const foreign = foreignLine(line);
    for (const s of SIGNALS) {
      if (foreign && SIGNED_IDS.includes(s.problem)) continue;
      if (!mayHold(s, lower) || (!s.re.test(line) && (b === line || !s.re.test(b)))) continue;
      if (!retried && !(s.problem === 'token-missing' && clientAdvice)) hard.add(s.problem);
      // One line counts once per problem, with its strongest signal.
      const key = `${s.problem}\0${line}`;
      if (seen.has(key)) {
        const prev = seen.get(key)!;
        if (s.weight > prev) {
          scores.set(s.problem, (scores.get(s.problem) ?? 0) + s.weight - prev);
          seen.set(key, s.weight);
        }
        continue;
      }
      seen.set(key, s.weight);
      scores.set(s.problem, (scores.get(s.problem) ?? 0) + s.weight);
      const ev = evidence.get(s.problem) ?? [];
      if (ev.length < 4) ev.push(redactSecrets(full.trim()).slice(0, 240));
      evidence.set(s.problem, ev);
    }
  });
  const whole = lines.join('\n');
  for (const s of TEXT_SIGNALS) {
    const m = whole.length <= MAX_TEXT ? s.re.exec(whole) : null;
    if (!m) continue;
    scores.set(s.problem, (scores.get(s.problem) ?? 0) + s.weight);
    hard.add(s.problem);
    const last = m[0].trimEnd().split('\n').pop()!;
    evidence.set(s.problem, [...(evidence.get(s.problem) ?? []), redactSecrets(last.trim()).slice(0, 240)].slice(0, 4));
  }
  if (advice !== undefined && !scores.has('token-missing')) {
    scores.set('token-missing', ADVICE_WEIGHT);
    evidence.set('token-missing', [redactSecrets(advice.trim()).slice(0, 240)]);
  }
  return {scores, evidence, softOnly: new Set([...scores.keys()].filter((p) => !hard.has(p)))};
}

/**
 * A problem said only by the clients' advice or a retried request's warning yields to a failure some other line says:
 * the missing token to one a token would not have changed, a retried 429 or timeout to the script's own failure (not to
 * a loader's "Can't load tokenizer" after the retries, which is their consequence).
 */
function yieldSoft(ranked: Candidate[], softOnly: Set<ProblemId>): void {
  const first = ranked[0];
  if (!first || !softOnly.has(first.problem)) return;
  const next = ranked.find(
    (c) =>
      !softOnly.has(c.problem) &&
      c.score >= 5 &&
      (first.problem === 'token-missing' ? ADVICE_YIELDS_TO.includes(c.problem) : c.problem === 'job-script-failed'),
  );
  if (!next) return;
  next.score = first.score + 1;
  ranked.sort((a, b) => b.score - a.score);
}

/** HTML's entities for the characters the rules read (quotes, angle brackets, the ampersand). */
const ENTITY: Record<string, string> = {
  quot: '"',
  apos: "'",
  amp: '&',
  lt: '<',
  gt: '>',
  '#39': "'",
  '#34': '"',
  '#x27': "'",
  '#x22': '"',
};

/**
 * A line copied from a web page or an HTML log with its entities left in ("KeyError: &#39;HF_TOKEN&#39;",
 * {&quot;error&quot;: ...}): the characters themselves, so that the rules that read quotes match it.
 */
function decodeEntities(line: string): string {
  if (!line.includes('&') || line.length > 64 * 1024) return line;
  return line.replace(/&(quot|apos|amp|lt|gt|#39|#34|#x27|#x22);/gi, (m, e: string) => ENTITY[e.toLowerCase()] ?? m);
}

/**
 * A log line that carries a whole message as an escaped string (a JSON log's "message": "Traceback ...\\n  File ...",
 * a container log that kept the \\n of a Python error): its own lines, so that the rules that read a line at a time (the
 * last line of a traceback, a line's start) see them as printed.
 */
function unescapeLogLine(raw: string): string[] {
  const line = decodeEntities(raw);
  if (line.length < 80 || line.length > 64 * 1024) return [line];
  const parts = line.split(/(?<!\\)(?:\\r)?\\n/);
  return parts.length < 3 ? [line] : parts.map((p) => p.replace(/\\(["'\\])/g, '$1'));
}

/**
 * The Hub said what was wrong with the token beside a repo it then hid or gated: the token is the story, not the repo.
 * "Repository Not Found" + "Invalid credentials in Authorization header" or `User Access Token "NAME" is expired`: the
 * Hub rejected the token and hides every repo behind a 404/401 from it (expired, revoked). "Cannot access gated repo" +
 * "Organization tokens cannot be used to access" (after a gated repo, or in huggingface_hub's "403 Forbidden: MESSAGE"):
 * an org token (api_org_...) where a user's token is needed. `add`: the answer is made a candidate when no rule named it.
 */
const TOKEN_TOLD: {re: RegExp; over: ProblemId[]; to: ProblemId; add?: true}[] = [
  {re: /Invalid credentials in Authorization header/, over: ['repo-access-denied'], to: 'unauthorized-401'},
  // People's and tools' words for a token that is wrong ("--hf-token xx  # xx is incorrect token", "my token was
  // invalid") beside a repo not found: the Hub hid the repo from a token it refused.
  {re: PEOPLE_SAY_TOKEN_REFUSED, over: ['repo-access-denied'], to: 'unauthorized-401'},
  {re: HUB_TOKEN_EXPIRED, over: ['repo-access-denied'], to: 'unauthorized-401'},
  {re: HUB_ORG_TOKEN_REFUSED, over: ['gated-repo', 'repo-access-denied', 'forbidden-403'], to: 'invalid-token-format'},
  // The Hub's 401 body for a write to its own API (creating a repo, a commit, an upload): "Invalid username or
  // password." is what huggingface.co answers a request that came with no credentials (a token it refused is "Invalid
  // credentials in Authorization header"), and nothing is written anonymously: the token was not passed (a library's
  // push_to_hub that does not forward it, a job without HF_TOKEN). Not the router's or git's, which say it of a wrong one.
  {
    re: /^(?![\s\S]*Invalid credentials in Authorization header)(?=[\s\S]*\bInvalid username or password)[\s\S]*https?:\/\/(?:huggingface\.co|hf\.co)\/api\/(?:repos\/(?:create|move)|(?:models|datasets|spaces)\/[^\s'"]+\/(?:commit|preupload|upload|lfs-files|settings|branch|tag)\/?)/,
    over: ['unauthorized-401'],
    to: 'token-missing',
    add: true,
  },
  // The Hub's 401 body for a request that came with no credentials ("Invalid username or password."; a token it refused
  // is "Invalid credentials in Authorization header") beside the text's own words for a token that was not there (a
  // Colab secret that does not exist, HF_TOKEN not set): the missing token is the story, the 401 its consequence.
  {
    re: /^(?![\s\S]*Invalid credentials in Authorization header)[\s\S]*Invalid username or password/,
    over: ['unauthorized-401'],
    to: 'token-missing',
  },
  // huggingface_hub's whoami (hf_api.py _inner_whoami) on a 401 names the token it sent and asks for a new log-in: "The
  // token stored is invalid. Please run `hf auth login --force`", "The token from HF_TOKEN environment variable is
  // invalid", "The token from Google Colab vault is invalid". A token was sent and refused; the log-in it asks for is
  // the fix, not the story.
  {
    re: /\bThe token (?:stored|from HF_TOKEN environment variable|from Google Colab vault) is invalid\b/,
    over: ['token-missing'],
    to: 'unauthorized-401',
  },
];

function promoteRefusedToken(ranked: Candidate[], text: string): void {
  const top = ranked[0]?.problem;
  const told = top && TOKEN_TOLD.find((t) => t.over.includes(top) && t.re.test(text));
  let u = told && ranked.find((c) => c.problem === told.to);
  if (told && !u && told.add) ranked.push((u = {problem: told.to, score: 0}));
  if (!u) return;
  // Sure, not a close call: the Hub named the token's fault.
  u.score = ranked[0]!.score * 2;
  ranked.sort((a, b) => b.score - a.score);
}

/**
 * The clients' words that only guess the network when a request failed, whatever it got: huggingface_hub's
 * LocalEntryNotFoundError ("An error happened while trying to locate the file on the Hub ... Please check your
 * connection", raised from any HTTP error but a 404/gate, and up to 0.28 from a 401 too), transformers' and diffusers'
 * "We couldn't connect to '<endpoint>' to load" (its ValueError), diffusers' "Couldn't connect to the Hub: {e}" (any
 * HfHubHTTPError of model_info) and "There was a specific connection error when trying to load X:\n{err}", and the
 * "model is not cached locally" that follows it; the hf CLI's "Local entry not found. {cause}" (cli/_errors.py);
 * urllib3's retries that got the same status each time ("Max retries exceeded with url: U (Caused by
 * ResponseError('too many 403 error responses'))": an answer came). Offline mode said outright is not a guess.
 */
const NETWORK_GUESS =
  /\bLocalEntryNotFoundError\b:?|\bLocal entry not found\.?|Max retries exceeded with url: \S+ \(Caused by ResponseError\(|An error happened while trying to locate the files? on the Hub[^\n]*|We couldn't connect to '[^'\n]+' to load[^\n]*|Couldn't connect to the Hub\b:?|There was a specific connection error when trying to load\b[^\n:]*:?|model is not cached locally and an error occurred while trying to fetch metadata from the Hub|Checkout your internet connection[^\n]*/gi;
const NETWORK_SIGNALS = SIGNALS.filter((s) => s.problem === 'network-error');

/**
 * A wrapper never outranks what it wraps: when the network's only evidence is such a guess, the answer the request got
 * (a status, the Hub's or a tool's words for the token, the repo or the gate) is the story. A transport error that says
 * no answer came (a refused or reset connection, a timeout, a resolver, an SSL failure, offline mode) keeps it the network.
 */
function yieldGuessedNetwork(ranked: Candidate[], bare: string[]): void {
  if (ranked[0]?.problem !== 'network-error') return;
  const next = ranked.find((c) => c.problem !== 'network-error' && c.problem !== 'job-script-failed' && c.score >= 6);
  if (!next) return;
  const said = (l: string) => NETWORK_SIGNALS.some((s) => s.re.test(l));
  if (bare.some((l) => l.length <= MAX_LINE && said(l) && said(l.replace(NETWORK_GUESS, ' ')))) return;
  next.score = ranked[0].score + 1;
  ranked.sort((a, b) => b.score - a.score);
}

/** `endpoint` words the causes and solutions for that Hub (the sandbox names its practice tokens). */
export function classifyText(input: string, options: {endpoint?: string; guess?: boolean} = {}): Classification {
  const catalog = catalogFor(options.endpoint);
  // Huge logs: the end holds the error; keep the head too for the first traceback.
  const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT / 4) + '\n' + input.slice(-(MAX_TEXT * 3) / 4) : input;
  const lines = text.split(/\r?\n/).flatMap(unescapeLogLine).map(clipLine);
  const bare = lines.map(stripLogPrefix);
  const {scores, evidence, softOnly} = collectSignals(lines, bare);
  const jobFailed =
    /===== Job finished: status=(ERROR|CANCELED)|finished with stage '(?:JobStage\.)?(ERROR|CANCELED)'|"stage":\s*"(ERROR|CANCELED)"|\bended with stage=(?:JobStage\.)?(ERROR|CANCELED)\b|\bdid not complete successfully: [\w-]+ \((?:JobStage\.)?(ERROR|CANCELED)\)/.test(
      text,
    );
  // hf jobs prints the stage as the enum's value, or (Python 3.12 formats a str enum by name) as 'JobStage.ERROR';
  // LeRobot's job launcher (jobs/hf.py) as "Job ID ended with stage=ERROR (MESSAGE). Check logs: hf jobs logs ID";
  // `hf jobs wait` (cli/jobs.py) as "N of M Job(s) did not complete successfully: ID (ERROR), ID (CANCELED)".
  const jobErrored =
    /===== Job finished: status=ERROR|finished with stage '(?:JobStage\.)?ERROR'|"stage":\s*"ERROR"|\bended with stage=(?:JobStage\.)?ERROR\b|\bdid not complete successfully: [^\n]*\((?:JobStage\.)?ERROR\)/.test(
      text,
    );
  // The interactive log-in prompt (login() or `hf auth login` with no token) and the end of input after it, on lines of
  // their own: nobody could type a token where this ran.
  if (
    /^\s*EOFError\b/m.test(text) &&
    /Enter your token|getpass\(|interpreter_login|notebook_login|_login\.py/.test(text)
  )
    scores.set('token-missing', (scores.get('token-missing') ?? 0) + 9);
  // A job that ended in ERROR with an error of its own: the script's failure is the story unless a token error shows.
  if (jobErrored && scores.has('job-script-failed'))
    scores.set('job-script-failed', scores.get('job-script-failed')! + 4);
  // A Python traceback that ends in a plain Python error (NameError, TypeError...) and nothing from the Hub: the script
  // failed on its own (`hf jobs logs ID | tail` as the docs show it). Hub errors still win: they dominate this id.
  // The same for a traceback trimmed of its header (frames, then the error): a plain Python error on the last line,
  // about neither the Hub's cache nor a token. A bare error line alone stays too little to say.
  else if (
    scores.has('job-script-failed') &&
    (bare.some((l) => /^Traceback \(most recent call last\)/.test(l)) ||
      trimmedTracebackEndsInPlainError(bare.join('\n'), bare))
  )
    scores.set('job-script-failed', scores.get('job-script-failed')! + 2);
  const ranked: Candidate[] = [...scores.entries()]
    .map(([problem, score]) => ({problem, score}))
    .sort((a, b) => b.score - a.score);

  // Apply dominance: a wrapper never outranks what it wraps.
  for (const [winner, losers] of Object.entries(DOMINATES) as [ProblemId, ProblemId[]][]) {
    const w = ranked.find((c) => c.problem === winner);
    if (!w || w.score < 5) continue;
    for (const l of losers) {
      // Any clear Hub error beats the script's own failure; between Hub errors the wrapper needs a strong winner.
      if (w.score < 8 && l !== 'job-script-failed') continue;
      const c = ranked.find((x) => x.problem === l);
      if (c && c.score >= w.score) w.score = c.score + 1;
    }
  }
  ranked.sort((a, b) => b.score - a.score);

  yieldGuessedNetwork(ranked, bare);
  yieldSoft(ranked, softOnly);
  promoteRefusedToken(ranked, text);

  // A 403 from the Hub's storage with no 403 from the Hub itself (its API, a repo URL, its words for a missing right):
  // the upload's signed URL was refused, the storage side is the story, not the token's scopes.
  if (ranked[0]?.problem === 'forbidden-403' && STORAGE_403.test(text) && !HUB_403.test(text)) {
    const se = ranked.find((c) => c.problem === 'server-error');
    if (se) {
      se.score = ranked[0].score + 1;
      ranked.sort((a, b) => b.score - a.score);
    }
  }

  // A 403 on a read the clients' download calls make (hf_hub_download, snapshot_download, from_pretrained, `hf download`)
  // with no URL pasted and no write in sight: a read is refused to a valid token only by a gate, as on a /resolve/ URL.
  if (
    ranked[0]?.problem === 'forbidden-403' &&
    DOWNLOAD_CALL.test(text) &&
    !WRITE_CALL.test(text) &&
    !/sufficient permissions/i.test(text)
  ) {
    const g = ranked.find((c) => c.problem === 'gated-repo') ?? {problem: 'gated-repo' as ProblemId, score: 0};
    if (!ranked.includes(g)) ranked.push(g);
    g.score = ranked[0].score + 1;
    ranked.sort((a, b) => b.score - a.score);
  }

  // pyannote's "Could not download ... make sure to authenticate ... create your access token and retry", which ends
  // "If this still does not work, it might be because the model is gated: ... accept the user conditions": the gate is
  // only its fallback. With no token passed anywhere in the text, the missing token is the story; with one passed
  // (--hf_token X, use_auth_token="hf_..."), the gate is.
  if (
    ranked[0]?.problem === 'gated-repo' &&
    /If this still does not work, it might be because the \w+ is gated/i.test(text) &&
    !/--(?:hf_)?token[ =]+\S|\b(?:use_auth_token|hf_token|token)\s*=\s*(?!YOUR_)["']?[\w-]{3,}/i.test(text)
  ) {
    const t = ranked.find((c) => c.problem === 'token-missing');
    if (t) {
      t.score = ranked[0].score + 1;
      ranked.sort((a, b) => b.score - a.score);
    }
  }

  // Another service's key missing (OPENAI_API_KEY, BOT_TOKEN) with only the generic lines of a failed run beside it (an
  // exit code, a plain Python error): the run stopped on a credential none of the catalog's problems is about. The same
  // for git refusing a commit (nothing to commit) inside a Python traceback.
  const outsideOnly =
    (ranked[0]?.problem === 'job-script-failed' &&
      ranked[0].score < 10 &&
      (foreignKeyMissing(text) || GIT_COMMIT_FAILED.test(text))) ||
    (ranked[0] !== undefined && foreignServiceOnly(text, ranked[0].problem));
  const top = outsideOnly ? undefined : ranked[0];
  const build = (problem: ProblemId, ev: string[], candidates?: Candidate[]): Classification => {
    const p = catalog[problem];
    const c: Classification = {
      problem,
      title: p.title,
      evidence: ev,
      causes: offeredCauses(p.causes, options.endpoint).map((x) => x.text),
      solutions: p.solutions,
      checks: [...p.checks],
    };
    if (candidates) c.candidates = candidates;
    if (jobFailed) c.jobFailed = true;
    return c;
  };
  if (!top || top.score < 5) {
    // The line that says the job failed, masked and neutralised like every other evidence line (it can hold anything).
    const failedLine = jobFailed
      ? lines.find((l) =>
          /Job finished|finished with stage|ended with stage=|did not complete successfully|"stage":\s*"(?:ERROR|CANCELED)"/.test(
            l,
          ),
        )
      : undefined;
    const ev = failedLine ? [redactSecrets(failedLine.trim()).slice(0, 240)] : [];
    // A job that ran and ended in ERROR with nothing about tokens in its log failed on its own.
    if (jobErrored) return build('job-script-failed', ev, ranked.length ? ranked.slice(0, 3) : undefined);
    // The second tier: a best guess from the words of the text, only above its threshold (else unknown it stays).
    const g = options.guess === false || outsideCatalog(text) ? undefined : guessProblem(text);
    if (g) return {...build(g.problem, ev), guess: {confidence: Math.floor(g.confidence * 100) / 100}};
    return build('unknown', ev, ranked.length ? ranked.slice(0, 3) : undefined);
  }
  const second = ranked[1];
  const dominated = second ? (DOMINATES[top.problem] ?? []).includes(second.problem) : true;
  const unsure = second !== undefined && !dominated && second.score >= top.score * 0.75;
  return build(top.problem, evidence.get(top.problem) ?? [], unsure ? ranked.slice(0, 3) : undefined);
}

/** What the Hub says of a finished job (status.stage, status.message, a cancel reason) and its log. */
export interface JobOutcome {
  stage?: string;
  message?: string;
  cancelReason?: string;
  log?: string;
}

const BILLING_CANCEL = /^(?:NO_CREDITS|NO_SUBSCRIPTION|RESOURCE_GROUP_LIMIT)$/;

/** Classifies a job's own failure: the Hub's verdict first (a timeout, a billing cancel), then its log. */
export function classifyJob(job: JobOutcome, options: {endpoint?: string} = {}): Classification {
  const catalog = catalogFor(options.endpoint);
  const stage = job.stage ?? '';
  const message = (job.message ?? '').slice(0, 2000);
  const said =
    `Job ended ${stage || 'in an unknown stage'}${message ? `: ${redactSecrets(message)}` : ''}${job.cancelReason ? ` (cancel reason ${job.cancelReason})` : ''}`.slice(
      0,
      240,
    );
  const fromHub = (problem: ProblemId): Classification => {
    const p = catalog[problem];
    return {
      problem,
      title: p.title,
      evidence: [said],
      causes: offeredCauses(p.causes, options.endpoint).map((x) => x.text),
      solutions: p.solutions,
      checks: [...p.checks],
      jobFailed: true,
    };
  };
  if (job.cancelReason && BILLING_CANCEL.test(job.cancelReason)) return fromHub('payment-required');
  if (stage === 'ERROR' && /^\s*Job timeout\b/i.test(message)) return fromHub('job-timeout');
  const tail = [
    job.log ?? '',
    message ? `status message: ${message}` : '',
    stage ? `===== Job finished: status=${stage} =====` : '',
  ]
    .filter(Boolean)
    .join('\n');
  // A job is judged by its stage when its log says nothing known: no guess from the words of a log that may have succeeded.
  const c = classifyText(tail, {...options, guess: false});
  if (c.problem === 'unknown' && stage === 'ERROR')
    return {...fromHub('job-script-failed'), evidence: [said, ...c.evidence].slice(0, 4)};
  return c;
}
