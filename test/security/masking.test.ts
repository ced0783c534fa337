// Regression tests for issue 10's masking findings: glued tokens, tokens after ANSI codes, hf_oauth_ in files,
// the registry of known secrets, troubleshoot's fallback evidence line, and tokens echoed from argv by main().
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {main} from '../../src/main.js';
import {findTokenLike} from '../../src/core/jobspec/placeholder.js';
import {forgetSecrets, knownSecrets, redactSecrets, registerSecret} from '../../src/core/tokens/mask.js';
import {classifyText} from '../../src/core/troubleshoot/classify.js';
import {makeIo} from '../commands/helpers-auth.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234'; // fake test token
const OAUTH = 'hf_oauth_FAKEfakeFAKEfakeFAKEfakeFAKE5678'; // fake test token
const ORG = 'api_org_FAKEfakeFAKEfakeFAKEfakeFAKE9012'; // fake test token

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-mask-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});
afterEach(() => forgetSecrets());

describe('redactSecrets wherever a token stands', () => {
  const glued: [string, string][] = [
    ['after an identifier with an underscore', `TOKEN_${FAKE}`],
    ['after a letter', `x${FAKE}`],
    ["after rich's bold ANSI code", `\x1b[1m${FAKE}\x1b[0m`],
    ['after a colour code and before a word', `\x1b[32m${FAKE}done`],
    ['inside a URL query', `https://e.x/?t=${FAKE}&a=1`],
    ['an OAuth token glued to text', `AUTH${OAUTH}`],
    ['an org token after a digit', `9${ORG}`],
  ];
  for (const [what, text] of glued) {
    it(`masks a token ${what}`, () => {
      const out = redactSecrets(text);
      for (const t of [FAKE, OAUTH, ORG]) expect(out).not.toContain(t);
      expect(out).not.toContain('FAKEfakeFAKEfake');
      expect(out).toContain('…');
    });
  }

  it('masks a registered secret of any shape until it is forgotten', () => {
    const odd = 'not-token-shaped-secret-value';
    registerSecret(odd);
    expect(knownSecrets()).toContain(odd);
    expect(redactSecrets(`the job printed ${odd}!`)).not.toContain(odd);
    forgetSecrets();
    expect(redactSecrets(`the job printed ${odd}!`)).toContain(odd);
  });

  it('ignores registrations too short to be a secret (they would mask ordinary words)', () => {
    registerSecret('abc');
    registerSecret('');
    registerSecret(undefined);
    expect(knownSecrets()).toEqual([]);
  });

  it('still leaves prose that only looks like the prefix alone', () => {
    expect(redactSecrets('use hf_hub_download and HF_TOKEN; xhf_a')).toBe('use hf_hub_download and HF_TOKEN; xhf_a');
  });
});

describe('check finds browser-login tokens in files', () => {
  it('findTokenLike reports an hf_oauth_ token written in a file', () => {
    const hits = findTokenLike(`TOKEN = "${OAUTH}"\n`);
    expect(hits.map((h) => h.token)).toEqual([OAUTH]);
  });

  it('check fails on a file holding an hf_oauth_ token and never prints it whole', async () => {
    const project = await mkdtemp(join(dir, 'proj-'));
    await writeFile(join(project, 'train.py'), `import os\ntoken = "${OAUTH}"\n`);
    const io = makeIo({HOME: dir, XDG_CACHE_HOME: join(dir, 'cache')});
    io.cwd = project;
    const code = await main(['check', '--offline', '.'], io);
    expect(code).toBe(1);
    expect(io.out() + io.err()).toContain('hf_…5678');
    expect(io.out() + io.err()).not.toContain(OAUTH);
  });
});

describe('troubleshoot on a failed-job text', () => {
  it('answers {"stage": "ERROR"} instead of crashing', () => {
    const c = classifyText('{"stage": "ERROR"}');
    expect(c.problem).toBeDefined();
    expect(c.jobFailed).toBe(true);
  });

  it('masks the fallback "finished with stage" evidence line', () => {
    const c = classifyText(`Job 123 finished with stage 'ERROR' token=${FAKE}`);
    expect(c.evidence.join('\n')).not.toContain(FAKE);
    expect(c.evidence.join('\n')).toContain('hf_…1234');
  });

  it('troubleshoot --json on {"stage": "ERROR"} exits 0 with JSON', async () => {
    const io = makeIo({HOME: dir, XDG_CACHE_HOME: join(dir, 'cache')}, {stdinText: '{"stage": "ERROR"}'});
    expect(await main(['troubleshoot', '--json'], io)).toBe(0);
    expect(() => JSON.parse(io.out())).not.toThrow();
  });
});

describe('arguments echoed in messages are masked', () => {
  const lines: string[][] = [
    ['troubleshoot', FAKE],
    ['check', FAKE],
    ['status', '--endpoint', FAKE],
    [FAKE],
    ['logout', FAKE],
    ['example', FAKE],
    ['login', `--nope=${FAKE}`],
    ['troubleshoot', `--job=${FAKE}`, '--endpoint', 'http://127.0.0.1:9'],
  ];
  for (const argv of lines) {
    it(`hf-jobs-wizard ${argv.join(' ').replace(FAKE, 'hf_FAKE…')} never prints the token whole`, async () => {
      const io = makeIo({HOME: dir, XDG_CACHE_HOME: join(dir, 'cache')}, {stdinText: ''});
      io.cwd = dir;
      await main(argv, io);
      expect(io.out() + io.err()).not.toContain(FAKE);
      expect(io.out() + io.err()).not.toContain('FAKEfakeFAKEfake');
    });
  }
});
