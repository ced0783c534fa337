// A value from outside shown on one line (a job's stage, a config value quoted in its error, a server's
// error_description): masked before its line breaks are made spaces (mask.ts redactLine). Made one line first, a token
// a break cut became two words, and the second was shown whole: before session 12, hf-job.json's "flavor", "timeout"
// and an unknown key quoted `hf_…T4wZ 8kP3nB6cD1eF5gH0jS` (16 characters of the token readable).
import {describe, expect, it} from 'vitest';
import {DeviceFlowError} from '../../../src/core/auth/device-flow.js';
import {parseJobConfig} from '../../../src/core/jobspec/config.js';
import {redactLine} from '../../../src/core/tokens/mask.js';

const TOKEN = 'hf_FAKE7qLm2xR9vT4wZ8kP3nB6cD1eF5gH0jS'; // fake test token (34 after hf_)
const CUT = `${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)}`;

/** The 8-character pieces of the token's body `text` shows. */
function readable(text: string): string[] {
  const body = TOKEN.slice(3);
  const found: string[] = [];
  for (let i = 0; i + 8 <= body.length; i++) if (text.includes(body.slice(i, i + 8))) found.push(body.slice(i, i + 8));
  return found;
}

describe('redactLine', () => {
  it('masks a token a line break cut, then makes one line of what is left, then cuts it', () => {
    expect(redactLine(`stage \x1b[2J${CUT} done`)).toBe('stage ␛[2Jhf_…H0jS  done');
    expect(redactLine(`a\nb ${CUT}`, 8)).toBe('a b hf_…');
    expect(readable(redactLine(`x ${CUT}\r\ny`))).toEqual([]);
  });

  it("leaves no 8 characters of the token in hf-job.json's messages quoting its values and keys", () => {
    const json = JSON.stringify(CUT);
    for (const text of [
      `{"script": "train.py", "flavor": ${json}}`,
      `{"script": "train.py", "timeout": ${json}}`,
      `{"script": "train.py", ${json}: 1}`,
    ]) {
      const r = parseJobConfig(text);
      const messages = [...('errors' in r ? r.errors : []), ...r.warnings].map((e) => e.message);
      expect(messages.length, text).toBeGreaterThan(0);
      expect(readable(messages.join('\n')), text).toEqual([]);
      expect(messages.join('\n')).not.toContain('\n');
    }
  });

  it("leaves no 8 characters of the token in a device login's error (a server's words)", () => {
    const error = new DeviceFlowError('http', `The Hub answered: ${CUT}\x1b]0;x\x07`);
    expect(readable(error.message)).toEqual([]);
    expect(error.message).not.toMatch(/[\x00-\x1f]/);
  });
});
