// Job timeouts as huggingface_hub, `hf jobs` and the MCP tool accept them: 30s, 5m, 2h, 1.5h, 1d, or plain seconds.

export const TIMEOUT_FORMS = '"30s", "5m", "2h", "1.5h", "1d" or plain seconds (e.g. 1800)';
const UNIT_SECONDS: Record<string, number> = {s: 1, m: 60, h: 3600, d: 86400};

export type TimeoutResult = {ok: true; seconds: number} | {ok: false; reason: string};

/**
 * Parses a timeout; whole seconds like huggingface_hub (`int(float(x[:-1]) * unit)`). `mcp: false` when the value is
 * not for the MCP tool (a CLI line, Python, hf-job.json): its parseInt reading is then not mentioned.
 */
export function parseTimeout(value: unknown, options: {mcp?: boolean} = {}): TimeoutResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0)
      return {ok: false, reason: `Timeout ${value} is not a positive number of seconds. Use ${TIMEOUT_FORMS}.`};
    return {ok: true, seconds: Math.floor(value)};
  }
  if (typeof value !== 'string')
    return {ok: false, reason: `Timeout must be a string or a number of seconds. Use ${TIMEOUT_FORMS}.`};
  const v = value.trim();
  const unit = /^(\d+(?:\.\d+)?)([smhd])$/.exec(v);
  if (unit) {
    const seconds = Math.floor(Number(unit[1]) * UNIT_SECONDS[unit[2]!]!);
    if (seconds <= 0) return {ok: false, reason: `Timeout "${value}" is zero. Use ${TIMEOUT_FORMS}.`};
    return {ok: true, seconds};
  }
  if (/^\d+$/.test(v)) {
    const seconds = Number(v);
    if (seconds <= 0) return {ok: false, reason: `Timeout "${value}" is zero. Use ${TIMEOUT_FORMS}.`};
    return {ok: true, seconds};
  }
  // The MCP tool falls back to parseInt, so "90min" silently becomes 90 seconds: say so.
  const leading = /^(\d+)/.exec(v);
  const trap = leading && options.mcp !== false ? ` (the MCP tool would read it as ${leading[1]} seconds)` : '';
  const better = suggestTimeout(v);
  return {
    ok: false,
    reason: `Timeout "${value}" is not a valid format${trap}. Use ${TIMEOUT_FORMS}${better ? `, e.g. "${better}"` : ''}.`,
  };
}

/** "90min" -> "90m", "2 hours" -> "2h", "1hr" -> "1h"; undefined when there is no obvious fix. */
export function suggestTimeout(v: string): string | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(v.trim());
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase();
  const map: Record<string, string> = {
    sec: 's',
    secs: 's',
    second: 's',
    seconds: 's',
    min: 'm',
    mins: 'm',
    minute: 'm',
    minutes: 'm',
    hr: 'h',
    hrs: 'h',
    hour: 'h',
    hours: 'h',
    day: 'd',
    days: 'd',
  };
  const u = map[unit];
  return u ? `${m[1]}${u}` : undefined;
}

/** Seconds back to the shortest exact form: 7200 -> "2h", 90 -> "90s", 5400 -> "90m". */
export function formatTimeout(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
