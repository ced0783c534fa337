// A job's stages, said once: which are final, the end line (worded as `hf jobs` ends: huggingface_hub cli/jobs.py),
// the job's page URL, the repo URL and the price per minute of a flavor.
import type {HubJobHardware} from '../hub/client.js';

export const TERMINAL_STAGES: ReadonlySet<string> = new Set(['COMPLETED', 'CANCELED', 'ERROR', 'DELETED']);

export function isTerminal(stage: string | undefined): boolean {
  return stage !== undefined && TERMINAL_STAGES.has(stage);
}

/**
 * The cancel reasons the Hub sets when a namespace cannot pay (status.cancelReason): a job canceled for one of them
 * failed (payment-required), unlike a job its owner canceled.
 */
const BILLING_CANCEL_REASONS: ReadonlySet<string> = new Set(['NO_CREDITS', 'NO_SUBSCRIPTION', 'RESOURCE_GROUP_LIMIT']);

export function isBillingCancel(reason: string | undefined): boolean {
  return reason !== undefined && BILLING_CANCEL_REASONS.has(reason);
}

/** "Job {id} completed", else "Error: Job {id} finished with stage '{stage}': {message}" (as `hf jobs run` ends). */
export function jobEndLine(id: string, stage: string, message?: string | null): string {
  if (stage === 'COMPLETED') return `Job ${id} completed`;
  return `Error: Job ${id} finished with stage '${stage}'${message ? `: ${message}` : ''}`;
}

export function jobUrl(endpoint: string, namespace: string, id: string): string {
  return `${endpoint.replace(/\/+$/, '')}/jobs/${namespace}/${id}`;
}

export function repoUrl(endpoint: string, repo: {type: string; id: string}): string {
  const prefix = repo.type === 'dataset' ? 'datasets/' : repo.type === 'space' ? 'spaces/' : '';
  return `${endpoint.replace(/\/+$/, '')}/${prefix}${repo.id}`;
}

/** USD per minute of a flavor from GET /api/jobs/hardware (its unit is a minute or an hour). */
export function pricePerMinute(hw: Pick<HubJobHardware, 'unitLabel' | 'unitCostUSD'>): number {
  return hw.unitLabel === 'minute' ? hw.unitCostUSD : hw.unitCostUSD / 60;
}

export function formatUsd(value: number): string {
  if (value >= 1) return `$${value.toFixed(2)}`;
  return `$${Number(value.toPrecision(2))}`;
}

/** The most a job can cost: the price per minute times its timeout in whole minutes. */
export function maxCostUsd(hw: Pick<HubJobHardware, 'unitLabel' | 'unitCostUSD'>, timeoutSeconds: number): number {
  return pricePerMinute(hw) * Math.ceil(timeoutSeconds / 60);
}
