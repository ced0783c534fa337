// The example screen's display of a snippet: the inline script folded, the secrets first; the copy stays whole.
import {describe, expect, it} from 'vitest';
import {compactJson, displaySnippet, foldScriptLiterals} from '../../../src/core/jobspec/fold.js';
import {jsSnippet, mcpSnippet} from '../../../src/core/jobspec/snippets.js';

const SCRIPT = `# /// script\n# dependencies = ["huggingface_hub"]\n# ///\n${Array.from({length: 40}, (_, i) => `print("line ${i}")`).join('\n')}\n`;
const CONFIG = {
  script: 'push.py',
  dependencies: ['huggingface_hub'],
  flavor: 'cpu-basic',
  secrets: {HF_TOKEN: '$HF_TOKEN'},
};

describe('displaySnippet', () => {
  it('shows the MCP call compact, "secrets" first, the script folded to its line count', () => {
    const code = mcpSnippet(CONFIG, {scriptSource: SCRIPT}).code;
    const shown = displaySnippet(code, 'json', 'push.py').split('\n');
    expect(shown[3]).toBe('    "secrets": {"HF_TOKEN": "$HF_TOKEN"},');
    expect(shown[4]).toBe('    "script": "…43 lines of push.py…",');
    expect(shown).toContain('    "with_deps": ["huggingface_hub"],');
    expect(Math.max(...shown.map((l) => l.length))).toBeLessThan(56);
    // The copy (the snippet itself) still carries the whole script and is valid JSON.
    expect((JSON.parse(code) as {args: {script: string}}).args.script).toBe(SCRIPT);
  });

  it('shows the JavaScript call with its secrets right after runJob({ and the script folded', () => {
    const code = jsSnippet(CONFIG, {scriptSource: SCRIPT}).code;
    const shown = displaySnippet(code, 'javascript', 'push.py').split('\n');
    const open = shown.findIndex((l) => l.endsWith('await runJob({'));
    expect(shown[open + 1]).toBe('  secrets: {"HF_TOKEN": accessToken},');
    expect(shown).toContain('const script = "…43 lines of push.py…";');
    expect(shown.filter((l) => l.includes('secrets')).length).toBe(1);
    expect(code).toContain(JSON.stringify(SCRIPT));
  });

  it('leaves short strings, strings without newlines and other languages alone', () => {
    expect(foldScriptLiterals('x = "a\\nb"')).toBe('x = "a\\nb"');
    const long = `"${'a'.repeat(200)}"`;
    expect(foldScriptLiterals(long)).toBe(long);
    expect(displaySnippet('hf jobs uv run push.py\n', 'bash')).toBe('hf jobs uv run push.py\n');
    expect(compactJson({a: [1, 2], b: {c: 'd'}})).toBe('{"a": [1, 2], "b": {"c": "d"}}');
  });
});
