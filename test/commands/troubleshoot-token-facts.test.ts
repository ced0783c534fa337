// A pasted error where a token stands as a repo id or a namespace (`snapshot_download(token)` asks for
// `/api/models/hf_…/revision/main`; a job looked up under the token): the live check asked the Hub about that "repo" or
// "namespace", sending the token in a URL's path (into the Hub's and any proxy's request logs). Before session 12,
// 3 of these 4 texts sent it. Now a name that is a token is no fact (core/troubleshoot/facts.ts): nothing is asked about
// it, and the answer shows it masked.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {main} from '../../src/main.js';
import {listenLocal, type LocalServer} from '../helpers/local-server.js';
import {makeIo, tempHome} from './helpers-auth.js';

const TOKEN = 'hf_FAKE7qLm2xR9vT4wZ8kP3nB6cD1eF5gH0jS'; // fake test token (34 after hf_)
const TEXTS = [
  `huggingface_hub.errors.RepositoryNotFoundError: 401 Client Error. Repository Not Found for url: https://huggingface.co/api/models/${TOKEN}/revision/main.`,
  `404 Client Error: Not Found for url: https://huggingface.co/api/models/${TOKEN}/x`,
  `JobNotFoundError: Job Not Found for url: https://huggingface.co/api/jobs/${TOKEN}/6650f0c2a1b2c3d4e5f60718/logs`,
  `403 Forbidden: You don't have the rights to create a model under the namespace "${TOKEN}"`,
];

let server: LocalServer;
const asked: string[] = [];
let home: Awaited<ReturnType<typeof tempHome>>;
beforeAll(async () => {
  home = await tempHome();
  server = await listenLocal((req, res) => {
    asked.push(req.url ?? '');
    res.writeHead(req.url === '/api/whoami-v2' ? 200 : 404, {'content-type': 'application/json'});
    res.end(
      req.url === '/api/whoami-v2'
        ? JSON.stringify({type: 'user', name: 'alice', orgs: [{name: 'acme', type: 'org'}], auth: {}})
        : '{"error":"not found"}',
    );
  });
});
afterAll(async () => {
  await server.close();
  await home.cleanup();
});

describe('a token pasted where a repo id or a namespace stands', () => {
  for (const [n, text] of TEXTS.entries())
    it(`is not sent to the Hub by the live check, and shown masked (text ${n + 1})`, async () => {
      asked.length = 0;
      const io = makeIo({...home.env, HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake3333'}, {stdinText: text});
      expect(await main(['troubleshoot', '-', '--endpoint', server.url, '--json'], io)).toBe(0);
      expect(asked.filter((url) => url.includes('FAKE7qLm'))).toEqual([]);
      expect(io.out() + io.err()).not.toContain('FAKE7qLm');
      expect(JSON.parse(io.out()).problem).toMatch(
        /^(repo-access-denied|job-not-found|forbidden-403|unauthorized-401)$/,
      );
    });
});
