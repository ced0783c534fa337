// The parts of @huggingface/hub the app calls, in one module that is imported dynamically (hubLib() in client.ts):
// importing a module that may call the Hub does not load the library (with its Xet hashing, ~120 KB); the first call
// does. Named re-exports, so esbuild still bundles only these functions.
export {
  HubApiError,
  cancelJob,
  checkRepoAccess,
  commit,
  createRepo,
  getJob,
  listCommits,
  listFiles,
  listJobHardware,
  listJobs,
  repoExists,
  runJob,
  streamJobLogs,
  whoAmI,
} from '@huggingface/hub';
