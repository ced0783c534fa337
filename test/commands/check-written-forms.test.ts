// check through the real CLI on files whose only sign of a token is a written form: an escaped underscore (JSON's
// \u005f, Python's \x5f), an HTML entity (&#95;, &lowbar;), fullwidth letters, or base64 that a wrap cut under a log
// prefix right inside a prefix's hint. The finders found each (core/tokens), but check's gate (hidden.ts mayHoldToken)
// said no and the file was never searched: before session 12, 8 of 8 written forms (these 5, a whole token as entities,
// hex, `hf＿`) and 20 of 216 prefixed base64 offsets were missed (hardcoded-token passed). A token whose prefix's own
// letters are written another way (all entities, hex) is still not looked for: its sign cost check 0.8% more.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const CLI = join(process.cwd(), 'dist/cli.mjs');
const TOKEN = 'hf_FAKE7qLm2xR9vT4wZ8kP3nB6cD1eF5gH0jS'; // fake test token (34 after hf_)
const BODY = TOKEN.slice(3);
const fullwidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

/** Each file: what it holds (one token, written one way). */
const FILES: Record<string, string> = {
  'escaped.json': `{"HF_TOKEN": "hf\\u005f${BODY}"}\n`,
  'escaped.py': `HF_TOKEN = "hf\\x5f${BODY}"\n`,
  'entity.md': `Your token: hf&#95;${BODY}\n`,
  'lowbar.md': `Your token: hf&lowbar;${BODY}\n`,
  'fullwidth-underscore.py': `TOKEN = "hf\uff3f${BODY}"\n`,
  'fullwidth.py': `TOKEN = "${fullwidth(TOKEN)}"\n`,
};
// base64 of `HF_TOKEN=…` in a log, its `data:` line wrapped at 40/60/76 under a timestamp, the hint of `hf_` cut by the
// break (each width's offsets where it is).
const B64 = Buffer.from(`HF_TOKEN=${TOKEN}\n`).toString('base64');
const CUT: [number, number][] = [
  [40, 19],
  [40, 21],
  [40, 60],
  [60, 40],
  [76, 56],
];
for (const [width, offset] of CUT) {
  const line = `data: ${'x'.repeat(offset)}${B64}`;
  const lines = ['INFO upload started'];
  for (let i = 0; i < line.length; i += width) lines.push(line.slice(i, i + width));
  FILES[`b64-${width}-${offset}.txt`] =
    lines.map((l, i) => `2026-12-08T00:16:${10 + i}.123456Z ${l}`).join('\n') + '\n';
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfjw-check-written-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('check --offline --json on tokens written another way', () => {
  it('finds the token in every file, masked in its report', () => {
    const res = spawnSync(process.execPath, [CLI, 'check', dir, '--offline', '--json'], {
      encoding: 'utf8',
      env: {...process.env, HF_TOKEN: '', HOME: dir, XDG_CACHE_HOME: join(dir, '.cache')},
    });
    const report = JSON.parse(res.stdout) as {checks: {id: string; status: string; file?: string; message: string}[]};
    const hits = report.checks.filter((c) => c.id === 'hardcoded-token' && c.status === 'fail');
    const found = hits.map((c) => c.file!.slice(dir.length + 1)).sort();
    expect(found).toEqual(Object.keys(FILES).sort());
    for (const hit of hits) expect(hit.message).toContain('hf_…H0jS');
    expect(res.stdout).not.toContain(BODY.slice(4, 12));
  });
});
