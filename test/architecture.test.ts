// The layers of src/, asserted from the source: which folder may import which (DEVELOPING.md says the same in
// words), no circle between folders, node:fs only where files are the point, and no function over 150 lines.
// Known debts are listed with their reason; each must still exist (fixing one means deleting its line here).
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {blankNonCode, functionBodies, importSpecifiers} from './helpers/source-scan.js';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** The unit the rules speak of: a top-level folder (or file) of src/, and each folder (or file) of src/core/. */
function areaOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  const strip = (s: string) => s.replace(/\.tsx?$/, '');
  if (parts[0] === 'core') return `core/${strip(parts[1]!)}`;
  return strip(parts[0]!);
}

/** The small shared leaves anything may import (the sandbox included): they import nothing of the app but each other. */
const LEAVES = [
  'core/practice',
  'core/wildmatch',
  'core/invocation',
  'core/which',
  'core/text',
  'core/tokens/mask.ts',
  // Tokens cut by a line break, masked whole (the sandbox's job page shows log lines): imports mask.ts only.
  'core/tokens/split.ts',
  'core/endpoint',
  // The keys of the sandbox's browser links: the app derives them, the sandbox checks them (node:crypto only).
  'core/auth/sandbox-form-key.ts',
];

/** Who may import whom, by area ("core/*" = any folder of core). Everything else is an edge that runs back up. */
const ALLOWED: Record<string, string[]> = {
  cli: ['cli-app'],
  'cli-app': ['cli-shell', 'main'],
  'check-cli': ['cli-shell', 'commands', 'io', 'run-command'],
  // check's loader: where its code cache is kept (the app's cache folder) and the V8 flags it is made under.
  'check-loader': ['core/store', 'core/checks'],
  'cli-shell': ['io', 'prepaint'],
  main: ['commands', 'core/*', 'io', 'prepaint', 'version', 'run-command'],
  'run-command': ['core/*', 'io'],
  commands: ['core/*', 'wizard', 'ui', 'plain', 'examples', 'sandbox', 'io', 'prompt', 'prepaint', 'version'],
  wizard: ['core/*', 'examples', 'io'],
  ui: ['core/*', 'io', 'prepaint', 'version'],
  plain: ['core/*', 'io', 'prompt', 'version', 'ui/format.ts'],
  examples: ['io'],
  io: [],
  prompt: ['io'],
  sandbox: [],
  prepaint: [],
  version: [],
  'core/*': ['core/*'],
};

/** Edges that break the rules today, each with why it is still here (none left: core no longer imports examples or the
 *  sandbox; the commands pass the example catalog and the sandbox starter in). */
const KNOWN_EDGES: Record<string, string> = {};

/** Circles between core's folders today (each one a known debt; any other circle fails). None left: checks/preflight
 *  ended when the scan-to-plan code moved to core/checks, hub/jobspec/tokens when findTokenLike moved to core/tokens. */
const KNOWN_CYCLES: string[] = [];

/** node:fs is for the layers whose job is files: the commands, the wizard's services, the sandbox, the examples'
 *  runner, check's loader (its code cache), and in core only the token store, the checks' file scanner and reading
 *  thread, the lessons' content/progress and `which`. */
const FS_ALLOWED = [
  /^commands\//,
  /^wizard\//,
  /^sandbox\//,
  /^examples\//,
  /^version\.ts$/,
  /^core\/store\//,
  /^core\/checks\/(scan|walk|read-ahead)\.ts$/,
  /^check-loader\.ts$/,
  /^core\/lessons\//,
  /^core\/which\.ts$/,
];

interface Edge {
  from: string;
  to: string;
  file: string;
  target: string;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      const from = areaOf(file);
      const to = areaOf(target);
      if (from !== to)
        out.push({
          from,
          to,
          file: relative(SRC, file),
          target: relative(SRC, target).replace(/\.ts$/, existsTsx(target) ? '.tsx' : '.ts'),
        });
    }
  }
  return out;
}

function existsTsx(tsPath: string): boolean {
  try {
    return statSync(tsPath.replace(/\.ts$/, '.tsx')).isFile();
  } catch {
    return false;
  }
}

function isLeaf(target: string): boolean {
  return LEAVES.some((leaf) => target === `${leaf}.ts` || target.startsWith(`${leaf}/`) || target === leaf);
}

function allowed(e: Edge): boolean {
  if (isLeaf(e.target)) return true;
  const rules = ALLOWED[e.from.startsWith('core/') ? 'core/*' : e.from] ?? [];
  return rules.some((r) => (r === 'core/*' ? e.to.startsWith('core/') : r.includes('.') ? e.target === r : e.to === r));
}

/** Strongly connected groups of two or more areas (Tarjan). */
function cycles(list: Edge[]): string[] {
  const graph = new Map<string, Set<string>>();
  for (const e of list) {
    if (isLeaf(e.target)) continue;
    if (!graph.has(e.from)) graph.set(e.from, new Set());
    graph.get(e.from)!.add(e.to);
  }
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort().join(' '));
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out.sort();
}

