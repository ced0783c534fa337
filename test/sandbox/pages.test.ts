// The browser pages the app links to (newcomer #4): token settings, repo pages and job pages answer as small
// self-contained HTML, follow the API's access rules for a caller without a token, and never print a whole token.
import {createRepo, runJob} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {maskToken} from '../../src/core/tokens/mask.js';
import {PRACTICE_REPOS} from '../../src/sandbox/seed.js';
import {useSandbox} from '../helpers/sandbox.js';
import {collectLogs, NS, nodeJob, waitForStage} from '../jobs/helpers.js';

const sb = useSandbox();

async function page(
  path: string,
  headers: Record<string, string> = {},
): Promise<{status: number; type: string; html: string}> {
  const res = await fetch(`${sb.current.url}${path}`, {headers});
  return {status: res.status, type: res.headers.get('content-type') ?? '', html: await res.text()};
}

function selfContainedAndSafe(html: string): void {
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|@import|url\(/i);
  for (const token of Object.values(sb.current.tokens)) expect(html).not.toContain(token);
  expect(html).not.toMatch(/hf_[A-Za-z0-9]{20,}/);
}

describe('sandbox browser pages', () => {
  it('/settings/tokens: says it is the offline sandbox, lists the practice tokens masked with their kinds, and how to log in', async () => {
    const r = await page('/settings/tokens');
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/html');
    selfContainedAndSafe(r.html);
    expect(r.html).toContain('offline sandbox');
    for (const [label, token] of Object.entries(sb.current.tokens)) {
      expect(r.html).toContain(`<code>${label}</code>`);
      expect(r.html).toContain(maskToken(token));
    }
    expect(r.html).toContain('fine-grained');
    expect(r.html).toContain('expired (answers 401)');
    expect(r.html).toContain('npx hf-jobs-wizard login --sandbox --practice write');
  });

  it('/settings/tokens/new?tokenType=write (the wizard\'s "Open the token page") without the app key: what it would make, no form', async () => {
    const r = await page('/settings/tokens/new?tokenType=write&description=hf-jobs-wizard');
    expect(r.status).toBe(200);
    selfContainedAndSafe(r.html);
    expect(r.html).toContain('A classic <strong>write</strong> token');
    expect(r.html).not.toContain('<form method="post"');
    expect(r.html).toContain('npx hf-jobs-wizard login --sandbox --practice fine-grained');
  });

  it('a public dataset page: repo id, visibility, files with sizes linked to resolve downloads that work', async () => {
    const r = await page(`/datasets/${PRACTICE_REPOS.publicDataset}`);
    expect(r.status).toBe(200);
    selfContainedAndSafe(r.html);
    expect(r.html).toContain(`<code>${PRACTICE_REPOS.publicDataset}</code>`);
    expect(r.html).toContain('public');
    const link = /href="([^"]+\/resolve\/main\/README\.md)">README\.md<\/a><\/td><td>(\d+(?:\.\d)? (?:B|kB))</.exec(
      r.html,
    );
    expect(link).not.toBeNull();
    const download = await fetch(link![1]!.replace(/&#38;/g, '&'));
    expect(download.status).toBe(200);
    expect(await download.text()).toContain('Hello dataset');
  });

  it("a private repo: a browser (no token) gets the API's answer, worded; with a token that may read it, the files", async () => {
    const anon = await page(`/datasets/${PRACTICE_REPOS.privateDataset}`);
    expect(anon.status).toBe(404);
    selfContainedAndSafe(anon.html);
    expect(anon.html).toContain('private: visible through the API with a token');
    expect(anon.html).not.toContain('secrets.csv');
    const other = await page(`/${PRACTICE_REPOS.deniedModel}`, {authorization: `Bearer ${sb.current.tokens.write}`});
    expect(other.status).toBe(404);
    const owner = await page(`/datasets/${PRACTICE_REPOS.privateDataset}`, {
      authorization: `Bearer ${sb.current.tokens.write}`,
    });
    expect(owner.status).toBe(200);
    expect(owner.html).toContain('data/secrets.csv');
    selfContainedAndSafe(owner.html);
  });

  it('model and Space pages, and a repo the app just created (the "It created …" link)', async () => {
    const hub = {hubUrl: sb.current.url, accessToken: sb.current.tokens.write};
    await createRepo({...hub, repo: {type: 'model', name: `${NS}/page-model`}});
    await createRepo({...hub, repo: {type: 'space', name: `${NS}/page-space`}, sdk: 'static'} as never);
    const model = await page(`/${NS}/page-model`);
    expect(model.status).toBe(200);
    expect(model.html).toContain(`model ${NS}/page-model (sandbox)`);
    const space = await page(`/spaces/${NS}/page-space`);
    expect(space.status).toBe(200);
    expect(space.html).toContain(`Space ${NS}/page-space (sandbox)`);
    expect((await page('/practice-user/no-such-model')).status).toBe(404);
  });

  it('/jobs/{ns}/{id}: HTML with the status and the last log lines, tokens in the log masked', async () => {
    const hub = {hubUrl: sb.current.url, accessToken: sb.current.tokens.write};
    const leak = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
    const job = await runJob({
      ...hub,
      namespace: NS,
      ...nodeJob(`for (let i = 1; i <= 40; i++) console.log("line " + i); console.log("oops ${leak}")`),
    });
    await collectLogs(hub, job.id);
    await waitForStage(hub, job.id);
    const r = await page(`/jobs/${NS}/${job.id}`);
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/html');
    selfContainedAndSafe(r.html);
    expect(r.html).toContain('<strong>COMPLETED</strong>');
    expect(r.html).toContain('line 40');
    expect(r.html).not.toMatch(/\bline 1\n/);
    expect(r.html).not.toContain(leak);
    expect(r.html).toContain(maskToken(leak));
    expect((await page(`/jobs/${NS}/000000000000000000000000`)).status).toBe(404);
  });

  it('/jobs/{ns}/{id}: a job printing its own HF_TOKEN glued to text or after an escape code, a non-token secret, HTML and OSC 52 shows none of them raw', async () => {
    const hub = {hubUrl: sb.current.url, accessToken: sb.current.tokens.write};
    const glued = 'hf_FAKEgluedGLUEDgluedGLUEDglued99';
    const source = [
      'const t = process.env.HF_TOKEN;',
      'console.log("TOKEN_" + t);',
      'console.log("x" + t + "y");',
      'console.log("\\x1b[1m" + t + "\\x1b[0m");',
      `console.log("KEY=xhf_" + "${'${'}glued.slice(3)}");`,
      'console.log("pass:" + process.env.MY_PASS + ":end");',
      'console.log("<script>alert(1)</script>");',
      'console.log("\\x1b]52;c;aGVsbG8=\\x07 clip");',
      // Split by a NUL or a zero-width space: shown with a marker, all of it would be readable (attack review).
      'console.log("split:" + t.slice(0, 12) + "\\x00" + t.slice(12) + ":" + t.slice(0, 9) + "\\u200b" + t.slice(9));',
    ].join('\n');
    const job = await runJob({
      ...hub,
      namespace: NS,
      ...nodeJob(source),
      secrets: {HF_TOKEN: sb.current.tokens.write, MY_PASS: 'correct-horse-battery'},
    });
    await waitForStage(hub, job.id);
    const r = await page(`/jobs/${NS}/${job.id}`);
    expect(r.status).toBe(200);
    selfContainedAndSafe(r.html);
    expect(r.html).not.toContain(sb.current.tokens.write);
    expect(r.html).not.toContain(sb.current.tokens.write.slice(3));
    expect(r.html).not.toContain(glued.slice(3));
    expect(r.html).not.toContain(sb.current.tokens.write.slice(12));
    expect(r.html).not.toContain(sb.current.tokens.write.slice(9));
    expect(r.html).not.toContain('correct-horse-battery');
    expect(r.html).not.toContain('<script>alert');
    expect(r.html).not.toContain('\x1b');
    expect(r.html).not.toContain('\x07');
    const log = /<h2>Last log lines<\/h2>\n<pre>([^]*?)<\/pre>/.exec(r.html)?.[1] ?? '';
    expect(log).toContain(`TOKEN_${maskToken(sb.current.tokens.write)}`);
    expect(log).toContain(`pass:${maskToken('correct-horse-battery')}:end`);
    expect(log).toContain('&#60;script&#62;');
    expect(log).toContain('\\x1b]52;c;aGVsbG8=\\x07 clip');
    expect(log).toContain('\\x1b[1m');
  });

  it('the API is not shadowed by the page routes', async () => {
    const res = await fetch(`${sb.current.url}/api/whoami-v2`, {
      headers: {authorization: `Bearer ${sb.current.tokens.write}`},
    });
    expect(res.status).toBe(200);
    const missing = await fetch(`${sb.current.url}/api/nothing-here`);
    expect(missing.headers.get('content-type')).toContain('application/json');
  });
});
