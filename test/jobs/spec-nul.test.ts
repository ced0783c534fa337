// A job spec with a NUL in a secret, a variable or an argument is refused with a 400 that does not quote the value.
// Before, it was accepted and the job ended ERROR with Node's spawn error as its status message, which quotes the
// value: a secret's value in the job's status, shown to anyone who can read the job.
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';
import {NS} from './helpers.js';

describe('a NUL in a job spec', () => {
  const sb = useSandbox();
  const post = (spec: Record<string, unknown>) =>
    fetch(`${sb.current.url}/api/jobs/${NS}`, {
      method: 'POST',
      headers: {authorization: `Bearer ${sb.current.tokens.write}`, 'content-type': 'application/json'},
      body: JSON.stringify({dockerImage: 'python:3.12', command: ['python3', '-c', '1'], flavor: 'cpu-basic', ...spec}),
    });

  it('is refused with a 400 naming the field, never the value', async () => {
    const secret = 'hf_FAKEnulSECRETabcdefghijklmnopqrst\u0000x';
    for (const [spec, field] of [
      [{secrets: {HF_TOKEN: secret}}, '"secrets.HF_TOKEN" must not hold a NUL character'],
      [{environment: {MY_VAR: 'a\u0000b'}}, '"environment.MY_VAR" must not hold a NUL character'],
      [{command: ['python3', '-c', 'print(1)\u0000']}, '"command[2]" must not hold a NUL character'],
    ] as const) {
      const res = await post(spec);
      const body = await res.text();
      expect(res.status, body).toBe(400);
      expect(body).toContain(field.replace(/"/g, '\\"'));
      expect(body).not.toContain('nulSECRET');
    }
  });
});
