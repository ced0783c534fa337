// What a Python job script does with the Hub and its token, by reading its text (no execution).

import type {RepoKind, ScriptFacts} from './types.js';

const HUB_USE: [RegExp, string][] = [
  [/\.push_to_hub\s*\(/, 'pushes to the Hub (push_to_hub)'],
  [/\b(upload_file|upload_folder|upload_large_folder)\s*\(/, 'uploads to the Hub'],
  [/\b(create_repo|create_commit|create_branch|delete_file|delete_repo)\s*\(/, 'writes to the Hub'],
  [/\blogin\s*\(/, 'logs in with a token'],
  [/\bwhoami\s*\(/, 'calls whoami'],
  [/\bget_token\s*\(/, 'reads the token'],
  [/\bHF_TOKEN\b/, 'reads HF_TOKEN'],
];

const CHECKS = [
  /\b(?:assert|if|elif)\b[^\n]*\bHF_TOKEN\b/,
  /\b(?:assert|if|elif)\b[^\n]*\btoken\b/i,
  /os\.environ\s*\[\s*["']HF_TOKEN["']\s*\]/,
  /\bwhoami\s*\(/,
];

const PUSH_TARGET = /\b(?:push_to_hub|create_repo)\s*\(\s*(?:repo_id\s*=\s*)?["']([A-Za-z0-9][\w.-]*\/[\w.-]+)["']|\brepo_id\s*=\s*["']([A-Za-z0-9][\w.-]*\/[\w.-]+)["']/g;

const REPO_TYPE = /\brepo_type\s*=\s*["'](model|dataset|space)["']/;

/** The text of the call that starts at `from` (up to its closing parenthesis, strings not counted). */
function callText(text: string, from: number): string {
  const open = text.indexOf('(', from);
  if (open === -1) return text.slice(from, from + 200);
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length && i < open + 4000; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(from, i + 1);
  }
  return text.slice(from, open + 4000);
}

/** Where the call around `at` opens (the unmatched `(` before it), or `at` when there is none near. */
function enclosingCall(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0 && i > at - 4000; i--) {
    const c = text[i]!;
    if (c === ')') depth++;
    else if (c === '(' && depth-- === 0) return i;
  }
  return at;
}

/** The repo type a call names (`repo_type="dataset"`), else model (huggingface_hub's default). */
function repoTypeOf(call: string): RepoKind {
  return (REPO_TYPE.exec(call)?.[1] as RepoKind | undefined) ?? 'model';
}

function stripComments(line: string): string {
  const i = line.indexOf('#');
  return i === -1 ? line : line.slice(0, i);
}

export function scriptFacts(text: string, file: string, lineBase = 1): ScriptFacts {
  const facts: ScriptFacts = {file, checksToken: false, isJobScript: /^#\s*\/\/\/\s*script\s*$/m.test(text), pushTargets: []};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = stripComments(lines[i]!);
    if (facts.hubLine === undefined) {
      for (const [re, what] of HUB_USE) {
        if (re.test(line)) {
          facts.hubLine = i + lineBase;
          facts.hubWhat = what;
          break;
        }
      }
    }
    if (!facts.checksToken && CHECKS.some((re) => re.test(line))) facts.checksToken = true;
  }
  PUSH_TARGET.lastIndex = 0;
  const targets: ScriptFacts['pushTargets'] = [];
  for (let m = PUSH_TARGET.exec(text); m; m = PUSH_TARGET.exec(text)) {
    const repo = m[1] ?? m[2]!;
    // `repo_id=` alone is an argument of some call (upload_file, snapshot_download...): read that whole call.
    const type = repoTypeOf(callText(text, m[1] !== undefined ? m.index : enclosingCall(text, m.index)));
    if (!targets.some((t) => t.value === repo && t.type === type)) targets.push({value: repo, type, line: text.slice(0, m.index).split('\n').length + lineBase - 1});
  }
  facts.pushTargets = targets;
  return facts;
}
