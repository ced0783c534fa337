// The wizard's checklist lines (Ink and plain mode) are one line each: a config's values (a flavor, a timeout, a
// secret's name) and file names are outside text, and a line break in one gave the checklist lines of its own, e.g.
// `[✓] …` read as a check that passed. `check` prints them the same way (src/commands/check.ts).
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {servicesOnSandbox, useSandbox} from '../helpers/sandbox.js';

const sb = useSandbox();
let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, {recursive: true, force: true});
});

describe("the wizard's checklist items", () => {
  it('hold no line break, whatever the config says', async () => {
    dir = await mkdtemp(join(tmpdir(), 'wizard-one-line-'));
    const s = sb.current;
    const {services} = servicesOnSandbox(s, dir);
    const {target} = await services.prepareTarget('sandbox');
    const login = await services.validateToken(target, s.tokens.write, 'practice');
    if (!login.ok) throw new Error(login.message);
    const session = {target, account: login.account, exampleId: 'push-dataset', cwd: dir};
    const config = join(dir, 'my-first-hf-job');
    await mkdir(config, {recursive: true});
    await writeFile(
      join(config, 'hf-job.json'),
      JSON.stringify({
        script: 'push_dataset.py',
        flavor: 'cpu-basic\n[✓] Flavors exist: fine',
        timeout: '1h\nx',
        secrets: {'HF_TOKEN\n[✓] spoof': '$HF_TOKEN'},
      }),
    );
    const items = await services.runChecks(session, () => {});
    const said = items.flatMap((i) => [i.message, i.fix ?? '']);
    expect(said.some((t) => t.includes('cpu-basic [✓] Flavors exist: fine'))).toBe(true);
    for (const text of said) expect(text).not.toMatch(/[\n\r]/);
  });
});
