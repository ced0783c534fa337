// The jobs a checked project would submit, as pre-flight plans: each submission the checklist found (hf-job.json,
// `hf jobs uv run`, run_uv_job, an MCP call) with its namespace (else the token's user), flavor (else cpu-basic, the
// Hub's default), timeout (else the 30-minute default) and the repos its script pushes to. Pure. It lives with the
// checks (it reads their scan) so that pre-flight imports nothing of the checks: no circle between the two.
import type {RepoRef} from '../tokens/classify.js';
import {parseTimeout} from '../jobspec/timeout.js';
import type {PlannedJob} from '../preflight/preflight.js';
import type {ScanModel, Submission} from './types.js';

export interface PlannedSubmission {
  file: string;
  line: number;
  api: string;
  job: PlannedJob;
}

/** Training-like scripts outlive the 30-minute default more often than not. */
const LONG_WORDS = /(?<![A-Za-z])(train|training|fine-?tun[a-z]*|sft|dpo|grpo|trainer|epochs?)(?![A-Za-z])/i;

function pushRepos(s: Submission): RepoRef[] {
  return (s.scriptFacts?.pushTargets ?? []).flatMap((t) => {
    const [namespace, name] = t.value.split('/');
    return namespace && name ? [{type: t.type, namespace, name}] : [];
  });
}

/** At most `limit` plans (the first submissions in file order): each one costs the Hub three requests. */
export function plannedSubmissions(
  model: Pick<ScanModel, 'submissions'>,
  user: string,
  limit = 5,
): PlannedSubmission[] {
  const seen = new Set<string>();
  const out: PlannedSubmission[] = [];
  for (const s of model.submissions) {
    const namespace = s.namespace?.value && !s.namespace.value.includes('$') ? s.namespace.value : user;
    const timeout = s.timeout === undefined ? undefined : parseTimeout(s.timeout.value);
    const flavor = s.flavor?.value && !s.flavor.value.includes('$') ? s.flavor.value : 'cpu-basic';
    const looksLong =
      LONG_WORDS.test(`${s.script?.value ?? ''} ${s.file}`) ||
      Boolean(s.scriptFacts && LONG_WORDS.test(s.scriptFacts.file));
    const job: PlannedJob = {namespace, flavor, writes: pushRepos(s), reads: [], looksLong};
    if (timeout?.ok) job.timeoutSeconds = timeout.seconds;
    const key = JSON.stringify(job);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({file: s.file, line: s.line, api: s.api, job});
    if (out.length >= limit) break;
  }
  return out;
}
