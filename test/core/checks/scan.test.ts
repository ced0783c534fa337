// Walking a project: .gitignore, binaries, node_modules, caps; the fixture's findings at the right file:line.
import {cp, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runChecks} from '../../../src/core/checks/runner.js';
import {mirroredScript, scanPaths, scanText, urlScriptPaths} from '../../../src/core/checks/scan.js';
import {gitignoreRule, IgnoreStack} from '../../../src/core/checks/walk.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
const FIXTURE = join(import.meta.dirname, '../../fixtures/checks/project');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-scan-'));
  await cp(FIXTURE, dir, {recursive: true});
  // Things that must NOT be reported: ignored by .gitignore, node_modules, binaries.
  await mkdir(join(dir, 'secrets'));
  await writeFile(join(dir, 'secrets', 'leak.env'), `HF_TOKEN=${FAKE}\n`);
  await writeFile(join(dir, 'debug.log'), `fake token ${FAKE}\n`);
  await mkdir(join(dir, 'node_modules', 'pkg'), {recursive: true});
  await writeFile(join(dir, 'node_modules', 'pkg', 'x.py'), `t = "${FAKE}"\n`);
  await writeFile(join(dir, 'weights.dat'), Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(FAKE)]));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('gitignore matching', () => {
  it('handles the simple patterns', () => {
    const base = '/r';
    const stack = new IgnoreStack().with(
      base,
      '*.log\nbuild/\n/only-root.txt\ndocs/**/draft.md\n!keep.log\n# comment\n',
    );
    expect(stack.ignored('/r/a.log', false)).toBe(true);
    expect(stack.ignored('/r/sub/b.log', false)).toBe(true);
    expect(stack.ignored('/r/keep.log', false)).toBe(false);
    expect(stack.ignored('/r/build', true)).toBe(true);
    expect(stack.ignored('/r/build', false)).toBe(false);
    expect(stack.ignored('/r/only-root.txt', false)).toBe(true);
    expect(stack.ignored('/r/sub/only-root.txt', false)).toBe(false);
    expect(stack.ignored('/r/docs/a/b/draft.md', false)).toBe(true);
    expect(gitignoreRule('# nothing')).toBeUndefined();
  });
});

