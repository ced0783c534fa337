// The classifier's rules for wordings batch Q's tune part showed no rule knew (session 11, issue 14): a client's own
// words found in the texts (the Rust hf-hub crate's log, the dataset viewer's busy answer) and the ways people word a
// token they never gave, a token they revoked themselves, a paste that did not take, and an access request still
// waiting. Each is a family of wordings, not one text's phrase; the tests in
// test/core/troubleshoot/classify-clients.test.ts give each with near misses that must stay out.
import type {ProblemId} from './catalog.js';

export interface WordingSignal {
  problem: ProblemId;
  weight: number;
  re: RegExp;
  /** Words in lower case one of which every line the rule matches holds: the rule's regex is tried (and compiled) only
   * on such a line (classify.ts's gate; the first classification of a process then spares compiling the rest). */
  gate: string[];
}

const W = (problem: ProblemId, weight: number, re: RegExp, gate: string[]): WordingSignal => ({
  problem,
  weight,
  re,
  gate,
});

/** "token" the credential, not a tokenizer's (pad, eos, special tokens) nor a count of tokens. */
const CREDENTIAL_TOKEN = String.raw`(?<!\b(?:pad|eos|bos|unk|sep|cls|mask|special|chat|max|new|input|output) )\btoken\b(?! (?:ids?|indices|type|embeddings?|count|limit)\b)`;

/** A status people say they get: "I get 401", "we still get a 503", "keeps getting error 429". */
const PEOPLE_GET = (codes: string): RegExp =>
  new RegExp(
    String.raw`\b(?:I|we|you|they|still|always|now|keep|keeps)\s+(?:get|getting)\s+(?:an?\s+|the\s+|HTTP\s+|error\s+|status\s+)*(?:${codes})\b(?!\s*(?:%|ms\b|s\b|[KMG]i?B\b|\.\d)|\s+(?!errors\b|responses\b|codes\b)[a-z]+s\b)`,
    'i',
  );

/** A request said to have failed with a status: "fetch failed with 504", "download fails with status code 401". */
const FAILED_WITH = (codes: string): RegExp =>
  new RegExp(
    String.raw`\b(?:failed|fails|failing|errored|aborted|rejected)\s+with\s+(?:an?\s+|the\s+|HTTP\s+|status\s+|code\s+|error\s+)*(?:${codes})\b(?!\s*(?:%|ms\b|s\b|[KMG]i?B\b|\.\d)|\s+(?!errors\b|responses\b|codes\b)[a-z]+s\b)`,
    'i',
  );

/** An HTTP client's error class, then (a request id or a colon between) only a status: "HfHubHTTPError: 401". */
const HTTP_ERROR_CLASS = (codes: string): RegExp =>
  new RegExp(
    String.raw`\b\w*(?:HTTP|Http|Request|Api|Hub|Client|Response)\w*(?:Error|Exception)\b:?\s*(?:\(Request ID:[^)\n]{0,120}\)\s*)?(?:${codes})\b(?!\s*(?:%|ms\b|s\b|[KMG]i?B\b|\.\d)|\s+(?!errors\b|responses\b|codes\b)[a-z]+s\b)`,
  );

/** A status in the verbs people and apps use beyond "get", "return" and "fail with": "the Hub responded with 502", "it
 * came back with a 401", "keeps throwing 503", "showing a 504", "replied with 429", "hit a 500". */
const ANSWERED_WITH = (codes: string): RegExp =>
  new RegExp(
    String.raw`\b(?:respond(?:ed|s|ing)?\s+with|repl(?:ied|ies|ying)\s+with|came\s+back\s+with|comes\s+back\s+with|returning|threw|throwing|gave|giving|show(?:s|ed|ing)|display(?:s|ed|ing)|hit|hits|hitting)\s+(?:an?\s+|the\s+|HTTP\s+|status\s+|code\s+|error\s+)*(?:${codes})\b(?!\s*(?:%|ms\b|s\b|[KMG]i?B\b|\.\d)|\s+(?!errors\b|responses\b|codes\b)[a-z]+s\b)`,
    'i',
  );

/** ANSWERED_WITH's gate: a line it matches holds one of these words (its verbs, as they are written in it). */
const ANSWER_VERBS = ['with', 'return', 'threw', 'throwing', 'gave', 'giving', 'show', 'display', 'hit'];

