// Job hardware flavors: the one place the static list lives (hf-auth-and-jobs.md §3.1, huggingface_hub JobHardware).
// Others check the live list from GET /api/jobs/hardware; `isKnownFlavor(x, live)` accepts that list too.
import {nearest} from './similar.js';

export const CPU_FLAVORS = ['cpu-basic', 'cpu-upgrade', 'cpu-performance', 'cpu-xl'] as const;
export const GPU_FLAVORS = [
  't4-small',
  't4-medium',
  'l4x1',
  'l4x4',
  'l40sx1',
  'l40sx4',
  'l40sx8',
  'a10g-small',
  'a10g-large',
  'a10g-largex2',
  'a10g-largex4',
  'a100-large',
  'a100x4',
  'a100x8',
  'h200',
  'h200x2',
  'h200x4',
  'h200x8',
  'rtx-pro-6000',
  'rtx-pro-6000x2',
  'rtx-pro-6000x4',
  'rtx-pro-6000x8',
] as const;

/** Every flavor `hf jobs` and huggingface_hub know (current docs). Default: `cpu-basic`. */
export const JOB_FLAVORS: readonly string[] = [...CPU_FLAVORS, ...GPU_FLAVORS];
export const DEFAULT_FLAVOR = 'cpu-basic';

/** Names that appear in the Hub's OpenAPI enum / the MCP tool's enum but are Space hardware, not documented for Jobs. */
export const SPACE_ONLY_FLAVORS: readonly string[] = ['zero-a10g', 'sprx8', 'inf2x6'];

/** Names found in old docs and the hf-jobs skill that no longer exist, with what to say about them. */
export const RETIRED_FLAVORS: Readonly<Record<string, string>> = {
  'v5e-1x1': 'TPU flavors (v5e-*) are no longer offered for Jobs',
  'v5e-2x2': 'TPU flavors (v5e-*) are no longer offered for Jobs',
  'v5e-2x4': 'TPU flavors (v5e-*) are no longer offered for Jobs',
  'gpu-t4-small': '"gpu-t4-small" comes from a docs typo; the flavor is "t4-small"',
  h100: 'h100 was replaced by a100x4 / h200',
  h100x8: 'h100x8 was replaced by a100x8 / h200x8',
};

export function isKnownFlavor(name: string, live?: readonly string[]): boolean {
  return JOB_FLAVORS.includes(name) || (live?.includes(name) ?? false);
}

export interface FlavorVerdict {
  ok: boolean;
  /** Set when not ok: one sentence with the suggestion. */
  message?: string;
  suggestion?: string;
}

/** Verdicts on unknown names without a live list, kept: the nearest-name search is the costly part. */
const verdicts = new Map<string, FlavorVerdict>();

export function checkFlavor(name: string, live?: readonly string[]): FlavorVerdict {
  if (isKnownFlavor(name, live)) return {ok: true};
  if (live && live.length) return flavorVerdict(name, live);
  let v = verdicts.get(name);
  if (!v) {
    v = flavorVerdict(name, live);
    if (verdicts.size < 1000) verdicts.set(name, v);
  }
  return {...v};
}

function flavorVerdict(name: string, live?: readonly string[]): FlavorVerdict {
  const pool = live && live.length ? [...new Set([...JOB_FLAVORS, ...live])] : JOB_FLAVORS;
  const retired = RETIRED_FLAVORS[name];
  const fromTypo = name === 'gpu-t4-small' ? 't4-small' : undefined;
  const suggestion = fromTypo ?? nearest(name, pool);
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : ' Run `hf jobs hardware` for the list.';
  if (retired)
    return {ok: false, message: `Unknown flavor "${name}": ${retired}.${hint}`, ...(suggestion ? {suggestion} : {})};
  if (SPACE_ONLY_FLAVORS.includes(name))
    return {
      ok: false,
      message: `"${name}" is Space hardware, not a documented Jobs flavor.${hint}`,
      ...(suggestion ? {suggestion} : {}),
    };
  return {ok: false, message: `Unknown flavor "${name}".${hint}`, ...(suggestion ? {suggestion} : {})};
}
