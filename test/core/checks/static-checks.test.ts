// Each static check id: at least one input that passes and one that warns or fails.
import {describe, expect, it} from 'vitest';
import {checkText, runCheckOnText} from '../../../src/core/checks/runner.js';
import {scriptFacts} from '../../../src/core/checks/script-facts.js';
import type {CheckStatus, StaticCheckId} from '../../../src/core/checks/types.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';

function statuses(id: StaticCheckId, text: string, file: string): CheckStatus[] {
  return runCheckOnText(id, text, file).map((r) => r.status);
}

function worst(id: StaticCheckId, text: string, file: string): CheckStatus {
  const s = statuses(id, text, file);
  return s.includes('fail') ? 'fail' : s.includes('warn') ? 'warn' : s.includes('pass') ? 'pass' : 'skip';
}

const MCP_GOOD = `{"operation": "uv", "args": {"script": "import os\\nprint(1)\\n", "with_deps": ["datasets"], "flavor": "cpu-basic", "timeout": "30m", "secrets": {"HF_TOKEN": "$HF_TOKEN"}}}`;

type Case = [label: string, text: string, file: string, expected: CheckStatus];
const CASES: Record<StaticCheckId, Case[]> = {
  'hardcoded-token': [
    [
      'no token, placeholders and hf_hub_download',
      'from huggingface_hub import hf_hub_download\n# use hf_xxx or hf_YOUR_TOKEN or hf_...\nimport hf_transfer\ntoken = "hf_abc123..."\n',
      'a.py',
      'pass',
    ],
    ['HF_TOKEN in prose', 'Set the HF_TOKEN variable; see hf_jobs docs.\n', 'README.md', 'pass'],
    ['a token in code', `api = HfApi(token="${FAKE}")\n`, 'a.py', 'fail'],
    ['an org token in a .env-like text', 'HF_TOKEN=api_org_FAKEfakeFAKEfakeFAKEfake\n', 'notes.txt', 'fail'],
  ],
  'token-in-env': [
    ['secrets', MCP_GOOD, 'call.json', 'pass'],
    [
      'MCP env',
      '{"operation": "uv", "args": {"script": "a\\nb", "env": {"HF_TOKEN": "$HF_TOKEN"}}}',
      'call.json',
      'warn',
    ],
    ['CLI -e HF_TOKEN', 'hf jobs uv run -e HF_TOKEN https://e.x/s.py\n', 'run.sh', 'warn'],
  ],
  'wrong-secret-key': [
    ['HF_TOKEN', MCP_GOOD, 'call.json', 'pass'],
    [
      'TOKEN',
      '{"operation": "uv", "args": {"script": "a\\nb", "secrets": {"TOKEN": "$HF_TOKEN"}}}',
      'call.json',
      'fail',
    ],
    ['lowercase in Python', 'run_uv_job("https://e.x/s.py", secrets={"hf_token": get_token()})\n', 'submit.py', 'fail'],
    ['legacy name', 'hf jobs uv run -s HUGGING_FACE_HUB_TOKEN https://e.x/s.py\n', 'run.sh', 'warn'],
  ],
  'missing-secrets': [
    [
      'token passed',
      '{"operation": "uv", "args": {"script": "from datasets import Dataset\\nDataset.from_dict({}).push_to_hub(\\"me/x\\")\\n", "secrets": {"HF_TOKEN": "$HF_TOKEN"}}}',
      'call.json',
      'pass',
    ],
    [
      'push without a token',
      '{"operation": "uv", "args": {"script": "from datasets import Dataset\\nDataset.from_dict({}).push_to_hub(\\"me/x\\")\\n"}}',
      'call.json',
      'fail',
    ],
    [
      'download only: no token needed',
      'run_uv_job("print(1)\\nfrom huggingface_hub import hf_hub_download\\nhf_hub_download(\\"gpt2\\", \\"config.json\\")\\n")\n',
      'submit.py',
      'pass',
    ],
  ],
  'no-token-check': [
    [
      'checks first',
      '# /// script\n# dependencies = ["huggingface_hub"]\n# ///\nimport os\nassert "HF_TOKEN" in os.environ\nfrom huggingface_hub import HfApi\nHfApi().upload_file(path_or_fileobj="a", path_in_repo="a", repo_id="me/x")\n',
      'job.py',
      'pass',
    ],
    [
      'never checks',
      '# /// script\n# dependencies = ["datasets"]\n# ///\nfrom datasets import Dataset\nDataset.from_dict({"a": [1]}).push_to_hub("me/x")\n',
      'job.py',
      'warn',
    ],
    [
      'a library file is not a job script',
      'from datasets import Dataset\nDataset.from_dict({}).push_to_hub("me/x")\n',
      'lib.py',
      'skip',
    ],
  ],
  'token-format': [
    [
      'a real-shaped value is not a format problem',
      `hf jobs uv run --secrets HF_TOKEN=${FAKE} s.py\n`,
      'run.sh',
      'pass',
    ],
    [
      'a doc placeholder sent as the token',
      'run_uv_job("https://e.x/s.py", secrets={"HF_TOKEN": "hf_xxx"})\n',
      'submit.py',
      'warn',
    ],
    ['an org token', 'export HF_TOKEN=api_org_FAKEfakeFAKEfakeFAKEfake\n', 'env.sh', 'fail'],
    ['cut off', 'export HF_TOKEN=hf_FAKEfake12\n', 'env.sh', 'fail'],
  ],
  'literal-placeholder': [
    ['MCP replaces it', MCP_GOOD, 'call.json', 'pass'],
    [
      'Python sends it as is',
      'from huggingface_hub import HfApi\nHfApi().run_uv_job("https://e.x/s.py", secrets={"HF_TOKEN": "$HF_TOKEN"})\n',
      'submit.py',
      'fail',
    ],
    ['single-quoted CLI', "hf jobs uv run -s HF_TOKEN='$HF_TOKEN' https://e.x/s.py\n", 'run.sh', 'fail'],
    ['bare CLI is right', 'hf jobs uv run --secrets HF_TOKEN https://e.x/s.py\n', 'run.sh', 'pass'],
    // Filled in by the shell before hf runs: works when HF_TOKEN is exported (a note on the pass line, not a finding).
    ['shell-expanded CLI passes', 'hf jobs uv run -s HF_TOKEN=$HF_TOKEN https://e.x/s.py\n', 'run.sh', 'pass'],
    [
      'double-quoted CLI passes',
      'hf jobs uv run --secrets HF_TOKEN="${HF_TOKEN}" https://e.x/s.py\n',
      'run.sh',
      'pass',
    ],
    ['a secrets file does no expansion', 'hf jobs uv run --secrets-file .env https://e.x/s.py\n', 'run.sh', 'pass'],
  ],
  'script-not-in-container': [
    ['inline code', MCP_GOOD, 'call.json', 'pass'],
    ['a URL', '{"operation": "uv", "args": {"script": "https://e.x/s.py"}}', 'call.json', 'pass'],
    [
      'a local path',
      'hf_jobs("uv", {"script": "train.py", "secrets": {"HF_TOKEN": "$HF_TOKEN"}})\n',
      'agent.py',
      'fail',
    ],
    ['one-line code', '{"operation": "uv", "args": {"script": "print(1)"}}', 'call.json', 'fail'],
  ],
  'unknown-argument': [
    ['real names', MCP_GOOD, 'call.json', 'pass'],
    [
      'dependencies in MCP',
      '{"operation": "uv", "args": {"script": "a\\nb", "dependencies": ["x"]}}',
      'call.json',
      'fail',
    ],
    ['image in MCP uv', 'hf_jobs("uv", {"script": "a\\nb", "image": "vllm/vllm-openai:latest"})\n', 'agent.py', 'fail'],
    ['with_deps in Python', 'run_uv_job("https://e.x/s.py", with_deps=["x"])\n', 'submit.py', 'fail'],
    ['typo in hf-job.json', '{"script": "t.py", "flavour": "cpu-basic"}', 'hf-job.json', 'fail'],
  ],
  'timeout-format': [
    ['valid', MCP_GOOD, 'call.json', 'pass'],
    ['90min', '{"operation": "uv", "args": {"script": "a\\nb", "timeout": "90min"}}', 'call.json', 'fail'],
    ['2 hours on the CLI', 'hf jobs run --timeout "2 hours" python:3.12 python -c pass\n', 'run.sh', 'fail'],
  ],
  'unknown-flavor': [
    ['known', 'hf jobs uv run --flavor a10g-small s.py\n', 'run.sh', 'pass'],
    ['typo', 'hf jobs uv run --flavor a10g-smal s.py\n', 'run.sh', 'fail'],
    ['TPU', 'run_uv_job("https://e.x/s.py", flavor="v5e-1x1")\n', 'submit.py', 'fail'],
  ],
  'token-in-argv': [
    ['no --token', 'hf auth login\nhf jobs ps --token "$HF_TOKEN"\n', 'setup.sh', 'pass'],
    ['placeholder is not a token', 'hf auth login --token hf_YOUR_TOKEN\n', 'docs.sh', 'pass'],
    ['--token hf_...', `hf auth login --token ${FAKE}\n`, 'setup.sh', 'fail'],
  ],
};

