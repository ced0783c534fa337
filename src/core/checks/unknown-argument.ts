// unknown-argument: arguments a tool does not have (MCP `dependencies`/`image` on uv, `with_deps` in Python, typos in hf-job.json).
import {outcome, result, type StaticCheck} from './common.js';

const id = 'unknown-argument';
const title = 'Job arguments are ones the tool knows';

export const unknownArgument: StaticCheck = {
  id,
  title,
  run(model) {
    const findings = model.submissions.flatMap((sub) =>
      sub.unknownArgs.map((a) =>
        result(
          id,
          title,
          'fail',
          a.message,
          a.message.includes('did you mean') || a.message.includes(': it is')
            ? 'Rename the argument as suggested.'
            : 'Remove the argument or use the name the tool documents.',
          {file: sub.file, line: a.line},
        ),
      ),
    );
    return outcome(
      id,
      title,
      findings,
      model.submissions.length > 0,
      'Every argument is one the tool knows.',
      'No job submissions found.',
    );
  },
};