export const WORDING_SIGNALS: WordingSignal[] = [
  W('unauthorized-401', 6, PEOPLE_GET('401'), ['get']),
  W('forbidden-403', 4, PEOPLE_GET('403'), ['get']),
  W('rate-limited', 6, PEOPLE_GET('429'), ['get']),
  W('server-error', 6, PEOPLE_GET('50[0234]'), ['get']),
  W('unauthorized-401', 7, FAILED_WITH('401'), ['with']),
  W('forbidden-403', 5, FAILED_WITH('403'), ['with']),
  W('rate-limited', 7, FAILED_WITH('429'), ['with']),
  W('server-error', 9, FAILED_WITH('50[0234]'), ['with']),
  // An HTTP client's error class with only the status after it: "HfHubHTTPError: 401", "RequestError: 401",
  // "HTTPError: (Request ID: Root=1-...) 503". The class says it is an HTTP answer, the number which one.
  W('unauthorized-401', 6, HTTP_ERROR_CLASS('401'), ['error', 'exception']),
  W('forbidden-403', 5, HTTP_ERROR_CLASS('403'), ['error', 'exception']),
  W('rate-limited', 6, HTTP_ERROR_CLASS('429'), ['error', 'exception']),
  W('server-error', 9, HTTP_ERROR_CLASS('50[0234]'), ['error', 'exception']),
  // A token said refused, invalid or gone without "is": "token rejected by huggingface", "Hugging Face rejected my
  // token", "token invalid", "Invalid API token", "my token was deleted".
  W(
    'unauthorized-401',
    7,
    new RegExp(
      String.raw`\b(?:rejected|refused|did(?:n't| not) accept|does(?:n't| not) accept|won't accept)\s+(?:my|the|our|this|that)\s+(?:HF\s+|hugg?ing ?face\s+|access\s+|api\s+)?${CREDENTIAL_TOKEN}|${CREDENTIAL_TOKEN}\s+(?:was\s+|is\s+|got\s+|gets\s+|has\s+been\s+)?(?:rejected|refused|not accepted|deleted|removed)\b|${CREDENTIAL_TOKEN}\s+(?:invalid|expired)\b|\binvalid\s+(?:api|auth|bearer|user|access)\s+${CREDENTIAL_TOKEN}`,
      'i',
    ),
    ['token'],
  ),
  // A job's command line its script refused: Python's argparse ("error: the following arguments are required: --model",
  // "error: unrecognized arguments: --lr", "error: argument --epochs: invalid int value") and transformers'
  // HfArgumentParser, which TRL's scripts use ("Some specified arguments are not used by the HfArgumentParser"). The
  // script ran and stopped on its arguments: not a token problem. An option only missing its value ("expected one
  // argument") is left to the rules about what the option was (a token option given nothing).
  W(
    'job-script-failed',
    9,
    /\berror: the following arguments are required: |\berror: unrecognized arguments: |\berror: argument -{1,2}[\w-]+(?:\/-{1,2}[\w-]+)?: invalid \w+ value|\bSome specified arguments are not used by the HfArgumentParser\b/,
    ['error: ', 'hfargumentparser'],
  ),
  // hf jobs' commands told the job is not there: "hf jobs logs ID ... 404", "404 ... hf jobs inspect".
  W(
    'job-not-found',
    10,
    /\bhf jobs (?:logs|inspect|cancel|stats|wait)\b[^\n]{0,80}\b404\b|\b404\b[^\n]{0,80}\bhf jobs (?:logs|inspect|cancel|stats|wait)\b/i,
    ['hf jobs'],
  ),
  // The gate in people's words: a licence, terms or conditions to accept (or accepted and still refused), access to
  // request or not granted yet; on a line that speaks of a model, a repo or the Hub, or names a repo id with a version in it
  // (meta-llama/Llama-3.1-8B); another site's terms are not it.
  W(
    'gated-repo',
    9,
    new RegExp(
      String.raw`^(?=.*(?:\b(?:model|repo(?:sitory)?|dataset|gated|hub|hugg?ing ?face)\b|\bhf\.co\/|\bhuggingface\.co\/|\b[\w-]+\/[\w.-]*\d[\w.-]*\b)).*(?:\b(?:accept(?:ed|ing)?|agree(?:d)? to)\s+(?:the\s+)?(?:model'?s?\s+|user\s+)?(?:terms(?! of service)|licen[cs]e(?: agreement)?|conditions|agreement)\b|\b(?:licen[cs]e(?: agreement)?|terms|(?:user )?conditions)\s+(?:was\s+|is\s+|were\s+|are\s+)?not\s+(?:yet\s+)?accepted\b|\brequest(?:ed|ing)?\s+access\s+(?:to|on|for)\b|\baccess\b[^\n]{0,40}\b(?:was\s+|is\s+|has\s+)?not\s+(?:yet\s+)?(?:been\s+)?granted\b)`,
      'i',
    ),
    ['accept', 'agree', 'request', 'granted'],
  ),
  // The Hub's "Access to model X is restricted" said of "this model", "the dataset".
  W('gated-repo', 13, /\bAccess to (?:this|the) (?:model|dataset|space|repo(?:sitory)?)\b[^\n]*\bis restricted\b/i, [
    'restricted',
  ]),
  // A repo that is not where it was asked for, in people's and tools' words: "model acme/foo not found on Hugging
  // Face", "404: model X not found", transformers' "is not a valid model identifier" alone, a repo said private,
  // renamed, moved or deleted, a typo in the repo id.
  W(
    'repo-access-denied',
    8,
    /\b(?:model|repo(?:sitory)?|dataset)\b(?:\s+[\w.-]+\/[\w.-]+)?\s+(?:was\s+|is\s+)?not found\s+(?:on|in)\s+(?:the\s+)?(?:hugg?ing ?face|hub)\b|\b404\b\W{0,3}(?:model|repo(?:sitory)?|dataset)\s+[\w.-]+\/[\w.-]+\s+not found\b|\bis not a valid model identifier\b/i,
    ['not found', 'valid model identifier'],
  ),
  W(
    'repo-access-denied',
    7,
    /\b(?:repo(?:sitory)?|repo id|model id)\b[^\n]{0,20}\b(?:is|was|has been|got)\s+(?:made\s+)?(?:private|renamed|moved|deleted|removed)\b|\btypo in (?:the )?(?:repo|model|dataset)(?: ?id| name)?\b/i,
    ['private', 'renamed', 'moved', 'deleted', 'removed', 'typo'],
  ),
  // The network in people's words: a proxy or a firewall in the way, a machine or a job without internet.
  W(
    'network-error',
    7,
    /\bbehind (?:a |an |the |our |my )?(?:corporate |company |university |office )?(?:proxy|firewall)\b|\bno internet(?: access| connection| connectivity)?\b|\bwithout (?:an? )?internet(?: access| connection)?\b/i,
    ['proxy', 'firewall', 'internet'],
  ),
  // A token or an account that may read but not write, in people's words: "my token is read-only", "a read token
  // instead of a write token", "no write access to this repo", "not a member of the organization", "permission denied
  // when pushing to the hub" (not a file's PermissionError, nor git's publickey).
  W(
    'forbidden-403',
    8,
    new RegExp(
      String.raw`\b(?:read-only|read only|a read)\s+(?:HF\s+|hugg?ing ?face\s+|access\s+)?token\b|${CREDENTIAL_TOKEN}\s+(?:is|was)\s+read[- ]only\b|\b(?:no|don't have|do not have|doesn't have|does not have|without|lacks?|lacking|missing)\s+(?:the\s+)?write\s+(?:access|permission|role|rights?)\b|\bnot a member of (?:the |this |that )?(?:organi[sz]ation|org)\b|^(?!.*(?:publickey|Errno|PermissionError)).*\bpermission denied\b[^\n]{0,30}\b(?:push(?:ing)?|upload(?:ing)?|commit(?:ting)?)\b[^\n]{0,30}\b(?:hub|hugg?ing ?face|repo)\b`,
      'i',
    ),
    ['read', 'write', 'member', 'permission'],
  ),
  // A job stopped by its timeout, in people's words: "the job hit its timeout", "job stopped after 30 minutes", "killed
  // after the default 30 min timeout", "a longer timeout for my job".
  W(
    'job-timeout',
    9,
    /\bjob\b[^\n]{0,30}\b(?:hit|reached|exceeded|ran out of)\s+(?:its|the|a|my)\s+(?:default\s+)?(?:time ?out|time limit)\b|\bjob\b[^\n]{0,20}\b(?:stopped|was killed|got killed|ended|was cancell?ed|got cancell?ed|died)\s+after\s+(?:the\s+default\s+)?\d+\s*(?:min(?:ute)?s?|m|h|hours?)\b|\b(?:longer|increase|raise|extend)\s+(?:the\s+)?time ?out\s+(?:for|of|on)\s+(?:my|the|a|this)\s+job\b/i,
    ['job'],
  ),
  // An organization's token policy in people's words: "my org requires admin approval for tokens", "the organization
  // admin has to approve my token".
  W(
    'org-token-policy',
    10,
    new RegExp(
      String.raw`\b(?:org|organi[sz]ation)(?:'s)?\b[^\n]{0,40}\b(?:approv(?:e|al|ed))\b[^\n]{0,30}(?:${CREDENTIAL_TOKEN}|\btokens\b)|${CREDENTIAL_TOKEN}[^\n]{0,30}\b(?:needs?|requires?|awaiting|waiting for)\s+(?:an?\s+)?(?:admin(?:istrator)?\s+|org(?:anization)?\s+)?approval\b`,
      'i',
    ),
    ['approv'],
  ),
  // A job its id does not find: "job id not found", "could not find job 68a1...".
  W(
    'job-not-found',
    9,
    /\bjob(?:\s+id)?\s+(?:[0-9a-f]{6,}\s+)?(?:was\s+|is\s+)?not found\b|\bcould(?: not|n't) find (?:the |my |that )?job\b/i,
    ['job'],
  ),
  // The Hub out of reach in the languages people write their issues in, beside the Hub's name on the line ("无法连接到
  // huggingface.co", "No se puede conectar a huggingface.co", "Verbindung zu huggingface.co fehlgeschlagen",
  // "huggingface被墙了"), and Chinese's own words for a network timeout or error, which need no name ("网络超时").
  W(
    'network-error',
    8,
    /^(?=.*(?:hugg?ing ?face|hf\.co|hf-mirror|\bhub\b|抱抱脸)).*(?:无法连接|连接失败|连接超时|连接[^\n]{0,20}超时|无法访问|访问不了|连不上|被墙|接続できません|接続に失敗|タイムアウト|연결할 수 없|연결 실패|시간 초과|no se (?:puede|pudo) conectar|error de conexi[oó]n|impossible de (?:se )?connecter|[ée]chec de (?:la )?connexion|Verbindung[^\n]{0,40}fehlgeschlagen|keine Verbindung|n[ãa]o foi poss[ií]vel (?:se )?conectar|falha (?:na|de) conex[ãa]o|не удалось подключиться|ошибка (?:соединения|подключения)|нет подключения)/i,
    ['hugging', 'huging', 'hf.co', 'hf-mirror', 'hub', '抱抱脸'],
  ),
  W('network-error', 6, /网络(?:连接)?(?:超时|错误|异常|不通)/, ['网络']),
  // The gate, a token not given or refused, and a repo that is not there, in Chinese: "模型需要申请访问权限", "申请了访问
  // 权限还在审核中", "未设置 HF_TOKEN", "未登录 huggingface", "token 无效", "仓库不存在", "找不到模型".
  W(
    'gated-repo',
    9,
    /申请访问(?:权限)?|访问权限[^\n]{0,20}(?:审核|审批|批准)|没有(?:权限|访问权限)访问(?:该|这个|此)?(?:模型|仓库|数据集)|需要同意[^\n]{0,20}(?:协议|条款|许可)/,
    ['申请访问', '访问权限', '没有权限', '需要同意'],
  ),
  W(
    'token-missing',
    8,
    /(?:未设置|没有设置|未配置|没有配置|缺少|没有提供|未提供)\s*(?:HF_TOKEN|HUGGING_?FACE_HUB_TOKEN|(?:HF |hugg?ing ?face )?token|令牌)|^(?=.*(?:hugg?ing ?face|\bHF\b)).*(?:未登录|没有登录|没登录)/i,
    ['未设置', '没有设置', '未配置', '没有配置', '缺少', '没有提供', '未提供', '未登录', '没有登录', '没登录'],
  ),
  W('unauthorized-401', 7, new RegExp(String.raw`(?:${CREDENTIAL_TOKEN}|令牌)\s*(?:已)?(?:无效|失效|过期)`, 'i'), [
    '无效',
    '失效',
    '过期',
  ]),
  W('repo-access-denied', 8, /(?:仓库|模型|数据集)不存在|找不到(?:该|这个|此)?(?:模型|仓库|数据集)/, [
    '不存在',
    '找不到',
  ]),
  // The Hub's site in people's words when it does not answer: "huggingface.co is not loading", "Hugging Face website
  // won't load".
  W(
    'server-error',
    8,
    /\b(?:hugg?ing ?face(?:\.co)?|the hub)(?:\s+(?:website|site|page|hub))?\s+(?:is\s+)?(?:not|won't|doesn't|does not|isn't|is not)\s+load(?:ing)?\b/i,
    ['load'],
  ),
  // CloudFront, in front of the Hub, answering for an origin that failed: its error page ("The request could not be
  // satisfied") and its X-Cache header ("Error from cloudfront"; not "Hit from cloudfront", a cached answer).
  W('server-error', 7, /\bThe request could not be satisfied\b|\bError from cloudfront\b/i, [
    'satisfied',
    'cloudfront',
  ]),
  // A Hugging Face token said to have stopped working: "my HF token stopped working", "the token no longer works",
  // "huggingface token not working anymore". It is there but refused.
  W(
    'unauthorized-401',
    7,
    new RegExp(
      String.raw`(?:\b(?:HF|hugg?ing ?face|my|the|our|this|that|access|user access)\s+)${CREDENTIAL_TOKEN}[^\n.]{0,20}\b(?:stopped working|no longer works?|(?:is |was |are )?not working(?: any ?more)?|(?:does ?n[o']t|doesn't) work any ?more)\b`,
      'i',
    ),
    ['work'],
  ),
  // A token that is absent where a program printed its value: Python's "token=None" / "hf_token: None", JavaScript's
  // "token: undefined" or null, an empty string. Not a tokenizer's pad_token=None.
  W(
    'token-missing',
    8,
    new RegExp(
      String.raw`(?:\b(?:hf|hub|access|auth|use_auth|api|hugging_?face)_token|${CREDENTIAL_TOKEN})\s*[=:]\s*(?:None|null|undefined|''|"")(?=[\s,;)}\]]|$)`,
      'i',
    ),
    ['none', 'null', 'undefined', "''", '""'],
  ),
  // A thread's resolution that was giving the token: "It works after I logged in with huggingface-cli login", "solved
  // by running hf auth login", "fixed by exporting HF_TOKEN", "worked once I passed my token". The token was not there
  // (logging in again, or with a new token, mends a refused one instead).
  W(
    'token-missing',
    8,
    new RegExp(
      String.raw`^(?!.*\b(?:again|re-?log\w*|new token|regenerat\w*)\b).*\b(?:works?|worked|working|solved|fixed|resolved)\b[^\n]{0,40}\b(?:after|by|with|once|when)\b[^\n]{0,30}(?:\blog(?:ged|ging)? ?in\b|\blogin\(|\b(?:huggingface-cli|hf auth) login\b|\bexport(?:ed|ing)? HF_TOKEN\b|\bset(?:ting)? (?:the )?HF_TOKEN\b|\b(?:add|adding|added|pass|passing|passed|set|setting|give|giving|gave)\s+(?:in\s+)?(?:my|the|a|an)\s+(?:HF\s+|hugg?ing ?face\s+|access\s+)?${CREDENTIAL_TOKEN})`,
      'i',
    ),
    ['work', 'solved', 'fixed', 'resolved'],
  ),
  // An app asking for the Hugging Face token it has not got: "Add your HF token in the Colab secrets tab", "Enter your
  // Hugging Face token to continue" (the words of the login forms and notebooks).
  W(
    'token-missing',
    8,
    /\b(?:add|enter|paste|provide|set|insert)\s+(?:your|a)\s+(?:HF|hugg?ing ?face)\s+token\s+(?:in|to|into|before|first|here|below)\b/i,
    ['token'],
  ),
  // A job or a command run without the token's secret: "hf jobs run without --secrets HF_TOKEN", "the job has no
  // HF_TOKEN secret", a token said "not configured".
  W(
    'token-missing',
    8,
    new RegExp(
      String.raw`\bwithout\s+(?:the\s+)?(?:--secrets?\s+|-s\s+)HF_TOKEN\b|\bno\s+HF_TOKEN\s+(?:secret|env(?:ironment)?(?: variable)?|variable)\b|${CREDENTIAL_TOKEN}\s+(?:is\s+|was\s+)?(?:not|never)\s+configured\b|\bno\s+(?:HF\s+|hugg?ing ?face\s+)?${CREDENTIAL_TOKEN}\s+configured\b`,
      'i',
    ),
    ['hf_token', 'configured'],
  ),
  // The Hub out of reach in people's words beyond "is down": "Hugging Face seems to be down", "the hub appears down".
  W(
    'server-error',
    8,
    /\b(?:hugg?ing ?face(?:\.co)?|the hub|hf hub)\s+(?:seems|appears|looks)\s+(?:to be\s+)?(?:down|offline)\b/i,
    ['seems', 'appears', 'looks'],
  ),
  // The Rust hf-hub crate (candle, mistral.rs, text-embeddings-router) logs where it looked for the saved token and
  // found none: `[INFO hf_hub::api::sync] Token file not found "C:\Users\...\.cache\huggingface\token"`. With a 401
  // after it, the request went without a token.
  W('token-missing', 9, /\bToken file not found\b[^\n]*huggingface/i, ['token file not found']),
  // People asking where the token goes: they have one but never gave it to the program ("where do I put my token?",
  // "where exactly does the token fill out?", "where should the HF token be entered").
  W(
    'token-missing',
    8,
    new RegExp(
      String.raw`\bwhere\b[^\n.?!]{0,30}\b(?:put|enter|fill|add|set|paste|insert|place)\b[^\n.?!]{0,30}${CREDENTIAL_TOKEN}|\bwhere\b[^\n.?!]{0,30}${CREDENTIAL_TOKEN}[^\n.?!]{0,30}\b(?:fill(?:ed)?(?: out| in)?|put|entered|go(?:es)?|added|pasted|set)\b`,
      'i',
    ),
    ['where'],
  ),
  // A repository or an app said to need a Hugging Face token the user has not given: "Some repositories require HF
  // token access to download", "this model requires a Hugging Face token".
  W(
    'token-missing',
    8,
    /\b(?:requires?|required|needs?)\s+(?:an?\s+)?(?:valid\s+)?(?:HF|hugg?ing ?face)\s+(?:access\s+)?token\b(?!\s+(?:with|having)\b)/i,
    ['token'],
  ),
  // The dataset viewer's answer while it computes (libapi's ResponseNotReadyError): "The server is busier than usual and
  // the response is not ready yet. Please retry later." The Hub's side is the story.
  W('server-error', 10, /\bserver is busier than usual\b|\bresponse is not ready yet\b/i, [
    'busier than usual',
    'not ready yet',
  ]),
  // The token refused because its owner revoked, regenerated or rolled it while something still used it: "I recently
  // revoked/regenerated it without realizing that it was still in use", "I rolled my HF token ... it was being used".
  W(
    'unauthorized-401',
    7,
    new RegExp(
      String.raw`\b(?:revoked|regenerated|rotated|rolled|invalidated)\b[^\n]{0,60}\b(?:still (?:in use|being used|used)|was being used|without reali[sz]ing)\b|\b(?:I|we|I've|we've|I have|we have)\s+(?:just\s+|recently\s+|accidentally\s+)?(?:revoked|regenerated|rotated|rolled|invalidated|deleted)\s+(?:it\b|(?:my|the|our|that|this)\s+(?:old\s+)?(?:hf\s+|hugg?ing ?face\s+)?(?:access\s+|api\s+)?${CREDENTIAL_TOKEN})`,
      'i',
    ),
    ['revoked', 'regenerated', 'rotated', 'rolled', 'invalidated', 'deleted'],
  ),
  // A token that never reached the prompt because the terminal would not paste it (Windows cmd, PowerShell): what the
  // login then got was empty or cut, not the token ("I cannot paste my token in the token text box").
  W(
    'invalid-token-format',
    9,
    new RegExp(
      String.raw`\b(?:cannot|can ?not|can't|unable to|couldn't|could not|won't let me|doesn't let me|does not let me)\s+(?:\w+\s+){0,2}paste\b[^\n]{0,40}${CREDENTIAL_TOKEN}|\bpast(?:e|ing)\b[^\n]{0,30}${CREDENTIAL_TOKEN}[^\n]{0,30}\b(?:doesn't|does not|won't|didn't|did not) work\b`,
      'i',
    ),
    ['past'],
  ),
  // The Hub's gate in people's words: an access request still waiting or refused ("my access request is still showing
  // Status: Pending", "request to access ... rejected"). A pull request pending review is not a gate.
  W(
    'gated-repo',
    12,
    /\b(?:access request|request (?:for|to get) access|request to access)\b[^\n]{0,60}\b(?:pending|awaiting|rejected|denied|not (?:yet )?(?:approved|granted|accepted))\b/i,
    ['request'],
  ),
  // Session 12 (batch R's tune part). A token said not to have gone with the request: "fails due to token not being
  // passed", "the HF token is never forwarded to the worker", "HF_TOKEN wasn't sent", "the wrapper does not pass the
  // token". The Hub's 401 after it is what a request without a token gets.
  W(
    'token-missing',
    9,
    new RegExp(
      String.raw`(?:${CREDENTIAL_TOKEN}|\bHF_TOKEN\b)\s+(?:(?:is|was|are|were)\s+)?(?:not|never)\s+(?:being\s+|getting\s+)?(?:passed|sent|forwarded|propagated)\b(?!\s+(?:validation|the check)\b)|(?:${CREDENTIAL_TOKEN}|\bHF_TOKEN\b)\s+(?:isn't|wasn't|aren't|weren't)\s+(?:being\s+|getting\s+)?(?:passed|sent|forwarded|propagated)\b|\b(?:doesn't|does not|didn't|did not|don't|do not|never|forgot to|without)\s+(?:pass(?:ing)?|send(?:ing)?|forward(?:ing)?|propagat(?:e|ing))\s+(?:the|my|a|your|our|its)\s+(?:HF\s+|hugg?ing ?face\s+|auth\s+|access\s+)?(?:${CREDENTIAL_TOKEN}|HF_TOKEN\b)`,
      'i',
    ),
    ['pass', 'sen', 'forward', 'propagat'],
  ),
  // A Hub URL whose repo id is a value a program never filled in: Python's None (str(None)), JavaScript's null or
  // undefined, NaN, the parameter's own name (pretrained_model_name_or_path, model_id, repo_id), a README's PATH or
  // <your-model>, an f-string's {repo_id}. Such a repo does not exist, whatever the 401 or 404 it drew.
  W(
    'repo-access-denied',
    9,
    /\b(?:huggingface\.co|hf\.co|hf-mirror\.com)\/(?:api\/(?:models|datasets|spaces)\/|datasets\/|spaces\/)?(?:None|null|undefined|nan|NaN|PATH|pretrained_model_name_or_path|model_name_or_path|model_id|repo_id|model_name|\{\w+\}|<[\w.-]+>|YOUR_[A-Z_]+)(?=[/\s'".,)]|$)/,
    ['huggingface.co', 'hf.co', 'hf-mirror.com'],
  ),
  // A download cut mid-body in the Rust clients' Debug words (huggingface_hub's hf_xet, hf-hub, candle): reqwest's
  // `kind: Decode` or hyper's `Body` error with `UnexpectedEof` / `IncompleteBody` (the stream ended before the length
  // it announced). The network dropped the transfer.
  W('network-error', 8, /\b(?:reqwest|hyper)::Error\b[^\n]*\b(?:IncompleteBody|UnexpectedEof)\b/, [
    'incompletebody',
    'unexpectedeof',
  ]),
  // A token whose printed value is only control characters ('\x16', "\x03\x16", '\u0016'): what a terminal put in the
  // login prompt when Ctrl+V or Ctrl+C was pressed instead of pasting (rich's traceback shows the locals). Not a token at
  // all, so not in a usable form.
  W(
    'invalid-token-format',
    9,
    new RegExp(
      String.raw`(?:\b(?:hf|hub|access|auth|api|hugging_?face)_token\b|${CREDENTIAL_TOKEN})\s*[=:]\s*(['"])(?:\\x[01][0-9a-fA-F]|\\u00[01][0-9a-fA-F])+\1`,
      'i',
    ),
    ['\\x', '\\u00'],
  ),
  // A status in the other verbs people use for an answer: "huggingface.co responded with 502", "came back with a 401",
  // "keeps throwing 503", "the page shows a 504".
  W('unauthorized-401', 6, ANSWERED_WITH('401'), ANSWER_VERBS),
  W('forbidden-403', 4, ANSWERED_WITH('403'), ANSWER_VERBS),
  W('rate-limited', 6, ANSWERED_WITH('429'), ANSWER_VERBS),
  W('server-error', 8, ANSWERED_WITH('50[0234]'), ANSWER_VERBS),
  // A request said to have gone without the token: "I ran it without logging in", "downloading without a token",
  // "we never logged in on the runner", "I forgot to set HF_TOKEN", "the request was anonymous", "unauthenticated
  // requests". Not the Hub's rate limit for anonymous callers (its 429 says so).
  W(
    'token-missing',
    8,
    new RegExp(
      String.raw`\bwithout\s+(?:logging\s+in|being\s+logged\s+in|(?:any|a|an|my|the)\s+(?:HF\s+|hugg?ing ?face\s+|access\s+)?${CREDENTIAL_TOKEN}|authenticat(?:ion|ing))\b|\b(?:I|we|you)\s+(?:did\s+not|didn't|never|haven't|have\s+not|hadn't|forgot\s+to)\s+(?:log(?:ged)?\s*in|authenticat(?:e|ed)|set\s+(?:the\s+)?HF_TOKEN|export(?:ed)?\s+HF_TOKEN|pass(?:ed)?\s+(?:a|the|my|any)\s+${CREDENTIAL_TOKEN})\b|^(?!.*\b(?:rate|429|limit(?:ed)?)\b).*\b(?:requests?\s+(?:was|were|is|are)\s+(?:sent\s+)?(?:anonymous|unauthenticated)|(?:anonymous|unauthenticated)\s+requests?\b)`,
      'i',
    ),
    ['without', 'not', "n't", 'never', 'forgot', 'anonymous', 'unauthenticated'],
  ),
  // No Authorization header at all, in servers' and clients' words: "Authorization header is missing", "no
  // Authorization header was sent", "request without an Authorization header", "Authorization: Bearer" with nothing
  // after it. Not "Missing or invalid Authorization header" nor "missing Authorization header", which the Hub words
  // for either (classify-wordings.test.ts: a 401).
  W(
    'token-missing',
    9,
    /\bAuthorization header (?:is |was )?(?:missing|absent|empty|not (?:set|sent|present|provided))\b|\bno Authorization header\b|\bwithout (?:an? |the )?Authorization header\b|\bAuthorization:\s*Bearer\s*$/i,
    ['authorization'],
  ),
  // ZeroGPU's own words for the quota a Space visitor used up: "ZeroGPU quota exceeded (60s requested vs. 12s left)",
  // "GPU quota exceeded", "exceeded your free GPU quota".
  W(
    'rate-limited',
    10,
    /\b(?:ZeroGPU|GPU) quota exceeded\b|\bexceeded (?:your|the) (?:free |daily )?(?:ZeroGPU |GPU )quota\b/i,
    ['quota'],
  ),
  // A server said not to answer, then its 5xx: "Space is not responding: 502", "the endpoint is unavailable (503)".
  W(
    'server-error',
    7,
    /\b(?:not responding|unresponsive|unavailable|down|timing out|timed out)\b[^\n]{0,20}\b50[0234]\b(?!\s*(?:%|ms\b|s\b|[KMG]i?B\b|\.\d)|\s+(?!errors\b|responses\b|codes\b)[a-z]+s\b)/i,
    ['respond', 'unavailable', 'down', 'timing', 'timed'],
  ),
  // The Hub's side said to be the trouble: "HF is having issues right now", "Hugging Face is having an outage", "an
  // error on the Hub side", "a problem on Hugging Face's side".
  W(
    'server-error',
    8,
    /\b(?:hugg?ing ?face(?:\.co)?|HF|the hub|hf hub)\s+(?:is|are|was|seems to be)\s+having\s+(?:some\s+|an?\s+)?(?:issues?|problems?|an outage|outages|trouble|difficulties)\b|\b(?:error|issue|problem|outage|bug|failure)s?\b[^\n]{0,40}\bon (?:the )?(?:hub|hugg?ing ?face|HF)(?:'s)? (?:side|end)\b/i,
    ['having', 'side', 'end'],
  ),
  // A token said not valid in the other ways people put it: "token not valid", "my token is no longer valid", "your token
  // seems to be invalid", "the token looks expired".
  W(
    'unauthorized-401',
    7,
    new RegExp(
      String.raw`${CREDENTIAL_TOKEN}\s+(?:(?:is|was)\s+)?(?:not|no\s+longer)\s+valid\b|${CREDENTIAL_TOKEN}\s+(?:seems|appears|looks)\s+(?:to\s+be\s+)?(?:invalid|expired|wrong|bad|incorrect|revoked)\b`,
      'i',
    ),
    ['valid', 'seems', 'appears', 'looks'],
  ),
  // People asking how to give the token, or saying the program never asked for it or never read it: "how do I pass my
  // Hugging Face token to the loader?", "is there a way to specify the HF token?", "support for passing an HF token",
  // "I set the token in .env but the app does not read it", "it asks me for a token" / "prompts for a huggingface token"
  // (in a job nobody can answer), "no cached token". The program went without it.
  W(
    'token-missing',
    8,
    new RegExp(
      String.raw`\b(?:how|where|way)\b[^\n.?!]{0,30}\b(?:pass|provide|specify|supply|give|use)\s+(?:in\s+)?(?:my|the|a|an|our|your)\s+(?:own\s+)?(?:HF\s+|hugg?ing ?face\s+|access\s+|auth\s+)?${CREDENTIAL_TOKEN}|\bsupport\s+(?:for\s+)?(?:passing|providing|specifying|using)\s+(?:a|an|the|my)\s+(?:HF\s+|hugg?ing ?face\s+|access\s+)?${CREDENTIAL_TOKEN}|${CREDENTIAL_TOKEN}[^\n]{0,40}\b(?:does not|doesn't|did not|didn't|never)\s+(?:read|pick(?:s|ed)?\s+up|load|see)\s+(?:it|the\s+token|HF_TOKEN)\b|\b(?:asks?|asking|asked|prompts?|prompting|prompted)\s+(?:me\s+|you\s+|us\s+)?for\s+(?:a|an|my|the|your)\s+(?:HF\s+|hugg?ing ?face\s+|access\s+)?${CREDENTIAL_TOKEN}|\bno\s+(?:cached|saved|stored)\s+(?:HF\s+|hugg?ing ?face\s+)?${CREDENTIAL_TOKEN}`,
      'i',
    ),
    ['how', 'where', 'way', 'support', 'read', 'pick', 'load', 'see', 'ask', 'prompt', 'cached', 'saved', 'stored'],
  ),
  // Authentication with the Hub said to fail, in people's words: "Authentication with the Hub failed", "authentication
  // error when downloading from hugging face", "unauthorized access to huggingface.co", "the token I generated does not
  // work". A token went and was refused.
  W(
    'unauthorized-401',
    7,
    new RegExp(
      String.raw`\bauthenticat(?:ion|ing)\s+(?:with|to|against|on)\s+(?:the\s+)?(?:hub|hugg?ing ?face(?:\.co)?|HF)\s+(?:failed|fails|error)\b|\bauthentication\s+(?:error|failure|failed)\s+(?:when|while|on)\b[^\n]{0,30}\b(?:hugg?ing ?face|the hub|HF)\b|\bunauthori[sz]ed access to (?:huggingface\.co|hugg?ing ?face|the hub)\b|${CREDENTIAL_TOKEN}\s+(?:I|we)\s+(?:just\s+)?(?:generated|created|made|got|copied)\s+(?:does not|doesn't|did not|didn't|will not|won't)\s+work\b`,
      'i',
    ),
    ['authenticat', 'unauthori', 'work'],
  ),
  // The Hub's servers said down in people's words: "Hugging Face servers are down", "HF's servers seem overloaded".
  W(
    'server-error',
    8,
    /\b(?:hugg?ing ?face(?:\.co)?|HF|the hub)(?:'s)?\s+servers?\s+(?:(?:is|are|was|were|seems?|appears?)\s+)?(?:to be\s+)?(?:down|offline|overloaded|unreachable|not responding)\b/i,
    ['server'],
  ),
  // Requests said too fast or throttled, in people's words: "you are sending requests too quickly", "HF throttles my
  // downloads", "being throttled by the Hub".
  W(
    'rate-limited',
    7,
    /\brequests?\s+too\s+(?:quickly|fast|frequently|often)\b|\b(?:hugg?ing ?face|HF|the hub)\s+throttl(?:e|es|ed|ing)\b|\bthrottl(?:ed|ing)\s+by\s+(?:the\s+)?(?:hub|hugg?ing ?face|HF)\b/i,
    ['too', 'throttl'],
  ),
  // HF Jobs' thin ids in more of people's words. A job said to time out ("my HF job times out after 30m", "the job keeps
  // timing out"), to exceed its maximum duration, a jobs timeout said too short; a job said not to exist ("no such job",
  // "hf jobs inspect says it does not exist", "cannot find my job"); an organization said to require its tokens approved.
  W(
    'job-timeout',
    9,
    /\b(?:my|the|this|our|HF|hf)\s+jobs?\s+(?:always\s+|keeps?\s+|still\s+|just\s+)?tim(?:es|ed|ing)\s+out\b|\bjob\b[^\n]{0,30}\bexceeded\s+(?:the|its)\s+(?:maximum|max)\s+(?:duration|runtime|run ?time)\b|\btime ?out\s+(?:of|for|on)\s+(?:hf\s+)?jobs?\s+(?:is|was)\s+too\s+short\b/i,
    ['job'],
  ),
  W(
    'job-not-found',
    9,
    /\bno such job\b|\bjobs?\b[^\n]{0,30}\b(?:does not|doesn't|did not|didn't) exist\b|\b(?:can't|cannot|can not|couldn't|could not)\s+find\s+(?:my|the|this|that)\s+job\b(?!\s+(?:file|config|definition|yaml|script|spec)\b)/i,
    ['job'],
  ),
  W(
    'org-token-policy',
    10,
    new RegExp(
      String.raw`\b(?:org|organi[sz]ation)(?:'s)?\b[^\n]{0,40}\b(?:requires?|needs?)\b[^\n]{0,30}(?:${CREDENTIAL_TOKEN}|\btokens\b)[^\n]{0,20}\bapprov(?:ed|al)\b`,
      'i',
    ),
    ['approv'],
  ),
  // A Hugging Face token said not set, or invalid, in more of the languages issues are written in, with Hugging Face named on
  // the line (a bot's or another site's token is not it): Japanese "トークンが設定されていません", Korean "토큰이 설정되지
  // 않았습니다", Russian "не задан токен Hugging Face", Portuguese "token ... não está definido", French "le token ...
  // n'est pas défini" / "jeton ... invalide"; Russian's present tense for the Hub out of reach ("не удается
  // подключиться к huggingface.co").
  W(
    'token-missing',
    8,
    /^(?=.*(?:hugg?ing ?face|\bHF(?:_TOKEN)?\b)).*(?:トークン(?:が|は)?(?:設定されていません|見つかりません|ありません|未設定)|토큰(?:이|을)?\s*(?:설정되지|없습니다|찾을 수 없)|(?:не\s+(?:задан|указан|установлен|найден)|отсутствует)[^\n]{0,30}токен|токен[^\n]{0,30}(?:не\s+(?:задан|указан|установлен|найден)|отсутствует)|\btoken\b[^\n]{0,30}\bn[ãa]o (?:est[áa] )?(?:definido|configurado|encontrado)|\b(?:token|jeton)\b[^\n]{0,30}\bn'est pas (?:d[ée]fini|configur[ée]|trouv[ée])|\b(?:token|jeton) (?:manquant|introuvable))/i,
    ['トークン', '토큰', 'токен', 'token', 'jeton'],
  ),
  W(
    'unauthorized-401',
    7,
    /^(?=.*(?:hugg?ing ?face|\bHF(?:_TOKEN)?\b)).*(?:トークンが無効|토큰이 유효하지 않|(?:неверный|недействительный|невалидный)\s+токен|токен[^\n]{0,20}(?:недействителен|неверный|истёк|истек)|\bjeton\b[^\n]{0,30}\binvalide\b|\b(?:token|jeton)\s+invalide\b)/i,
    ['トークン', '토큰', 'токен', 'jeton', 'token'],
  ),
  W(
    'network-error',
    8,
    /^(?=.*(?:hugg?ing ?face|hf\.co|hf-mirror|\bhub\b)).*не\s+уда[её]тся\s+(?:подключиться|соединиться)/i,
    ['не уда'],
  ),
  // An access request said not approved yet ("I requested access to Llama 3 but have not been approved yet", "applied
  // for access, still waiting"); a token said to have read-only scope or to lack a named permission ("token has read-only
  // scope", 'the token lacks the "Make calls to Inference Providers" permission'); a repo id in quotes said not found
  // ('Model "acme/foo" not found'; not ollama's own library, "model 'x' not found, try pulling it first").
  W(
    'gated-repo',
    10,
    /\b(?:requested|applied for|asked for)\s+access\b[^\n]{0,60}\b(?:not\s+(?:yet\s+)?(?:been\s+)?(?:approved|granted|accepted)|(?:still\s+)?(?:pending|waiting))\b|\b(?:have|has)\s*(?:not|n't)\s+been\s+(?:approved|granted)\s+(?:yet\s+)?(?:for|to)\s+(?:access|use)\b/i,
    ['access'],
  ),
  W(
    'forbidden-403',
    8,
    new RegExp(
      String.raw`${CREDENTIAL_TOKEN}\s+(?:has|with|of)\s+(?:a\s+|only\s+)?read-?only\s+(?:scope|permissions?|access|role)\b|${CREDENTIAL_TOKEN}\s+(?:lacks|is\s+missing|does\s+not\s+have|doesn't\s+have|has\s+no)\s+(?:the\s+)?(?:"[^"\n]{1,60}"\s+|[\w-]+\s+){0,3}(?:permission|scope|right)s?\b`,
      'i',
    ),
    ['read', 'lack', 'missing', 'have', 'has no'],
  ),
  W(
    'repo-access-denied',
    8,
    /\b(?:model|repo(?:sitory)?|dataset)\s+["'\x60][\w.-]+\/[\w.-]+["'\x60]\s+(?:was\s+|is\s+)?not found\b(?!,?\s*try pulling)/i,
    ['not found'],
  ),
  // The network in more of people's words: a firewall, proxy or network said to block the Hub ("my company firewall blocks
  // huggingface.co"), a DNS lookup said to fail, a download said to stall or hang; credits said run out ("I ran out of
  // inference credits", payment-required).
  W(
    'network-error',
    8,
    /\b(?:firewall|proxy|VPN|network|ISP|country|GFW)\b[^\n]{0,30}\bblock(?:s|ed|ing)?\b[^\n]{0,30}(?:hugg?ing ?face|hf\.co|the hub)|\bDNS\b[^\n]{0,30}\b(?:fail(?:ed|s|ure)?|error|timed out|timeout)\b|\bdownloads?\b[^\n]{0,40}\b(?:stall(?:s|ed|ing)?|hangs?|hanging|(?:gets?|got|is)\s+stuck)\b/i,
    ['block', 'dns', 'stall', 'hang', 'stuck'],
  ),
  W('payment-required', 8, /\bran out of\s+(?:(?:\w+\s+){0,2})?credits?\b|\bout of (?:\w+\s+)?credits\b/i, ['credit']),
  // A program said not authenticated (no token given to it): "not authenticated with huggingface", "you are not
  // authenticated", "isn't authenticated yet". Another service's login is left to the foreign rules.
  W(
    'token-missing',
    8,
    /\b(?:not|isn't|aren't|wasn't|weren't|never)\s+(?:yet\s+)?authenticated\b(?![^\n]{0,20}\bwith\s+(?:github|google|openai|aws|azure|gcp|docker)\b)/i,
    ['authenticated'],
  ),
];
