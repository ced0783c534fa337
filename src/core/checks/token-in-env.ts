// token-in-env: the Hugging Face token passed as a plain environment variable instead of a secret.
//
// Judged from what the value is, not from the variable's name: any `-e/--env`, `env=` (Python) or MCP/config "env"
// entry whose value is the token (a bare HF_TOKEN, which hf fills from the login; `$HF_TOKEN` or another token
// variable; `$(hf auth token)`, `get_token()`, `$(cat ~/.cache/huggingface/token)`; a literal hf_ token) is exposed:
// env values are shown in the job's details and in the API's answers, secrets are encrypted and shown by name only.
// So `--env HUGGINGFACE_HUB_TOKEN=$HF_TOKEN` and LangChain's HUGGINGFACEHUB_API_TOKEN count as much as HF_TOKEN; a
// name huggingface_hub does not read is also wrong-secret-key's finding. Not a finding: a path to a token file
// (HF_TOKEN_PATH=/run/secrets/hf), another service's token (WANDB_API_KEY, GITHUB_TOKEN). See common.ts valueIsHfToken.
import {isTokenPlaceholder} from '../jobspec/placeholder.js';
import {outcome, result, TOKEN_KEYS, valueIsHfToken, type StaticCheck} from './common.js';
import type {Entry} from './types.js';

/**
 * The token itself is written in the command (`-e HF_TOKEN=hf_…`), not taken from a variable or a command: then
 * "the same value" as a secret would keep it in the file and the shell history (no-token-written's finding), so the
 * fix is the bare secret, which hf fills at run time (bare HF_TOKEN from the login, any other name from that variable).
 */
function writtenOut(e: Entry): boolean {
  return e.source === 'literal' && !/[$`]/.test(e.value ?? '') && valueIsHfToken(e);
}

const id = 'token-in-env';
const title = 'Token passed as a secret, not env';

export const tokenInEnv: StaticCheck = {
  id,
  title,
  run(model) {
    const findings = [];
    for (const sub of model.submissions) {
      for (const e of sub.env) {
        if (!TOKEN_KEYS.has(e.key) && !valueIsHfToken(e)) continue;
        const filled = sub.origin !== 'mcp' || e.source === 'bare' || isTokenPlaceholder(e.value);
        const works =
          sub.origin === 'mcp' && filled ? ' The MCP tool does fill in "$HF_TOKEN" here, so it works,' : ' It works,';
        const what = TOKEN_KEYS.has(e.key) ? e.key : `The Hugging Face token (as ${e.key})`;
        findings.push(
          result(
            id,
            title,
            'warn',
            `${what} is passed in env (${sub.api}).${works} but env values are shown in the job's details and API output; secrets are encrypted and shown by name only.`,
            sub.origin === 'cli'
              ? e.source === 'bare'
                ? `Use \`--secrets ${e.key}\` instead of \`-e ${e.key}\`.`
                : writtenOut(e)
                  ? `Use \`--secrets ${e.key}\` (bare: hf fills it from ${e.key === 'HF_TOKEN' ? 'your login' : `your ${e.key} variable`}) instead of \`-e\`/\`--env\`, and do not write the token in the command.`
                  : `Pass it with \`--secrets ${e.key}=…\` (the same value) instead of \`-e\`/\`--env\`.`
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
