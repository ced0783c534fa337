// The "fix it for me" edit of hf-job.json: the token goes to `secrets` under the name huggingface_hub reads
// (HF_TOKEN), as "$HF_TOKEN" (filled in from the login at submit time). Pure: text in, text out, through jobspec.
import {parseJobConfig, serializeJobConfig, type JobConfig} from '../jobspec/index.js';
import {isTokenPlaceholder, looksLikeRealToken} from '../jobspec/placeholder.js';

export interface Repair {
  /** The new hf-job.json text (never contains a token). */
  text: string;
  /** One sentence per change, e.g. `moved HF_TOKEN from "env" to "secrets"`. */
  changes: string[];
}

const TOKEN_NAMES = new Set(['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN']);

/** Does this entry carry the token (the placeholder, a real-looking token, or a name that says token)? */
function carriesToken(key: string, value: string): boolean {
  return (
    isTokenPlaceholder(value) ||
    looksLikeRealToken(value) ||
    /^hf_/.test(value) ||
    (/token/i.test(key) && /\$\{?\w*TOKEN\}?/.test(value))
  );
}

/** Loose read for a config parseJobConfig refuses (e.g. a token written in it): JSON only. */
function looseParse(text: string): JobConfig | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as JobConfig) : undefined;
  } catch {
    return undefined;
  }
}

export function repairConfig(text: string, fallback: JobConfig): Repair | {error: string} {
  const parsed = parseJobConfig(text);
  const config: JobConfig | undefined = parsed.ok ? {...parsed.config} : looseParse(text);
  if (!config) {
    const first = parsed.ok ? undefined : parsed.errors[0];
    return {
      error: `hf-job.json cannot be read${first ? ` (line ${first.line}: ${first.message})` : ''}: rewrite it from the example instead.`,
    };
  }
  const changes: string[] = [];
  const env = {...(config.env ?? {})};
  const secrets = {...(config.secrets ?? {})};

  for (const [key, value] of Object.entries(env)) {
    if (!TOKEN_NAMES.has(key) && !carriesToken(key, value)) continue;
    delete env[key];
    if (!('HF_TOKEN' in secrets)) secrets.HF_TOKEN = '$HF_TOKEN';
    changes.push(`moved ${key} from "env" (shown in the job's details) to "secrets" as HF_TOKEN`);
  }
  for (const [key, value] of Object.entries(secrets)) {
    if (key === 'HF_TOKEN') continue;
    if (!TOKEN_NAMES.has(key) && !carriesToken(key, value)) continue;
    delete secrets[key];
    if (!('HF_TOKEN' in secrets)) secrets.HF_TOKEN = '$HF_TOKEN';
    changes.push(`renamed the secret ${key} to HF_TOKEN (the name huggingface_hub reads)`);
  }
  if (secrets.HF_TOKEN !== undefined && !isTokenPlaceholder(secrets.HF_TOKEN)) {
    const wasToken = looksLikeRealToken(secrets.HF_TOKEN) || /^hf_/.test(secrets.HF_TOKEN);
    secrets.HF_TOKEN = '$HF_TOKEN';
    changes.push(
      wasToken
        ? 'replaced the token written in the file with "$HF_TOKEN" (revoke that token: it was in a file)'
        : 'set secrets.HF_TOKEN to "$HF_TOKEN" (filled in from your login at submit time)',
    );
  }
  if (!('HF_TOKEN' in secrets)) {
    secrets.HF_TOKEN = '$HF_TOKEN';
    changes.push('added "secrets": {"HF_TOKEN": "$HF_TOKEN"} (jobs get no token unless you pass one)');
  }
  const next: JobConfig = {...config};
  if (Object.keys(env).length) next.env = env;
  else delete next.env;
  next.secrets = secrets;
  if (next.script === undefined && next.command === undefined) {
    next.script = fallback.script;
    changes.push(`set "script" to ${String(fallback.script)}`);
  }
  // Anything else that still looks like a token is replaced too: serializeJobConfig refuses to write one.
  const scrub = (v: unknown): unknown => {
    if (typeof v === 'string') return looksLikeRealToken(v) ? '$HF_TOKEN' : v;
    if (Array.isArray(v)) return v.map(scrub);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrub(x)]));
    return v;
  };
  const clean = scrub(next) as JobConfig;
  if (JSON.stringify(clean) !== JSON.stringify(next))
    changes.push('replaced a token written in the file with "$HF_TOKEN" (revoke that token)');
  return {text: serializeJobConfig(clean), changes};
}
