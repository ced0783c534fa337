// `troubleshoot --job REF`: REF's parts go into the Hub's URL path. Before, `--job ../../../api/whoami-v2` was sent as
// is, fetch resolved the dots, whoami's answer was read as a job ("unknown stage", exit 0), and a ref or a whoami
// name holding an escape sequence was echoed raw in the "Reading job" line. Now a ref that is not one plain path
// segment (or NAMESPACE/ID of two) is a usage error before anything is sent, and the line is sanitised.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseJobRef} from '../../src/core/jobs/ref.js';
import {main} from '../../src/main.js';
import {makeIo, tempHome} from './helpers-auth.js';
import {listenLocal, type LocalServer} from '../helpers/local-server.js';

describe('parseJobRef', () => {
  it('takes an id, or NAMESPACE/ID, of plain path segments', () => {
    expect(parseJobRef(' 6650f0c2a1b2c3d4e5f60718 ')).toEqual({ok: true, id: '6650f0c2a1b2c3d4e5f60718'});
    expect(parseJobRef('my-org.x/abc_1')).toEqual({ok: true, namespace: 'my-org.x', id: 'abc_1'});
  });

  it('refuses dots, more slashes, encodings, blanks and control characters, showing the ref as text', () => {
    for (const ref of [
      '../../../api/whoami-v2',
      'a/b/c',
      'ns/..',
      '..',
      'ns/%2e%2e',
      'ns/a b',
      '',
      '/abc',
      'ns/',
      'ns?x=1/a',
    ])
      expect(parseJobRef(ref).ok, ref).toBe(false);
    const bad = parseJobRef('ns/\x1b]0;PWN\x07abc');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('ns/␛]0;PWN␇abc');
  });
});

describe('troubleshoot --job against a server that records what it is asked', () => {
  let server: LocalServer;
  let url = '';
  const asked: string[] = [];
  let home: Awaited<ReturnType<typeof tempHome>>;
  beforeAll(async () => {
    home = await tempHome();
    server = await listenLocal((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(req.url === '/api/whoami-v2' ? 200 : 404, {'content-type': 'application/json'});
      // A whoami name with an escape sequence: what the "Reading job" line names when the ref has no namespace.
      res.end(
        req.url === '/api/whoami-v2'
          ? JSON.stringify({type: 'user', name: 'evil\x1b]0;PWNED\x07', orgs: [], auth: {}})
          : '{"error":"not found"}',
      );
    });
    url = server.url;
  });
  afterAll(async () => {
    await server.close();
    await home.cleanup();
  });
  const io = () =>
    makeIo({...home.env, HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake3333', HF_WIZARD_LOG_WAIT_MS: '2000'});

  it('refuses a ref with dots or slashes as a usage error, asking nothing', async () => {
    asked.length = 0;
    const i = io();
    expect(await main(['troubleshoot', '--job', '../../../api/whoami-v2', '--endpoint', url], i)).toBe(2);
    expect(i.err()).toContain('--job "../../../api/whoami-v2" is not a job');
    expect(asked).toEqual([]);
  });

  it("names the job with the server's whoami name made visible, not run", async () => {
    const i = io();
    await main(['troubleshoot', '--job', 'abc', '--endpoint', url], i);
    expect(i.err()).toContain('Reading job evil␛]0;PWNED␇/abc');
    expect(i.out() + i.err()).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});
