// What each checklist line looks at and why it matters: the details Enter shows on the checklist (the line itself
// already says the result). One entry a check id; the wizard's words, shared by the Ink screen and plain mode.
import type {CheckId} from '../checks/index.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {CheckItem, WizardEvent} from './types.js';

export interface CheckNote {
  /** What was checked, and where. */
  checked: string;
  /** Why it matters for a job. */
  why: string;
}

export const CHECK_NOTES: Record<CheckId, CheckNote> = {
  'logged-in': {
    checked: 'Whether a token is in effect here: HF_TOKEN, else the saved login (the token file hf auth login writes).',
    why: 'Without one, nothing can submit the job, and "$HF_TOKEN" has nothing to be filled in from.',
  },
  'token-valid': {
    checked: "The token in effect, sent to the Hub's whoami endpoint.",
    why: "A revoked, expired or mistyped token gets 401 on every call, the job's included.",
  },
  'token-permission': {
    checked: "The token's role or fine-grained permissions against what this job does (run a Job, push its repo).",
    why: 'A read token, or a fine-grained one without job.write / repo.write, is refused with 403 after you submit.',
  },
  'repo-access': {
    checked: 'The repos the job reads or writes, asked of the Hub with your token.',
    why: 'A gated, private or other-namespace repo fails inside the job, after the compute has started.',
  },
  'env-token-override': {
    checked: 'Whether HF_TOKEN (or HUGGING_FACE_HUB_TOKEN) in your environment differs from the saved login.',
    why: 'The variable wins over the saved login, so the job may run with a token you did not expect.',
  },
  'hardcoded-token': {
    checked: 'Every file of the job (hf-job.json, the script) for text that looks like a real token.',
    why: 'A token in a file ends up in git, logs and job specs: anyone who sees it can act as you.',
  },
  'token-in-env': {
    checked: "The job config's env section, for the token passed as a plain environment variable, under any name.",
    why: "env values are shown in the job's details; secrets are not. The token belongs in secrets.",
  },
  'wrong-secret-key': {
    checked: 'The names under secrets in the job config.',
    why: 'huggingface_hub reads HF_TOKEN only: a token under another name (TOKEN, hf_token) is not used.',
  },
  'missing-secrets': {
    checked: "Whether a script that needs the Hub gets HF_TOKEN in the job's secrets.",
    why: 'A job gets no token unless you pass one: the script fails with "no token found" after it started.',
  },
  'no-token-check': {
    checked: 'Whether the script checks for HF_TOKEN before the long work.',
    why: 'A missing token then fails in seconds, not after the compute you pay for.',
  },
  'token-format': {
    checked: 'The shape of the token in effect (hf_ plus 34 letters and digits, no spaces or quotes).',
    why: 'A token with a stray quote, space or newline is refused as invalid.',
  },
  'literal-placeholder': {
    checked:
      'Every place the job passes "$HF_TOKEN": hf-job.json, the script, CLI commands, Python and MCP calls (MCP: the hf_jobs tool an AI assistant uses).',
    why: 'hf-job.json (this wizard fills it in at submit time) and the MCP tool replace "$HF_TOKEN" with your token; the Python API and a quoted CLI value send the 9 characters as they are, and the job gets 401.',
  },
  'script-not-in-container': {
    checked: 'Whether the script the job runs is one the Hub can see (uploaded with the job or in the image).',
    why: "A path on your computer does not exist inside the job's container.",
  },
  'unknown-argument': {
    checked: 'The keys and options of the job config against the ones the Jobs API knows.',
    why: 'A misspelt key is ignored silently: the job runs without the setting you meant.',
  },
  'timeout-format': {
    checked: 'The timeout value (like 30m or 2h).',
    why: 'A malformed timeout is refused, or the job is stopped earlier than you meant.',
  },
  'unknown-flavor': {
    checked: "The hardware flavor against the Hub's list.",
    why: 'An unknown flavor is refused when you submit.',
  },
  'token-in-argv': {
    checked: "The job's command and arguments for a token.",
    why: "Arguments are visible in the job's details and process lists; pass the token as a secret instead.",
  },
};

/** The lines Enter shows under a check: what, why, and where (the file) when known. */
export function checkDetails(item: {id: string; status: string; file?: string; line?: number}): string[] {
  const note = (CHECK_NOTES as Record<string, CheckNote | undefined>)[item.id];
  const out: string[] = [];
  if (note) out.push(`Checked: ${note.checked}`, `Why it matters: ${note.why}`);
  if (item.file) out.push(`Where: ${sanitizeLine(item.file)}${item.line ? `:${item.line}` : ''}`);
  if (item.status === 'skip') out.push('Not applicable here: there was nothing of this kind to look at.');
  return out;
}

/** Checklist titles the wizard words differently (the check's own title assumes words it never explained). */
export const CHECK_TITLES: Partial<Record<CheckId, string>> = {
  'literal-placeholder': '"$HF_TOKEN" only where it is filled in (hf-job.json, the MCP tool)',
};

/** `t` on a checklist line: the troubleshooting screen of a failed or warned check, else a notice saying why not. */
export function troubleshootCheckEvent(items: CheckItem[], id: string | undefined): WizardEvent {
  const item = items.find((i) => i.id === id);
  if (!item) return {type: 'notice', text: 't troubleshoots a failed check: move to a ✗ or ! line first.'};
  if (item.problem && item.status !== 'pass')
    return {type: 'open-problem', problem: item.problem, evidence: item.message};
  const why =
    item.status === 'skip'
      ? 'does not apply here'
      : item.status === 'pass'
        ? 'passed'
        : 'has no troubleshooting screen; its fix is on the line';
  return {type: 'notice', text: `Nothing to troubleshoot on "${item.title}": it ${why}. t works on a ✗ or ! line.`};
}
