// Snippets as a screen shows them: the script a call carries inline is folded and the secrets come first, so the
// line the wizard teaches ("secrets": {"HF_TOKEN": "$HF_TOKEN"}) is in view. Copying takes the snippet unfolded.

/**
 * A long string literal holding a whole script (one line of escaped \n) becomes a short note naming the file and
 * its line count.
 */
export function foldScriptLiterals(code: string, scriptName = 'the script', minLength = 120): string {
  return code.replace(/"(?:[^"\\\n]|\\.)*"/g, (literal) => {
    if (literal.length < minLength || !literal.includes('\\n')) return literal;
    let lines: number;
    try {
      lines = (JSON.parse(literal) as string).replace(/\n$/, '').split('\n').length;
    } catch {
      lines = literal.split('\\n').length;
    }
    return `"…${lines} lines of ${scriptName}…"`;
  });
}

/** JSON with small arrays and objects on one line (`"secrets": {"HF_TOKEN": "$HF_TOKEN"}`), two-space indent. */
export function compactJson(value: unknown, indent = '', inline = 48): string {
  const one = JSON.stringify(value, null, 1)
    ?.replace(/\n\s*/g, ' ')
    .replace(/\[ /g, '[')
    .replace(/ \]/g, ']')
    .replace(/\{ /g, '{')
    .replace(/ \}/g, '}');
  if (value === null || typeof value !== 'object' || (one !== undefined && one.length <= inline)) return one ?? 'null';
  const inner = indent + '  ';
  if (Array.isArray(value))
    return `[\n${value.map((v) => inner + compactJson(v, inner, inline)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner, inline)}`).join(',\n')}\n${indent}}`;
}

/**
 * The display form of a snippet: JSON (the MCP call) compact with "secrets" first among the arguments; JavaScript
 * with the `secrets` field first in the call; both with the inline script folded. Other languages: folded only.
 */
export function displaySnippet(code: string, language: string, scriptName?: string): string {
  if (language === 'json') {
    try {
      const call = JSON.parse(code) as {args?: Record<string, unknown>};
      if (call.args && 'secrets' in call.args) {
        const {secrets, ...rest} = call.args;
        call.args = {secrets, ...rest};
      }
      return foldScriptLiterals(compactJson(call), scriptName) + '\n';
    } catch {
      return foldScriptLiterals(code, scriptName);
    }
  }
  if (language === 'javascript') {
    const lines = code.split('\n');
    const open = lines.findIndex((l) => /= await runJob\(\{$/.test(l));
    const secrets = lines.findIndex((l, i) => i > open && /^\s+secrets: \{/.test(l));
    if (open >= 0 && secrets > open) lines.splice(open + 1, 0, ...lines.splice(secrets, 1));
    // A comment line about how the inline script travels: true, and in the copy; on screen it pushes the call down.
    return foldScriptLiterals(lines.filter((l) => !/^\/\/ Inline code /.test(l)).join('\n'), scriptName);
  }
  return foldScriptLiterals(code, scriptName);
}
