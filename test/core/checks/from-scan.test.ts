// The jobs a checked project would submit, as pre-flight plans: namespace, flavor, timeout and pushed repos come from
// what the checklist scanned; defaults (the token's user, cpu-basic, the 30-minute default) where nothing is written.
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../src/core/checks/scan.js';
import {plannedSubmissions} from '../../../src/core/checks/from-scan.js';

describe('plannedSubmissions', () => {
  it('takes flavor, timeout and namespace from an hf jobs command line', () => {
    const model = scanText(
      'hf jobs uv run --flavor a10g-small --timeout 2h --namespace acme --secrets HF_TOKEN https://e.x/s.py\n',
      'run.sh',
    );
    const plans = plannedSubmissions(model, 'alice');
    expect(plans).toHaveLength(1);
    expect(plans[0]!.job).toMatchObject({namespace: 'acme', flavor: 'a10g-small', timeoutSeconds: 7200});
  });

  it("falls back to the token's user, cpu-basic and no timeout (the Hub's 30-minute default), and marks training as long", () => {
    const model = scanText('{"script": "train_sft.py", "secrets": {"HF_TOKEN": "$HF_TOKEN"}}', 'hf-job.json');
    const [plan] = plannedSubmissions(model, 'alice');
    expect(plan!.job).toMatchObject({namespace: 'alice', flavor: 'cpu-basic', looksLong: true});
    expect(plan!.job.timeoutSeconds).toBeUndefined();
  });

  it('keeps at most the limit, and one plan per distinct job', () => {
    const line = 'hf jobs uv run --secrets HF_TOKEN https://e.x/s.py\n';
    expect(plannedSubmissions(scanText(line.repeat(3), 'run.sh'), 'alice')).toHaveLength(1);
    const many = Array.from(
      {length: 8},
      (_, i) => `hf jobs uv run --flavor cpu-basic --timeout ${i + 1}m --secrets HF_TOKEN https://e.x/s.py\n`,
    ).join('');
    expect(plannedSubmissions(scanText(many, 'run.sh'), 'alice', 5)).toHaveLength(5);
  });
});
