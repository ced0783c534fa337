// timeout-format: "90min", "2 hours" and friends. The MCP tool would read "90min" as 90 seconds.
import {parseTimeout, suggestTimeout, TIMEOUT_FORMS} from '../jobspec/timeout.js';
import {outcome, result, type StaticCheck} from './common.js';

const id = 'timeout-format';
const title = 'Timeouts use a valid format';

export const timeoutFormat: StaticCheck = {
  id,
  title,
  run(model) {
    const timed = model.submissions.filter((s) => s.timeout !== undefined);
    const findings = [];
    for (const sub of timed) {
      const verdict = parseTimeout(sub.timeout!.value, {mcp: sub.origin === 'mcp'});
      if (verdict.ok) continue;
      const better = typeof sub.timeout!.value === 'string' ? suggestTimeout(sub.timeout!.value) : undefined;
      findings.push(
        result(id, title, 'fail', verdict.reason, better ? `Write "${better}".` : `Use ${TIMEOUT_FORMS}.`, {
          file: sub.file,
          line: sub.timeout!.line,
        }),
      );
    }
    return outcome(
      id,
      title,
      findings,
      timed.length > 0,
      'Timeouts are valid.',
      'No timeouts set (the default is 30 minutes).',
    );
  },
};
