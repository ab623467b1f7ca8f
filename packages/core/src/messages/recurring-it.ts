import type { recurringProblemsEn } from './recurring-en';
import { REMINDER_PROBLEMS } from './reminders';

/** Recurring invoices: refusals. */
export const recurringProblemsIt = {
  // Reminders on a schedule: the other half of what a business sends every month.
  ...REMINDER_PROBLEMS.it,
  recurringNotFound: 'Fattura ricorrente non trovata',
  unknownTimeZone: 'Fuso orario sconosciuto; usa un nome IANA come Europe/Rome',
  dayOfMonthNotWeekly:
    'Una pianificazione settimanale segue il giorno della settimana della data di inizio; lascia vuoto il giorno del mese',
  endBeforeStart: 'La data di fine è precedente alla data di inizio',
  noRunLeft: 'Questa pianificazione non ha più date: sono tutte dopo la sua fine',
  startTooOld: 'La data di inizio può essere al massimo di un anno fa',
  recurringEnded: 'Questa fattura ricorrente è terminata; modifica la pianificazione per riavviarla',
  recurringPaused: 'Questa fattura ricorrente è in pausa; riprendila prima',
  recurringMoved:
    'Questa fattura ricorrente è cambiata nel frattempo (è appena stata creata una fattura); ricarica e riprova',
} satisfies typeof recurringProblemsEn;
