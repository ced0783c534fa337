import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkText} from '../../../src/core/checks/runner.js';
import type {JobConfig} from '../../../src/core/jobspec/config.js';
import {allSnippets, mcpCall} from '../../../src/core/jobspec/snippets.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;

const CONFIGS: Record<string, {config: JobConfig; scriptSource?: string}> = {
  'url script': {
    config: {
      script: 'https://huggingface.co/datasets/uv-scripts/x/raw/main/s.py',
      dependencies: ['datasets', 'huggingface_hub'],
      python: '3.12',
      flavor: 'a10g-small',
      timeout: '2h',
      secrets: {HF_TOKEN: '$HF_TOKEN'},
      env: {MODE: "it's fast"},
      script_args: ['--out', 'me/ds'],
    },
  },
  'local script': {
    config: {
      script: 'train.py',
      flavor: 'cpu-basic',
      timeout: 1800,
      secrets: {HF_TOKEN: '$HF_TOKEN'},
      namespace: 'my-org',
    },
    scriptSource: 'import os\nassert os.environ.get("HF_TOKEN")\nprint("ok")\n',
  },
  'inline script': {
    config: {
      script:
        '# /// script\n# dependencies = ["huggingface_hub"]\n# ///\nimport os\nfrom huggingface_hub import whoami\nassert "HF_TOKEN" in os.environ\nprint(whoami()["name"], \'done\')\n',
      secrets: {HF_TOKEN: '$HF_TOKEN'},
    },
  },
  'docker job': {
    config: {
      command: ['python', '-c', 'print("hello")'],
      image: 'python:3.12',
      flavor: 'cpu-basic',
      secrets: {HF_TOKEN: '${HF_TOKEN}'},
    },
  },
};

describe.each(Object.entries(CONFIGS))('snippets for a %s', (_name, {config, scriptSource}) => {
  const s = allSnippets(config, scriptSource !== undefined ? {scriptSource} : {});

  it('every snippet passes our own check with no fail', () => {
    for (const [file, code] of [
      ['job.sh', s.cli.code],
      ['job.py', s.python.code],
      ['call.json', s.mcp.code],
      ['job.mjs', s.js.code],
      [
        'README.md',
        '```bash\n' + s.cli.code + '```\n\n```python\n' + s.python.code + '```\n\n```json\n' + s.mcp.code + '```\n',
      ],
    ] as const) {
      const report = checkText(code, file);
      const fails = report.checks.filter((c) => c.status === 'fail');
      expect(fails, `${file}:\n${code}`).toEqual([]);
    }
  });

  it('bash -n accepts the CLI snippet, which passes the token as --secrets HF_TOKEN', () => {
    expect(s.cli.code).toMatch(/--secrets HF_TOKEN\b/);
    expect(() => execFileSync('bash', ['-n'], {input: s.cli.code})).not.toThrow();
  });

  it.skipIf(!hasPython)('python3 parses the Python snippet, which uses get_token()', () => {
    expect(s.python.code).toContain('"HF_TOKEN": get_token()');
    expect(() =>
      execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], {input: s.python.code}),
    ).not.toThrow();
  });

  it('the MCP call uses the tool\'s real argument names and keeps "$HF_TOKEN"', () => {
    const call = JSON.parse(s.mcp.code);
    expect(Object.keys(call)).toEqual(['operation', 'args']);
    expect(call.args.secrets.HF_TOKEN).toMatch(/^\$\{?HF_TOKEN\}?$/);
    expect(call.args).not.toHaveProperty('dependencies');
    expect(call.args).not.toHaveProperty('image', expect.stringContaining('uv'));
  });

  it('the JS snippet calls runJob and keeps the token out of the code', () => {
    expect(s.js.code).toContain('from "@huggingface/hub"');
    expect(s.js.code).toContain('runJob({');
    expect(s.js.code).toContain('process.env.HF_TOKEN');
  });
});

