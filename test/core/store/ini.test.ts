import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {IniParseError, parseIni, serializeIni} from '../../../src/core/store/ini.js';

const FAKE_A = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeAA';
const FAKE_B = 'hf_oauth_FAKEfakeFAKEfakeFAKEfakeFAKE';

// The bytes configparser writes (hf-auth-and-jobs.md §1.2), fake test tokens.
const PY_BYTES = `[my token]\nhf_token = ${FAKE_A}\n\n[oauth-alice]\nhf_token = ${FAKE_B}\nrefresh_token = rt\nexpires_at = 1790000000\n\n`;

function hasPython(): boolean {
  try {
    execFileSync('python3', ['-c', 'import configparser'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
}

describe('ini', () => {
  it('round-trips the exact configparser bytes', () => {
    const sections = parseIni(PY_BYTES);
    expect(sections.map((s) => s.name)).toEqual(['my token', 'oauth-alice']);
    expect(sections[1]?.values.get('expires_at')).toBe('1790000000');
    expect(serializeIni(sections)).toBe(PY_BYTES);
  });

  it('reads what configparser reads: ":" delimiter, comments, upper-case keys, CRLF', () => {
    const s = parseIni(`# comment\r\n[a]\r\nHF_TOKEN: ${FAKE_A}\r\n; other\r\n`);
    expect(s[0]?.values.get('hf_token')).toBe(FAKE_A);
  });

  it('rejects what configparser rejects', () => {
    expect(() => parseIni('hf_token = x\n')).toThrow(IniParseError);
    expect(() => parseIni('[a]\nx = 1\n[a]\ny = 2\n')).toThrow(/twice/);
    expect(() => parseIni('[a]\njust some junk\n')).toThrow(IniParseError);
  });

  it.skipIf(!hasPython())('matches python3 configparser byte for byte', () => {
    const py = [
      'import configparser, io',
      'c = configparser.ConfigParser(interpolation=None)',
      `for name, vals in sorted({"oauth-alice": {"hf_token": "${FAKE_B}", "refresh_token": "rt", "expires_at": "1790000000"}, "my token": {"hf_token": "${FAKE_A}"}, "Zeta": {"hf_token": "z"}}.items()):`,
      '    c.add_section(name)',
      '    for k, v in vals.items(): c.set(name, k, v)',
      'b = io.StringIO(); c.write(b); print(b.getvalue(), end="")',
    ].join('\n');
    const expected = execFileSync('python3', ['-c', py], {encoding: 'utf8'});
    const ours = serializeIni(
      parseIni(expected)
        .reverse()
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    expect(ours).toBe(expected);
    // and Python reads ours back
    const back = execFileSync(
      'python3',
      [
        '-c',
        'import configparser,sys; c=configparser.ConfigParser(interpolation=None); c.read_string(sys.stdin.read()); print(",".join(c.sections()))',
      ],
      {input: ours, encoding: 'utf8'},
    );
    expect(back.trim()).toBe('Zeta,my token,oauth-alice');
  });
});
