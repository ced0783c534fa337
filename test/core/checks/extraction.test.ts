// Job submissions wherever people write them: docstrings, usage strings, comments, README prose and fences,
// notebook cells, workflow steps, legacy hfjobs; and the write/token-read semantics the token checks rest on.
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkText} from '../../../src/core/checks/runner.js';
import {shellPathVars} from '../../../src/core/checks/extract-shell.js';
import {scanPaths, scanText} from '../../../src/core/checks/scan.js';
import {pythonCode} from '../../../src/core/checks/script-facts.js';
import {argsHubWrite, isModuleFile, runModule} from '../../../src/core/checks/types.js';

const found = (text: string, file: string) =>
  checkText(text, file)
    .checks.filter((c) => c.status === 'warn' || c.status === 'fail')
    .map((c) => `${c.id}:${c.line}`);

const DOCSTRING_SCRIPT = `# /// script
# dependencies = ["datasets"]
# ///
"""Build a dataset and push it.

Usage:
    hf jobs uv run --flavor cpu-basic \\
        -e HF_TOKEN=$(python3 -c "from huggingface_hub import get_token; print(get_token())") \\
        https://huggingface.co/datasets/uv-scripts/x/raw/main/make_ds.py out-ds
"""
import os
from datasets import Dataset

def main():
    token = os.environ.get("HF_TOKEN")
    Dataset.from_dict({"a": [1]}).push_to_hub("u/x", token=token)
`;

describe('submissions shown in a Python file', () => {
  it('reads a multi-line docstring command with a $(…) value as one submission at its line', () => {
    const subs = scanText(DOCSTRING_SCRIPT, 'make_ds.py').submissions;
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({api: 'hf jobs uv run', line: 7});
    expect(subs[0]!.env[0]).toMatchObject({key: 'HF_TOKEN', source: 'shell-expanded'});
    expect(subs[0]!.env[0]!.value).toContain('get_token()');
    // The command runs this very file (by URL): its facts are the script's.
    expect(subs[0]!.scriptFacts?.file).toBe('make_ds.py');
    expect(found(DOCSTRING_SCRIPT, 'make_ds.py')).toEqual(['token-in-env:7']);
  });

  it('reads commands in print() usage lines with escaped continuations, and a bare wrong secret name', () => {
    const py = [
      'import sys',
      'from huggingface_hub import upload_file',
      'if len(sys.argv) < 2:',
      '    print("hf jobs uv run --flavor cpu-basic \\\\")',
      '    print("    --secrets HUGGINGFACE_TOKEN up.py")',
      'upload_file(path_or_fileobj="a", path_in_repo="a", repo_id="u/r")',
      '',
    ].join('\n');
    const subs = scanText(py, 'up.py').submissions;
    expect(subs).toHaveLength(1);
    expect(subs[0]!.secrets).toEqual([{key: 'HUGGINGFACE_TOKEN', source: 'bare', line: 4}]);
    expect(subs[0]!.script?.value).toBe('up.py');
    const ids = found(py, 'up.py');
    expect(ids).toContain('wrong-secret-key:4');
    expect(ids).not.toContain('missing-secrets:4');
  });

  it('a usage comment with no --secrets for a script that pushes is missing-secrets', () => {
    const py =
      '# Run: hf jobs uv run --flavor cpu-basic push.py\nfrom datasets import Dataset\nimport os\nassert os.environ.get("HF_TOKEN")\nDataset.from_dict({"a": [1]}).push_to_hub("u/x")\n';
    expect(found(py, 'push.py')).toEqual(['missing-secrets:1']);
  });

  it('a usage text for a script that only downloads asks for nothing', () => {
    const py =
      '"""hf jobs uv run --flavor cpu-basic dl.py"""\nfrom huggingface_hub import snapshot_download\nsnapshot_download("gpt2")\n';
    expect(found(py, 'dl.py')).toEqual([]);
  });
});

