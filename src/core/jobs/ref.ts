// A job named on the command line (`troubleshoot --job [NAMESPACE/]ID`): its parts go into the Hub's URL path
// (/api/jobs/NAMESPACE/ID), so each must be one plain path segment. Before, `--job ../../../api/whoami-v2` was sent
// as is, fetch resolved the dots, and the answer of another route (whoami) was read as the job ("unknown stage",
// exit 0); a ref holding an escape sequence was echoed raw in the "Reading job" line. Pure.
import {sanitizeLine} from '../text/sanitize.js';

/** A Hub user or organisation name (letters, digits, '-', '_', '.'; no leading dot), as the Hub's URLs take it. */
const NAMESPACE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
/** A job id: the Hub's are 24 hex digits; any short run of letters, digits, '-' and '_' is one path segment. */
const ID = /^[A-Za-z0-9_-]{1,128}$/;

export type JobRef = {ok: true; namespace?: string; id: string} | {ok: false; message: string};

/** `ID` or `NAMESPACE/ID` (surrounding blanks ignored); a namespace left out is the caller's to fill in. */
export function parseJobRef(ref: string): JobRef {
  const text = ref.trim();
  const slash = text.lastIndexOf('/');
  const namespace = slash >= 0 ? text.slice(0, slash) : undefined;
  const id = slash >= 0 ? text.slice(slash + 1) : text;
  if (ID.test(id) && (namespace === undefined || NAMESPACE.test(namespace)))
    return {ok: true, id, ...(namespace !== undefined ? {namespace} : {})};
  const shown = sanitizeLine(text.length > 120 ? `${text.slice(0, 120)}…` : text);
  return {
    ok: false,
    message: `--job ${JSON.stringify(shown)} is not a job: give its id (24 hex digits, as \`hf jobs ps\` shows) or NAMESPACE/ID.`,
  };
}
