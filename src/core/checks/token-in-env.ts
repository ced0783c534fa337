// token-in-env: HF_TOKEN passed as a plain environment variable instead of a secret.
import {outcome, result, TOKEN_KEYS, type StaticCheck} from './common.js';

const id = 'token-in-env';
const title = 'Token passed as a secret, not env';

export const tokenInEnv: StaticCheck = {
  id,
  title,
  run(model) {
    const findings = [];
    for (const sub of model.submissions) {
      for (const e of sub.env) {
        if (!TOKEN_KEYS.has(e.key)) continue;
        const works = sub.origin === 'mcp' ? ' The MCP tool does fill in "$HF_TOKEN" here, so it works,' : ' It works,';
        findings.push(
          result(
            id,
            title,
            'warn',
            `${e.key} is passed in env (${sub.api}).${works} but env values are shown in the job's details and API output; secrets are encrypted and shown by name only.`,
            sub.origin === 'cli'
              ? `Use \`--secrets ${e.key}\` instead of \`-e ${e.key}\`.`
              : sub.origin === 'python'
                ? `Move it from env= to secrets={"${e.key}": get_token()}.`
                : `Move "${e.key}" from "env" to "secrets".`,
            {file: sub.file, line: e.line},
          ),
        );
      }
    }
    return outcome(
      id,
      title,
      findings,
      model.submissions.length > 0,
      'No job passes the token in env.',
      'No job submissions found.',
    );
  },
};
