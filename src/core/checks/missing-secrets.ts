// missing-secrets: the job's script talks to the Hub with a token, but the job passes no HF_TOKEN.
import {carriesToken, outcome, passesToken, result, tokenFix, type StaticCheck} from './common.js';

const id = 'missing-secrets';
const title = 'Jobs that use the Hub get HF_TOKEN';

export const missingSecrets: StaticCheck = {
  id,
  title,
  run(model) {
    const findings = [];
    let judged = 0;
    for (const sub of model.submissions) {
      const facts = sub.scriptFacts;
      if (!facts) continue;
      judged++;
      if (facts.hubLine === undefined) continue;
      if (passesToken(sub) || sub.secretsOpaque || sub.envOpaque) continue;
      // A token under the wrong name is wrong-secret-key's finding, not this one.
      if ([...sub.secrets, ...sub.env].some(carriesToken)) continue;
      const where = facts.file === sub.file ? `line ${facts.hubLine}` : `${facts.file}:${facts.hubLine}`;
      findings.push(
        result(id, title, 'fail', `The job's script ${facts.hubWhat ?? 'uses the Hub'} (${where}), but ${sub.api} passes no HF_TOKEN: jobs get no token unless you pass one, so this fails with 401 (often after the compute is done).`, tokenFix(sub.origin), {file: sub.file, line: sub.line}),
      );
    }
    return outcome(id, title, findings, judged > 0, `${judged} job(s) whose script we could read pass HF_TOKEN where needed.`, model.submissions.length ? 'No job script could be read (URLs or missing files), so whether it needs a token is unknown.' : 'No job submissions found.');
  },
};
