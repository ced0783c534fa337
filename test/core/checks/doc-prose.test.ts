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
