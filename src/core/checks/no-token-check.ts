// no-token-check: a job script writes to the Hub but never reads its token, so a job started without one runs to the
// end (maybe hours of compute) and fails at the push.
// Applies only to job scripts (PEP 723 header, or run by a submission found; in a doc, a code block with the header or
// named as the script a submission there runs) that write to the Hub: push_to_hub,
// upload_*, create_*/delete_* (see script-facts.ts). Scripts that only download are not judged. Satisfied when the
// script reads the token anywhere in its code: HF_TOKEN (os.environ/os.getenv), get_token(), login() or whoami()
// (a read in a helper defined below the write still runs first, so the order in the file is not used).
// Docstrings and comments are not code: a usage text mentioning HF_TOKEN does not count, nor does a variable of that
// name given no value (`HF_TOKEN = None`; its later use, `login(token=HF_TOKEN)`, does).
import {outcome, result, type StaticCheck} from './common.js';

const id = 'no-token-check';
const title = 'Job scripts that write to the Hub read HF_TOKEN';

export const noTokenCheck: StaticCheck = {
  id,
  title,
  run(model) {
    const scripts = model.scripts.filter((s) => s.isJobScript && s.hubLine !== undefined);
    const findings = scripts
      .filter((s) => !s.checksToken)
      .map((s) =>
        result(
          id,
          title,
          'warn',
          `This job script ${s.hubWhat ?? 'writes to the Hub'} but never reads HF_TOKEN (nor calls get_token(), login() or whoami()): a job started without the token runs to the end and fails at this line (maybe after hours of compute) instead of at once.`,
          'At the top of the script: `import os` then `assert os.environ.get("HF_TOKEN"), "HF_TOKEN is missing: pass it as a job secret"`.',
          {file: s.file, line: s.hubLine!},
        ),
      );
    return outcome(
      id,
      title,
      findings,
      scripts.length > 0,
      'Job scripts that write to the Hub read the token first.',
      'No job script that writes to the Hub was found.',
    );
  },
};
