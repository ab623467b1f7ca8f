import type { recurringProblemsEn } from './recurring-en';
import { REMINDER_PROBLEMS } from './reminders';

/** Recurring invoices: refusals. */
export const recurringProblemsRu = {
  // Reminders on a schedule: the other half of what a business sends every month.
  ...REMINDER_PROBLEMS.ru,
  recurringNotFound: 'Регулярный счёт не найден',
  unknownTimeZone: 'Неизвестный часовой пояс; укажите имя IANA, например Europe/Moscow',
  dayOfMonthNotWeekly: 'Еженедельный график идёт по дню недели даты начала; оставьте день месяца пустым',
  endBeforeStart: 'Дата окончания раньше даты начала',
  noRunLeft: 'В этом графике не осталось ни одной даты: все они после его окончания',
  startTooOld: 'Дата начала может быть не раньше, чем год назад',
  recurringEnded: 'Этот регулярный счёт завершён; измените график, чтобы запустить его снова',
  recurringPaused: 'Этот регулярный счёт приостановлен; сначала возобновите его',
  recurringMoved:
    'Регулярный счёт тем временем изменился (только что создан счёт); обновите страницу и повторите',
} satisfies typeof recurringProblemsEn;
