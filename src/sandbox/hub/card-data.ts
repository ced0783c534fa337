// `cardData` of GET /api/{type}s/{id} (huggingface_hub model_info().card_data, ModelCard tags): the README's YAML
// front matter as JSON. The sandbox reads the flat part people write in cards: top-level keys with a scalar (plain,
// quoted, number, true/false, null), a flow list `[a, b]` or a block list of scalars (`- a`). A key whose value is
// anything deeper (nested mappings such as dataset_info or model-index) is left out rather than guessed.
import {frontMatterBlock} from './card-yaml.js';

type Scalar = string | number | boolean | null;

function scalar(raw: string): Scalar {
  const text = raw.trim();
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  if (/^'(?:[^']|'')*'$/.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^(null|Null|NULL|~)?$/.test(text)) return null;
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Drops a ` # comment` that is not inside quotes. */
function uncomment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

function flowList(text: string): Scalar[] | undefined {
  const inner = text.trim().slice(1, -1).trim();
  if (inner === '') return [];
  if (/[[\]{}]/.test(inner)) return undefined;
  const items = inner.match(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+/g) ?? [];
  return items.map((item) => scalar(item)).filter((v, i) => !(v === null && items[i]!.trim() === ''));
}

/** The flat metadata of a README's front matter; undefined when it has none. */
export function cardData(readme: string): Record<string, unknown> | undefined {
  const block = frontMatterBlock(readme);
  if (!block) return undefined;
  const lines = block.yaml.split('\n').map(uncomment);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*))?$/.exec(lines[i]!);
    if (!m) continue;
    const key = m[1]!;
    const value = (m[2] ?? '').trim();
    if (value.startsWith('[')) {
      const list = value.endsWith(']') ? flowList(value) : undefined;
      if (list) out[key] = list;
    } else if (value === '' || value === '|' || value === '>') {
      // A block list of scalars, else something deeper: skipped.
      const items: Scalar[] = [];
      let j = i + 1;
      let deeper = false;
      for (; j < lines.length && (lines[j] === '' || /^\s/.test(lines[j]!) || lines[j]!.startsWith('-')); j++) {
        if (lines[j]!.trim() === '') continue;
        const item = /^\s*-\s+(.*)$/.exec(lines[j]!);
        if (!item || /^[\w.-]+\s*:(\s|$)/.test(item[1]!) || /^[[{]/.test(item[1]!)) deeper = true;
        else items.push(scalar(item[1]!));
      }
      if (value === '' && !deeper && items.length > 0) out[key] = items;
      else if (value === '' && j === i + 1) out[key] = null;
      i = j - 1;
    } else if (!value.startsWith('{') && !value.startsWith('&') && !value.startsWith('*')) {
      out[key] = scalar(value);
    }
  }
  return out;
}
