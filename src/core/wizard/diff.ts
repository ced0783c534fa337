// A small line diff for the files the wizard writes (a few dozen lines): longest common subsequence, then
// "  " same, "- " removed, "+ " added. Pure: callers redact secrets before and after.

export type DiffLine = `  ${string}` | `- ${string}` | `+ ${string}`;

function lines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
}

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = lines(before);
  const b = lines(after);
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({length: n + 1}, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]!}`);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push(`- ${a[i++]!}`);
    else out.push(`+ ${b[j++]!}`);
  }
  return out;
}

/** Only the changed lines with `context` unchanged lines around each change; "  …" marks a gap. */
export function compactDiff(diff: DiffLine[], context = 2): string[] {
  const keep = new Array<boolean>(diff.length).fill(false);
  diff.forEach((line, i) => {
    if (line.startsWith('  ')) return;
    for (let k = Math.max(0, i - context); k <= Math.min(diff.length - 1, i + context); k++) keep[k] = true;
  });
  const out: string[] = [];
  let gap = false;
  diff.forEach((line, i) => {
    if (keep[i]) {
      out.push(line);
      gap = false;
    } else if (!gap) {
      out.push('  …');
      gap = true;
    }
  });
  return out;
}

export function diffStats(diff: DiffLine[]): {added: number; removed: number} {
  return {added: diff.filter((l) => l.startsWith('+ ')).length, removed: diff.filter((l) => l.startsWith('- ')).length};
}
