// Route pattern pieces and parameter helpers shared by the repo, commit, LFS and file routes.
import type {SandboxRequest} from '../context.js';
import {HttpError} from '../http.js';
import type {RepoType} from '../permissions.js';
import {typeFromPlural} from './paths.js';

/** `/api/{models|datasets|spaces}/...` */
export const TYPES = '(?<types>models|datasets|spaces)';
/** The optional `datasets/` / `spaces/` prefix of git-style paths (none for models). */
export const GIT_TYPES = '(?:(?<types>datasets|spaces)/)?';
export const NS = '(?<ns>[^/]+)';
export const NAME = '(?<name>[^/]+)';

export function repoTypeParam(ctx: SandboxRequest): RepoType {
  const type = typeFromPlural(ctx.params.types ?? 'models');
  if (!type) throw new HttpError(404, 'Not Found');
  return type;
}

export function flag(v: string | null): boolean {
  return v === '1' || v === 'true' || v === 'True';
}
