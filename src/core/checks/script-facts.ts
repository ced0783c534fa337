// What a Python job script does with the Hub and its token, by reading its text (no execution).

import type {Located, ScriptFacts} from './types.js';

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
  const targets: Located<string>[] = [];
  for (let m = PUSH_TARGET.exec(text); m; m = PUSH_TARGET.exec(text)) {
    const repo = m[1] ?? m[2]!;
    if (!targets.some((t) => t.value === repo)) targets.push({value: repo, line: text.slice(0, m.index).split('\n').length + lineBase - 1});
  }
  facts.pushTargets = targets;
  return facts;
}
