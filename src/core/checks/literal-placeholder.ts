// literal-placeholder: "$HF_TOKEN" given where nothing replaces it (Python API, single-quoted or --secrets-file CLI):
// the job receives the 9 characters `$HF_TOKEN` and gets 401. Only the MCP tool (and hf-job.json here) fills it in.
// Also a value that is a variable's name without `$` (`-s HF_TOKEN=HF_TOKEN`): sent as written everywhere.
import {containsTokenPlaceholder, isTokenPlaceholder} from '../jobspec/placeholder.js';
import {outcome, result, type StaticCheck} from './common.js';

const id = 'literal-placeholder';
const title = 'No literal "$HF_TOKEN" outside the MCP tool';

export const literalPlaceholder: StaticCheck = {
  id,
  title,
  run(model) {
    const findings = [];
    for (const sub of model.submissions) {
      for (const e of [...sub.secrets, ...sub.env]) {
        const v = e.value ?? '';
        if (e.source === 'literal' && /^(?:HF_TOKEN|HUGGING_FACE_HUB_TOKEN|HUGGINGFACE_TOKEN|HF_API_TOKEN)$/.test(v)) {
          // `-s HF_TOKEN=HF_TOKEN`: the value is the variable's name, not its content (no `$`), sent as written.
          findings.push(
            result(
              id,
              title,
              'fail',
              `${e.key}=${v} sends the ${v.length} characters "${v}" as the token (a name, not its value): the job gets 401.`,
              sub.origin === 'python'
                ? `Use secrets={"${e.key}": get_token()} (from huggingface_hub import get_token).`
                : sub.origin === 'cli'
                  ? `Use the bare form \`--secrets ${e.key}\`: hf fills it from your login.`
                  : `Use "${e.key}": "$HF_TOKEN".`,
              {file: sub.file, line: e.line},
            ),
          );
        } else if (sub.origin === 'python' && e.source === 'literal' && /\$\{?HF_TOKEN\}?/.test(v)) {
          findings.push(
            result(
              id,
              title,
              'fail',
              `${sub.api}() sends "${v}" as is: huggingface_hub does not replace $HF_TOKEN (only the MCP tool does), so the job gets a 9-character fake token and 401.`,
              `Use secrets={"${e.key}": get_token()} (from huggingface_hub import get_token).`,
              {file: sub.file, line: e.line},
            ),
          );
        } else if (sub.origin === 'cli' && e.source === 'literal' && /\$\{?HF_TOKEN\}?/.test(v)) {
          findings.push(
            result(
              id,
              title,
              'fail',
              `${e.key}=${v} reaches hf unexpanded (single quotes or a --secrets-file; hf does no $VAR expansion): the job gets the literal text and 401.`,
              `Use the bare form \`--secrets ${e.key === 'HF_TOKEN' ? 'HF_TOKEN' : `${e.key}="$HF_TOKEN"`}\`: hf fills it from your login.`,
              {file: sub.file, line: e.line},
            ),
          );
        } else if (
          sub.origin === 'cli' &&
          e.source === 'shell-expanded' &&
          /\$\{?HF_TOKEN\}?/.test(v) &&
          e.key === 'HF_TOKEN'
        ) {
          findings.push(
            result(
              id,
              title,
              'warn',
              `${e.key}=$HF_TOKEN is filled in by your shell: if you logged in with \`hf auth login\` and HF_TOKEN is not exported, the job gets an empty value.`,
              'Use the bare form `--secrets HF_TOKEN`: hf takes the token from HF_TOKEN or, if unset, from your saved login.',
              {file: sub.file, line: e.line},
            ),
          );
        } else if (
          (sub.origin === 'mcp' || sub.origin === 'config') &&
          e.source === 'literal' &&
          containsTokenPlaceholder(v) &&
          !isTokenPlaceholder(v)
        ) {
          findings.push(
            result(
              id,
              title,
              'warn',
              `"${e.key}": "${v}" contains $HF_TOKEN inside a longer value: only an exact "$HF_TOKEN" or "\${HF_TOKEN}" is replaced, so this is sent as written.`,
              `Pass the token alone: "${e.key}": "$HF_TOKEN", and build the longer value inside the script.`,
              {file: sub.file, line: e.line},
            ),
          );
        }
      }
    }
    return outcome(
      id,
      title,
      findings,
      model.submissions.length > 0,
      'No "$HF_TOKEN" is sent where nothing would replace it.',
      'No job submissions found.',
    );
  },
};
