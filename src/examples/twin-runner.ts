// `hf-jobs-wizard job-script NAME` (hidden): runs an example's Node twin inside a sandbox job. The job's
// environment (HF_TOKEN, HF_ENDPOINT, DATASET_ID) is the only input; exit 0 on success, 1 on failure.
import {EXIT, writeLine, type CommandIo} from '../io.js';
import {TwinFailure, type TwinIo} from './twins/common.js';
import {pushDataset, pushModel} from './twins/push.js';
import {readPrivateDataset} from './twins/read-private.js';
import {tokenCheck} from './twins/token-check.js';

export const TWINS: Record<string, (io: TwinIo) => Promise<void>> = {
  'token-check': tokenCheck,
  'push-dataset': pushDataset,
  'push-model': pushModel,
  'read-private-dataset': readPrivateDataset,
};

const HELP = `Usage: hf-jobs-wizard job-script NAME

Internal: runs the Node twin of an example job (what the sandbox runs when uv/Python is not available).
NAME is one of: ${Object.keys(TWINS).join(', ')}.`;

export async function run(args: string[], io: CommandIo): Promise<number> {
  const name = args[0];
  if (!name || name === '--help' || name === '-h') {
    writeLine(name ? io.stdout : io.stderr, HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  const twin = TWINS[name];
  if (!twin || args.length > 1) {
    writeLine(io.stderr, `job-script: unknown example "${args.join(' ')}". Known: ${Object.keys(TWINS).join(', ')}.`);
    return EXIT.usage;
  }
  const twinIo: TwinIo = {
    env: io.env,
    out: (line) => writeLine(io.stdout, line),
    err: (line) => writeLine(io.stderr, line),
  };
  try {
    await twin(twinIo);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof TwinFailure))
      writeLine(io.stderr, `ERROR: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return EXIT.failed;
  }
}
