// hf's failure explained when its own output names a cause on this computer: the missing hf_xet package (the line
// the real hf 1.29 prints, measured with npm run fidelity:real-tools), and nothing for a job that failed on the Hub.
import {describe, expect, it} from 'vitest';
import {hfFailureHint} from '../../../src/core/preflight/real-tools.js';

describe('hfFailureHint', () => {
  it('names the missing hf_xet package and how to install it', () => {
    const hint = hfFailureHint(['Traceback (most recent call last):', "ModuleNotFoundError: No module named 'hf_xet'"]);
    expect(hint).toMatch(/hf_xet package is missing/);
    expect(hint).toContain('pip install -U huggingface_hub');
  });

  it('says nothing for a job that ended badly on the Hub (its own lines say why)', () => {
    expect(hfFailureHint(["Error: Job abc finished with stage 'ERROR': exit code 1"])).toBeUndefined();
  });
});
