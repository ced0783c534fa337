// Checks a README's YAML front matter the way POST /api/validate-yaml is used by huggingface_hub (every README.md
// commit asks it first): {errors, warnings}, each `{message}`. The sandbox checks YAML *syntax* of the block-style
// metadata people write (mappings, lists, quoted and flow scalars, block scalars), not the Hub's metadata schema.

export interface YamlProblem {
  message: string;
}

export interface CardCheck {
  errors: YamlProblem[];
  warnings: YamlProblem[];
}

/** The Hub's warning for a card without metadata (as huggingface_hub users see it). */
export const EMPTY_METADATA = 'empty or missing yaml metadata in repo card';

/** The front matter between the opening `---` line and the closing one, and the line where it starts; undefined when none. */
export function frontMatterBlock(content: string): {yaml: string; firstLine: number} | undefined {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^---[ \t]*\n/.test(text)) return undefined;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i]!)) return {yaml: lines.slice(1, i).join('\n'), firstLine: 2};
  }
  return undefined;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Removes a trailing ` # comment` outside quotes. */
function stripComment(s: string): string {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[{,-]/.test(s[i - 1]!)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]!))) {
      return s.slice(0, i).trimEnd();
    }
  }
  return s;
}

/** A scalar or flow value on one line: a problem with its quotes or brackets, else undefined. */
function scalarProblem(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (v[0] === '"' || v[0] === "'") {
    const q = v[0];
    let i = 1;
    for (; i < v.length; i++) {
      if (q === '"' && v[i] === '\\') {
        i++;
        continue;
      }
      if (v[i] === q) {
        if (q === "'" && v[i + 1] === "'") {
          i++;
          continue;
        }
        break;
      }
    }
    if (i >= v.length) return 'unterminated quoted string';
    if (v.slice(i + 1).trim() !== '') return 'unexpected text after a quoted string';
    return undefined;
  }
  if (v[0] === '[' || v[0] === '{') {
    const stack: string[] = [];
    let quote: string | undefined;
    for (const c of v) {
      if (quote) {
        if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') stack.push(c === '[' ? ']' : '}');
      else if (c === ']' || c === '}') {
        if (stack.pop() !== c) return `unexpected "${c}"`;
      }
    }
    if (quote) return 'unterminated quoted string';
    if (stack.length)
      return `missing "${stack[stack.length - 1]}" (flow collections must close on the same line in the sandbox)`;
    return undefined;
  }
  if (/^[@`]/.test(v)) return `a plain value cannot start with "${v[0]}"; quote it`;
  if (/^[|>][-+0-9]*$/.test(v)) return undefined;
  if (/:\s/.test(v) || v.endsWith(':')) return 'a plain value cannot contain ": "; quote it';
  return undefined;
}

/** Errors and warnings for a README's metadata, like the Hub's validate-yaml answer. */
export function checkCardYaml(content: string): CardCheck {
  const block = frontMatterBlock(content);
  if (!block || block.yaml.trim() === '') return {errors: [], warnings: [{message: EMPTY_METADATA}]};
  const errors: YamlProblem[] = [];
  const lines = block.yaml.split('\n');
  const topKeys = new Set<string>();
  // Indent of the enclosing mapping's keys at each level; a line deeper than allowed is an error.
  let allowDeeperThan = -1; // a line may be indented deeper only after `key:` / `- key:` / `-` with no inline value
  let blockScalarIndent: number | undefined;
  let lastIndent = 0;
  for (let i = 0; i < lines.length && errors.length < 10; i++) {
    const raw = lines[i]!;
    const lineNo = block.firstLine + i;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const indent = indentOf(raw);
    if (blockScalarIndent !== undefined) {
      if (indent > blockScalarIndent) continue;
      blockScalarIndent = undefined;
    }
    if (/^[ ]*\t/.test(raw)) {
      errors.push({message: `line ${lineNo}: tabs are not allowed as indentation in YAML`});
      continue;
    }
    if (indent > lastIndent && allowDeeperThan < 0) {
      errors.push({message: `line ${lineNo}: bad indentation of a mapping entry`});
      continue;
    }
    let body = stripComment(raw.trim());
    let itemIndent = indent;
    while (body.startsWith('- ') || body === '-') {
      if (indent === 0 && itemIndent === indent && topKeys.size === 0 && allowDeeperThan < 0) {
        errors.push({message: `line ${lineNo}: the metadata must be a YAML mapping (key: value), not a list`});
        body = '';
        break;
      }
      body = body.slice(2).trimStart();
      itemIndent += 2;
    }
    // Keys of a mapping inside a list item sit at the item's content column.
    lastIndent = itemIndent;
    if (body === '') {
      allowDeeperThan = indent;
      continue;
    }
    const keyMatch = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#:[\]{},][^:#]*?)\s*:(?:\s+(.*)|$)/.exec(body);
    if (!keyMatch) {
      if (raw.trim().startsWith('-')) {
        const problem = scalarProblem(body);
        if (problem) errors.push({message: `line ${lineNo}: ${problem}`});
        allowDeeperThan = -1;
        continue;
      }
      errors.push({message: `line ${lineNo}: could not find expected ':' (a metadata line must read "key: value")`});
      allowDeeperThan = -1;
      continue;
    }
    const key = keyMatch[1]!.replace(/^["']|["']$/g, '');
    const value = (keyMatch[2] ?? '').trim();
    if (indent === 0) {
      if (topKeys.has(key)) errors.push({message: `line ${lineNo}: duplicated mapping key "${key}"`});
      topKeys.add(key);
    }
    if (value === '') {
      allowDeeperThan = indent;
      continue;
    }
    if (/^[|>][-+0-9]*$/.test(value)) {
      blockScalarIndent = indent;
      allowDeeperThan = -1;
      continue;
    }
    const problem = scalarProblem(value);
    if (problem) errors.push({message: `line ${lineNo}: ${problem} (key "${key}")`});
    allowDeeperThan = -1;
  }
  return {errors, warnings: []};
}