for (const [id, cases] of Object.entries(CASES) as [StaticCheckId, Case[]][]) {
  describe(id, () => {
    it.each(cases)('%s', (_label, text, file, expected) => {
      expect(worst(id, text, file)).toBe(expected);
    });
    it('has both outcomes covered', () => {
      const outcomes = new Set(cases.map((c) => c[3]));
      expect(outcomes.has('pass') || outcomes.has('skip')).toBe(true);
      expect(outcomes.has('fail') || outcomes.has('warn')).toBe(true);
    });
  });
}

describe('token-in-argv says only what it checks', () => {
  it('a token in -e on a command line: hardcoded-token fails it, and token-in-argv does not claim "no token on a command line"', () => {
    const r = checkText(`hf jobs uv run -e HF_TOKEN=${FAKE} s.py\n`, 'run.sh', {
      only: ['token-in-argv', 'hardcoded-token'],
    });
    expect(r.checks.find((c) => c.id === 'hardcoded-token')?.status).toBe('fail');
    const argv = r.checks.find((c) => c.id === 'token-in-argv')!;
    expect(argv.status).toBe('pass');
    expect(argv.title).toBe('No token given with --token');
  });
});

describe('timeout-format names the MCP tool only for an MCP call', () => {
  it("says the MCP tool's parseInt reading for an MCP call, and not for a CLI line", () => {
    const mcp = checkText('{"operation": "uv", "args": {"script": "a\\nb", "timeout": "90min"}}', 'call.json', {
      only: ['timeout-format'],
    }).checks[0]!;
    expect(mcp.message).toContain('the MCP tool would read it as 90 seconds');
    const cli = checkText('hf jobs uv run --timeout 90min s.py\n', 'run.sh', {only: ['timeout-format']}).checks[0]!;
    expect(cli.status).toBe('fail');
    expect(cli.message).toContain('"90min" is not a valid format');
    expect(cli.message).not.toContain('MCP');
  });
});

