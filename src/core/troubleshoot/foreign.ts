// Another service's own error, recognised by what only that service prints (issue 14, session 11): a status, a
// repository not found, a log-in or a gate in such a text is that service's, none of the catalog's problems, unless the Hub's own words or hosts are in the text too (an
// OpenAI SDK pointed at the Hugging Face router prints OpenAI's class names around the Hub's answer).

/**
 * What only another service prints: OpenAI's key refusal ("Incorrect API key provided: sk-...", its key page
 * platform.openai.com) and quota ("insufficient_quota"), Anthropic's "invalid x-api-key", GitHub's REST rate limit ("API
 * rate limit exceeded for <IP>") and git's refusal of a password ("Support for password authentication was removed on
 * August 13, 2021"), Docker Hub's "toomanyrequests: You have reached your pull rate limit", Google's client library
 * (google.api_core.exceptions), npm's "npm ERR!", W&B's client ("wandb: ERROR", "W&B API"), Anthropic's
 * "overloaded_error", git over SSH to GitHub, GitLab or Bitbucket, and a URL on those services' own API hosts.
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
