// `troubleshoot --job` against a Hub whose job fields are hostile (issue 14's answers quote them): a stage, a status
// message and a cancel reason holding escape sequences, a bidi override, a C1 CSI and a token cut by a line break,
// a flavor and names holding a token cut by a line break, and a log holding the same. Before session 12 the stage,
// the cancel reason and the flavor were made one line before they were masked: the token's second piece (after the
// break, 14-16 characters) was shown whole, in the text answer and in --json; the offered rerun command held the
// flavor as written (`--flavor $'cpu-hf_…T4wZ\n8kP3nB6cD1eF5gH0jS'`, whole in --json).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {followJob} from '../../src/core/jobs/follow.js';
import {main} from '../../src/main.js';
import {listenLocal, type LocalServer} from '../helpers/local-server.js';
import {makeIo, tempHome} from './helpers-auth.js';

const TOKEN = 'hf_FAKE7qLm2xR9vT4wZ8kP3nB6cD1eF5gH0jS'; // fake test token (34 after hf_)
const ID = '6650f0c2a1b2c3d4e5f60718';
const EVIL = `\x1b]0;PWN\x07\x1b[2J\u202eevil\x9b31m ${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)} done`;
/** Control characters, C1, bidi controls: none may reach the output. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const JOBS: Record<string, Record<string, unknown>> = {
  stage: {status: {stage: EVIL, message: 'x'}},
  message: {status: {stage: 'ERROR', message: EVIL}},
  cancel: {status: {stage: 'CANCELED', message: EVIL, cancelReason: EVIL}},
  flavor: {
    status: {stage: 'ERROR', message: 'CUDA out of memory'},
    flavor: `cpu-${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)}`,
  },
  names: {
    status: {stage: 'ERROR', message: 'x'},
    secrets: [`S_${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)}`],
    environment: {[`E_${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)}`]: 'x'},
  },
};
let which = 'stage';
let server: LocalServer;
let home: Awaited<ReturnType<typeof tempHome>>;
beforeAll(async () => {
  home = await tempHome();
  server = await listenLocal((req, res) => {
    const url = req.url ?? '';
    if (url === '/api/whoami-v2') {
      res.writeHead(200, {'content-type': 'application/json'});
      res.end(JSON.stringify({type: 'user', name: 'alice', orgs: [], auth: {accessToken: {role: 'write'}}}));
    } else if (url.endsWith('/logs')) {
      res.writeHead(200, {'content-type': 'text/event-stream'});
      const log =
        which === 'flavor' ? ['torch.OutOfMemoryError: CUDA out of memory'] : [...EVIL.split('\n'), 'Job timeout'];
      for (const line of log) res.write(`data: ${JSON.stringify({data: line, timestamp: '2026-12-08T00:00:00Z'})}\n\n`);
      res.end();
    } else if (url.startsWith('/api/jobs/')) {
      res.writeHead(200, {'content-type': 'application/json'});
      const base = {type: 'job', id: ID, dockerImage: 'python:3.12', command: ['python', 'x.py'], environment: {}};
      res.end(JSON.stringify({...base, flavor: 'cpu-basic', secrets: [], ...JOBS[which]}));
    } else {
      res.writeHead(404, {'content-type': 'application/json'});
      res.end('{"error":"not found"}');
    }
  });
});
afterAll(async () => {
  await server.close();
  await home.cleanup();
});

/** The 8-character pieces of the token's body found in `out`. */
function readable(out: string): string[] {
  const body = TOKEN.slice(3);
  const found: string[] = [];
  for (let i = 0; i + 8 <= body.length; i++) if (out.includes(body.slice(i, i + 8))) found.push(body.slice(i, i + 8));
  return found;
}

describe('troubleshoot --job on a job whose fields carry escapes and a token cut by a break', () => {
  for (const field of Object.keys(JOBS))
    for (const json of [false, true])
      it(`shows no 8 characters of the token and no control character (${field}${json ? ', --json' : ''})`, async () => {
        which = field;
        const io = makeIo({
          ...home.env,
          HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake3333',
          HF_WIZARD_LOG_WAIT_MS: '1500',
        });
        const args = ['troubleshoot', '--job', `alice/${ID}`, '--endpoint', server.url, ...(json ? ['--json'] : [])];
        expect(await main(args, io)).toBe(0);
        const out = io.out() + io.err();
        const body = TOKEN.slice(3);
        const readable = [];
        for (let i = 0; i + 8 <= body.length; i++)
          if (out.includes(body.slice(i, i + 8))) readable.push(body.slice(i, i + 8));
        expect(readable).toEqual([]);
        expect(out).not.toMatch(CONTROL);
        if (json) expect(JSON.parse(io.out()).job.id).toBe(ID);
        else if (['stage', 'message', 'cancel'].includes(field)) expect(out).toContain('␛]0;PWN␇');
      });
});

describe('a pasted error naming that job, looked up live', () => {
  it('names its stage with no 8 characters of the token and no control character', async () => {
    which = 'stage';
    const text = `huggingface_hub.errors.HfHubHTTPError: 404 Client Error: Not Found for url: ${server.url}/api/jobs/alice/${ID}/logs`;
    const io = makeIo({...home.env, HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake3333'}, {stdinText: text});
    expect(await main(['troubleshoot', '-', '--endpoint', server.url, '--json'], io)).toBe(0);
    const out = io.out() + io.err();
    expect(out).toContain('hf_…');
    expect(readable(out)).toEqual([]);
    expect(out).not.toMatch(CONTROL);
  });
});

describe('following that job (the wizard, example, lessons)', () => {
  it('gets its stage and cancel reason as one line each, the token masked whole', async () => {
    which = 'cancel';
    JOBS.cancel!.status = {stage: EVIL, message: 'x', cancelReason: EVIL};
    const stages: string[] = [];
    const result = await followJob({
      hubUrl: server.url,
      accessToken: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake3333',
      namespace: 'alice',
      jobId: ID,
      pollMs: 100,
      maxMs: 800,
      onStage: (s) => stages.push(s),
    });
    const shown = [...stages, result.stage, result.cancelReason ?? ''].join('\n');
    expect(stages.length).toBeGreaterThan(0);
    expect(readable(shown)).toEqual([]);
    expect(shown).not.toMatch(CONTROL);
  });
});