describe('--secrets HF_TOKEN=$HF_TOKEN', () => {
  it('passes with a note saying when the shell-filled form sends an empty value', () => {
    const r = checkText('hf jobs uv run --secrets HF_TOKEN=$HF_TOKEN https://e.x/s.py\n', 'run.sh', {
      only: ['literal-placeholder'],
    }).checks[0]!;
    expect(r.status).toBe('pass');
    expect(r.message).toContain('--secrets HF_TOKEN=$HF_TOKEN (run.sh:1) is filled in by your shell');
    expect(r.message).toContain('the bare `--secrets HF_TOKEN` sends your saved token');
  });
});

describe('token-in-env judges the value, not the name', () => {
  const exposed: [string, string, string][] = [
    [
      'the old name from $HF_TOKEN',
      'hf jobs run --env HUGGINGFACE_HUB_TOKEN=$HF_TOKEN python:3.12 python a.py\n',
      'run.sh',
    ],
    ["LangChain's name", 'hf jobs uv run -e HUGGINGFACEHUB_API_TOKEN="${HF_TOKEN}" s.py\n', 'run.sh'],
    ['another token variable', 'hf jobs uv run -e HF_API_TOKEN=$HUGGINGFACE_TOKEN s.py\n', 'run.sh'],
    ['hf auth token', 'hf jobs uv run -e HUGGINGFACE_TOKEN="$(hf auth token)" s.py\n', 'run.sh'],
    ['the token file', 'hf jobs uv run -e HF_HUB_TOKEN=$(cat ~/.cache/huggingface/token) s.py\n', 'run.sh'],
    ['a bare token-named variable', 'hf jobs uv run -e HUGGINGFACE_TOKEN s.py\n', 'run.sh'],
    ['a literal hf_ token', `hf jobs uv run -e MY_KEY=${FAKE} s.py\n`, 'run.sh'],
    ['get_token() in Python', 'run_uv_job("s.py", env={"HUGGINGFACE_TOKEN": get_token()})\n', 'submit.py'],
    ['os.environ in Python', 'run_uv_job("s.py", env={"HF_API_TOKEN": os.environ["HF_TOKEN"]})\n', 'submit.py'],
    [
      'the MCP placeholder',
      '{"operation": "uv", "args": {"script": "s.py", "env": {"HF_HUB_TOKEN": "$HF_TOKEN"}}}',
      'call.json',
    ],
  ];
  for (const [label, text, file] of exposed)
    it(`warns on ${label}`, () => {
      const r = checkText(text, file, {only: ['token-in-env']}).checks;
      expect(r.map((x) => x.status)).toEqual(['warn']);
      expect(r[0]!.message).toMatch(/is passed in env/);
      expect(r[0]!.message).not.toContain(FAKE);
    });

  it('asks for the bare secret, not the same literal value, when the token is written in the command', () => {
    // no-token-written says to remove the token from the file; `--secrets HF_TOKEN=<the same hf_ value>` would keep it.
    for (const flag of ['-e', '--env']) {
      const [r] = checkText(`hf jobs uv run ${flag} HF_TOKEN=${FAKE} s.py\n`, 'run.sh', {
        only: ['token-in-env'],
      }).checks;
      expect(r!.fix).toContain('`--secrets HF_TOKEN`');
      expect(r!.fix).not.toContain('the same value');
      expect(r!.fix).toContain('`-e`/`--env`');
      expect(r!.fix).not.toContain(FAKE);
    }
    const [other] = checkText(`hf jobs uv run -e MY_KEY=${FAKE} s.py\n`, 'run.sh', {only: ['token-in-env']}).checks;
    expect(other!.fix).toContain('`--secrets MY_KEY`');
    expect(other!.fix).not.toContain('the same value');
    // A variable is not the token written out: the same value stays the advice.
    const [v] = checkText('hf jobs uv run --env HF_TOKEN=$HF_TOKEN s.py\n', 'run.sh', {only: ['token-in-env']}).checks;
    expect(v!.fix).toContain('`--secrets HF_TOKEN=…` (the same value)');
  });

  const notTokens: [string, string, string][] = [
    ['a path to a token file', 'hf jobs uv run -e HF_TOKEN_PATH=/run/secrets/hf_token s.py\n', 'run.sh'],
    ['a variable that names a file', 'hf jobs uv run -e HF_TOKEN_PATH=$HF_TOKEN_PATH s.py\n', 'run.sh'],
    ['a W&B key', 'hf jobs uv run -e WANDB_API_KEY=$WANDB_API_KEY s.py\n', 'run.sh'],
    ['a GitHub token', 'hf jobs uv run -e GITHUB_TOKEN=$GITHUB_TOKEN -s HF_TOKEN s.py\n', 'run.sh'],
    [
      'a W&B token from Python',
      'run_uv_job("s.py", env={"WANDB_TOKEN": wandb_token}, secrets={"HF_TOKEN": get_token()})\n',
      'submit.py',
    ],
    ['a cache folder named hf_', 'hf jobs uv run -e HF_HOME=hf_cache s.py\n', 'run.sh'],
    ['the token in secrets', 'hf jobs uv run -s HUGGINGFACE_HUB_TOKEN=$HF_TOKEN s.py\n', 'run.sh'],
  ];
  for (const [label, text, file] of notTokens)
    it(`passes ${label}`, () => {
      expect(checkText(text, file, {only: ['token-in-env']}).checks.map((x) => x.status)).toEqual(['pass']);
    });
});

