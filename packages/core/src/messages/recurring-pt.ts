import type { recurringProblemsEn } from './recurring-en';
import { REMINDER_PROBLEMS } from './reminders';

/** Recurring invoices: refusals. */
export const recurringProblemsPt = {
  // Reminders on a schedule: the other half of what a business sends every month.
  ...REMINDER_PROBLEMS.pt,
  recurringNotFound: 'Fatura recorrente não encontrada',
  unknownTimeZone: 'Fuso horário desconhecido; use um nome IANA como Europe/Lisbon',
  dayOfMonthNotWeekly:
    'Um calendário semanal segue o dia da semana da data de início; deixe o dia do mês vazio',
  endBeforeStart: 'A data de fim é anterior à data de início',
  noRunLeft: 'Este calendário já não tem nenhuma data: todas são posteriores ao seu fim',
  startTooOld: 'A data de início pode ser, no máximo, de há um ano',
  recurringEnded: 'Esta fatura recorrente terminou; altere o calendário para a reiniciar',
  recurringPaused: 'Esta fatura recorrente está em pausa; retome-a primeiro',
  recurringMoved:
    'Esta fatura recorrente mudou entretanto (acabou de ser criada uma fatura); recarregue e tente de novo',
} satisfies typeof recurringProblemsEn;
