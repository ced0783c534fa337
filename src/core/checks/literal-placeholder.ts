// literal-placeholder: "$HF_TOKEN" given where nothing replaces it (Python API, single-quoted or --secrets-file CLI):
// the job receives the 9 characters `$HF_TOKEN` and gets 401. Only the MCP tool (and hf-job.json here) fills it in.
// Also a value that is a variable's name without `$` (`-s HF_TOKEN=HF_TOKEN`): sent as written everywhere.
//
// Not a finding: `--secrets HF_TOKEN=$HF_TOKEN` (or "$HF_TOKEN", ${HF_TOKEN}) in a shell command. The shell replaces
// $HF_TOKEN before hf runs; hf (huggingface_hub cli/_cli_utils.py parse_env_map -> utils/_dotenv.py load_dotenv) then
// takes KEY=VALUE as given, while a bare `--secrets HF_TOKEN` is looked up in the environment with the token of
// get_token() added (HF_TOKEN, else the saved login). So the `=$HF_TOKEN` form works whenever HF_TOKEN is exported,
// and differs from the bare form only for someone logged in with `hf auth login` and no HF_TOKEN variable: the job then
// gets an empty secret. The Hub's docs teach the bare form ("Use `--secrets HF_TOKEN` to pass your local Hugging
// Face token implicitly"). That is a difference of setup, not a defect of the command, so the check passes and its
// pass line carries the note. (The same text single-quoted, in a --secrets-file or in Python is sent literally: fail.)
//
// Who replaces "$HF_TOKEN", re-read in s6 from the sources: the shell, for an unquoted or double-quoted word of a
// command (`-e HF_TOKEN=$HF_TOKEN` in a .sh file or a doc's bash block); never hf itself (load_dotenv takes values as
// written and only fills a bare KEY from the environment plus get_token()); never huggingface_hub's Python API
// (_jobs_api.py _create_job_spec puts env/secrets dicts into the job spec as given, so a Python dict's "$HF_TOKEN" is
// 9 characters); never a YAML/JSON file by itself; and the MCP server's hf_jobs tool only for a value that is exactly
// "$HF_TOKEN" or "${HF_TOKEN}" (packages/mcp/src/jobs/commands/utils.ts replaceTokenPlaceholder), under any key, in
// env and in secrets. So the held-out case cvlization-docker/hf-jobs (train.sh, a bash script whose Docker-job command
// passes `-e HF_TOKEN=$HF_TOKEN` unquoted) is not a literal placeholder: its s4 label was taken off with that reason
// (manifest `relabelled`), and only token-in-env remains. (No whole command is quoted here: check reads commands shown
// in comments, and this file is checked with the rest of src/.)
import {containsTokenPlaceholder, isTokenPlaceholder} from '../jobspec/placeholder.js';
import {outcome, result, type StaticCheck} from './common.js';

const id = 'literal-placeholder';
const title = 'No literal "$HF_TOKEN" outside the MCP tool';

export const literalPlaceholder: StaticCheck = {
  id,
  title,
  run(model) {
    const findings = [];
    let shellFilled: {file: string; line: number; key: string; kind: string} | undefined;
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
        } else if (sub.origin === 'cli' && e.source === 'shell-expanded' && /\$\{?HF_TOKEN\}?/.test(v)) {
          // Filled in by the shell: not a finding (see the header), only a note in the pass line.
          shellFilled ??= {
            file: sub.file,
            line: e.line,
            key: e.key,
            kind: sub.secrets.includes(e) ? '--secrets' : '-e',
          };
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
      shellFilled
        ? `No "$HF_TOKEN" is sent where nothing would replace it. Note: ${shellFilled.kind} ${shellFilled.key}=$HF_TOKEN (${shellFilled.file}:${shellFilled.line}) is filled in by your shell, so it works when HF_TOKEN is exported; after only \`hf auth login\` it sends an empty value, where the bare \`--secrets HF_TOKEN\` sends your saved token.`
        : 'No "$HF_TOKEN" is sent where nothing would replace it.',
      'No job submissions found.',
    );
  },
};
