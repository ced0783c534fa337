// A stand-in `hf` CLI for the step to the real tools (huggingface_hub cannot be installed by npm test): a small Node
// script in its own folder that records its argv, whether HF_TOKEN reached it and where it ran, prints a line with the
// token in it, and again over two lines (so redaction is tested, also of a token a line break cuts), and on exit code 0 commits to the example's dataset through @huggingface/hub
// as the real job would; otherwise it prints `failure` (hf's own failure line by default) and exits with that code.
import {chmod, writeFile} from 'node:fs/promises';
import {join} from 'node:path';

/** Writes the stand-in in a folder from `tempDir` (helpers/wizard-flow.ts useTempDirs). `record` is the JSON file it
 *  writes when run. */
export async function stubHf(
  exitCode: number,
  tempDir: (prefix: string) => Promise<string>,
  failure = "Error: Job stand-in finished with stage 'ERROR': exit code 1",
): Promise<{dir: string; record: string}> {
  const dir = await tempDir('stub-hf-');
  const record = join(dir, 'record.json');
  const hub = import.meta.resolve('@huggingface/hub');
  const script = `#!/usr/bin/env node
const fs = require('node:fs');
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({argv: process.argv.slice(2), hasToken: Boolean(process.env.HF_TOKEN), endpoint: process.env.HF_ENDPOINT, cwd: process.cwd()}));
console.log('Job started with ID: stand-in, token ' + process.env.HF_TOKEN);
const t = process.env.HF_TOKEN || '';
console.log('token over two lines ' + t.slice(0, 12));
console.log(t.slice(12) + ' (its end)');
(async () => {
  if (${exitCode} !== 0) { console.error(${JSON.stringify(failure)}); process.exit(${exitCode}); }
  const {uploadFile} = await import(${JSON.stringify(hub)});
  await uploadFile({repo: {type: 'dataset', name: 'practice-user/hf-jobs-wizard-demo-dataset'}, file: {path: 'from-hf.txt', content: new Blob([String(Date.now())])}, hubUrl: process.env.HF_ENDPOINT, accessToken: process.env.HF_TOKEN});
  console.log('pushed');
})().catch((e) => { console.error(String(e)); process.exit(3); });
`;
  await writeFile(join(dir, 'hf'), script);
  await chmod(join(dir, 'hf'), 0o755);
  return {dir, record};
}
