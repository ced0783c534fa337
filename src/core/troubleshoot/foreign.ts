// Another service's own error, recognised by what only that service prints (issue 14, sessions 11-12): a status, a
// repository not found, a log-in or a gate in such a text is that service's, none of the catalog's problems, unless the Hub's own words or hosts are in the text too (an
// OpenAI SDK pointed at the Hugging Face router prints OpenAI's class names around the Hub's answer).

/**
 * What only another service prints: OpenAI's key refusal ("Incorrect API key provided: sk-...", its key page
 * platform.openai.com) and quota ("insufficient_quota"), Anthropic's "invalid x-api-key", GitHub's REST rate limit ("API
 * rate limit exceeded for <IP>") and git's refusal of a password ("Support for password authentication was removed on
 * August 13, 2021"), Docker Hub's "toomanyrequests: You have reached your pull rate limit", Google's client library
 * (google.api_core.exceptions), npm's "npm ERR!", W&B's client ("wandb: ERROR", "W&B API"), Anthropic's
 * "overloaded_error", git over SSH to GitHub, GitLab or Bitbucket, and a URL on those services' own API hosts; and
 * (session 12) AWS's, Kaggle's, Docker's and other services' SDKs by their own words or exception modules.
 */
const FOREIGN_SIGNATURE = new RegExp(
  [
    String.raw`\bIncorrect API key provided: sk-`,
    String.raw`\bplatform\.openai\.com\b`,
    String.raw`\binsufficient_quota\b`,
    String.raw`\binvalid x-api-key\b`,
    String.raw`\bAPI rate limit exceeded for \d{1,3}(?:\.\d{1,3}){3}\b`,
    String.raw`\bSupport for password authentication was removed on August 13, 2021\b`,
    String.raw`\btoomanyrequests: You have reached your pull rate limit\b`,
    String.raw`\bgoogle\.api_core\.exceptions\.`,
    String.raw`^npm ERR! `,
    String.raw`\bW&B API\b|^wandb: ERROR\b`,
    String.raw`\boverloaded_error\b`,
    String.raw`\bgit@(?:github\.com|gitlab\.com|bitbucket\.org):`,
    String.raw`https?:\/\/(?:[\w-]+\.)*(?:openai\.com|anthropic\.com|replicate\.com|groq\.com|openrouter\.ai|together\.xyz|mistral\.ai|cohere\.(?:ai|com)|deepseek\.com|docker\.io|docker\.com|pypi\.org|pythonhosted\.org|wandb\.ai|npmjs\.org|generativelanguage\.googleapis\.com)\b`,
    // Session 12. AWS's Python SDK (botocore/exceptions.py ClientError.MSG_TEMPLATE: "An error occurred ({error_code}) when
    // calling the {operation_name} operation: {error_message}"; NoCredentialsError: "Unable to locate credentials").
    String.raw`\bAn error occurred \([\w.]+\) when calling the \w+ operation\b|\bbotocore\.exceptions\.|\bUnable to locate credentials\b`,
    // Kaggle's API client and kagglehub (kaggle.rest.ApiException, the kaggle.json it reads its key from).
    String.raw`\bkaggle(?:hub)?\.(?:rest|exceptions|api)\.|\bkaggle\.json\b`,
    // The Docker daemon's and BuildKit's words for a registry (a local `docker pull` or build, not a job's image).
    String.raw`^\s*Error response from daemon:|\bfailed to authorize: failed to fetch (?:anonymous|oauth) token\b`,
    // Other services' Python SDKs by their exception's module (groq.AuthenticationError, cohere.errors..., mistralai...,
    // comet_ml.exceptions.InvalidAPIKey, github.GithubException...): not OpenAI's, which people point at the Hub's router.
    String.raw`(?<![\w.\/-])(?:groq|cohere|mistralai|comet_ml|pinecone|replicate|google\.auth|azure\.core|azure\.identity|telegram|discord|github|gitlab|jwt|boto3)\.(?:[\w]+\.){0,3}\w*(?:Error|Exception|InvalidAPIKey|InvalidToken|LoginFailure)\b`,
    // GitHub's REST body for a refused token ({"message": "Bad credentials"}, "Bad credentials - https://docs.github.com/rest"),
    // a container registry's refusal as the Docker client prints it ("denied: Your authorization token has expired"),
    // and the experiment trackers' clients (comet_ml, neptune, mlflow).
    String.raw`\bBad credentials(?=\s*(?:["'}]|[-—]\s*https:\/\/docs\.github\.com|$))|^\s*denied: |\bcomet_ml\b|\b(?:neptune|mlflow)\.exceptions\.`,
    // FastAPI's security classes refusing a request to an app's own API (fastapi/security/http.py, oauth2.py: an
    // HTTPException with detail="Not authenticated"), as the client prints the JSON body or the exception.
    String.raw`["']detail["']\s*:\s*["']Not authenticated["']|\bfastapi\.exceptions\.HTTPException\b`,
    // Another service named for the token or key in question ("Discord bot token is invalid", "The Slack token is
    // invalid", "Cloudflare: Invalid API Token", "Stripe: No API key provided"): a log-in to that service.
    String.raw`\b(?:Discord|Slack|Dropbox|Stripe|Twilio|Cloudflare|Telegram|Notion|Firebase|Supabase|Shopify|Spotify|Twitter|Airtable|SendGrid|Mailgun|Pinecone|Weaviate|Qdrant|Cohere|Groq|Mistral|Anthropic|OpenAI|Gemini|Replicate|DeepSeek|Perplexity|ElevenLabs|AssemblyAI|Deepgram|GitHub|GitLab|Bitbucket|Vercel|Netlify|Heroku|Dropbox|ngrok)(?:'s)?(?: bot| app| API| access| auth| refresh| session| personal access)? (?:token|api[ _-]?key|key|credentials)\b|^\s*(?:Stripe|Twilio|Cloudflare|Firebase|Dropbox|Slack|Discord|ngrok):`,
    // OpenAI's model_not_found for one of its own models (a name without a namespace; a Hub repo id has one).
    String.raw`\bThe model [\x60'"][^\x60'"\/\s]+[\x60'"] does not exist or you do not have access to it\b`,
    // GitHub and GitLab only as git's remote or the REST API, not a link to an issue or a project page beside the error.
    String.raw`\bapi\.github\.com\b|https?:\/\/(?:github\.com|gitlab\.com|bitbucket\.org)\/[^\s'"]+\.git\b|^(?:fatal|remote|To)\b[^\n]*https?:\/\/(?:github\.com|gitlab\.com|bitbucket\.org)\/`,
  ].join('|'),
  'im',
);

