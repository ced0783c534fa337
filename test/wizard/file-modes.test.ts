// The wizard's project files are normal files: the person's folder keeps its mode, hf-job.json and the script are
// 0644. The token store it writes in the same step stays private (0600 files).
import {chmod, mkdir, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {writeFileAtomic} from '../../src/core/store/atomic.js';
import {CONFIG_DIR} from '../../src/wizard/services/index.js';
import type {Session} from '../../src/core/wizard/services.js';
import {useSandbox} from '../helpers/sandbox.js';
import {sandboxWizard, useTempDirs} from '../helpers/wizard-flow.js';

const sb = useSandbox();
const tempDir = useTempDirs();
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('file modes', () => {
  it('writeFileAtomic: private by default, a normal project file with {mode, privateDir: false}', async () => {
    const dir = await tempDir('wizard-modes-');
    await mkdir(join(dir, 'secret'), {mode: 0o755});
    await chmod(join(dir, 'secret'), 0o755);
    await writeFileAtomic(join(dir, 'secret/token'), 'x');
    expect(await modeOf(join(dir, 'secret'))).toBe(0o700);
    expect(await modeOf(join(dir, 'secret/token'))).toBe(0o600);

    await mkdir(join(dir, 'project'));
    await chmod(join(dir, 'project'), 0o775);
    await writeFileAtomic(join(dir, 'project/run.py'), 'print(1)\n', {mode: 0o644, privateDir: false});
    expect(await modeOf(join(dir, 'project'))).toBe(0o775);
    expect(await modeOf(join(dir, 'project/run.py'))).toBe(0o644);
  });

  it("the config step keeps the project folder's mode, writes 0644 files and a 0600 token store", async () => {
    const dir = await tempDir('wizard-modes-');
    const s = sb.current;
    const {services} = sandboxWizard(s, {dir});
    const {target} = await services.prepareTarget('sandbox');
    const valid = await services.validateToken(target, s.tokens.write, 'input');
    if (!valid.ok) throw new Error(valid.message);
    const project = join(dir, CONFIG_DIR);
    await mkdir(project);
    await chmod(project, 0o755);
    const session: Session = {target, account: valid.account, exampleId: 'push-dataset', cwd: dir};
    const plan = await services.planConfig(session);
    const written = await services.writeConfig(session, plan);
    expect(await modeOf(project)).toBe(0o755);
    const projectFiles = plan.files.filter((f) => f.role === 'job config' || f.role === 'script');
    expect(projectFiles.length).toBe(2);
    for (const f of projectFiles) expect(await modeOf(f.path)).toBe(0o644);
    const store = plan.files.filter((f) => f.role === 'saved login' || f.role === 'named tokens');
    expect(store.length).toBe(2);
    for (const f of store) {
      expect(written).toContain(f.path);
      expect(await modeOf(f.path)).toBe(0o600);
    }
  });
});