describe('snippet details', () => {
  it('MCP: with_deps, no image on uv (noted), local script sent inline', () => {
    const call = mcpCall(
      {script: 'train.py', dependencies: ['trl'], image: 'vllm/vllm-openai', timeout: 600},
      {scriptSource: 'print(1)\nprint(2)\n'},
    );
    expect(call).toMatchObject({
      operation: 'uv',
      args: {script: 'print(1)\nprint(2)\n', with_deps: ['trl'], timeout: '600s'},
    });
    expect(call.args).not.toHaveProperty('image');
    expect(call.notes.join(' ')).toContain('cannot be passed');
  });

  it('CLI quotes awkward values', () => {
    const s = allSnippets({script: 'https://e.x/s.py', env: {MSG: "a b'c"}, secrets: {HF_TOKEN: '$HF_TOKEN'}});
    expect(s.cli.code).toContain(`-e 'MSG=a b'\\''c'`);
  });
});

describe('the CLI snippet runs the job the other snippets run (attacker review, session 10)', () => {
  // Run in bash with `hf` a function that prints the words it got, one a line: what the real hf then parses.
  const wordsHfGets = (code: string, dir: string) =>
    execFileSync('bash', ['-c', `hf() { printf '%s\\n' "$@"; }\n${code}`], {cwd: dir, encoding: 'utf8'}).split('\n');

  it("script arguments follow `--`: hf (click) read '--timeout 600' after the script as its own option", () => {
    const s = allSnippets({
      script: 'https://e.x/s.py',
      script_args: ['--epochs', '3', '--timeout', '600', '-e', 'X=1'],
      secrets: {HF_TOKEN: '$HF_TOKEN'},
    });
    const words = wordsHfGets(s.cli.code, tmpdir());
    const end = words.indexOf('--');
    expect(words.slice(end + 1, -1)).toEqual(['https://e.x/s.py', '--epochs', '3', '--timeout', '600', '-e', 'X=1']);
    expect(words.slice(0, end)).not.toContain('--timeout');
    const docker = wordsHfGets(
      allSnippets({command: ['python', '--secrets', 'HF_TOKEN'], image: 'python:3.12'}).cli.code,
      tmpdir(),
    );
    expect(docker.slice(docker.indexOf('--') + 1, -1)).toEqual(['python:3.12', 'python', '--secrets', 'HF_TOKEN']);
  });

  it("an env value is written as hf's .env reader reads it back: a line break is no second, bare variable", () => {
    // `-e 'A=1<newline>HF_TOKEN'` gave the job A=1 and HF_TOKEN from the login, in its visible env.
    const s = allSnippets({
      script: 'https://e.x/s.py',
      env: {A: '1\nHF_TOKEN', C: '#fff'},
      secrets: {HF_TOKEN: '$HF_TOKEN'},
    });
    const words = wordsHfGets(s.cli.code, tmpdir());
    expect(words.filter((w, i) => words[i - 1] === '-e')).toEqual(['A="1\\nHF_TOKEN"', 'C="#fff"']);
    const odd = allSnippets({script: 'https://e.x/s.py', env: {A: '1\rHF_TOKEN'}, secrets: {HF_TOKEN: '$HF_TOKEN'}});
    expect(odd.cli.code).not.toContain('-e');
    expect(odd.cli.notes.join(' ')).toContain('"env.A" is left out');
  });

  it('an inline script holding the heredoc marker ends nothing early: its next lines are not run by the shell', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snippet-heredoc-'));
    try {
      const script = 'print(1)\nHF_JOB_SCRIPT_EOF\ntouch PWNED\nHF_JOB_SCRIPT_EOF_1\nprint(2)\n';
      const s = allSnippets({script, secrets: {HF_TOKEN: '$HF_TOKEN'}});
      wordsHfGets(s.cli.code, dir);
      expect(existsSync(join(dir, 'PWNED'))).toBe(false);
      expect(await readFile(join(dir, 'job_script.py'), 'utf8')).toBe(script);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});

describe('the JavaScript snippet', () => {
  it('sends the job to HF_ENDPOINT when set (the sandbox), like hf and huggingface_hub do', () => {
    const {code} = allSnippets({script: 'https://e.x/s.py', secrets: {HF_TOKEN: '$HF_TOKEN'}}).js;
    expect(code).toContain('const hubUrl = process.env.HF_ENDPOINT || "https://huggingface.co";');
    expect(code).toMatch(/whoAmI\(\{accessToken, hubUrl\}\)/);
    expect(code).toMatch(/^  hubUrl,$/m);
    expect(code).not.toContain('`https://huggingface.co/jobs/');
  });
});
