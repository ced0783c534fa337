// hardcoded-token: a real-looking token (hf_..., api_org_...) written in a file. Doc placeholders (hf_xxx) do not count.
import {maskToken} from '../tokens/mask.js';
import {outcome, result, countLabel, type StaticCheck} from './common.js';

const id = 'hardcoded-token';
const title = 'No token written in files';

export const hardcodedToken: StaticCheck = {
  id,
  title,
  run(model, hub) {
    const fix = (file: string) =>
      `${hub.revoke(file)} Remove it from the file (and git history) and pass the token at run time: \`--secrets HF_TOKEN\` (CLI), \`secrets={"HF_TOKEN": get_token()}\` (Python), \`"$HF_TOKEN"\` (MCP tool).`;
    const findings = model.tokens.map((hit) =>
      result(
        id,
        title,
        'fail',
        `A token (${maskToken(hit.token)}) is written in this file: anyone who can read it can use your account.`,
        fix(hit.file),
        {file: hit.file, line: hit.line},
      ),
    );
    return outcome(
      id,
      title,
      findings,
      model.files.length > 0,
      `No token-shaped strings in ${countLabel(model.files.length, 'file')}.`,
      'No files to look at.',
    );
  },
};
