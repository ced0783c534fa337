// The facts an error text states about itself: the URL, HTTP status, namespace, repo (with its type), job id and
// the kind of token it names. Answers use them ("you are not a member of acme-org", "hf jobs logs --namespace
// acme-org ID") instead of generic words. Pure: text in, facts out; nothing is fetched.
import type {RepoKind} from '../checks/types.js';
import {DEFAULT_ENDPOINT} from '../endpoint.js';
import {isSandboxEndpoint} from '../practice.js';
import {maskSecrets} from '../tokens/mask.js';

export interface TextFacts {
  /** The first Hub URL in the text (query string dropped). */
  url?: string;
  /** The HTTP status the text reports (the first one that is an error). */
  status?: number;
  /** The namespace the failing request was about (an org or a user). */
  namespace?: string;
  repo?: {type: RepoKind; namespace: string; name: string};
  /** A job id (24 hexadecimal characters) with the namespace it was looked up under, when the URL says. */
  job?: {id: string; namespace?: string};
  /** "read", "write", "fineGrained" when the text names the kind of token. */
  tokenKind?: 'read' | 'write' | 'fineGrained';
}

const NAME = String.raw`[A-Za-z0-9][\w.-]{0,95}`;
const TYPE_OF: Record<string, RepoKind> = {
  models: 'model',
  model: 'model',
  datasets: 'dataset',
  dataset: 'dataset',
  spaces: 'space',
  space: 'space',
};