describe('submissions in other files', () => {
  it('README prose inline code and an unlabelled fence, legacy hfjobs included', () => {
    const md =
      '# X\n\nRun `hf jobs uv run -e HF_TOKEN x.py` or\n\n```\nhfjobs run --secrets hf_token=$HF_TOKEN ubuntu echo\n```\n';
    const subs = scanText(md, 'README.md').submissions;
    expect(subs.map((s) => `${s.api}@${s.line}`)).toEqual(['hfjobs run@6', 'hf jobs uv run@3']);
    expect(found(md, 'README.md').sort()).toEqual(['token-in-env:3', 'wrong-secret-key:6']);
  });

  it('notebook code cells with !hf jobs and run_uv_job, at the line of the .ipynb', () => {
    const nb = JSON.stringify(
      {
        cells: [
          {cell_type: 'markdown', source: ['# Title\n']},
          {
            cell_type: 'code',
            source: [
              'from huggingface_hub import run_uv_job\n',
              '!hf jobs uv run -e HF_TOKEN s.py\n',
              'run_uv_job("s.py", secrets={"TOKEN": get_token()})\n',
            ],
          },
        ],
        nbformat: 4,
      },
      null,
      1,
    );
    const lines = nb.split('\n');
    const bang = lines.findIndex((l) => l.includes('!hf jobs')) + 1;
    const call = lines.findIndex((l) => l.includes('run_uv_job(')) + 1;
    expect(found(nb, 'demo.ipynb').sort()).toEqual([`token-in-env:${bang}`, `wrong-secret-key:${call}`].sort());
  });

  it('a GitHub Actions step', () => {
    const yml =
      'jobs:\n  train:\n    steps:\n      - run: |\n          hf jobs uv run --flavor a10g-small \\\n            --secrets HF_TOKEN=${{ secrets.HF_TOKEN }} train.py\n';
    const subs = scanText(yml, '.github/workflows/train.yml').submissions;
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({line: 5, flavor: {value: 'a10g-small'}});
    expect(subs[0]!.secrets[0]!.key).toBe('HF_TOKEN');
  });

  it('scheduled runs and the Python create_scheduled_job call', () => {
    const sh = 'hf jobs scheduled uv run "0 * * * *" -s HF_API_TOKEN job.py\n';
    expect(found(sh, 'cron.sh')).toContain('wrong-secret-key:1');
    const py =
      'from huggingface_hub import create_scheduled_job\ncreate_scheduled_job(image="python:3.12", command=["python", "-c", "1"], schedule="@hourly", env={"HF_TOKEN": get_token()})\n';
    expect(found(py, 'sched.py')).toEqual(['token-in-env:2']);
  });
});

