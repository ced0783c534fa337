// Words shared by the Ink screens and the plain mode.

/** The four kinds of token from the seed, with the org token marked legacy (hf-jobs-skill-and-mcp.md §1e.7). */
export const TOKEN_KINDS: {name: string; can: string}[] = [
  {name: 'read', can: 'download public and your private repos; cannot push or run Jobs'},
  {name: 'write', can: 'read, push, create repos and run Jobs wherever your account may write (most first jobs)'},
  {name: 'fine-grained', can: 'only the permissions you tick, per user, org or repo (e.g. repo.write + job.write): safest'},
  {name: 'org token', can: 'legacy (api_org_...): deprecated, rejected at login; use a fine-grained token scoped to the org'},
];

/** The first thing a person reads, also when --sandbox skips the welcome step. */
export const WELCOME_LINES = [
  'This wizard takes you from a Hugging Face account to your first Job that ran with the right token.',
  'About 2 minutes, 8 steps: welcome, log in, token type, job config, checklist, example job, run, result.',
];