describe('architecture', () => {
  const all = edges();

  it('reads imports of every kind from the source (static, export-from, dynamic), and none from strings or comments', () => {
    const src = [
      "import {a} from './a.js';",
      'import type {B} from "./b.js";',
      "export {c} from './c.js';",
      "import './side.js';",
      "const m = await import('./lazy.js');",
      "// import {x} from './commented.js';",
      'const text = \'import {y} from "./in-string.js"\';',
      'const t = `import {z} from "./in-template.js" ${n}`;',
      "import {\n  d,\n  e,\n} from './multi.js';",
    ].join('\n');
    expect(importSpecifiers(src).sort()).toEqual([
      './a.js',
      './b.js',
      './c.js',
      './lazy.js',
      './multi.js',
      './side.js',
    ]);
    expect(all.length).toBeGreaterThan(100);
  });

  it('every import between folders follows the layer rules (or is a known, explained debt)', () => {
    const bad = [
      ...new Set(
        all
          .filter((e) => !allowed(e) && !KNOWN_EDGES[`${e.from} -> ${e.to}`])
          .map((e) => `${e.file} imports ${e.target} (${e.from} -> ${e.to})`),
      ),
    ];
    expect(bad).toEqual([]);
  });

  it('each known debt still exists: a fixed one is deleted from the list, so the list only shrinks', () => {
    const present = new Set(all.filter((e) => !allowed(e)).map((e) => `${e.from} -> ${e.to}`));
    expect(Object.keys(KNOWN_EDGES).filter((k) => !present.has(k))).toEqual([]);
  });

  it('the sandbox imports nothing from the app but the shared leaves (masking, glob matching, practice tokens)', () => {
    expect(all.filter((e) => e.from === 'sandbox' && !isLeaf(e.target)).map((e) => `${e.file} -> ${e.target}`)).toEqual(
      [],
    );
  });

  it('examples import neither the sandbox nor the commands statically', () => {
    expect(
      all.filter((e) => e.from === 'examples' && (e.to === 'sandbox' || e.to === 'commands')).map((e) => e.file),
    ).toEqual([]);
  });

  it('no circle between folders other than the known ones (none today)', () => {
    expect(cycles(all)).toEqual(KNOWN_CYCLES);
  });

  it('finds a circle and an upward edge when one is made up', () => {
    const made: Edge[] = [
      {from: 'core/a', to: 'core/b', file: 'core/a/x.ts', target: 'core/b/y.ts'},
      {from: 'core/b', to: 'core/a', file: 'core/b/y.ts', target: 'core/a/x.ts'},
    ];
    expect(cycles(made)).toEqual(['core/a core/b']);
    expect(allowed({from: 'core/checks', to: 'commands', file: 'core/checks/x.ts', target: 'commands/io.ts'})).toBe(
      false,
    );
    expect(allowed({from: 'sandbox', to: 'core/tokens', file: 'sandbox/x.ts', target: 'core/tokens/classify.ts'})).toBe(
      false,
    );
    expect(allowed({from: 'sandbox', to: 'core/tokens', file: 'sandbox/x.ts', target: 'core/tokens/mask.ts'})).toBe(
      true,
    );
  });

  it('commands and plain mode ask through src/prompt.ts (it owns the non-TTY rule), never @inquirer directly', () => {
    const direct = [...sourceFiles(join(SRC, 'commands')), ...sourceFiles(join(SRC, 'plain'))]
      .filter((f) => importSpecifiers(readFileSync(f, 'utf8')).some((s) => s.startsWith('@inquirer/')))
      .map((f) => relative(SRC, f));
    expect(direct).toEqual([]);
  });

  it('node:fs is imported only where files are the point', () => {
    const bad = sourceFiles(SRC)
      .map((f) => relative(SRC, f))
      .filter((f) => !FS_ALLOWED.some((re) => re.test(f)))
      .filter((f) =>
        importSpecifiers(readFileSync(join(SRC, f), 'utf8')).some((s) => s === 'node:fs' || s === 'node:fs/promises'),
      );
    expect(bad).toEqual([]);
  });
});

/** Functions over 150 lines today, with their length then: they may shrink or go, never grow; no new one may appear. */
const LONG_FUNCTIONS: Record<string, number> = {
  // None left: every function is at most 150 lines as Prettier (printWidth 120) lays it out.
};
const MAX_FUNCTION_LINES = 150;

function nameOf(head: string): string {
  const h = head.replace(/^(?:export\s+|default\s+|async\s+|static\s+|private\s+|public\s+)+/, '');
  const m = /^(?:function\*?\s+|const\s+|let\s+)?([A-Za-z_$][\w$]*)/.exec(h);
  return m?.[1] ?? head;
}

describe('function size', () => {
  it('the scanner counts a function body and skips braces in strings, templates, regexes and JSX text', () => {
    const src = [
      'export function f(a: string): number {',
      "  const s = '{';",
      '  const t = `}${a}{`;',
      '  const r = /[{]/;',
      "  const j = <Text>don't {a}</Text>;",
      '  if (a) {',
      '    return 1;',
      '  }',
      '  return 2;',
      '}',
      'const g = async () => {',
      '  return 3;',
      '};',
    ].join('\n');
    const bodies = functionBodies(src);
    expect(bodies.map((b) => [nameOf(b.head), b.lines])).toEqual([
      ['f', 10],
      ['g', 3],
    ]);
    expect(blankNonCode("x = '}'").includes('}')).toBe(false);
  });

  it(`no source function is over ${MAX_FUNCTION_LINES} lines (the listed ones only shrink)`, () => {
    const found: Record<string, number> = {};
    for (const file of sourceFiles(SRC)) {
      for (const b of functionBodies(readFileSync(file, 'utf8'))) {
        if (b.lines > MAX_FUNCTION_LINES) found[`${relative(SRC, file)} ${nameOf(b.head)}`] = b.lines;
      }
    }
    const grown = Object.entries(found).filter(([k, n]) => LONG_FUNCTIONS[k] === undefined || n > LONG_FUNCTIONS[k]!);
    expect(grown.map(([k, n]) => `${k}: ${n} lines`)).toEqual([]);
    // A listed function that got short is deleted from the list, so the list stays true.
    expect(Object.keys(LONG_FUNCTIONS).filter((k) => found[k] === undefined)).toEqual([]);
  });
});
