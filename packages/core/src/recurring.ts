/**
 * The calendar of a recurring invoice: which dates it runs on. Pure date arithmetic on ISO
 * calendar dates (`YYYY-MM-DD`), so a schedule means the same thing in every time zone; only
 * "what is today" depends on one (`todayIn`).
 */

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface Schedule {
  frequency: Frequency;
  /** Every `interval` weeks, months, quarters or years. */
  interval: number;
  /** For monthly, quarterly and yearly runs; 31 (or 29, 30) means the month's last day when it is shorter. Defaults to the start date's day. */
  dayOfMonth?: number | null | undefined;
  startDate: string;
  /** No run after this date. */
  endDate?: string | null | undefined;
  /** No run after this many invoices. */
  count?: number | null | undefined;
}

const MONTHS_PER: Record<Exclude<Frequency, 'weekly'>, number> = { monthly: 1, quarterly: 3, yearly: 12 };

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days in a month (1–12); February follows the Gregorian leap years. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The `day` of the month `offset` months after `year`-`month`, clamped to that month's length. */
function monthDay(year: number, month: number, offset: number, day: number): string {
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The day of the month a schedule runs on (weekly ones: none). */
export function runDayOf(s: Schedule): number {
  return s.dayOfMonth ?? parts(s.startDate)[2];
}

/**
 * The `n`-th run date (0 is the first), ignoring the end conditions. Each date is computed
 * from the start, never from the previous one, so a 31st clamped to 28 February is the 31st
 * again in March.
 */
export function occurrence(s: Schedule, n: number): string {
  if (s.frequency === 'weekly') return addDays(s.startDate, 7 * s.interval * n);
  const [y, m] = parts(s.startDate);
  const day = runDayOf(s);
  const step = MONTHS_PER[s.frequency] * s.interval;
  // The first run is on the schedule's day in the start month, or the next month when that day is already past.
  const first = monthDay(y, m, 0, day) < s.startDate ? 1 : 0;
  return monthDay(y, m, first + step * n, day);
}

/** The index of the first run on or after `date`. */
export function firstRunOnOrAfter(s: Schedule, date: string): number {
  if (date <= s.startDate) return 0;
  let n: number;
  if (s.frequency === 'weekly') {
    const days = Math.round(
      (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${s.startDate}T00:00:00Z`)) / 864e5,
    );
    n = Math.max(0, Math.floor(days / (7 * s.interval)));
  } else {
    const [y1, m1] = parts(s.startDate);
    const [y2, m2] = parts(date);
    n = Math.max(0, Math.floor(((y2 - y1) * 12 + (m2 - m1)) / (MONTHS_PER[s.frequency] * s.interval)) - 1);
  }
  while (n > 0 && occurrence(s, n - 1) >= date) n--;
  while (occurrence(s, n) < date) n++;
  return n;
}

/** Whether run `n` still belongs to the schedule, `created` invoices having been made so far. */
export function runAllowed(s: Schedule, n: number, created: number): boolean {
  if (s.count != null && created >= s.count) return false;
  return s.endDate == null || occurrence(s, n) <= s.endDate;
}

/** The period run `n` bills: from its date to the day before the next run. */
export function periodOf(s: Schedule, n: number): { start: string; end: string } {
  return { start: occurrence(s, n), end: addDays(occurrence(s, n + 1), -1) };
}

/**
 * The next `limit` run dates from run `n` on, `created` invoices having been made so far,
 * stopping where the schedule ends.
 */
export function upcomingRuns(s: Schedule, n: number, created: number, limit: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < limit; i++) {
    if (!runAllowed(s, n + i, created + i)) break;
    out.push(occurrence(s, n + i));
  }
  return out;
}

/** Whether the runtime knows this IANA time zone (`Europe/Lisbon`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const todayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date it is at `now` in `zone`: a business in Tokyo starts its day nine hours before UTC. */
export function todayIn(zone: string, now: Date): string {
  let f = todayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    todayFormats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(now).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The time zone of most of a country's people, for countries with one dominant zone; a
 * business elsewhere (or with no country) gets UTC until it picks its own.
 */
const COUNTRY_ZONES: Record<string, string> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  BR: 'America/Sao_Paulo',
  CH: 'Europe/Zurich',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IN: 'Asia/Kolkata',
  IT: 'Europe/Rome',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  NZ: 'Pacific/Auckland',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  RS: 'Europe/Belgrade',
  RU: 'Europe/Moscow',
  SE: 'Europe/Stockholm',
  SG: 'Asia/Singapore',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
  UA: 'Europe/Kyiv',
};

export function defaultTimeZone(country: string | null | undefined): string {
  return (country && COUNTRY_ZONES[country]) || 'UTC';
}
