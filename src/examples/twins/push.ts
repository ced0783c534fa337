// Node twins of push_dataset.py and push_model.py: create the repo if needed, upload every file in one commit,
// and remove a repo this run created if the upload fails (nothing half-written is left as if it succeeded).
import {DATASET_FILES, DATASET_REPO_NAME, MODEL_FILES, MODEL_REPO_NAME} from '../content.js';
import {openSession, type TwinIo} from './common.js';

async function push(
  io: TwinIo,
  script: string,
  kind: 'dataset' | 'model',
  repoName: string,
  files: Record<string, string>,
): Promise<void> {
  const s = await openSession(io, script);
  const repoId = `${s.user}/${repoName}`;
  const repo = {type: kind, name: repoId} as const;

  let existed = false;
  try {
    existed = await s.hub.repoExists(repo);
  } catch (error) {
    s.fail(s.explain(error, `check whether ${repoId} exists`));
  }
  if (existed) {
    s.say('EXISTS', {kind, repo: repoId});
  } else {
    s.say('CREATING', {kind, repo: repoId});
    try {
      await s.hub.createPrivateRepo(repo);
    } catch (error) {
      s.fail(s.explain(error, `create the ${kind} ${repoId}`));
    }
  }

  try {
    await s.hub.commitFiles(repo, files, 'Upload from my first HF Job (hf-jobs-wizard example)');
  } catch (error) {
    const message = s.explain(error, `push to ${repoId}`);
    if (!existed) {
      try {
        await s.hub.deleteRepo(repo);
        s.say('ROLLBACK', {kind, repo: repoId});
      } catch {
        // best effort, as in the Python script
      }
    }
    s.fail(message);
  }
  s.say('COMMITTED', {files: Object.keys(files).join(', ')});
  s.say('PUSHED', {url: `${s.endpoint}/${kind === 'dataset' ? 'datasets/' : ''}${repoId}`});
}

export const pushDataset = (io: TwinIo) => push(io, 'push_dataset.py', 'dataset', DATASET_REPO_NAME, DATASET_FILES);
export const pushModel = (io: TwinIo) => push(io, 'push_model.py', 'model', MODEL_REPO_NAME, MODEL_FILES);
