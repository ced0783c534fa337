// missing-secrets: the job's script needs the token, but the submission passes none (jobs get no token by default).
// Judged when the script the job runs could be read (inline, a local file or `python -m` module, the file whose
// docstring shows the command, a doc's code block given that script's name: "Save this script as `train.py`", or the
// uv script block shown just before a command that runs a local file no block is named as: doc-prose.ts).
// "Needs": it writes to the Hub (push_to_hub, upload_*, create_*/delete_*, bucket writes; see script-facts.ts) or
// reads HF_TOKEN so that it fails without it (os.environ["HF_TOKEN"], an assert). A script that only downloads public
// files does not need it. A token passed under another name is wrong-secret-key's finding; a --secrets-file or a
// Python variable we cannot see into counts as passing it. A URL script is read when the checked tree has it: next to
// the submitting file, or at its path in the repository (scan.ts urlScriptPaths).
// When the script cannot be read (a URL, a file elsewhere), these still say the job writes to the Hub:
// - its own arguments (types.ts argsHubWrite): `--push_to_hub`, `--hub_model_id u/m`, `--output-dataset u/d`,
//   `--output-bucket u/b`, a positional `username/output-dataset` or `OUTPUT_DATASET`, or a flag that only names a
//   Hub repo whatever fills it in (`--hub_model_id "$REPO"`, a list's `"--hub-model-id", args.hub_model_id`);
// - in a doc, the prose after the command (doc-prose.ts): a sentence with its subject ("so the job can write the
//   output dataset back to the Hub") or a list under a lead-in naming the script ("The scripts: - upload the adapter
//   to a model repo"); not an instruction to the reader ("Upload the script to the Hub"), a negation, a sentence
//   about an option the command leaves out ("with `--push-to-hub` it uploads…"; unless its arguments are elided with
//   `...`), the paragraph before the block, nor for a job that mounts a Hub volume (-v hf://…: writes there are
//   authorised at creation).
// When nothing says whether the job writes (its script is not in what was checked, and neither its arguments nor the
// doc say it writes), the job is not judged, and the result says so: the check does not guess either way.
// A command a script builds as a list (`cmd = ["hf", "jobs", "run", ...]`, grown by `+=`/extend/append in its
// block) is a submission like the same command typed (extract-list.ts).
import {carriesToken, outcome, passesToken, result, tokenFix, type StaticCheck} from './common.js';

const id = 'missing-secrets';
const title = 'Jobs that use the Hub get HF_TOKEN';

export const missingSecrets: StaticCheck = {
  id,
  title,
  run(model) {
    const findings = [];
    let judged = 0;
    let unjudged = 0;
    for (const sub of model.submissions) {
      const facts = sub.scriptFacts;
      // Without the script, the job's own arguments may still say it writes (`--push_to_hub`, `--output-bucket u/b`),
      // or the doc showing the command may say so in the prose around it.
      // (Not when the job mounts a Hub volume: what the doc says it writes may go there, authorised at creation.)
      const said = sub.argsWrite ?? (sub.hubVolume ? undefined : sub.docWrite);
      if (!facts && !said) {
        unjudged++;
        continue;
      }
      judged++;
      if (facts ? !facts.needsToken : false) continue;
      if (passesToken(sub) || sub.secretsOpaque || sub.envOpaque) continue;
      // A token under the wrong name is wrong-secret-key's finding, not this one.
      if ([...sub.secrets, ...sub.env].some(carriesToken)) continue;
      const at = facts ? (facts.hubLine ?? facts.tokenLine) : said!.line;
      const where = !facts || facts.file === sub.file ? `line ${at}` : `${facts.file}:${at}`;
      const what = facts
        ? `The job's script ${facts.hubWhat ?? 'requires HF_TOKEN'}`
        : sub.argsWrite
          ? `The job ${sub.argsWrite.value}`
          : `The doc says the job writes to the Hub ("${sub.docWrite!.value}")`;
      findings.push(
        result(
          id,
          title,
          'fail',
          `${what} (${where}), but ${sub.api} passes no HF_TOKEN: jobs get no token unless you pass one, so this fails with 401 (often after the compute is done).`,
          tokenFix(sub.origin),
          {file: sub.file, line: sub.line},
        ),
      );
    }
    return outcome(
      id,
      title,
      findings,
      judged > 0,
      `${judged} job(s) whose script we could read pass HF_TOKEN where needed.` +
        (unjudged
          ? ` ${unjudged} other job(s) not judged: their script is not here and nothing says whether they write to the Hub.`
          : ''),
      model.submissions.length
        ? 'No job script could be read (URLs or missing files), so whether it needs a token is unknown.'
        : 'No job submissions found.',
    );
  },
};
