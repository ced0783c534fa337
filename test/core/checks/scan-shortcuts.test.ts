// The scanner's shortcuts (taken for speed, see scan.ts and script-facts.ts) give what the plain way gives: the
// blanked Python code, the prose of a Markdown doc, substrings that do not keep their file's text alive.
import {describe, expect, it} from 'vitest';
import {readdirSync, readFileSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {extname, join} from 'node:path';
import {extOf, kindOf, markdownBlocks, nextFenceRun, scanPaths, scanText} from '../../../src/core/checks/scan.js';
import {
  embeddedCommands,
  extractShell,
  shellWords,
  SHOWN_COMMAND_HINT,
  type Word,
} from '../../../src/core/checks/extract-shell.js';
import {ownCopy, pythonCode, scriptFacts} from '../../../src/core/checks/script-facts.js';
import {extractPython, nextCall} from '../../../src/core/checks/extract-python.js';
import {thousands} from '../../../src/core/checks/runner.js';
import {mayBeRelevant, RELEVANT} from '../../../src/core/checks/relevance.js';
import {BASE64_HINT_PATTERN} from '../../../src/core/tokens/hidden.js';

/** The plain way pythonCode blanked comments and triple-quoted strings (a regex replace per range). */
function pythonCodeByReplace(text: string): string {
  const ranges: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      const end = text.indexOf('\n', i);
      ranges.push([i, end === -1 ? text.length : end]);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (c !== '"' && c !== "'") {
      i++;
      continue;
    }
    const q = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    let j = i + q.length;
    while (j < text.length && !text.startsWith(q, j) && !(q.length === 1 && text[j] === '\n'))
      j += text[j] === '\\' ? 2 : 1;
    const end = Math.min(text.length, j + (text.startsWith(q, j) ? q.length : 0));
    if (q.length === 3) ranges.push([i, end]);
    i = Math.max(end, i + 1);
  }
  let out = '';
  let last = 0;
  for (const [from, to] of ranges) {
    out += text.slice(last, from) + text.slice(from, to).replace(/[^\n]/g, ' ');
    last = to;
  }
  return out + text.slice(last);
}

describe('pythonCode blanks comments and docstrings as a regex replace would', () => {
  const cases = [
    'import os\nx = 1\n',
    '# /// script\n# dependencies = ["datasets"]\n# ///\nimport os\nos.environ["HF_TOKEN"]\n',
    '"""Usage:\n    hf jobs uv run --secrets HF_TOKEN train.py\n"""\nfrom huggingface_hub import login  # login()\n',
    "x = '''a\nb # not a comment\n''' + 'y' # tail\n",
    's = "a \\" # still a string"\n# c\nprint(s)',
    '"""unterminated docstring\nstill in it\n' + 'x'.repeat(600),
    "'one-line string without end\n# comment after\n",
    '#' + ' '.repeat(700) + 'long comment\n"""' + 'd\n'.repeat(300) + '"""\n',
  ];
  it.each(cases.map((c, i) => [i, c]))('case %i gives the same code, newlines kept', (_i, text) => {
    const code = pythonCode(text);
    expect(code).toBe(pythonCodeByReplace(text));
    expect(code.length).toBe(text.length);
  });
  it('on random texts of quotes, hashes, backslashes and newlines, and on every file of the check corpus', () => {
    const parts = ['#', '"', "'", '"""', "'''", '\\', '\n', 'a', ' ', 'x = ', '\\\n'];
    let rng = 5;
    const next = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 5_000; n++) {
      let text = '';
      for (let k = next() % 30; k > 0; k--) text += parts[next() % parts.length];
      expect(pythonCode(text), JSON.stringify(text)).toBe(pythonCodeByReplace(text));
    }
    const dir = join(import.meta.dirname, '../../fixtures/checks/corpus/files');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(pythonCode(text), f).toBe(pythonCodeByReplace(text));
    }
  });
});

