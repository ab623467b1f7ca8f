import type { recurringProblemsEn } from './recurring-en';
import { REMINDER_PROBLEMS } from './reminders';

/** Recurring invoices: refusals. */
export const recurringProblemsJa = {
  // Reminders on a schedule: the other half of what a business sends every month.
  ...REMINDER_PROBLEMS.ja,
  recurringNotFound: '定期請求書が見つかりません',
  unknownTimeZone: '不明なタイムゾーンです。Asia/Tokyo のような IANA 名を使ってください',
  dayOfMonthNotWeekly: '毎週のスケジュールは開始日の曜日に実行されます。日付 (日) は空欄にしてください',
  endBeforeStart: '終了日が開始日より前です',
  noRunLeft: 'このスケジュールには実行日が残っていません (すべて終了日より後です)',
  startTooOld: '開始日は 1 年前までにしてください',
  recurringEnded: 'この定期請求書は終了しています。再開するにはスケジュールを編集してください',
  recurringPaused: 'この定期請求書は一時停止中です。先に再開してください',
  recurringMoved:
    'この定期請求書は変更されました (請求書が作成されたところです)。再読み込みしてもう一度お試しください',
} satisfies typeof recurringProblemsEn;