describe('what counts as a write and as a token read', () => {
  it('docstrings and comments are not code', () => {
    const code = pythonCode('"""uses get_token()"""\n# login()\nx = "HF_TOKEN"\n');
    expect(code).not.toContain('get_token');
    expect(code).not.toContain('login');
    expect(code).toContain('"HF_TOKEN"');
    expect(code.split('\n')).toHaveLength(4);
  });

  it('no-token-check: only scripts that write, satisfied by reading the token anywhere', () => {
    const head = '# /// script\n# dependencies = []\n# ///\n';
    expect(found(head + 'from datasets import load_dataset\nload_dataset("imdb")\n', 'a.py')).toEqual([]);
    expect(
      found(
        head +
          'import os\nfrom huggingface_hub import login\ndef push(ds):\n    ds.push_to_hub("u/x")\ntoken = os.environ.get("HF_TOKEN")\nif token:\n    login(token)\n',
        'b.py',
      ),
    ).toEqual([]);
    expect(
      found(
        head + '"""Needs HF_TOKEN."""\nfrom trl import SFTConfig\ncfg = SFTConfig(output_dir="o", push_to_hub=True)\n',
        'c.py',
      ),
    ).toEqual(['no-token-check:6']);
  });

  it('a variable named HF_TOKEN given no value reads nothing; its later use does', () => {
    const head = '# /// script\n# dependencies = ["trl"]\n# ///\nfrom trl import SFTConfig\n';
    const push = 'cfg = SFTConfig(output_dir="o", push_to_hub=True)\n';
    expect(found(head + 'HF_TOKEN = None  # set via environment or hardcode\n' + push, 'a.py')).toEqual([
      'no-token-check:6',
    ]);
    expect(found(head + 'HF_TOKEN: str | None = ""\n' + push, 'b.py')).toEqual(['no-token-check:6']);
    // Read from the environment on the right, or used later: a read.
    expect(found(head + 'import os\nHF_TOKEN = os.environ.get("HF_TOKEN", "")\n' + push, 'c.py')).toEqual([]);
    expect(found(head + 'HF_TOKEN = None\nif not HF_TOKEN:\n    raise SystemExit(1)\n' + push, 'd.py')).toEqual([]);
    expect(found(head + 'if HF_TOKEN == None:\n    pass\n' + push, 'e.py')).toEqual([]);
  });

  it('bucket writes are Hub writes; bucket downloads and job volume mounts are not', () => {
    const head =
      '# /// script\n# dependencies = ["huggingface_hub"]\n# ///\nfrom huggingface_hub import HfApi, HfFileSystem\napi = HfApi()\n';
    const writes = (body: string) => scanText(head + body, 'job.py').scripts[0]?.hubLine;
    expect(writes('api.batch_bucket_files("u/b", add=[("a.txt", "a.txt")])\n')).toBe(6);
    expect(writes('api.create_bucket("u/b", exist_ok=True)\n')).toBe(6);
    expect(writes('api.sync_bucket("./out", "hf://buckets/u/b/out")\n')).toBe(6);
    expect(writes('api.sync_bucket(source="./out", dest=f"hf://buckets/{ns}/b")\n')).toBe(6);
    expect(writes('fs = HfFileSystem()\nwith fs.open("hf://buckets/u/b/x.txt", "w") as f:\n    f.write("x")\n')).toBe(
      7,
    );
    expect(writes('fs = HfFileSystem()\nfs.put("./out", "hf://buckets/u/b/out", recursive=True)\n')).toBe(7);
    expect(writes('df.to_parquet(f"hf://datasets/{repo}/data.parquet")\n')).toBe(6);
    expect(
      writes(
        'import subprocess\nsubprocess.run(["hf", "buckets", "sync", "./out", f"hf://buckets/{b}"], check=True)\n',
      ),
    ).toBe(7);
    expect(writes('import os\nos.system("hf upload u/model ./out")\n')).toBe(7);
    // Reads and downloads.
    expect(writes('api.sync_bucket("hf://buckets/u/b/in", "./in")\n')).toBeUndefined();
    expect(writes('fs = HfFileSystem()\nwith fs.open("hf://buckets/u/b/x.txt") as f:\n    f.read()\n')).toBeUndefined();
    expect(
      writes('fs = HfFileSystem()\nfs.get("hf://buckets/u/b/in", "./in")\nfs.put("hf://buckets/u/b/x", "./x")\n'),
    ).toBeUndefined();
    expect(
      writes('import subprocess\nsubprocess.run(["hf", "buckets", "cp", "hf://buckets/u/b/x", "./x"])\n'),
    ).toBeUndefined();
    expect(writes('print("then: hf upload u/model ./out")\n')).toBeUndefined();
    expect(
      writes('import pandas as pd\npd.read_parquet("hf://datasets/u/d/x.parquet").to_parquet("/output/x.parquet")\n'),
    ).toBeUndefined();
    // A script writing under a volume's mount path (hf jobs uv run -v hf://buckets/u/b:/output) needs no token.
    expect(writes('from pathlib import Path\nPath("/output/result.txt").write_text("done")\n')).toBeUndefined();
  });

  it("unsloth's push_to_hub_merged and push_to_hub_gguf are pushes", () => {
    const head = '# /// script\n# dependencies = ["unsloth"]\n# ///\n';
    const at = (body: string) => scanText(head + body, 'merge.py').scripts[0]?.hubLine;
    expect(at('model.push_to_hub_merged("u/m", tokenizer, save_method="merged_16bit")\n')).toBe(4);
    expect(at('model.push_to_hub_gguf("u/m-gguf", tokenizer, quantization_method="q4_k_m")\n')).toBe(4);
    expect(at('model.save_pretrained_merged("out", tokenizer)\n')).toBeUndefined();
  });

  it('no-token-check and missing-secrets see bucket writes', () => {
    const script =
      '# /// script\n# dependencies = ["huggingface_hub"]\n# ///\n"""Usage:\n    hf jobs uv run tiles.py --out u/b\n"""\nfrom huggingface_hub import HfApi\nHfApi().batch_bucket_files("u/b", add=[("x", "x")])\n';
    expect(found(script, 'tiles.py')).toEqual(['missing-secrets:5', 'no-token-check:8']);
  });

  it('placeholders are never tokens', () => {
    const sh =
      'hf jobs uv run --secrets HF_TOKEN=hf_xxx s.py\nhf jobs uv run --token hf_... s.py\nexport HF_TOKEN=your-token-here\n';
    const ids = found(sh, 'p.sh');
    expect(ids.filter((i) => i.startsWith('hardcoded-token') || i.startsWith('token-in-argv'))).toEqual([]);
  });
});

