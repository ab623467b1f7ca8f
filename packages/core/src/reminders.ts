import { addDays } from './recurring';

/** A reminder step: days from the due date, negative before it. */
export interface ReminderStep {
  offsetDays: number;
}

/** How many steps a business may set, and how far from the due date each may be. */
export const MAX_REMINDER_STEPS = 10;
export const MIN_REMINDER_OFFSET = -60;
export const MAX_REMINDER_OFFSET = 365;

/**
 * A step whose date passed more than this many days ago is never sent: a step added today
 * must not email every client whose invoice went overdue last year.
 */
export const REMINDER_GRACE_DAYS = 7;

/**
 * The key of a step, in `reminder_log` and in the template's identity: `before:3`, `after:0`
 * (the due date), `after:7`. `after:N` is what the single rule before steps wrote, so a
 * migrated step finds the reminders it already sent.
 */
export function reminderStepKey(offsetDays: number): string {
  return offsetDays < 0 ? `before:${-offsetDays}` : `after:${offsetDays}`;
}

/** The offset a step key stands for; null for anything else (a manual reminder's row). */
export function offsetOfStepKey(key: string): number | null {
  const m = /^(before|after):(\d{1,3})$/.exec(key);
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] === 'before' ? (n === 0 ? null : -n) : n;
}

export type ReminderPlan = { send: number | null; skip: number[] };

/**
 * What the cron does for one invoice today: at most one step is sent — the latest whose date
 * has come — and the earlier ones it overtook are marked skipped, so a client never gets three
 * reminders in one morning (after a day of downtime, or when steps are added for old invoices).
 * Nothing is sent when that step's date is more than the grace period ago, or when a later (or
 * the same) step was already logged: reminders never go backwards ("3 days overdue" after
 * "14 days overdue").
 */
export function planReminders(
  dueDate: string,
  offsets: readonly number[],
  logged: readonly string[],
  today: string,
): ReminderPlan {
  const loggedOffsets = logged.map(offsetOfStepKey).filter((o): o is number => o !== null);
  const latestLogged = loggedOffsets.length ? Math.max(...loggedOffsets) : null;
  const reached = offsets
    .filter((o) => !loggedOffsets.includes(o) && addDays(dueDate, o) <= today)
    .sort((a, b) => a - b);
  if (!reached.length) return { send: null, skip: [] };
  const latest = reached[reached.length - 1]!;
  const tooLate = addDays(dueDate, latest) < addDays(today, -REMINDER_GRACE_DAYS);
  if (tooLate || (latestLogged !== null && latestLogged >= latest)) return { send: null, skip: reached };
  return { send: latest, skip: reached.slice(0, -1) };
}

/**
 * The step whose words "Send reminder now" uses: the latest step that has come on the same side
 * of the due date as today (a reminder before the due date never says "overdue", nor the
 * reverse); with none, today's own key (`after:4`), which has no template of its own and so is
 * worded by the general reminder template or the built-in words for that side.
 */
export function manualStepKey(dueDate: string, offsets: readonly number[], today: string): string {
  const days = Math.max(-MAX_KEY_DAYS, Math.min(MAX_KEY_DAYS, daysBetween(dueDate, today)));
  const came = offsets.filter((o) => o <= days && Math.sign(o) === Math.sign(days));
  return reminderStepKey(came.length ? Math.max(...came) : days);
}

/** Step keys carry at most three digits. */
const MAX_KEY_DAYS = 999;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
