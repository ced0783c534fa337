// Cron schedules of scheduled jobs, as the Hub accepts them (OpenAPI of POST /api/scheduled-jobs/{ns}: "@annually",
// "@yearly", "@monthly", "@weekly", "@daily", "@hourly", or 5 to 7 fields of numbers, '*', lists, ranges and steps).
// Five fields are minute hour day-of-month month day-of-week; six put seconds first; seven add a year last.
// Times are UTC. Day of month and day of week, when both are restricted, match when either does (classic cron).
// Pure: parseCron() checks an expression (a clear message for a bad one), nextRun() finds the next time it fires.

/** The Hub's own pattern for `schedule` (OpenAPI), checked first so the sandbox refuses what the Hub refuses. */
const HUB_PATTERN =
  /^(?:(@(annually|yearly|monthly|weekly|daily|hourly))|((((\d+,)+\d+|((\*|\d+)(\/|-)\d+)|\d+|\*) ?){5,7}))$/;

const ALIASES: Record<string, string> = {
  '@annually': '0 0 1 1 *',
  '@yearly': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@hourly': '0 * * * *',
};

interface Field {
  name: string;
  min: number;
  max: number;
}

const SECOND: Field = {name: 'second', min: 0, max: 59};
const MINUTE: Field = {name: 'minute', min: 0, max: 59};
const HOUR: Field = {name: 'hour', min: 0, max: 23};
const DOM: Field = {name: 'day of month', min: 1, max: 31};
const MONTH: Field = {name: 'month', min: 1, max: 12};
// 7 is Sunday too, as in most crons.
const DOW: Field = {name: 'day of week', min: 0, max: 7};
const YEAR: Field = {name: 'year', min: 1970, max: 2199};

export interface CronSchedule {
  seconds: Set<number>;
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  years: Set<number> | null;
  domRestricted: boolean;
  dowRestricted: boolean;
}

export class CronError extends Error {}

function parseField(text: string, field: Field): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part);
    if (!m) throw new CronError(`"${part}" is not a valid ${field.name} (use a number, *, a-b, */n or a list)`);
    const step = m[3] === undefined ? 1 : Number(m[3]);
    const from = m[1] === '*' ? field.min : Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : m[1] === '*' || m[3] !== undefined ? field.max : from;
    if (step < 1) throw new CronError(`the step in "${part}" must be at least 1`);
    if (from < field.min || to > field.max || from > to)
      throw new CronError(`"${part}" is out of range for the ${field.name} (${field.min}-${field.max})`);
    for (let v = from; v <= to; v += step) out.add(field === DOW && v === 7 ? 0 : v);
  }
  return out;
}

/** The schedule of `expression`, or a CronError naming what is wrong. */
export function parseCron(expression: string): CronSchedule {
  const text = expression.trim();
  if (!HUB_PATTERN.test(text)) {
    throw new CronError(
      `Invalid schedule "${text.slice(0, 100)}": use @hourly, @daily, @weekly, @monthly, @yearly or a cron expression such as "0 9 * * 1" (9:00 UTC every Monday)`,
    );
  }
  const fields = (ALIASES[text] ?? text).split(/\s+/);
  const withSeconds = fields.length >= 6;
  const [sec, min, hour, dom, month, dow, year] = withSeconds ? fields : ['0', ...fields];
  return {
    seconds: parseField(sec!, SECOND),
    minutes: parseField(min!, MINUTE),
    hours: parseField(hour!, HOUR),
    daysOfMonth: parseField(dom!, DOM),
    months: parseField(month!, MONTH),
    daysOfWeek: parseField(dow!, DOW),
    years: year === undefined ? null : parseField(year, YEAR),
    domRestricted: dom !== '*',
    dowRestricted: dow !== '*',
  };
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.daysOfMonth.has(d.getUTCDate());
  const dow = s.daysOfWeek.has(d.getUTCDay());
  if (s.domRestricted && s.dowRestricted) return dom || dow;
  return dom && dow;
}

/** The first time strictly after `after` at which the schedule fires (UTC), or null if none within ~5 years. */
export function nextRun(s: CronSchedule, after: Date): Date | null {
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const limit = after.getTime() + 5 * 366 * 24 * 3600 * 1000;
  while (t.getTime() <= limit) {
    if (s.years && !s.years.has(t.getUTCFullYear())) {
      t.setUTCFullYear(t.getUTCFullYear() + 1, 0, 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!s.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(s, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!s.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!s.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    if (!s.seconds.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1, 0);
      continue;
    }
    return t;
  }
  return null;
}
