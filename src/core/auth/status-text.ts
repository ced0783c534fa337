// What `status` prints (and the wizard's token dashboard shows on request): the endpoint, who, the token in effect
// (masked) and where it comes from, its kind, scopes and expiry, then every saved token with what the Hub says of it
// and what shadows what. Pure: lines from a StatusReport (core/auth/status.ts), never a whole token.
import {isDefaultEndpoint} from '../endpoint.js';
import {APP_COMMAND} from '../invocation.js';
import {isSandboxEndpoint} from '../practice.js';
import type {StatusReport} from './status.js';

/** How to log in where `status` looked: the built-in sandbox's practice token, another Hub's own --endpoint, else huggingface.co. */
function loginHint(endpoint: string, sandbox: boolean): string {
  if (sandbox)
    return `Log in with \`${APP_COMMAND} login --sandbox --practice write\` (a practice token: nothing to paste; read, fine-grained and expired ones are there too).`;
  if (isSandboxEndpoint(endpoint))
    return `Log in with \`${APP_COMMAND} login --endpoint ${endpoint} --practice write\` (the practice tokens of the sandbox at that address), or paste one of its tokens: \`${APP_COMMAND} login --endpoint ${endpoint}\`.`;
  if (!isDefaultEndpoint(endpoint))
    return `Log in with \`${APP_COMMAND} login --endpoint ${endpoint}\` (paste a token of that Hub), or set HF_TOKEN.`;
  return `Log in with \`${APP_COMMAND} login\` (paste a token) or \`${APP_COMMAND} login --device\`, or practise with \`${APP_COMMAND} login --sandbox --practice write\`.`;
}

/** `sandbox`: the report is of the built-in sandbox (--sandbox, the wizard on the sandbox): its practice login is the way in. */
export function statusText(r: StatusReport, options: {sandbox?: boolean} = {}): string[] {
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  out(`Endpoint:  ${r.endpoint}`);
  if (!r.loggedIn) {
    out(
      r.tokenFileProblem
        ? 'Not logged in: no HF_TOKEN environment variable, and the saved token cannot be read (see below).'
        : 'Not logged in: no HF_TOKEN environment variable and no saved token.',
    );
    out(`  (looked in ${r.tokenPath})`);
    out(loginHint(r.endpoint, Boolean(options.sandbox)));
  } else {
    if (r.account) out(`Account:   ${r.account.user}${r.account.fullname ? ` (${r.account.fullname})` : ''}`);
    if (r.account?.orgs.length)
      out(`Orgs:      ${r.account.orgs.map((o) => (o.roleInOrg ? `${o.name} (${o.roleInOrg})` : o.name)).join(', ')}`);
    // Whether a job under your own user gets the 402 (the troubleshooter's 402 verify step points here).
    if (r.account && r.account.canPay !== null)
      out(
        `Billing:   ${r.account.canPay ? 'your account can pay for Jobs' : 'your account cannot pay for Jobs (no credits or payment method): a job under it gets 402'}`,
      );
    out(`Token:     ${r.maskedToken} from ${r.sourceDescription}${r.activeName ? `, saved as "${r.activeName}"` : ''}`);
    if (r.token) {
      out(
        `Type:      ${r.token.label}${r.token.displayName && r.token.displayName !== r.activeName ? ` named "${r.token.displayName}" on the Hub` : ''}`,
      );
      for (const line of r.token.summary) out(`           ${line}`);
      if (r.token.expiresAt) out(`Expires:   ${r.token.expiresAt}`);
    } else if (r.online === 'skipped' && !r.formatProblem) {
      out('Type:      not checked (offline); run without --offline to ask the Hub.');
    }
  }
  if (r.storedTokens.length) {
    out(
      `Saved tokens (* = ${r.source === 'file' ? 'active' : r.source ? `saved as active, but ${r.source} wins` : 'active'}):`,
    );
    const width = Math.min(32, Math.max(...r.storedTokens.map((t) => t.name.length)));
    for (const t of r.storedTokens) {
      const head = `  ${t.active ? '*' : ' '} ${t.name.padEnd(width)}  ${t.maskedToken ?? '(no hf_token)'}`;
      const c = t.check;
      if (!c) out(head);
      else if (!c.valid) out(`${head}  ${c.problem ?? 'invalid'}`);
      else {
        out(`${head}  ${c.label}${c.user ? ` of ${c.user}` : ''}${c.expiresAt ? `, expires ${c.expiresAt}` : ''}`);
        for (const s of c.scopes ?? [])
          out(`      ${s.entity.type} ${s.entity.name}: ${s.permissions.join(', ') || '(none)'}`);
        if (c.kind === 'fineGrained') out(`      ${c.canReadGatedRepos ? 'can' : 'cannot'} read public gated repos`);
      }
    }
    if (r.storedTokens.length > 1)
      out(`Switch with \`${APP_COMMAND} login --switch NAME\` (the same files as \`hf auth switch\`).`);
  }
  for (const note of r.notes) out(`Note: ${note}`);
  return lines;
}