/** Reads the facts out of an error text. Only the first 64 KB are read: the facts sit near the error line. */
export function extractFacts(input: string): TextFacts {
  const text = input.length > 65536 ? input.slice(0, 32768) + '\n' + input.slice(-32768) : input;
  const facts: TextFacts = {};
  const url = /https?:\/\/[^\s'"`<>()]+/.exec(text);
  if (url) facts.url = url[0].replace(/[?#].*$/, '').replace(/[.,;:]+$/, '');
  const status =
    /(?:\b|')([45]\d\d) (?:Client Error|Server Error|Unauthorized|Forbidden|Not Found|Payment Required|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out|Bad Request|Conflict)\b|status(?: code)?[ :=]+([45]\d\d)\b|HTTP\/[\d.]+ ([45]\d\d)\b/i.exec(
      text,
    );
  if (status) facts.status = Number(status[1] ?? status[2] ?? status[3]);
  const job = new RegExp(String.raw`/api/jobs/(${NAME})/([0-9a-f]{24})\b`).exec(text);
  if (job) facts.job = {namespace: job[1]!, id: job[2]!};
  else {
    const id = /\bJob ([0-9a-f]{24})\b|\bjob[_ ]id[=: "']+([0-9a-f]{24})\b|\b([0-9a-f]{24})\b/i.exec(text);
    if (id) facts.job = {id: (id[1] ?? id[2] ?? id[3])!.toLowerCase()};
  }
  const jobsNs = new RegExp(String.raw`/api/jobs/(${NAME})(?:[/'"\s.]|$)`).exec(text);
  const under = new RegExp(
    String.raw`(?:create|rights to [\w ]+?) an? (model|dataset|space) under (?:the )?namespace "(${NAME})"`,
    'i',
  ).exec(text);
  const apiRepo = new RegExp(String.raw`/api/(models|datasets|spaces)/(${NAME})/(${NAME})`).exec(text);
  const pageRepo = new RegExp(
    String.raw`huggingface\.co/(?:(datasets|spaces)/)?(${NAME})/(${NAME})(?:/resolve|/tree|/blob|['"\s/]|$)`,
  ).exec(text);
  const quoted = new RegExp(
    String.raw`(?:repo(?:_id)?|Repository|model|dataset)[ =:]+['"](${NAME})/(${NAME})['"]`,
    'i',
  ).exec(text);
  if (apiRepo) facts.repo = {type: TYPE_OF[apiRepo[1]!]!, namespace: apiRepo[2]!, name: apiRepo[3]!.replace(/\.$/, '')};
  else if (
    pageRepo &&
    !['api', 'settings', 'docs', 'join', 'login', 'oauth', 'pricing', 'blog'].includes(pageRepo[2]!)
  ) {
    facts.repo = {
      type: pageRepo[1] ? TYPE_OF[pageRepo[1]]! : 'model',
      namespace: pageRepo[2]!,
      name: pageRepo[3]!.replace(/\.$/, ''),
    };
  } else if (quoted)
    facts.repo = {type: /dataset/i.test(quoted[0]) ? 'dataset' : 'model', namespace: quoted[1]!, name: quoted[2]!};
  if (under) {
    facts.namespace = under[2]!;
    if (!facts.repo) facts.repo = undefined;
  } else if (jobsNs) facts.namespace = jobsNs[1]!;
  else if (facts.repo) facts.namespace = facts.repo.namespace;
  if (!facts.repo) delete facts.repo;
  dropTokens(facts);
  if (/fine-?grained token/i.test(text)) facts.tokenKind = 'fineGrained';
  else if (/\bread(?:-only)? token\b|token role: read\b/i.test(text)) facts.tokenKind = 'read';
  else if (/\bwrite token\b|token role: write\b/i.test(text)) facts.tokenKind = 'write';
  return facts;
}

/**
 * A name that is a token is no fact: a token passed where a repo id goes (`snapshot_download(token)` is
 * `…/api/models/hf_…/revision/main`) was asked about live, the token sent to the Hub in a URL's path.
 */
function dropTokens(facts: TextFacts): void {
  const token = (s: string | undefined) => s !== undefined && maskSecrets(s) !== s;
  if (token(facts.namespace)) delete facts.namespace;
  if (facts.repo && (token(facts.repo.namespace) || token(facts.repo.name))) delete facts.repo;
  if (facts.job && token(facts.job.namespace)) delete facts.job.namespace;
  if (token(facts.url)) delete facts.url;
}

/** A URL or host of the public Hub: huggingface.co or hf.co (any subdomain: cdn-lfs.huggingface.co). */
const PUBLIC_HUB = /(?:^|[^\w.-])(?:https?:\/\/)?(?:[\w-]+\.)*(?:huggingface\.co|hf\.co)(?![\w.-]*\w)/i;

/**
 * A Hub request to a local address (the sandbox): `http://127.0.0.1:PORT/api/…`, a repo, job or settings page there.
 * A bare local URL is not enough: tracebacks name local servers of all kinds (a Gradio app on :7860, an inference
 * server on :8080).
 */
const SANDBOX_URL =
  /\bhttps?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d{1,5}(?=\/(?:api|datasets|spaces|models|jobs|settings)\/|\/[\w.-]+\/[\w.-]+\/resolve\/)/i;

/**
 * The Hub a pasted text came from when it is not the Hub the app runs on, or undefined: on the sandbox, a text that
 * names huggingface.co (a URL or host) and not the sandbox's own address was printed by a real client talking to the
 * real Hub, so it is answered for that Hub (its token pages, its billing), not with the sandbox's practice tokens. On
 * huggingface.co (or another Hub), a text whose Hub requests went to a local sandbox address
 * (`http://127.0.0.1:PORT/api/…`), and none to the app's Hub's API, is answered for that sandbox (its practice tokens,
 * no billing).
 */
export function textHub(text: string, endpoint: string): string | undefined {
  const sample = text.length > 65536 ? text.slice(0, 32768) + '\n' + text.slice(-32768) : text;
  let host: string;
  try {
    host = new URL(endpoint).host;
  } catch {
    return undefined;
  }
  if (!isSandboxEndpoint(endpoint)) {
    const local = SANDBOX_URL.exec(sample);
    // A request to the app's own Hub's API in the same text leaves it ambiguous: answered for the app's Hub. (A docs
    // link to huggingface.co in a hint does not count.)
    if (!local || sample.toLowerCase().includes(`//${host.toLowerCase()}/api/`)) return undefined;
    return local[0].toLowerCase().replace('localhost', '127.0.0.1');
  }
  if (sample.includes(host) || /\b(?:127\.0\.0\.1|localhost)\b/.test(sample)) return undefined;
  return PUBLIC_HUB.test(sample) ? DEFAULT_ENDPOINT : undefined;
}
