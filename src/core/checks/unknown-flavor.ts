// unknown-flavor: hardware names that do not exist (typos, TPU v5e-*, gpu-t4-small from a docs typo).
import {checkFlavor} from '../jobspec/flavors.js';
import {outcome, result, type StaticCheck} from './common.js';

const id = 'unknown-flavor';
const title = 'Flavors exist';

export const unknownFlavor: StaticCheck = {
  id,
  title,
  run(model, _hub, facts) {
    const flavored = model.submissions.filter((s) => s.flavor !== undefined && !s.flavor.value.includes('$'));
    const findings = [];
    for (const sub of flavored) {
      const verdict = checkFlavor(sub.flavor!.value, facts?.liveFlavors);
      if (verdict.ok) continue;
      findings.push(
        result(
          id,
          title,
          'fail',
          verdict.message!,
          verdict.suggestion
            ? `Use "${verdict.suggestion}" (\`hf jobs hardware\` lists them all).`
            : 'Pick one from `hf jobs hardware`.',
          {file: sub.file, line: sub.flavor!.line},
        ),
      );
    }
    return outcome(
      id,
      title,
      findings,
      flavored.length > 0,
      'Flavors are known.',
      'No flavors set (the default is cpu-basic).',
    );
  },
};
