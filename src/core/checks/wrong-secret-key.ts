// wrong-secret-key: the token goes in under another name (TOKEN, hf_token, HUGGINGFACE_TOKEN), which huggingface_hub never reads.
import {carriesToken, outcome, result, TOKEN_KEYS, type StaticCheck} from './common.js';

const id = 'wrong-secret-key';
const title = 'Token secret is named HF_TOKEN';

export const wrongSecretKey: StaticCheck = {
  id,
  title,
  run(model) {
    const findings = [];
    for (const sub of model.submissions) {
      const all = [...sub.secrets, ...sub.env];
      const hasRight = all.some((e) => e.key === 'HF_TOKEN');
      for (const e of all) {
        if (e.key === 'HUGGING_FACE_HUB_TOKEN' && !hasRight) {
          findings.push(
            result(
              id,
              title,
              'warn',
              'The token is passed as HUGGING_FACE_HUB_TOKEN: huggingface_hub still reads this old name, but other tools (and scripts reading os.environ["HF_TOKEN"]) do not.',
              'Rename it to HF_TOKEN.',
              {file: sub.file, line: e.line},
            ),
          );
          continue;
        }
        if (TOKEN_KEYS.has(e.key) || hasRight || !carriesToken(e)) continue;
        const caseOnly = e.key.toUpperCase() === 'HF_TOKEN';
        findings.push(
          result(
            id,
            title,
            'fail',
            `The token is passed as "${e.key}"${caseOnly ? ' (names are case-sensitive)' : ''}, but huggingface_hub inside the job reads HF_TOKEN: the script runs without a token and gets 401.`,
            `Rename "${e.key}" to "HF_TOKEN".`,
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
      'Every job passes the token as HF_TOKEN (or no token).',
      'No job submissions found.',
    );
  },
};
