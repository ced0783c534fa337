// Families of wordings the troubleshooter learned from the corpus's tuning texts (issue 14, session 5): each rule is
// tested on texts written in the style of the tuning texts (other tools, other words of the same family) and on the
// near misses it must leave alone, so a rule is general and not a copy of one text.
import {describe, expect, it} from 'vitest';
import {classifyText} from '../../../src/core/troubleshoot/classify.js';

const problem = (text: string) => classifyText(text).problem;

describe('a tool asking the user to log in first is a missing token', () => {
  it.each([
    'RuntimeError: You must log in to push to hub! Run notebook_login() in the cell above.',
    'ValueError: You need to log in to the Hugging Face Hub before uploading the adapter.',
    'Error: please login with a token that has write access (huggingface-cli login)',
    'You must be logged in to Hugging Face to download this checkpoint.',
    'Please log in first: run `hf auth login` and paste a token.',
    'OSError: You must login to the Hugging Face hub on this computer by typing `transformers-cli login`.',
    'Not authenticated. Run notebook_login() and try again.',
  ])('%s', (text) => {
    expect(problem(text)).toBe('token-missing');
  });

  it('leaves a log-in request that names neither the Hub, a token nor a login command alone', () => {
    expect(problem('Please log in to your bank account to continue.')).toBe('unknown');
  });

  it('does not outrank a gated repo that also says "Please log in"', () => {
    expect(
      problem(
        'Cannot access gated repo for url https://huggingface.co/acme/m/resolve/main/config.json.\nAccess to model acme/m is restricted. You must have access to it and be authenticated to access it. Please log in.',
      ),
    ).toBe('gated-repo');
  });
});

describe('a Python traceback ending in a plain Python error is the script failing', () => {
  it('a NameError at the end of a job log tail is job-script-failed', () => {
    const log = `Installed 12 packages in 80ms
Traceback (most recent call last):
  File "/tmp/script.py", line 12, in <module>
    trainer.train(resume_from_checkpoint=ckpt)
                                         ^^^^
NameError: name 'ckpt' is not defined`;
    expect(problem(log)).toBe('job-script-failed');
  });

  it('a TypeError in a traceback too', () => {
    const log = `Traceback (most recent call last):
  File "/data/eval.py", line 40, in <module>
    score = compute(preds)
TypeError: compute() missing 1 required positional argument: 'refs'`;
    expect(problem(log)).toBe('job-script-failed');
  });

  it('a bare Python error without a traceback stays unknown (too little to say it is a script)', () => {
    expect(problem("NameError: name 'x' is not defined")).toBe('unknown');
  });

  it('a Hub error inside the traceback still wins over the script', () => {
    const log = `Traceback (most recent call last):
  File "/tmp/push.py", line 9, in <module>
    api.upload_folder(folder_path="out", repo_id="acme/m")
huggingface_hub.errors.HfHubHTTPError: 403 Forbidden: You don't have the rights to create a model under the namespace "acme".
ValueError: upload failed`;
    expect(problem(log)).toBe('forbidden-403');
  });
});