describe('submissions the real-world corpus taught us to read', () => {
  it('hf reads its own options after the script (click parses them interspersed), not after --', () => {
    const sub = scanText('hf jobs uv run train.py --flavor a10g-small --secrets HF_TOKEN -- --lr 1e-4\n', 'run.sh')
      .submissions[0]!;
    expect(sub.script?.value).toBe('train.py');
    expect(sub.secrets).toEqual([{key: 'HF_TOKEN', source: 'bare', line: 1}]);
    expect(sub.flavor?.value).toBe('a10g-small');
    const after = scanText('hf jobs uv run train.py -- --secrets HF_TOKEN\n', 'run.sh').submissions[0]!;
    expect(after.secrets).toEqual([]);
    // The legacy hfjobs hands everything after the image to the command.
    expect(scanText('hfjobs run python:3.12 python x.py -s HF_TOKEN=x\n', 'run.sh').submissions[0]!.secrets).toEqual(
      [],
    );
  });

  it('a command built in a bash array is read with the array words', () => {
    const sh =
      'job_args=(\n  --flavor l4x1\n  --secrets HUGGINGFACE_TOKEN\n  "$script_url"\n)\njob_args+=(--label a=b)\nhf jobs uv run "${job_args[@]}"\n';
    const sub = scanText(sh, 'submit.sh').submissions[0]!;
    expect(sub.secrets.map((e) => e.key)).toEqual(['HUGGINGFACE_TOKEN']);
    expect(sub.flavor?.value).toBe('l4x1');
    expect(found(sh, 'submit.sh')).toEqual(['wrong-secret-key:7']);
  });

  it('Python console blocks (>>> and ... prompts) in Markdown are code, and so are >>> hf jobs shell lines', () => {
    const md =
      '```python\n>>> from huggingface_hub import run_uv_job\n>>> run_uv_job(\n...     "sft.py",\n...     env={"HF_TOKEN": ...},\n... )\n```\n\n```bash\n>>> hf jobs run --flavor a10g-small -s HF_TOKEN \\\n...   vllm/vllm-openai \\\n...   vllm serve m\n```\n';
    const subs = scanText(md, 'guide.md').submissions;
    expect(subs.map((s) => s.api)).toEqual(['run_uv_job', 'hf jobs run']);
    expect(subs[1]!.secrets[0]!.key).toBe('HF_TOKEN');
    expect(found(md, 'guide.md')).toEqual(['token-in-env:5']);
  });

  it('a job script shown in a Markdown fence is judged: by its PEP 723 header, or by the name the doc gives it', () => {
    const pep =
      '```python\n# /// script\n# dependencies = ["trl"]\n# ///\nfrom trl import SFTTrainer\nSFTTrainer(model="m").push_to_hub()\n```\n';
    expect(found(pep, 'doc.md')).toEqual(['no-token-check:6']);
    const named =
      '```python\nfrom trl import SFTTrainer\ntrainer = SFTTrainer(model="m")\ntrainer.push_to_hub("out")\n```\n\nSave this script as `train.py`, then run:\n\n```bash\nhf jobs uv run --flavor a100-large train.py\n```\n';
    expect(found(named, 'doc.md')).toEqual(['missing-secrets:10', 'no-token-check:4']);
    // Not named, no header: a snippet, not a job script.
    expect(found('```python\nmodel.push_to_hub("out")\n```\n', 'doc.md')).toEqual([]);
  });

  it('a secret whose value is a variable name without $ is sent as written', () => {
    expect(found('hf jobs uv run -s HF_TOKEN=HF_TOKEN s.py\n', 'run.sh')).toContain('literal-placeholder:1');
  });
  it('a usage printed by print( calls whose string starts on the next line is one command', () => {
    const usage = [
      'import sys',
      'if len(sys.argv) == 1:',
      '    print("   hf jobs uv run --flavor l4x1 \\\\")',
      '    print(',
      '        \'     -e HF_TOKEN=$(python3 -c "from huggingface_hub import get_token; print(get_token())") \\\\\'',
      '    )',
      '    print(',
      '        "     https://e.x/ocr.py \\\\"',
      '    )',
      '    print("       input-dataset output-dataset")',
      '',
    ].join('\n');
    expect(found(usage, 'ocr.py')).toEqual(['token-in-env:3']);
    const sub = scanText(usage, 'ocr.py').submissions[0]!;
    expect(sub.script?.value).toBe('https://e.x/ocr.py');
    // A call opened and closed on other lines, not between continued strings, starts no command.
    expect(found('print(\n    "hello"\n)\n', 'x.py')).toEqual([]);
  });

  it('the hf jobs-services extension starts Jobs with hf jobs options: its command is read as a submission', () => {
    const line =
      'hf jobs-services run --with-services "dask(num_workers=2)" --flavor cpu-upgrade -e HF_TOKEN -s K=v job.py --rows 9\n';
    expect(found(line, 'run.sh')).toEqual(['token-in-env:1']);
    const sub = scanText(line, 'run.sh').submissions[0]!;
    expect(sub).toMatchObject({api: 'hf jobs-services run', script: {value: 'job.py'}});
    expect(found('hf jobs-services run --with-services "ray()" -s HF_TOKEN job.py\n', 'run.sh')).toEqual([]);
  });

  it('secrets given by a name are read from the one dict literal the file gives that name', () => {
    const runner = [
      'from dataclasses import dataclass, field',
      'from huggingface_hub import run_uv_job',
      '@dataclass',
      'class Runner:',
      '    secrets: dict = field(default_factory=lambda: {"HF_TOKEN": "$HF_TOKEN"})',
      '    def submit(self, path):',
      '        return run_uv_job(',
      '            path,',
      '            secrets=self.secrets,',
      '        )',
      '',
    ].join('\n');
    expect(found(runner, 'runner.py')).toEqual(['literal-placeholder:5']);
    const named = (value: string) =>
      `from huggingface_hub import run_uv_job, get_token\nSECRETS = {${value}}\nrun_uv_job("https://e.x/s.py", secrets=SECRETS)\n`;
    expect(found(named('"TOKEN": get_token()'), 'submit.py')).toEqual(['wrong-secret-key:2']);
    expect(found(named('"HF_TOKEN": get_token()'), 'submit.py')).toEqual([]);
    // Filled in later (item assignment) or given twice: what it holds cannot be read, so nothing is said.
    const filled =
      'import os\nfrom huggingface_hub import run_uv_job\nsecrets = {}\nsecrets["HF_TOKEN"] = os.environ["T"]\nrun_uv_job("https://e.x/s.py", secrets=secrets)\n';
    expect(scanText(filled, 'a.py').submissions[0]!.secretsOpaque).toBe(true);
    const twice =
      'from huggingface_hub import run_uv_job\ns = {"HF_TOKEN": "$HF_TOKEN"}\nif x:\n    s = {"HF_TOKEN": tok}\nrun_uv_job("https://e.x/s.py", secrets=s)\n';
    expect(found(twice, 'b.py')).toEqual([]);
  });

  it('a script that submits itself (script=Path(__file__)) is linked to its own file', () => {
    const self = (script: string) =>
      [
        '# /// script',
        '# dependencies = ["huggingface_hub"]',
        '# ///',
        'import os, sys',
        'from pathlib import Path',
        'from huggingface_hub import HfApi, run_uv_job',
        'if "--submit" in sys.argv:',
        `    run_uv_job(script=${script}, flavor="cpu-basic", secrets={"OTHER": "x"})`,
        'else:',
        '    HfApi(token=os.environ["HF_TOKEN"]).upload_file(path_or_fileobj="r.json", path_in_repo="r.json", repo_id="u/m")',
        '',
      ].join('\n');
    expect(found(self('str(Path(__file__).resolve())'), 'eval_job.py')).toEqual(['missing-secrets:8']);
    expect(found(self('os.path.abspath(__file__)'), 'eval_job.py')).toEqual(['missing-secrets:8']);
    // A path derived from it is another file: not judged here.
    expect(found(self('str(Path(__file__).parent / "worker.py")'), 'eval_job.py')).toEqual([]);
  });

  it('a docstring line that starts with a quoted script URL is a shell word, not a Python string', () => {
    // The docstring shows how to run this very script from the Hub; the quoted URL sits on its own line.
    const script = (secrets: string) =>
      [
        '# /// script',
        '# dependencies = ["trl"]',
        '# ///',
        '"""Fine-tune and push.',
        '',
        'Run as a HF Job:',
        `  hf jobs uv run --flavor t4-small${secrets} \\\\`,
        '    "https://huggingface.co/u/r/resolve/main/tune_it.py" \\\\',
        '    -- --dataset u/d --epochs 3',
        '"""',
        'from trl import SFTConfig',
        'cfg = SFTConfig(output_dir="o", push_to_hub=True)',
        '',
      ].join('\n');
    const sub = scanText(script(''), 'tune_it.py').submissions[0]!;
    expect(sub.script?.value).toBe('https://huggingface.co/u/r/resolve/main/tune_it.py');
    // Its URL names this file: the job runs the script read here, which pushes.
    expect(sub.scriptFacts?.file).toBe('tune_it.py');
    expect(found(script(''), 'tune_it.py')).toEqual(['missing-secrets:7', 'no-token-check:12']);
    expect(found(script(' --secrets HF_TOKEN'), 'tune_it.py')).toEqual(['no-token-check:12']);
    // A string piece of a printed usage (its quote closes at the line's end) is still a Python string.
    const usage = [
      'print("hf jobs uv run --flavor t4-small \\\\"',
      '      "  --secrets HF_TOKEN tune_it.py")',
      '',
    ].join('\n');
    expect(scanText(usage, 'launch.py').submissions[0]).toMatchObject({
      script: {value: 'tune_it.py'},
      secrets: [{key: 'HF_TOKEN', source: 'bare'}],
    });
  });
});

