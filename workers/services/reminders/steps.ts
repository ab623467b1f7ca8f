import { type ReminderStep, reminderStepKey } from '@clientele/core';
import { ValidationError } from '../errors';
import type { ReminderStepInput, ReminderStepView } from './schema';

export function stepViews(steps: readonly ReminderStep[]): ReminderStepView[] {
  return steps.map((s) => ({ offsetDays: s.offsetDays, key: reminderStepKey(s.offsetDays) }));
}

/**
 * The steps to store, in date order; 422 naming the second of two steps on the same day (one
 * day's reminder is one email, and its key in the history must be unambiguous).
 */
export function checkedSteps(input: readonly ReminderStepInput[]): ReminderStep[] {
  const seen = new Set<number>();
  input.forEach((s, i) => {
    if (seen.has(s.offsetDays)) {
      throw new ValidationError([{ path: `reminders.${i}.offsetDays`, message: 'reminderStepTwice' }]);
    }
    seen.add(s.offsetDays);
  });
  return [...input].sort((a, b) => a.offsetDays - b.offsetDays).map((s) => ({ offsetDays: s.offsetDays }));
}
