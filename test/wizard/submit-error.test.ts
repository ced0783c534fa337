// A refused submit as the wizard shows it: one redacted line and the problem it points to, for the answers the
// sandbox's practice organizations give on purpose (402 no credits, 403 token policy, 500 outage), a read token's
// 403, an unknown token's 401, and a Hub that does not answer.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHubClient, type HubJobSpec} from '../../src/core/hub/client.js';
import type {Session} from '../../src/core/wizard/services.js';
import type {ProblemId} from '../../src/core/troubleshoot/catalog.js';
import {servicesOnSandbox, useSandbox} from '../helpers/sandbox.js';

const sb = useSandbox();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wizard-submit-error-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

const spec: HubJobSpec = {dockerImage: 'python:3.12', command: ['python', '-c', 'print(1)'], flavor: 'cpu-basic'};

async function refusal(call: () => Promise<unknown>): Promise<unknown> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return error;
}

describe('describeSubmitError', () => {
  it('names the problem of each refusal the Hub gives a job submit, without the token', async () => {
    const s = sb.current;
    const {services: sv} = servicesOnSandbox(s, dir);
    const {target} = await sv.prepareTarget('sandbox');
    const valid = await sv.validateToken(target, s.tokens.write, 'input');
    if (!valid.ok) throw new Error(valid.message);
    const session: Session = {target, account: valid.account, exampleId: 'push-dataset', cwd: dir};
    const write = createHubClient({hubUrl: s.url, accessToken: s.tokens.write});
    const read = createHubClient({hubUrl: s.url, accessToken: s.tokens.read});
    const unknown = createHubClient({hubUrl: s.url, accessToken: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12'});
    const cases: [string, () => Promise<unknown>, ProblemId][] = [
      ['no credits', () => write.runJob('practice-no-credits', spec), 'payment-required'],
      ['token policy', () => write.runJob('practice-token-policy', spec), 'org-token-policy'],
      ['outage', () => write.runJob('practice-outage', spec), 'server-error'],
      ['read token', () => read.runJob('practice-user', spec), 'forbidden-403'],
      ['unknown token', () => unknown.runJob('practice-user', spec), 'unauthorized-401'],
      [
        'no answer',
        () => createHubClient({hubUrl: 'http://127.0.0.1:9', accessToken: s.tokens.write}).listJobs('practice-user'),
        'network-error',
      ],
    ];
    for (const [label, call, problem] of cases) {
      const d = sv.describeSubmitError(session, await refusal(call));
      expect(d.problem, label).toBe(problem);
      expect(d.message, label).not.toContain(s.tokens.write);
      expect(d.message.includes('\n'), label).toBe(false);
    }
  });
});
