/** Reminder steps in Settings and reminders on the invoice page. */
export const remindersEn = {
  reminders: {
    title: 'Payment reminders',
    intro:
      'Emails to the client about an unpaid invoice, each step once per invoice. After a pause only the latest step that has come is sent, and a step more than 7 days past is skipped, so a client never gets several reminders at once.',
    none: 'No steps: no reminders are sent.',
    step: (n: number) => `Step ${n}`,
    days: 'Days',
    when: 'When',
    before: 'before the due date',
    onDue: 'on the due date',
    after: 'after the due date',
    add: 'Add a step',
    remove: (n: number) => `Remove step ${n}`,
    pauseForTickets:
      'Hold reminders while the client has a ticket about the invoice that is not closed (open, or waiting for their answer)',
    save: 'Save reminders',
    describe: (offset: number) =>
      offset === 0
        ? 'On the due date'
        : offset < 0
          ? `${-offset} ${-offset === 1 ? 'day' : 'days'} before the due date`
          : `${offset} ${offset === 1 ? 'day' : 'days'} after the due date`,
    templateStep: 'Reminder step',
    allSteps: 'All steps (general reminder)',
    sendNow: 'Send reminder now',
    queued: (to: string) => `Reminder queued for ${to}.`,
    history: 'Reminders',
    manual: 'Sent by hand',
    sent: 'sent',
    skipped: 'skipped',
  },
};
