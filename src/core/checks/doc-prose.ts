// What a doc's prose says a job shown in its code block does with the Hub. A README or guide that shows
// `hf jobs uv run <script> ...` often says, in the sentences after the block, that the job uploads or pushes its
// result to the Hub ("so the job can write the output dataset back to the Hub", "upload the resulting adapter to a
// model repo"). When the script itself cannot be read (a URL, a file elsewhere) and its arguments name no output,
// that statement is what tells the reader the job needs a token: missing-secrets reads it (Submission.docWrite).
// A doc also shows the script itself: a uv script block (PEP 723 header) right before the block whose command runs a
// local `.py` file that no block is named as ("### Dataset processing", the script, then `hf jobs uv run ...
// process_data.py`) is the script that command runs; when that block writes to the Hub (script-facts.ts), so does
// the job. Only the block directly before (blank lines between, nothing else): a block further up, or one without
// the header, is not taken for the script. A block named as the script is read as the script first (scan.ts).
import {scriptFacts} from './script-facts.js';

/** The prose read: the paragraph(s) after a block up to the next block or heading, at most this many lines. */
const LINES_AFTER = 15;

const HEADING = /^\s{0,3}#{1,6}\s/;

/**
 * A sentence saying something is written to the Hub: a verb of writing (upload, push, write, publish), then within
 * the sentence `to`/`into`/`back to` the Hub, Hugging Face, a model/dataset/Space repo or the reader's namespace.
 */
const WRITES =
  /\b(?:upload(?:s|ed|ing)?|push(?:es|ed|ing)?|writ(?:e|es|ing)|wrote|publish(?:es|ed|ing)?)\b([^.!?\n]{0,80}?)\b(?:back\s+)?(?:to|into)\s+(?:the\s+|your\s+|a\s+|an\s+)?(?:Hugging\s*Face(?:\s+Hub)?\b|Hub\b|(?:model|dataset|Space)\s+repo(?:sitory)?\b|(?:own\s+)?namespace\b)/i;

