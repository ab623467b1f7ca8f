import {
  defaultTimeZone,
  firstRunOnOrAfter,
  isTimeZone,
  occurrence,
  periodOf,
  runAllowed,
  type Schedule,
  todayIn,
  upcomingRuns,
} from '@clientele/core';
import { describe, expect, it } from 'vitest';

const runs = (s: Schedule, n: number) => Array.from({ length: n }, (_, i) => occurrence(s, i));

describe('schedule arithmetic', () => {
  it('runs weekly on the start date’s weekday, every N weeks', () => {
    expect(runs({ frequency: 'weekly', interval: 1, startDate: '2026-12-28' }, 3)).toEqual([
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
    ]);
    expect(runs({ frequency: 'weekly', interval: 2, startDate: '2026-02-23' }, 3)).toEqual([
      '2026-02-23',
      '2026-03-09',
      '2026-03-23',
    ]);
  });

  it('takes the 31st as each month’s last day, and comes back to the 31st after a short month', () => {
    expect(runs({ frequency: 'monthly', interval: 1, dayOfMonth: 31, startDate: '2026-01-01' }, 5)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
    // Started on the 30th without a day: the 30th, February's last day, then the 30th again.
    expect(runs({ frequency: 'monthly', interval: 1, startDate: '2027-01-30' }, 3)).toEqual([
      '2027-01-30',
      '2027-02-28',
      '2027-03-30',
    ]);
  });

  it('knows leap years: 29 February is the 28th in other years, and the 29th again in 2028', () => {
    const yearly: Schedule = { frequency: 'yearly', interval: 1, startDate: '2024-02-29' };
    expect(runs(yearly, 5)).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']);
    expect(runs({ frequency: 'monthly', interval: 1, dayOfMonth: 31, startDate: '2028-02-01' }, 1)).toEqual([
      '2028-02-29',
    ]);
    // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
    expect(occurrence({ frequency: 'yearly', interval: 100, startDate: '2000-02-29' }, 1)).toBe('2100-02-28');
  });

  it('runs quarterly every three months and every N months, from the first such day on or after the start', () => {
    expect(runs({ frequency: 'quarterly', interval: 1, dayOfMonth: 1, startDate: '2026-01-15' }, 3)).toEqual([
      '2026-02-01',
      '2026-05-01',
      '2026-08-01',
    ]);
    expect(runs({ frequency: 'monthly', interval: 2, dayOfMonth: 15, startDate: '2026-11-10' }, 3)).toEqual([
      '2026-11-15',
      '2027-01-15',
      '2027-03-15',
    ]);
    expect(runs({ frequency: 'yearly', interval: 2, startDate: '2026-06-30' }, 2)).toEqual([
      '2026-06-30',
      '2028-06-30',
    ]);
  });

  it('ends after `count` invoices or on the end date', () => {
    const s: Schedule = { frequency: 'monthly', interval: 1, startDate: '2026-01-10', count: 3 };
    expect(upcomingRuns(s, 0, 0, 5)).toEqual(['2026-01-10', '2026-02-10', '2026-03-10']);
    // One skipped period (run 1, no invoice) does not use up the count.
    expect(upcomingRuns(s, 2, 1, 5)).toEqual(['2026-03-10', '2026-04-10']);
    expect(runAllowed(s, 3, 3)).toBe(false);
    const byDate: Schedule = {
      frequency: 'weekly',
      interval: 1,
      startDate: '2026-03-02',
      endDate: '2026-03-16',
    };
    expect(upcomingRuns(byDate, 0, 0, 5)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(runAllowed(byDate, 3, 3)).toBe(false);
  });

  it('bills each period up to the day before the next run', () => {
    const s: Schedule = { frequency: 'monthly', interval: 1, dayOfMonth: 31, startDate: '2028-01-31' };
    expect(periodOf(s, 0)).toEqual({ start: '2028-01-31', end: '2028-02-28' });
    expect(periodOf(s, 1)).toEqual({ start: '2028-02-29', end: '2028-03-30' });
    expect(periodOf({ frequency: 'weekly', interval: 1, startDate: '2026-12-07' }, 0)).toEqual({
      start: '2026-12-07',
      end: '2026-12-13',
    });
  });

  it('finds the first run on or after a date (for resuming and editing)', () => {
    const monthly: Schedule = { frequency: 'monthly', interval: 1, dayOfMonth: 31, startDate: '2026-01-01' };
    for (const [date, expected] of [
      ['2025-06-01', 0],
      ['2026-01-31', 0],
      ['2026-02-01', 1],
      ['2026-02-28', 1],
      ['2026-03-01', 2],
      ['2027-12-31', 23],
    ] as const) {
      const n = firstRunOnOrAfter(monthly, date);
      expect(n, date).toBe(expected);
      expect(occurrence(monthly, n) >= date).toBe(true);
    }
    const weekly: Schedule = { frequency: 'weekly', interval: 3, startDate: '2026-01-05' };
    expect(occurrence(weekly, firstRunOnOrAfter(weekly, '2026-02-10'))).toBe('2026-02-16');
  });

  it('decides “today” in the business’s time zone', () => {
    // 23:30 UTC on 31 January is already 1 February in Tokyo, still 31 January in Lisbon and New York.
    const now = new Date('2026-01-31T23:30:00Z');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-02-01');
    expect(todayIn('Europe/Lisbon', now)).toBe('2026-01-31');
    expect(todayIn('America/New_York', now)).toBe('2026-01-31');
    // 03:00 UTC on 1 March is still 28 February in Los Angeles (a leap-free year).
    expect(todayIn('America/Los_Angeles', new Date('2027-03-01T03:00:00Z'))).toBe('2027-02-28');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-12-31T10:30:00Z'))).toBe('2027-01-01');
  });

  it('accepts IANA zones only and defaults to the country’s zone, else UTC', () => {
    expect(isTimeZone('Europe/Lisbon')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(defaultTimeZone('JP')).toBe('Asia/Tokyo');
    expect(defaultTimeZone('PT')).toBe('Europe/Lisbon');
    expect(defaultTimeZone('US')).toBe('UTC');
    expect(defaultTimeZone(null)).toBe('UTC');
  });
});