describe('jobs that run python -m pkg.mod', () => {
  it('the module is read from the job command (CLI, bash -c, torchrun, run_job command lists)', () => {
    expect(runModule('python -m submission.training.train_sft --epochs 1')).toBe('submission.training.train_sft');
    expect(runModule('bash -c "pip install -e . && python3.12 -u -m pkg.train"')).toBe('pkg.train');
    expect(runModule('torchrun --nproc_per_node 8 -m pkg.train')).toBe('pkg.train');
    expect(runModule('accelerate launch --num_processes 2 -m trainer.main')).toBe('trainer.main');
    expect(runModule('python train.py -m 3')).toBeUndefined();
    const cli = scanText('hf jobs run --secrets HF_TOKEN pytorch/pytorch python -m a.b.train --lr 1\n', 'run.sh');
    expect(cli.submissions[0]!.module).toEqual({value: 'a.b.train', line: 1});
    const py = scanText(
      'from huggingface_hub import run_job\nrun_job(image="python:3.12", command=["python", "-m", "a.b.train"])\n',
      'submit.py',
    );
    expect(py.submissions[0]!.module?.value).toBe('a.b.train');
  });

  it('a module name matches the file whose path is its tail', () => {
    expect(isModuleFile('submission.training.merge', 'merge.py')).toBe(true);
    expect(isModuleFile('submission.training.merge', 'src/submission/training/merge.py')).toBe(true);
    expect(isModuleFile('pkg', 'pkg/__main__.py')).toBe(true);
    expect(isModuleFile('submission.training.merge', 'other/merge.py')).toBe(false);
    expect(isModuleFile('submission.training.merge', 'merge_all.py')).toBe(false);
  });

  it('a script whose own docstring submits it with python -m is a job script', () => {
    const text =
      '"""Merge and push.\n\nhf jobs run --flavor a10g-small pytorch/pytorch python -m submission.training.merge_sft\n"""\nfrom transformers import AutoModel\nAutoModel.from_pretrained("u/base").push_to_hub("u/merged")\n';
    expect(found(text, 'merge_sft.py')).toEqual(['missing-secrets:3', 'no-token-check:6']);
    expect(found(text, 'something_else.py')).toEqual([]);
  });

  it('check links a README command to the module file under the repository root', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hfjw-module-'));
    try {
      await mkdir(join(dir, 'docs'));
      await mkdir(join(dir, 'src', 'pkg'), {recursive: true});
      await writeFile(join(dir, 'docs', 'jobs.md'), '```bash\nhf jobs run pytorch/pytorch python -m pkg.train\n```\n');
      await writeFile(
        join(dir, 'src', 'pkg', 'train.py'),
        'from trl import SFTConfig\nSFTConfig(output_dir="o", push_to_hub=True)\n',
      );
      const model = await scanPaths([dir], {cwd: dir});
      const sub = model.submissions.find((s) => s.file === join('docs', 'jobs.md'))!;
      expect(sub.scriptFacts?.file).toBe(join('src', 'pkg', 'train.py'));
      expect(sub.scriptFacts?.needsToken).toBe(true);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});

describe('a job whose arguments say it writes to the Hub', () => {
  it('push flags and output repos or buckets given as namespace/name count; other arguments do not', () => {
    expect(argsHubWrite('--model_name_or_path Qwen/Qwen2-0.5B --push_to_hub')).toContain('--push_to_hub');
    expect(argsHubWrite('--push-to-hub=true')).toContain('push');
    expect(argsHubWrite('--hub_model_id me/my-model')).toBe('writes to me/my-model (--hub_model_id)');
    expect(argsHubWrite('--source-bucket myorg/src --output-bucket myorg/tiles')).toBe(
      'writes to myorg/tiles (--output-bucket)',
    );
    expect(argsHubWrite('--output-dataset=u/d')).toBe('writes to u/d (--output-dataset)');
    expect(argsHubWrite('--push_to_hub=false')).toBeUndefined();
    expect(argsHubWrite('--output_dir ./out --dataset_name trl-lib/Capybara')).toBeUndefined();
    expect(argsHubWrite('--output-dataset out')).toBeUndefined();
  });

  it('a positional repo named as the output counts; inputs, option values and local paths do not', () => {
    expect(argsHubWrite('username/input-dataset username/output-dataset --batch-size 8')).toBe(
      'writes to username/output-dataset (its output, named in the arguments)',
    );
    expect(argsHubWrite('me/ocr-results')).toContain('me/ocr-results');
    expect(argsHubWrite('INPUT_DATASET OUTPUT_DATASET --max-samples 10')).toContain('OUTPUT_DATASET');
    expect(argsHubWrite('<input-dataset> <output-dataset>')).toContain('<output-dataset>');
    expect(argsHubWrite('davanstrien/ufo-ColPali me/ufo-ocr')).toBeUndefined();
    expect(argsHubWrite('--model_id org/out-model --split train')).toBeUndefined();
    expect(argsHubWrite('./test-images ./test-output')).toBeUndefined();
    expect(argsHubWrite('/mnt/input /mnt/output')).toBeUndefined();
    expect(argsHubWrite('SUSPENSE ./output --max-files 10')).toBeUndefined();
    expect(argsHubWrite('outputs/run-results')).toBeUndefined();
    expect(argsHubWrite('INPUT OUTPUT')).toBeUndefined();
    expect(argsHubWrite('input-dataset output-dataset')).toBeUndefined();
  });

  it('missing-secrets reads a URL job whose positional output is a repo, and passes it with a token', () => {
    const url = 'https://huggingface.co/datasets/uv-scripts/vllm/resolve/main/classify-dataset.py';
    expect(found(`hf jobs uv run --flavor l4x1 ${url} username/in username/output-dataset\n`, 'README.md')).toEqual([
      'missing-secrets:1',
    ]);
    expect(found(`hf jobs uv run -s HF_TOKEN ${url} username/in username/output-dataset\n`, 'README.md')).toEqual([]);
    expect(found(`hf jobs uv run ${url} username/in username/my-copy\n`, 'README.md')).toEqual([]);
  });

  it('missing-secrets judges such a job even when its script is a URL (CLI, Python, MCP)', () => {
    const url = 'https://raw.githubusercontent.com/huggingface/trl/main/trl/scripts/sft.py';
    expect(found(`hf jobs uv run --flavor a10g-small ${url} --dataset_name d --push_to_hub\n`, 'README.md')).toEqual([
      'missing-secrets:1',
    ]);
    expect(found(`hf jobs uv run --secrets HF_TOKEN ${url} --push_to_hub\n`, 'run.sh')).toEqual([]);
    expect(found(`hf jobs uv run ${url} --output_dir out\n`, 'run.sh')).toEqual([]);
    expect(
      found(
        `from huggingface_hub import run_uv_job\nrun_uv_job("${url}", script_args=["--hub_model_id", "u/m"])\n`,
        'submit.py',
      ),
    ).toEqual(['missing-secrets:2']);
    expect(
      found(`{"operation": "uv", "args": {"script": "${url}", "script_args": ["--push_to_hub"]}}`, 'call.json'),
    ).toEqual(['missing-secrets:1']);
  });
});

describe('a shell launcher that runs "$SCRIPT"', () => {
  const launcher = [
    '#!/usr/bin/env bash',
    'ROOT="$(cd "$(dirname "$0")/../.." && pwd)"',
    'SCRIPT="$ROOT/train/scripts/lora.py"',
    'hf jobs uv run --flavor a10g-large --timeout 16h "$SCRIPT"',
    '',
  ].join('\n');

  it('reads the path the file sets the variable to (the $(dirname "$0") idiom from its own folder)', () => {
    expect([...shellPathVars(launcher)]).toEqual([['SCRIPT', '../../train/scripts/lora.py']]);
    const vars = shellPathVars(
      'A=x.py\nB="${A}"\nC="$(pwd)/y.py"\nD=./z.py\nE=$UNSET/q.py\nR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"\nF="$R/w.py"\n',
    );
    expect(Object.fromEntries(vars)).toEqual({A: 'x.py', B: 'x.py', D: 'z.py', F: 'w.py'});
    const sub = scanText(launcher, 'submit.sh').submissions[0]!;
    expect(sub.script?.value).toBe('../../train/scripts/lora.py');
    // A variable the file does not set to a path stays as written.
    expect(scanText('hf jobs uv run "$1"\n', 'submit.sh').submissions[0]!.script?.value).toBe('$1');
  });

  it('reads a long assignment line in linear time (blanks before a comment or the end)', () => {
    const long = `A=x${' '.repeat(200_000)}y\nB=b.py   # the script\nhf jobs uv run "$A"\n`;
    const started = performance.now();
    expect(Object.fromEntries(shellPathVars(long))).toEqual({B: 'b.py'});
    expect(scanText(long, 'submit.sh').submissions).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('so check on the repository judges the job by that script', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hfjw-launcher-'));
    try {
      await mkdir(join(dir, 'train', 'remote'), {recursive: true});
      await mkdir(join(dir, 'train', 'scripts'), {recursive: true});
      await writeFile(join(dir, 'train', 'remote', 'submit.sh'), launcher);
      await writeFile(
        join(dir, 'train', 'scripts', 'lora.py'),
        'from huggingface_hub import HfApi\nHfApi().create_repo("u/lora", exist_ok=True)\n',
      );
      const model = await scanPaths([dir], {cwd: dir});
      const sub = model.submissions.find((s) => s.file === join('train', 'remote', 'submit.sh'))!;
      expect(sub.scriptFacts?.file).toBe(join('train', 'scripts', 'lora.py'));
      expect(sub.scriptFacts?.needsToken).toBe(true);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