/**
 * The Hub's or its clients' own words: a Hub host, huggingface_hub and its errors, the Hub's bodies for a token it
 * refused or a repo it hides or gates, a Hugging Face token's variable, Hugging Face's own repositories on GitHub (the
 * datasets library read its loading scripts from raw.githubusercontent.com/huggingface/), the clients' download calls.
 */
const HUB_OWN =
  /\b(?:huggingface\.co|hf\.co|hf\.space|hf-mirror\.com)\b|\b(?:github\.com|githubusercontent\.com)\/huggingface\/|\b(?:load_dataset|from_pretrained|snapshot_download|hf_hub_download)\b|huggingface_hub|\bHfHubHTTPError\b|\bHF_TOKEN\b|HUGGING_?FACE\w*_(?:TOKEN|API_KEY)|Invalid credentials in Authorization header|Repository Not Found for url|RepositoryNotFoundError|GatedRepoError|Cannot access gated repo/i;

/** Another service's own error, and nothing of the Hub's own in the text. */
export function foreignSignatureOnly(text: string): boolean {
  return FOREIGN_SIGNATURE.test(text) && !HUB_OWN.test(text);
}

/**
 * A line that is another service's own (its signature on it, nothing of the Hub's), in a text that may be the Hub's
 * too: a training log that downloaded from the Hub and then failed on W&B's key, OpenAI's, S3's or a registry's. Its
 * status, log-in or gate is that service's (session 12).
 */
export function foreignLine(line: string): boolean {
  return FOREIGN_SIGNATURE.test(line) && !HUB_OWN.test(line);
}

/** A URL in the text, and the Hub's hosts (Inference Endpoints' huggingface.cloud among them). */
const ANY_URL = /\bhttps?:\/\/(?:[^@\s/'"]+@)?([\w.-]+)/gi;
const HUB_HOSTNAME = /(?:^|\.)(?:huggingface\.co|hf\.co|hf\.space|hf-mirror\.com|huggingface\.cloud)$/i;
/** A local address (the sandbox Hub, a mirror or proxy people run): never taken for another service. */
const LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|[\w-]+)$/i;
/** A status the catalog's ids are about, as a number: 401, 402, 403, 429, 5xx. */
const STATUS_NUMBER = /(?<![\w.:\/-])(?:40[123]|429|5\d\d)(?![\w.\/-]|:\d)/;

/**
 * The text's URLs are all on other public hosts (a wget of zenodo.org, a curl of another API; a local address or a bare
 * host name, where the sandbox Hub or a mirror may run, counts for neither side) and a status is
 * stated on a URL's line or the line next to it: the status is that host's. Prose that only links a page (a notebook, an
 * issue) beside words about a token is not such a text. The caller checks that nothing else in the text names the Hub.
 */
export function onlyForeignUrls(text: string): boolean {
  const lines = text.split('\n');
  let near = false;
  for (let i = 0; i < lines.length; i++) {
    const hosts = [...lines[i]!.matchAll(ANY_URL)].map((m) => m[1]!).filter((h) => !LOCAL_HOST.test(h));
    if (hosts.some((h) => HUB_HOSTNAME.test(h))) return false;
    if (hosts.length && [lines[i - 1], lines[i], lines[i + 1]].some((l) => l !== undefined && STATUS_NUMBER.test(l)))
      near = true;
  }
  return near;
}