describe('the prose of a Markdown doc is scanned when it shows a command, and only then', () => {
  /** What scanMarkdown scanned before the shortcut: the text with its blocks' characters removed, newlines kept. */
  const proseOf = (text: string) => {
    let prose = '';
    let last = 0;
    for (const b of markdownBlocks(text)) {
      prose += text.slice(last, b.from) + text.slice(b.from, b.to).replace(/[^\n]/g, '');
      last = b.to;
    }
    return prose + text.slice(last);
  };
  const fromProse = (text: string) => extractShell(embeddedCommands(proseOf(text)), 'doc.md', 1).submissions;
  const docs = {
    'a command in prose': 'Run `hf jobs uv run --secrets HF_TOKEN train.py` to start.\n\n```python\nx = 1\n```\n',
    'a command in a block only': '# Doc\n\n```bash\nhf jobs uv run --flavor cpu-basic train.py\n```\n\nMore prose.\n',
    '`hf` before a block, `jobs` after it':
      'The CLI is hf\n\n```text\nnothing\n```\njobs run --secrets HF_TOKEN ubuntu echo hi\n\nhf jobs ps shows it.\n',
    'jobs-services in prose, hf jobs in a block':
      '```bash\nhf jobs uv run x.py\n```\n\nThen hf jobs-services run --token hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12 x\n',
  };
  it.each(Object.entries(docs))('%s: the same submissions as scanning the whole prose', (_name, text) => {
    const fromBlocks = markdownBlocks(text).flatMap((b) =>
      b.kind === 'shell' ? extractShell(b.body, 'doc.md', b.line).submissions : [],
    );
    const got = scanText(text, 'doc.md').submissions;
    expect(got.length).toBe(fromBlocks.length + fromProse(text).length);
    expect(got.map((s) => s.line).sort()).toEqual(
      [...fromBlocks.map((s) => s.line), ...fromProse(text).map((s) => s.line)].sort(),
    );
  });
  it('a blanked block joins `hf` before it to `jobs` after it in the prose (why that case is looked for)', () => {
    const text = docs['`hf` before a block, `jobs` after it'];
    expect(SHOWN_COMMAND_HINT.test(proseOf(text).split('\nhf jobs ps')[0]!)).toBe(true);
  });
});

describe('strings kept in the model do not keep their file text alive', () => {
  it('ownCopy gives an equal string', () => {
    const text = 'x'.repeat(5000) + 'bench-user/dataset-name' + 'y'.repeat(5000);
    const cut = text.slice(5000, 5023);
    expect(ownCopy(cut)).toBe('bench-user/dataset-name');
    expect(ownCopy('short')).toBe('short');
  });
  it('push targets are read the same', () => {
    const facts = scriptFacts('ds.push_to_hub("bench-user/ds-1234567")\n', 'a.py');
    expect(facts.pushTargets).toEqual([{value: 'bench-user/ds-1234567', type: 'model', line: 1}]);
  });
});

describe('a file extension found with two searches is path.extname lower-cased', () => {
  const names = [
    'b.py',
    '.bashrc',
    'b.',
    '..',
    '...',
    '..b',
    '.b.c',
    'b..c',
    'B.PY',
    'Makefile',
    'x.tar.gz',
    'a b.Md',
    '.',
  ];
  const paths = names.flatMap((n) => [`/r/${n}`, `/r.d/sub.x/${n}`, `/${n}`]);
  it.each(paths)('%s', (p) => {
    expect(extOf(p)).toBe(extname(p).toLowerCase());
  });
  it('kinds by name still work without an extension, and an extension given is used', () => {
    expect(kindOf('/r/Dockerfile')).toBe('shell');
    expect(kindOf('/r/makefile.d/x')).toBe('text');
    expect(kindOf('/r/x.txt', '.py')).toBe('python');
  });
});

describe('binary files are told from text by a NUL in their first 8 KB, ASCII or not', () => {
  it('skips NUL-bearing files and reads the others, NUL after 8 KB included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hfjw-sniff-'));
    try {
      await writeFile(
        join(dir, 'ascii-nul.dat'),
        Buffer.concat([Buffer.from('abc'), Buffer.from([0]), Buffer.from('def')]),
      );
      await writeFile(join(dir, 'utf8-nul.dat'), Buffer.concat([Buffer.from('é token'), Buffer.from([0])]));
      await writeFile(join(dir, 'late-nul.txt'), Buffer.concat([Buffer.from('x'.repeat(9000)), Buffer.from([0])]));
      await writeFile(join(dir, 'utf8.txt'), 'café token\n');
      const model = await scanPaths(['.'], {cwd: dir});
      expect(model.skipped).toEqual(
        expect.arrayContaining([
          {file: 'ascii-nul.dat', reason: 'binary'},
          {file: 'utf8-nul.dat', reason: 'binary'},
        ]),
      );
      expect(model.files.sort()).toEqual(['late-nul.txt', 'utf8.txt']);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});

