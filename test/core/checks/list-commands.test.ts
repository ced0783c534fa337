// Job commands a Python script builds as a list and runs (`cmd = ["hf", "jobs", "run", ...]; subprocess.run(cmd)`),
// and values the script fills in (`{expr}`) in a command's options and arguments.
import {describe, expect, it} from 'vitest';
import {listCommands} from '../../../src/core/checks/extract-list.js';
import {checkText} from '../../../src/core/checks/runner.js';
import {scanText} from '../../../src/core/checks/scan.js';
import {argsHubWrite} from '../../../src/core/checks/types.js';

const found = (text: string, file: string) =>
  checkText(text, file)
    .checks.filter((c) => c.status === 'warn' || c.status === 'fail')
    .map((c) => `${c.id}:${c.line}`);

const launcher = (extra: string) =>
  [
    'import subprocess',
    '',
    'def main(args):',
    '    cmd = [',
    '        "hf", "jobs", "run",',
    '        "--flavor", args.hardware,',
    '        "--timeout", args.timeout,',
    '    ]',
    '    for kv in args.env:',
    '        cmd += ["--env", kv]',
    extra,
    '    cmd.extend(["python:3.11", "python", str(args.script)])',
    '    cmd.append("--hub-model-id")',
    '    cmd.append(args.hub_model_id)',
    '    subprocess.run(cmd, check=True)',
    '',
    'def other():',
    '    cmd += ["--secrets", "HF_TOKEN"]',
    '',
  ].join('\n');

describe('commands built as a Python list', () => {
  it('are read with what the block adds to them (+=, extend, append; in loops too), at the list line', () => {
    const shown = listCommands(launcher(''));
    const lines = shown.split('\n');
    expect(lines).toHaveLength(launcher('').split('\n').length);
    expect(lines[3]).toBe(
      "'hf' 'jobs' 'run' '--flavor' '{args.hardware}' '--timeout' '{args.timeout}' '--env' '{kv}' 'python:3.11' 'python' '{str(args.script)}' '--hub-model-id' '{args.hub_model_id}'",
    );
    // Only that line: the function after the block (a dedent) does not grow the list.
    expect(lines.filter(Boolean)).toHaveLength(1);
    const sub = scanText(launcher(''), 'launch.py').submissions.find((s) => s.api === 'hf jobs run')!;
    expect(sub).toMatchObject({line: 4, operation: 'run'});
    // Values the script fills in are not judged as a flavor or a timeout.
    expect(sub.flavor).toBeUndefined();
    expect(sub.timeout).toBeUndefined();
    expect(sub.argsWrite?.value).toBe('writes to the repo in {args.hub_model_id} (--hub-model-id)');
  });

  it('fail missing-secrets when the job pushes and no secret is added; pass when the block adds one', () => {
    expect(found(launcher(''), 'launch.py')).toEqual(['missing-secrets:4']);
    expect(found(launcher('    cmd += ["--secrets", "HF_TOKEN"]'), 'launch.py')).toEqual([]);
  });

  it('hand strings to hf as they are: "$HF_TOKEN" in a list is not filled in by a shell', () => {
    const text =
      'import subprocess\nsubprocess.run(["hf", "jobs", "uv", "run", "--secrets", "HF_TOKEN=$HF_TOKEN", "train.py"])\n';
    expect(found(text, 'go.py')).toEqual(['literal-placeholder:2']);
    expect(listCommands('cmd = ["git", "push"]\n')).toBe('');
    expect(listCommands('cmd = ["hf", "download", "gpt2"]\n')).not.toBe('');
    expect(scanText('cmd = ["hf", "download", "gpt2"]\n', 'x.py').submissions).toEqual([]);
  });
});

describe('values a script fills in', () => {
  it('a printed f-string command with {flavor} and {timeout} is not an unknown flavor or a bad timeout', () => {
    const text = 'print(f"hf jobs uv run --flavor {flavor} --timeout {t} --secrets HF_TOKEN script.py")\n';
    expect(found(text, 'x.py')).toEqual([]);
  });

  it('a flag that only names a Hub repo writes there whatever fills it in; an output path does not', () => {
    expect(argsHubWrite('train.py --hub_model_id "$HUB_MODEL_ID"')).toBe(
      'writes to the repo in $HUB_MODEL_ID (--hub_model_id)',
    );
    expect(argsHubWrite('--hub-repo-id {repo}')).toBe('writes to the repo in {repo} (--hub-repo-id)');
    expect(argsHubWrite('--output-dir {out} --output-dataset $OUT')).toBeUndefined();
  });
});

describe('listCommands on a hostile file', () => {
  // Before the bounds, a line of 50,000 lists searched back for its start once a list (26 s), and an unclosed list
  // was read to the file's end once for every list after it. The bound is generous (a loaded machine); each takes
  // under half a second on a quiet one.
  it('a long line of lists, unclosed lists and a list grown 50,000 times are read in bounded time', () => {
    const cases: [string, boolean][] = [
      [`x = ${'["hf", "jobs", "uv", "run", "a.py"], '.repeat(50_000)}`, true],
      ['    cmd = ["hf", "jobs", "run",\n'.repeat(60_000), false],
      [`cmd = ["hf", "jobs", "run", "img"]\n${'    cmd += ["--env", "A=1"]\n'.repeat(50_000)}`, true],
    ];
    for (const [text, shows] of cases) {
      const started = Date.now();
      const shown = listCommands(text);
      expect(Date.now() - started).toBeLessThan(10_000);
      // A command at the list's line when the list closes; nothing when none does.
      expect(shown ? shown.split('\n').length : 0).toBe(shows ? text.split('\n').length : 0);
    }
  });
});

describe('lists whose words are not all visible', () => {
  it('are not read when another list is unpacked into them or added by name; `cmd = cmd + [...]` grows them', () => {
    expect(listCommands('cmd = ["hf", "jobs", "uv", "run", *flags, "train.py"]\n')).toBe('');
    expect(listCommands('cmd = ["hf", "jobs", "uv", "run"]\ncmd += extra\ncmd += ["train.py"]\n')).toBe('');
    expect(listCommands('cmd = ["hf", "jobs", "uv", "run"]\ncmd.extend(extra)\n')).toBe('');
    const grown = listCommands('cmd = ["hf", "jobs", "uv", "run"]\ncmd = cmd + ["-s", "HF_TOKEN", "t.py"]\ncmd = []\n');
    expect(grown.split('\n')[0]).toBe("'hf' 'jobs' 'uv' 'run' '-s' 'HF_TOKEN' 't.py'");
  });
});
