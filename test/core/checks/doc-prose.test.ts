// missing-secrets on a doc whose job script cannot be read: what the prose after the command says the job does.
import {describe, expect, it} from 'vitest';
import {proseWrite} from '../../../src/core/checks/doc-prose.js';
import {checkText} from '../../../src/core/checks/runner.js';

const found = (text: string) =>
  checkText(text, 'README.md')
    .checks.filter((c) => c.status === 'warn' || c.status === 'fail')
    .map((c) => `${c.id}:${c.line}`);

const URL = 'https://huggingface.co/datasets/u/scripts/raw/main/ocr.py';
const doc = (flags: string, after: string, before = 'Run it on a GPU:') =>
  `${before}\n\n\`\`\`bash\nhf jobs uv run --flavor l4x1 ${flags}${URL} \\\n  u/scans\n\`\`\`\n\n${after}\n`;

describe('a doc that says its job writes to the Hub', () => {
  it('fails missing-secrets at the command when the job passes no token, passes when it does', () => {
    const after = 'The job reads the scans and writes the OCR dataset back to the Hub.';
    expect(found(doc('', after))).toEqual(['missing-secrets:4']);
    const message = checkText(doc('', after), 'README.md').checks.find((c) => c.id === 'missing-secrets')!.message;
    expect(message).toContain('The doc says the job writes to the Hub ("writes the OCR dataset back to the Hub")');
    expect(message).toContain('(line 8)');
    expect(found(doc('--secrets HF_TOKEN ', after))).toEqual([]);
  });

  it('reads a list whose lead-in names the script: "The scripts:" / "- upload the adapter to a model repo"', () => {
    const after = 'The scripts:\n\n- download the data\n- upload the resulting adapter to a model repo';
    expect(found(doc('', after))).toEqual(['missing-secrets:4']);
    // The same items under a lead-in about something else are not about the job.
    expect(found(doc('', 'Before you start:\n\n- upload the resulting adapter to a model repo'))).toEqual([]);
  });

  it('not an instruction to the reader, a negation, the paragraph before, or prose past a heading', () => {
    expect(found(doc('', 'Upload the script to the Hub first.'))).toEqual([]);
    expect(found(doc('', 'The job does not push anything to the Hub.'))).toEqual([]);
    expect(found(doc('', 'It prints the text.', 'This job writes its results to the Hub:'))).toEqual([]);
    expect(found(doc('', '## Publishing\n\nThe job writes the dataset to the Hub.'))).toEqual([]);
  });

  it('not when the write depends on an option the command leaves out, unless its arguments are elided', () => {
    const after = 'With `--push-to-hub`, the job uploads the OCR dataset to the Hub.';
    expect(found(doc('', after))).toEqual([]);
    expect(found(doc('', after).replace('u/scans', 'u/scans --push-to-hub'))).toEqual(['missing-secrets:4']);
    expect(found(doc('', after).replace('u/scans', 'u/scans ...'))).toEqual(['missing-secrets:4']);
    // The token's own options say why the token is needed, not when the job writes.
    expect(found(doc('', '`--secrets HF_TOKEN` lets the job write the dataset back to the Hub.'))).toEqual([
      'missing-secrets:4',
    ]);
  });

  it('not when the job mounts a Hub volume: its writes there are authorised when the job is created', () => {
    const after = 'The job writes its results to the Hub.';
    expect(found(doc('-v hf://buckets/u/out:/data ', after))).toEqual([]);
    expect(found(doc('-v ./cache:/cache ', after))).toEqual(['missing-secrets:4']);
  });

  it('proseWrite stops at the next block and says where the sentence is', () => {
    const text = '```\nx\n```\nIt pushes the model to the Hub.\n```\ny\n```\nIt writes to the Hub.\n';
    expect(proseWrite(text, 'x', 'x\n```'.length + 4, text.indexOf('```\ny'))).toEqual({
      what: 'pushes the model to the Hub',
      at: text.indexOf('It pushes'),
    });
    expect(proseWrite(text, 'y', text.indexOf('y\n```') + 5, text.length)?.what).toBe('writes to the Hub');
    expect(proseWrite(text, 'x', 'x\n```'.length + 4, text.indexOf('It pushes'))).toBeUndefined();
  });
});

describe('a doc that shows the uv script right before the command that runs it', () => {
  const script = (code: string, header = '# /// script\n# dependencies = ["datasets"]\n# ///\n') =>
    `${header}from datasets import load_dataset\nds = load_dataset("u/raw", split="train")\n${code}\n`;
  const skill = (code: string, command: string, between = '\n', header?: string) =>
    `### Dataset processing\n\n\`\`\`python\n${script(code, header)}\`\`\`\n${between}\`\`\`bash\n${command}\n\`\`\`\n`;
  const run = 'hf jobs uv run --flavor cpu-upgrade --timeout 10m process_data.py';
  const push = 'ds.push_to_hub("u/processed")';

  it('fails missing-secrets at the command when that script pushes and the job passes no token', () => {
    const text = skill(push, run);
    expect(found(text)).toContain('missing-secrets:13');
    const message = checkText(text, 'SKILL.md').checks.find((c) => c.id === 'missing-secrets')!.message;
    expect(message).toContain('the uv script shown just before the command');
    expect(message).toContain('(line 9)');
    expect(found(skill(push, 'hf jobs uv run --secrets HF_TOKEN process_data.py'))).not.toContain('missing-secrets:13');
    // run_uv_job with a local file, from a Python block, is the same submission.
    const py = skill(push, 'from huggingface_hub import run_uv_job\nrun_uv_job("process_data.py", flavor="cpu-basic")');
    expect(found(py.replace('```bash', '```python'))).toContain('missing-secrets:14');
  });

  it('not when the script does not write, has no uv header, is not directly before, or the job runs a URL', () => {
    expect(found(skill('print(len(ds))', run))).not.toContain('missing-secrets:13');
    expect(found(skill(push, run, '\n', 'import os\n\n\n'))).not.toContain('missing-secrets:13');
    expect(
      found(skill(push, run, '\nThen list the files:\n\n```bash\nls data/\n```\n\n')).some((f) =>
        f.startsWith('missing-secrets'),
      ),
    ).toBe(false);
    const url = 'hf jobs uv run https://huggingface.co/datasets/u/s/resolve/main/process_data.py';
    expect(found(skill(push, url)).some((f) => f.startsWith('missing-secrets'))).toBe(false);
  });
});

describe('a job nothing says writes to the Hub', () => {
  it('is not judged, and the result says how many were left so (no guess either way)', () => {
    const judged = `hf jobs uv run --secrets HF_TOKEN ${URL} u/scans --output-dataset u/text`;
    const text = `\`\`\`bash\n${judged}\n\`\`\`\n\n\`\`\`bash\nhf jobs uv run ${URL} u/scans\n\`\`\`\n`;
    const r = checkText(text, 'README.md').checks.find((c) => c.id === 'missing-secrets')!;
    expect(r.status).toBe('pass');
    expect(r.message).toContain('1 other job(s) not judged: their script is not here and nothing says');
    const alone = checkText(`\`\`\`bash\nhf jobs uv run ${URL} u/scans\n\`\`\`\n`, 'README.md');
    expect(alone.checks.find((c) => c.id === 'missing-secrets')!.status).toBe('skip');
  });
});