/** A statement that it does not write (`not`, `never`, `without`, `instead of` before the verb in the sentence). */
const NEGATED = /\b(?:not|never|no|without|instead\s+of|don't|doesn't|won't)\b[^.!?\n]*$/i;

/** `from`..`to` of a text as lines, each with the offset it starts at. */
function linesOf(text: string, from: number, to: number): {text: string; at: number}[] {
  const out: {text: string; at: number}[] = [];
  let at = from;
  for (const l of text.slice(from, to).split('\n')) {
    out.push({text: l, at});
    at += l.length + 1;
  }
  return out;
}

/** A list item's marker (`- `, `* `, `1. `) at the start of a line. */
const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+/;

/** A lead-in line naming what the list after it describes: the job or its script (`The scripts:`, `This job will:`). */
const LEAD_IN = /\b(?:jobs?|scripts?|commands?|recipes?|it)\b[^.!?]*:\s*$/i;

/** Options that pass the token: a sentence naming them says why the token is needed, not when the job writes. */
const TOKEN_OPTIONS = new Set(['-s', '--secrets', '--secrets-file', '-e', '--env', '--env-file', '--token']);

/**
 * Whether the command passes the options a sentence makes the write depend on ("uploads the adapter to a model repo
 * if `--output-repo-id` is given", "add `--push-to-hub` to publish it to the Hub"): a sentence about an option the
 * command leaves out describes another command, unless the command's arguments are elided (`...`).
 */
function optionsPassed(sentence: string, command: string): boolean {
  if (/\.\.\.|…/.test(command)) return true;
  for (const m of sentence.matchAll(/(?:^|[\s(])(--?[A-Za-z][\w-]*)/g)) {
    const option = m[1]!;
    if (TOKEN_OPTIONS.has(option)) continue;
    if (!new RegExp(`(?:^|\\s)${option}(?=$|[\\s=])`, 'm').test(command)) return false;
  }
  return true;
}

/**
 * The first sentence in these lines that says the job writes to the Hub, and where its line starts. The sentence
 * must have its subject (`so the job can write ... back to the Hub`), or be an item of a list whose lead-in names the
 * job or script (`The scripts:` / `- upload the adapter to a model repo`): a sentence that starts with the verb
 * (`Upload the script to the Hub`) tells the reader what to do, not what the job does.
 */
function firstWrite(lines: {text: string; at: number}[], command: string): {what: string; at: number} | undefined {
  let leadIn = false;
  for (const l of lines) {
    const plain = l.text.replace(/`/g, '');
    const bullet = BULLET.exec(plain);
    if (!bullet && plain.trim()) leadIn = LEAD_IN.test(plain);
    const m = WRITES.exec(plain);
    if (!m) continue;
    const before = plain.slice(0, m.index);
    const sentence = before.slice(
      Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? ')) + 1,
    );
    if (NEGATED.test(sentence)) continue;
    const hasSubject = sentence.replace(BULLET, '').trim() !== '';
    if (!hasSubject && !(bullet && leadIn)) continue;
    const rest = plain.slice(m.index);
    const end = /[.!?](?:\s|$)/.exec(rest);
    if (!optionsPassed(sentence + (end ? rest.slice(0, end.index) : rest), command)) continue;
    return {what: m[0].trim(), at: l.at};
  }
  return undefined;
}

/**
 * What the prose after the code block ending at `to` (whose text is `command`) says its job writes to the Hub, if
 * anything: the quoted words,
 * and the offset of their line. The prose read is the paragraphs after the block, up to the next block
 * (`nextStart`), the next heading, or LINES_AFTER lines: a doc explains a command after showing it (the paragraph
 * before one introduces it, and often tells the reader what to do first).
 */
export function proseWrite(
  text: string,
  command: string,
  to: number,
  nextStart: number,
): {what: string; at: number} | undefined {
  const shown = scriptShownBefore(text, command, to);
  if (shown) return shown;
  // At most 16 KB are split into lines (a block followed by megabytes of prose is not split whole).
  const from = Math.min(to + 1, text.length);
  const after = linesOf(text, from, Math.min(Math.max(from, nextStart), from + 16_384)).slice(0, LINES_AFTER);
  const heading = after.findIndex((l) => HEADING.test(l.text));
  return firstWrite(heading === -1 ? after : after.slice(0, heading), command);
}

/** A local script a shown command runs (`hf jobs uv run ... process_data.py`, `run_uv_job("train.py", ...)`). */
const RUNS_LOCAL_SCRIPT =
  /\bhf\s+jobs\s+(?:scheduled\s+)?uv\s+run\b[^\n]*?(?:^|\s)(?!https?:)[\w./-]*\.py\b|\brun_uv_job\(\s*(?:script\s*=\s*)?["'](?!https?:)[\w./-]+\.py["']/m;
/** A closing fence line, and an opening one with its info string. */
const CLOSING_FENCE = /^\s{0,3}(?:`{3,}|~{3,})\s*$/;
const OPENING_FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;

/**
 * The uv script block shown directly before the code block ending at `to` (whose text is `command`) when that command
 * runs a local script and the block writes to the Hub: what it writes and where (the offset of that line).
 */
function scriptShownBefore(text: string, command: string, to: number): {what: string; at: number} | undefined {
  if (!RUNS_LOCAL_SCRIPT.test(command)) return undefined;
  // Where the block's text starts, from its end (scan.ts markdownBlocks: the body ends before the closing fence's
  // line, or at the text's end for a block left open), checked in place rather than searched for.
  const closing = text.lastIndexOf('\n', to - 1) + 1;
  const bodyStart = [closing - 1 - command.length, to - command.length].find(
    (at) => at > 0 && text.startsWith(command, at),
  );
  if (bodyStart === undefined) return undefined;
  // The command block's opening fence line, then back over blank lines to the line before it.
  let end = text.lastIndexOf('\n', bodyStart - 2);
  let lineStart = end;
  for (;;) {
    if (end <= 0) return undefined;
    lineStart = text.lastIndexOf('\n', end - 1) + 1;
    if (text.slice(lineStart, end).trim()) break;
    end = lineStart - 1;
  }
  if (!CLOSING_FENCE.test(text.slice(lineStart, end))) return undefined;
  // That block's opening fence: the nearest fence line above with an info string (python) or none.
  const closeAt = lineStart;
  let at = closeAt - 1;
  while (at > 0) {
    const ls = text.lastIndexOf('\n', at - 1) + 1;
    const open = OPENING_FENCE.exec(text.slice(ls, at));
    if (open) {
      if (open[2] && !/^(?:python|py|python3)$/i.test(open[2])) return undefined;
      const body = text.slice(at + 1, closeAt);
      if (!/^#\s*\/\/\/\s*script\s*$/m.test(body)) return undefined;
      const facts = scriptFacts(body, '');
      const line = facts.hubLine ?? (facts.needsToken ? facts.tokenLine : undefined);
      if (line === undefined) return undefined;
      let offset = at + 1;
      for (let i = 1; i < line; i++) offset = text.indexOf('\n', offset) + 1;
      return {what: `${facts.hubWhat ?? 'requires HF_TOKEN'}: the uv script shown just before the command`, at: offset};
    }
    at = ls - 1;
  }
  return undefined;
}
