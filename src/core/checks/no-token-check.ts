// no-token-check: a job script uses the token but never checks it is there, so it fails late instead of at once.
import {outcome, result, type StaticCheck} from './common.js';

const id = 'no-token-check';
const title = 'Job scripts check HF_TOKEN early';

export const noTokenCheck: StaticCheck = {
  id,
  title,
  run(model) {
    const scripts = model.scripts.filter((s) => s.isJobScript && s.hubLine !== undefined);
    const findings = scripts
      .filter((s) => !s.checksToken)
      .map((s) =>
        result(id, title, 'warn', `This job script ${s.hubWhat ?? 'uses the Hub'} but never checks that HF_TOKEN is set: without it, the job fails late (maybe after hours of compute) instead of at once.`, 'At the top of the script: `import os` then `assert os.environ.get("HF_TOKEN"), "HF_TOKEN is missing: pass it as a job secret"`.', {file: s.file, line: s.hubLine!}),
      );
    return outcome(id, title, findings, scripts.length > 0, 'Job scripts that use the token check for it first.', 'No job script that uses the token was found.');
  },
};