describe('substring gates before a regex pass rule out only texts the regex would rule out', () => {
  const texts = [
    'hf jobs uv run --secrets HF_TOKEN x.py',
    'echo "hfjobs run python:3.12 python x.py"',
    'huggingface-cli  jobs\tps',
    'print("no command here")',
    'api.run_job(image="python:3.12", command=["python", "x.py"])',
    'from huggingface_hub import create_scheduled_uv_job\ncreate_scheduled_uv_job("x.py", schedule="@daily")',
    'hf_jobs("uv", {"script": "x.py"})',
    'def run(): pass  # nothing of jobs',
  ];
  it('embeddedCommands answers "" exactly when the hint regex finds no command', () => {
    for (const t of texts) expect(embeddedCommands(t) === '').toBe(!SHOWN_COMMAND_HINT.test(t));
  });
  it('a text with a job call is parsed, one without none is (extractPython)', () => {
    const calls = texts.filter((t) => extractPython(t, 'x.py').length > 0);
    expect(calls.length).toBe(3);
    for (const t of texts)
      if (!/hf_jobs|run_uv_job|run_job|create_scheduled/.test(t)) expect(extractPython(t, 'x.py')).toEqual([]);
  });
});

describe('counts in messages are grouped by thousands without Intl', () => {
  it('matches toLocaleString("en-US") on integers', () => {
    for (const n of [0, 7, 999, 1000, 19_900, 123_456, 1_234_567, 10_000_000])
      expect(thousands(n)).toBe(n.toLocaleString('en-US'));
  });
});

describe('the relevance gate passes every text that holds a RELEVANT word', () => {
  // Each word of RELEVANT's alternation, alone and inside ordinary text: the gate's shorter words must find it.
  const words = RELEVANT.source
    .split('|')
    .flatMap((w) => (w === '[Tt]oken' ? ['Token', 'token'] : [w.replace(/\\\//g, '/')]));
  it('finds each word, alone and padded with code and prose', () => {
    expect(words.length).toBe(28);
    // The last six are the base64 hints of the token prefixes, as core/tokens/hidden.ts computes them.
    expect(RELEVANT.source.endsWith(`|${BASE64_HINT_PATTERN.source}`)).toBe(true);
    for (const w of words) {
      expect(RELEVANT.test(w)).toBe(true);
      expect(mayBeRelevant(w), w).toBe(true);
      expect(mayBeRelevant(`def f(x):\n    return [v for v in x]\n# ${w}\n` + 'plain words '.repeat(300)), w).toBe(
        true,
      );
    }
  });
  it('says no for texts without any of them (most of a real project)', () => {
    for (const t of ['def f(x):\n    return [v * 2 for v in x if v]\n', '{"name": "pkg", "version": "1.0.0"}', ''])
      expect([RELEVANT.test(t), mayBeRelevant(t)]).toEqual([false, false]);
  });
  it('never says no where RELEVANT says yes, on texts cut from the corpus at random places', () => {
    const dir = join(import.meta.dirname, '../../fixtures/checks/corpus/files');
    let rng = 7;
    const next = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31);
    let relevant = 0;
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'latin1');
      for (let k = 0; k < 20; k++) {
        const from = next() % Math.max(1, text.length);
        const piece = text.slice(from, from + 1 + (next() % 400));
        if (RELEVANT.test(piece)) {
          relevant++;
          expect(mayBeRelevant(piece), `${f} at ${from}`).toBe(true);
        }
      }
    }
    expect(relevant).toBeGreaterThan(500);
  });
});

/** shellWords as it was written first: one character at a time (the reference for the run-at-a-time version). */
function shellWordsByChar(line: string): Word[] {
  const words: Word[] = [];
  let cur: Word | undefined;
  const start = () => (cur ??= {text: '', literalDollar: false, expanded: false});
  const end = () => {
    if (cur) words.push(cur);
    cur = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const w = start();
      const close = line.indexOf("'", i + 1);
      const body = close === -1 ? line.slice(i + 1) : line.slice(i + 1, close);
      if (body.includes('$')) w.literalDollar = true;
      w.text += body;
      i = close === -1 ? line.length : close;
    } else if (c === '"') {
      const w = start();
      i++;
      for (; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length) {
          w.text += line[++i];
          continue;
        }
        if (line[i] === '$') w.expanded = true;
        w.text += line[i];
      }
    } else if ((c === '$' && line[i + 1] === '(') || c === '`') {
      const w = start();
      const close = substitutionEndForTest(line, i);
      w.text += line.slice(i, close);
      w.expanded = true;
      i = close - 1;
    } else if (c === '\\' && i + 1 < line.length) {
      start().text += line[++i];
    } else if (c === '#' && !cur) {
      break;
    } else if (c === ' ' || c === '\t') {
      end();
    } else if (c === ';' || c === '|' || c === '&') {
      end();
      const two = line.slice(i, i + 2);
      const op = two === '&&' || two === '||' ? two : c;
      words.push({text: op, literalDollar: false, expanded: false, op: true});
      i += op.length - 1;
    } else {
      const w = start();
      if (c === '$') w.expanded = true;
      w.text += c;
    }
  }
  end();
  return words;
}

