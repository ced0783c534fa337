// The generated trees the multi-threaded `check` tests scan: job scripts, shell submissions and Python submissions
// with a finding every few files (a fake token, a mistyped flavor, a literal "$HF_TOKEN"), so that a report made by
// threads sharing the work can be compared byte for byte with one made by the main thread alone.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

/** The text of file `i` of a generated tree: kinds 0-2 are a uv script, a shell submission, a Python submission. */
export function jobFileText(i: number, kind: number, fakeToken: string): string {
  if (kind === 0)
    return `# /// script\n# dependencies = ["datasets"]\n# ///\nfrom datasets import Dataset\nDataset.from_dict({"i": [${i}]}).push_to_hub("u/ds-${i}")\n`;
  if (kind === 1)
    return `hf jobs uv run --flavor ${i % 9 === 1 ? 'a10g-smal' : 'cpu-basic'} ${i % 13 === 1 ? `--token ${fakeToken}` : '-s HF_TOKEN'} job${i}.py\n`;
  return `from huggingface_hub import run_uv_job, get_token\nrun_uv_job("https://e.x/s.py", secrets={"HF_TOKEN": ${i % 10 === 2 ? '"$HF_TOKEN"' : 'get_token()'}})\n`;
}

/**
 * Writes `count` files under `dir`, `perDir` a folder (d0, d1, ...); `file(i)` gives each one's name and text (undefined
 * text: an empty file).
 */
export function writeTree(
  dir: string,
  count: number,
  perDir: number,
  file: (i: number) => {ext: string; text: string},
) {
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `d${Math.floor(i / perDir)}`);
    if (i % perDir === 0) mkdirSync(sub);
    const {ext, text} = file(i);
    writeFileSync(join(sub, `f${i}.${ext}`), text);
  }
}
