import { describe, expect, it } from 'vitest';
import { manualStepKey, offsetOfStepKey, planReminders, reminderStepKey } from '../src/reminders';

describe('reminder steps', () => {
  it('keys a step by its side of the due date and reads the key back', () => {
    expect([-3, 0, 7].map(reminderStepKey)).toEqual(['before:3', 'after:0', 'after:7']);
    expect(
      ['before:3', 'after:0', 'after:7', 'before:0', 'manual:2026-05-01T10', 'after:1000'].map(
        offsetOfStepKey,
      ),
    ).toEqual([-3, 0, 7, null, null, null]);
  });

  it('plans one step a day: the latest that has come, the overtaken ones skipped', () => {
    const due = '2026-05-20';
    expect(planReminders(due, [-3, 0, 7], [], '2026-05-16')).toEqual({ send: null, skip: [] });
    expect(planReminders(due, [-3, 0, 7], [], '2026-05-17')).toEqual({ send: -3, skip: [] });
    expect(planReminders(due, [-3, 0, 7], ['before:3'], '2026-05-20')).toEqual({ send: 0, skip: [] });
    expect(planReminders(due, [-3, 0, 7], [], '2026-05-28')).toEqual({ send: 7, skip: [-3, 0] });
    expect(planReminders(due, [-3, 0, 7], ['before:3', 'after:0', 'after:7'], '2026-06-30')).toEqual({
      send: null,
      skip: [],
    });
  });

  it('skips a step more than seven days past, and never goes back to an earlier step', () => {
    expect(planReminders('2026-01-01', [7], [], '2026-01-15')).toEqual({ send: 7, skip: [] });
    expect(planReminders('2026-01-01', [7], [], '2026-01-16')).toEqual({ send: null, skip: [7] });
    expect(planReminders('2026-01-01', [3, 14], ['after:14'], '2026-01-16')).toEqual({
      send: null,
      skip: [3],
    });
    // A manual reminder is no step: it holds nothing back.
    expect(planReminders('2026-01-01', [14], ['manual:2026-01-10T09'], '2026-01-16')).toEqual({
      send: 14,
      skip: [],
    });
  });

  it('words "Send reminder now" by the latest step on the same side of the due date, else by the day', () => {
    expect(manualStepKey('2026-05-20', [-3, 1, 14], '2026-05-22')).toBe('after:1');
    expect(manualStepKey('2026-05-20', [-3, 14], '2026-05-22')).toBe('after:2');
    expect(manualStepKey('2026-05-20', [-3, 14], '2026-05-18')).toBe('before:3');
    expect(manualStepKey('2026-05-20', [-1, 14], '2026-05-18')).toBe('before:2');
    expect(manualStepKey('2026-05-20', [-7, -3], '2026-05-18')).toBe('before:3');
    expect(manualStepKey('2026-05-20', [-3, 7], '2026-05-20')).toBe('after:0');
    expect(manualStepKey('2020-01-01', [], '2026-05-20')).toBe('after:999');
  });
});