describe('scanPaths on the fixture project', () => {
  it('skips ignored files, node_modules and binaries', async () => {
    const model = await scanPaths(['.'], {cwd: dir});
    expect(model.files).toEqual(['.gitignore', 'README.md', 'hf-job.json', 'run.sh', 'train.py']);
    expect(model.tokens).toEqual([]);
    expect(model.skipped).toContainEqual({file: 'weights.dat', reason: 'binary'});
  });

  it('an explicitly named ignored file is still read', async () => {
    const model = await scanPaths(['debug.log'], {cwd: dir});
    expect(model.tokens).toHaveLength(1);
  });

  it('reports the fixture problems at file:line, offline, with no false alarms', async () => {
    const report = await runChecks({
      paths: ['.'],
      cwd: dir,
      env: {HOME: dir, XDG_CACHE_HOME: join(dir, '.cache')},
      offline: true,
    });
    const bad = report.checks
      .filter((c) => c.status === 'fail' || c.status === 'warn')
      .map((c) => `${c.status} ${c.id} ${c.file}:${c.line}`);
    expect(bad.sort()).toEqual(
      [
        'fail literal-placeholder run.sh:3',
        'fail logged-in undefined:undefined',
        'fail script-not-in-container README.md:6',
        'fail unknown-argument README.md:6',
        'warn no-token-check train.py:6',
      ].sort(),
    );
    expect(report.ok).toBe(false);
    // The job config and the CLI line run train.py, which pushes: both know it needs a token.
    expect(report.checks.find((c) => c.id === 'missing-secrets')!.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'token-valid')!.status).toBe('skip');
    expect(JSON.stringify(report)).not.toContain(FAKE);
  });

  it('the JSON shape is exactly {ok, checks:[{id,status,title,message,fix,file?,line?}]}', async () => {
    const report = await runChecks({
      paths: ['hf-job.json'],
      cwd: dir,
      env: {HF_TOKEN: FAKE, HOME: dir, XDG_CACHE_HOME: join(dir, '.cache')},
      offline: true,
    });
    expect(Object.keys(report).sort()).toEqual(['checks', 'ok']);
    for (const c of report.checks) {
      for (const k of Object.keys(c)) expect(['id', 'status', 'title', 'message', 'fix', 'file', 'line']).toContain(k);
      expect(['pass', 'warn', 'fail', 'skip']).toContain(c.status);
    }
    expect(JSON.stringify(report)).not.toContain(FAKE);
    expect(report.checks.find((c) => c.id === 'logged-in')!.message).toContain('hf_…ke12');
  });

  it('missing-secrets follows a CLI line to the local script it runs', async () => {
    await writeFile(join(dir, 'nosecret.sh'), 'hf jobs uv run --flavor cpu-basic train.py\n');
    const report = await runChecks({paths: ['nosecret.sh'], cwd: dir, env: {HOME: dir}, offline: true});
    const f = report.checks.find((c) => c.id === 'missing-secrets');
    expect(f).toMatchObject({status: 'fail', file: 'nosecret.sh', line: 1});
    expect(f!.fix).toContain('--secrets HF_TOKEN');
    await rm(join(dir, 'nosecret.sh'));
  });

  it('a Hub or GitHub URL to a script whose copy sits next to the doc is judged by that copy', async () => {
    const sub = join(dir, 'mirror');
    await mkdir(sub, {recursive: true});
    await writeFile(
      join(sub, 'classify.py'),
      '# /// script\n# dependencies = ["datasets"]\n# ///\nfrom datasets import load_dataset\nload_dataset("a/b").push_to_hub("u/out")\n',
    );
    await writeFile(
      join(sub, 'README.md'),
      '```bash\nhf jobs uv run --flavor l4x1 \\\n  https://huggingface.co/datasets/uv-scripts/x/resolve/main/classify.py in out\n```\n\n```bash\nhf jobs uv run https://raw.githubusercontent.com/o/r/main/other.py\n```\n',
    );
    const report = await runChecks({paths: ['mirror'], cwd: dir, env: {HOME: dir}, offline: true});
    const f = report.checks.filter((c) => c.id === 'missing-secrets' && c.status === 'fail');
    // The first job runs the local copy (it pushes, no token passed); other.py has no copy here: not judged.
    expect(f.map((c) => `${c.file}:${c.line}`)).toEqual([join('mirror', 'README.md') + ':2']);
    expect(mirroredScript('https://huggingface.co/datasets/uv-scripts/ocr/raw/main/glm-ocr.py')).toBe('glm-ocr.py');
    expect(mirroredScript('https://raw.githubusercontent.com/o/r/refs/heads/main/a/b.py?x=1')).toBe('b.py');
    expect(mirroredScript('https://example.com/s.py')).toBeUndefined();
    expect(mirroredScript('https://huggingface.co/datasets/o/r/raw/main/data.json')).toBeUndefined();
    await rm(sub, {recursive: true, force: true});
  });

  it('a URL to a script at its path in the checked repository (or a Hub repo kept in its own folder) is judged by that file', async () => {
    const tree = join(dir, 'urltree');
    await mkdir(join(tree, 'training'), {recursive: true});
    await mkdir(join(tree, 'ocr'), {recursive: true});
    await mkdir(join(tree, 'docs'), {recursive: true});
    const pushes =
      '# /// script\n# dependencies = ["datasets"]\n# ///\nfrom datasets import load_dataset\nload_dataset("a/b").push_to_hub("u/out")\n';
    await writeFile(join(tree, 'training', 'run_job.py'), pushes);
    await writeFile(join(tree, 'ocr', 'glm-ocr.py'), pushes);
    await writeFile(
      join(tree, 'docs', 'jobs.md'),
      [
        '```bash',
        'hf jobs uv run https://github.com/me/proj/raw/main/training/run_job.py',
        'hf jobs uv run https://huggingface.co/datasets/uv-scripts/ocr/raw/main/glm-ocr.py in out',
        'hf jobs uv run -s HF_TOKEN https://raw.githubusercontent.com/me/proj/refs/heads/main/training/run_job.py',
        'hf jobs uv run https://raw.githubusercontent.com/me/proj/main/elsewhere/run_job.py',
        '```',
        '',
      ].join('\n'),
    );
    const report = await runChecks({
      paths: ['.'],
      cwd: tree,
      env: {HOME: dir},
      offline: true,
      only: ['missing-secrets'],
    });
    const f = report.checks.filter((c) => c.status === 'fail');
    // The third passes its token; the fourth's path is not in the tree: not judged.
    expect(f.map((c) => `${c.file}:${c.line}`)).toEqual([
      join('docs', 'jobs.md') + ':2',
      join('docs', 'jobs.md') + ':3',
    ]);
    // The same tree checked from another folder (`check /path/to/repo`): the repository's root is the folder given,
    // not the current one (it was: both jobs' scripts went unread and the check said "no job script could be read").
    const fromElsewhere = await runChecks({
      paths: [tree],
      cwd: dir,
      env: {HOME: dir},
      offline: true,
      only: ['missing-secrets'],
    });
    expect(fromElsewhere.checks.filter((c) => c.status === 'fail').map((c) => `${c.file}:${c.line}`)).toEqual([
      join('urltree', 'docs', 'jobs.md') + ':2',
      join('urltree', 'docs', 'jobs.md') + ':3',
    ]);
    expect(urlScriptPaths('https://raw.githubusercontent.com/o/r/refs/heads/main/a/b.py?x=1')).toEqual(['a/b.py']);
    expect(urlScriptPaths('https://github.com/o/r/blob/v1/s.py')).toEqual(['s.py']);
    expect(urlScriptPaths('https://hf.co/spaces/o/app/resolve/main/x/y.py')).toEqual(['x/y.py', 'app/x/y.py']);
    expect(urlScriptPaths('https://example.com/s.py')).toEqual([]);
    expect(urlScriptPaths('https://huggingface.co/datasets/o/r/raw/main/data.json')).toEqual([]);
    await rm(tree, {recursive: true, force: true});
  });

  it("a local script not where the doc or the root would find it is the tree's one file of that path (two: not judged)", async () => {
    const tree = join(dir, 'skilltree');
    await mkdir(join(tree, '.opencode', 'skills', 'cost'), {recursive: true});
    await mkdir(join(tree, 'sft'), {recursive: true});
    await mkdir(join(tree, 'a'), {recursive: true});
    await mkdir(join(tree, 'b'), {recursive: true});
    const pushes =
      '# /// script\n# dependencies = ["datasets"]\n# ///\nfrom datasets import load_dataset\nload_dataset("a/b").push_to_hub("u/out")\n';
    await writeFile(join(tree, 'sft', 'train-v2.py'), pushes);
    await writeFile(join(tree, 'a', 'twice.py'), pushes);
    await writeFile(join(tree, 'b', 'twice.py'), pushes);
    await writeFile(
      join(tree, '.opencode', 'skills', 'cost', 'SKILL.md'),
      [
        '```bash',
        'hf jobs uv run --flavor a10g-small train-v2.py',
        'hf jobs uv run --flavor a10g-small twice.py',
        'hf jobs uv run --flavor a10g-small sft/train-v2.py',
        'hf jobs uv run --flavor a10g-small other/train-v2.py',
        '```',
        '',
      ].join('\n'),
    );
    const report = await runChecks({
      paths: ['.'],
      cwd: tree,
      env: {HOME: dir},
      offline: true,
      only: ['missing-secrets'],
    });
    const doc = join('.opencode', 'skills', 'cost', 'SKILL.md');
    // train-v2.py and sft/train-v2.py: the one sft/train-v2.py, which pushes with no token passed. twice.py: two files
    // of that name, so no guess; other/train-v2.py: no file at that path.
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => `${c.file}:${c.line}`)).toEqual([
      doc + ':2',
      doc + ':4',
    ]);
    await rm(tree, {recursive: true, force: true});
  });

  it('reads --secrets-file and judges its entries', async () => {
    await writeFile(join(dir, 'job.secrets'), 'HF_TOKEN=$HF_TOKEN\n');
    await writeFile(join(dir, 'sf.sh'), 'hf jobs uv run --secrets-file job.secrets train.py\n');
    const report = await runChecks({
      paths: ['sf.sh'],
      cwd: dir,
      env: {HOME: dir},
      offline: true,
      only: ['literal-placeholder'],
    });
    expect(report.checks[0]).toMatchObject({id: 'literal-placeholder', status: 'fail'});
    await rm(join(dir, 'sf.sh'));
    await rm(join(dir, 'job.secrets'));
  });
});

describe('tokens no line shows whole, in a scanned file', () => {
  // The text holds no `hf_`: the scanner's gate is mayHoldToken (core/tokens/hidden.ts), not the prefix alone.
  const fake = 'hf_FAKEbase64FAKEfakeFAKEfakeFAKE1234';
  it('finds a base64-encoded token in a Kubernetes Secret, and a concatenated one', () => {
    const yaml = `apiVersion: v1\nkind: Secret\ndata:\n  HF_TOKEN: ${Buffer.from(fake).toString('base64')}\n`;
    expect(yaml).not.toContain('hf_');
    expect(scanText(yaml, 'k8s/secret.yaml').tokens).toEqual([{file: 'k8s/secret.yaml', line: 4, token: fake}]);
    const py = `TOKEN = "h" + "${fake.slice(1)}"\n`;
    expect(scanText(py, 'x.py').tokens.map((t) => t.token)).toEqual([fake]);
    expect(scanText('import os\nprint(os.environ["HF_TOKEN"])\n', 'y.py').tokens).toEqual([]);
  });
});