/** The same end of a `$(…)` / backquoted substitution as extract-shell.ts finds. */
function substitutionEndForTest(line: string, from: number): number {
  if (line[from] === '`') {
    const close = line.indexOf('`', from + 1);
    return close === -1 ? line.length : close + 1;
  }
  let depth = 0;
  let quote = '';
  for (let i = from + 1; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return line.length;
}

describe('shellWords takes runs of plain characters at once and gives the same words', () => {
  it('on random lines of shell punctuation, quotes, escapes and words', () => {
    const parts = [
      'a',
      'hf',
      'jobs',
      ' ',
      '\t',
      "'",
      '"',
      '\\',
      '$',
      '$(',
      ')',
      '`',
      '#',
      ';',
      '|',
      '&',
      '&&',
      '||',
      '=',
      'x y',
      '\r',
      '-s',
      'HF_TOKEN',
      '{}',
    ];
    let rng = 11;
    const next = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 20_000; n++) {
      let line = '';
      for (let k = next() % 14; k > 0; k--) line += parts[next() % parts.length];
      expect(shellWords(line), JSON.stringify(line)).toEqual(shellWordsByChar(line));
    }
  });
  it('on every line of the check corpus that names hf or a token', () => {
    const dir = join(import.meta.dirname, '../../fixtures/checks/corpus/files');
    let lines = 0;
    for (const f of readdirSync(dir))
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n'))
        if (/\bhf\b|hfjobs|--token|HF_TOKEN/.test(line)) {
          lines++;
          expect(shellWords(line), `${f}: ${line}`).toEqual(shellWordsByChar(line));
        }
    expect(lines).toBeGreaterThan(300);
  });
});

describe('job calls are found from `_job` as the regex alone finds them', () => {
  const CALL = /\b(hf_jobs|run_uv_job|run_job|create_scheduled_uv_job|create_scheduled_job)\s*\(/g;
  const regexCalls = (text: string, from: number) => {
    CALL.lastIndex = from;
    const m = CALL.exec(text);
    return m ? [m.index, m[0]] : null;
  };
  it('on random texts of names, prefixes, dots, spaces and parentheses, from every start', () => {
    const parts = [
      'run_job',
      'run_uv_job',
      'hf_jobs',
      'create_scheduled_job',
      'create_scheduled_uv_job',
      '_job',
      'x',
      'my',
      '.',
      ' ',
      '\n',
      '(',
      ')',
      'def ',
      '_',
      '9',
      'api.',
    ];
    let rng = 3;
    const next = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 5_000; n++) {
      let text = '';
      for (let k = next() % 12; k > 0; k--) text += parts[next() % parts.length];
      for (let from = 0; from <= text.length; from += 1 + (next() % 4)) {
        const m = nextCall(text, from);
        expect(m ? [m.index, m[0]] : null, `${JSON.stringify(text)} from ${from}`).toEqual(regexCalls(text, from));
      }
    }
  });
});

describe('fence runs are found with two substring searches where the regex finds them', () => {
  it('on random texts of backquotes, tildes and newlines, from every start', () => {
    const FENCE_RUN = /`{3,}|~{3,}/g;
    const parts = ['`', '``', '```', '~', '~~~', '\n', 'a', ' '];
    let rng = 9;
    const next = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 3_000; n++) {
      let text = '';
      for (let k = next() % 16; k > 0; k--) text += parts[next() % parts.length];
      for (let from = 0; from <= text.length; from++) {
        FENCE_RUN.lastIndex = from;
        expect(nextFenceRun(text, from), JSON.stringify(text)).toBe(FENCE_RUN.exec(text)?.index ?? -1);
      }
    }
  });
});
