import { REMINDER_PROBLEMS } from './reminders';

/** Recurring invoices: refusals. */
export const recurringProblemsEn = {
  // Reminders on a schedule: the other half of what a business sends every month.
  ...REMINDER_PROBLEMS.en,
  recurringNotFound: 'Recurring invoice not found',
  unknownTimeZone: 'Unknown time zone; use an IANA name such as Europe/Lisbon',
  dayOfMonthNotWeekly: 'A weekly schedule runs on the start date’s weekday; leave the day of the month empty',
  endBeforeStart: 'The end date is before the start date',
  noRunLeft: 'This schedule has no run left: every date is after its end',
  startTooOld: 'The start date may be at most a year ago',
  recurringEnded: 'This recurring invoice has ended; edit its schedule to start it again',
  recurringPaused: 'This recurring invoice is paused; resume it first',
  recurringMoved: 'This recurring invoice changed meanwhile (an invoice was just made); reload and try again',
};
