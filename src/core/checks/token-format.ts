// token-format: values given as the token that cannot be one (doc placeholders, org tokens, cut-off or glued pastes).
import {validateTokenFormat} from '../tokens/format.js';
import {maskToken} from '../tokens/mask.js';
import {outcome, result, TOKEN_KEYS, type StaticCheck} from './common.js';
import type {TokenValue} from './types.js';

const id = 'token-format';
const title = 'Token values are well-formed';

function candidates(model: Parameters<StaticCheck['run']>[0]): TokenValue[] {
  const out: TokenValue[] = [...model.tokenValues];
  for (const sub of model.submissions) {
    for (const e of [...sub.secrets, ...sub.env]) {
      if (e.source !== 'literal' || e.value === undefined || e.value.includes('$')) continue;
      if (TOKEN_KEYS.has(e.key) || /^(hf_|api_org_)/.test(e.value))
        out.push({file: sub.file, line: e.line, value: e.value, where: `${sub.api} ${e.key}`});
    }
  }
  return out;
}

export const tokenFormat: StaticCheck = {
  id,
  title,
  run(model, hub) {
    const values = candidates(model);
    const findings = [];
    for (const v of values) {
      if (v.value.includes('$')) continue;
      const verdict = validateTokenFormat(v.value, {tokensPage: `${hub.endpoint}/settings/tokens`});
      if (verdict.ok) continue;
      const shown =
        /^(hf_|api_org_)/.test(v.value) && verdict.problem !== 'placeholder' ? ` (${maskToken(v.value)})` : '';
      const placeholderLike =
        verdict.problem === 'placeholder' ||
        (verdict.problem === 'wrong-prefix' && /your|token|<|>|x{3,}|\.\.\./i.test(v.value));
      if (placeholderLike) {
        findings.push(
          result(
            id,
            title,
            'warn',
            `${v.where} is a placeholder from an example, not a token: the job would get 401.`,
            'Do not paste a token at all: pass your login with `--secrets HF_TOKEN` (CLI), `get_token()` (Python) or "$HF_TOKEN" (MCP tool).',
            {file: v.file, line: v.line},
          ),
        );
      } else {
        const fix =
          verdict.problem === 'org-token'
            ? hub.newToken('a fine-grained token scoped to the organization')
            : `${hub.copyAgain()} Better: do not paste it, pass your login with \`--secrets HF_TOKEN\`.`;
        findings.push(
          result(id, title, 'fail', `${v.where}${shown}: ${verdict.reason}`, fix, {file: v.file, line: v.line}),
        );
      }
    }
    return outcome(
      id,
      title,
      findings,
      values.length > 0,
      'Token values have the right shape.',
      'No literal token values to judge.',
    );
  },
};
