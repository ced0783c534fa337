// Node twin of read_private_dataset.py.
import {PRIVATE_DATASET_NAME, pickDataFile} from '../content.js';
import {openSession, type TwinIo} from './common.js';

export async function readPrivateDataset(io: TwinIo): Promise<void> {
  const s = await openSession(io, 'read_private_dataset.py');
  const repoId = io.env.DATASET_ID || `${s.user}/${PRIVATE_DATASET_NAME}`;
  const repo = {type: 'dataset', name: repoId} as const;
  let files: string[] = [];
  try {
    files = await s.hub.listFiles(repo);
  } catch (error) {
    s.fail(s.explain(error, `list the files of ${repoId}`));
  }
  s.say('READ_LIST', {repo: repoId, count: files.length, files: files.join(', ')});
  const path = pickDataFile(files);
  if (path) {
    let text = '';
    try {
      text = await s.hub.downloadText(repo, path);
    } catch (error) {
      s.fail(s.explain(error, `download ${path} from ${repoId}`));
    }
    const lines = text.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    s.say('READ_FILE', {path, rows: Math.max(lines.length - 1, 0)});
    for (const line of lines.slice(0, 3)) s.say('READ_LINE', {line});
  }
  s.say('READ_OK', {repo: repoId});
}