describe('what counts as reading the token', () => {
  const upload = 'HfApi().upload_file(path_or_fileobj="r.json", path_in_repo="r.json", repo_id="me/r")\n';
  it('the name in code, as a whole string or in an f-string counts', () => {
    for (const read of [
      'HF_TOKEN = os.getenv("HF_TOKEN")\n',
      'token = os.environ["HF_TOKEN"]\n',
      "token = os.environ.get('HUGGING_FACE_HUB_TOKEN')\n",
      'print(f"token starts {os.environ[\'HF_TOKEN\'][:3]}")\n',
    ])
      expect(scriptFacts(read + upload, 'job.py').checksToken, read).toBe(true);
  });
  it('the name inside a message does not', () => {
    const text = `${upload}print("upload failed: re-run with \`--secrets HF_TOKEN\`")\nraise SystemExit('set HF_TOKEN first')\n`;
    expect(scriptFacts(text, 'job.py').checksToken).toBe(false);
  });
});

describe('messages and locations', () => {
  it('never contain a whole token, and point at file:line', () => {
    const text = `line one\nrun_uv_job("https://e.x/s.py", secrets={"HF_TOKEN": "${FAKE}"})\n`;
    const results = [
      ...runCheckOnText('hardcoded-token', text, 'submit.py'),
      ...runCheckOnText('token-format', text, 'submit.py'),
    ];
    expect(JSON.stringify(results)).not.toContain(FAKE);
    expect(results[0]).toMatchObject({status: 'fail', file: 'submit.py', line: 2});
    expect(results[0]!.message).toContain('hf_…ke12');
  });

  it('finds MCP calls in Markdown code blocks with the right line', () => {
    const md =
      '# Guide\n\nSome prose with HF_TOKEN.\n\n```python\nhf_jobs("uv", {\n    "script": "train.py",\n})\n```\n';
    const r = runCheckOnText('script-not-in-container', md, 'GUIDE.md');
    expect(r[0]).toMatchObject({status: 'fail', file: 'GUIDE.md', line: 7});
  });

  it('reads the seed-style multi-line hf_jobs call with a triple-quoted script', () => {
    const text =
      'hf_jobs("uv", {\n    "script": """\nimport os\nfrom datasets import Dataset\nDataset.from_dict({}).push_to_hub("me/x")\n""",\n    "flavor": "cpu-basic",  # comment\n})\n';
    expect(worst('missing-secrets', text, 'agent.py')).toBe('fail');
    expect(worst('no-token-check', text, 'agent.py')).toBe('warn');
  });

  it('runCheckOnText masks a token wherever it lands, even in an unknown argument name', () => {
    const text = `hf_jobs("uv", {"script": "https://e.x/s.py", "${FAKE}": 1})\n`;
    const r = runCheckOnText('unknown-argument', text, 'agent.py');
    expect(r[0]).toMatchObject({status: 'fail'});
    expect(JSON.stringify(r)).not.toContain(FAKE);
    expect(r[0]!.message).toContain('hf_…ke12');
  });

  it('fix texts follow the endpoint: huggingface.co settings by default, practice tokens on the sandbox', () => {
    const text = `api = HfApi(token="${FAKE}")\nrun_uv_job("https://e.x/s.py", secrets={"HF_TOKEN": "api_org_FAKEfakeFAKEfakeFAKEfake"})\n`;
    const fixes = (endpoint?: string) =>
      checkText(text, 'a.py', {only: ['hardcoded-token', 'token-format'], ...(endpoint ? {endpoint} : {})})
        .checks.filter((c) => c.status === 'fail')
        .map((c) => c.fix);
    const real = fixes();
    expect(real.length).toBeGreaterThanOrEqual(2);
    for (const f of real) expect(f).toContain('https://huggingface.co/settings/tokens');
    for (const f of fixes('http://127.0.0.1:5123')) {
      expect(f).toMatch(/practice token/);
      expect(f).not.toMatch(/^Create|Edit the token at https:\/\/huggingface\.co/);
    }
    const org = fixes('http://localhost:5123').find((f) => f.includes('--practice'));
    expect(org).toContain('hf-jobs-wizard login --endpoint http://localhost:5123 --practice write');
    // Another Hub: its own settings page.
    expect(fixes('https://hub.example.com').some((f) => f.includes('https://hub.example.com/settings/tokens'))).toBe(
      true,
    );
  });

  it('push targets carry their repo type (repo_type="dataset"/"space", else model)', () => {
    const text = [
      'from huggingface_hub import create_repo, upload_file',
      'create_repo("me/ds", repo_type="dataset", exist_ok=True)',
      'upload_file(',
      '    path_or_fileobj="a.txt",',
      '    path_in_repo="a.txt",',
      '    repo_id="me/app",',
      '    repo_type="space",',
      ')',
      'model.push_to_hub("me/model")',
    ].join('\n');
    expect(scriptFacts(text, 'job.py').pushTargets.map((t) => [t.value, t.type, t.line])).toEqual([
      ['me/ds', 'dataset', 2],
      ['me/app', 'space', 6],
      ['me/model', 'model', 9],
    ]);
  });
});
