import type { remindersEn } from './en-reminders';

export const remindersJa = {
  reminders: {
    title: '支払いリマインダー',
    intro:
      '未払いの請求書について顧客に送るメールです。各ステップは請求書ごとに1回だけ送られます。停止後は到来した最新のステップだけを送り、7日以上前のステップは送らないため、顧客に複数のリマインダーが一度に届くことはありません。',
    none: 'ステップがないため、リマインダーは送信されません。',
    step: (n) => `ステップ${n}`,
    days: '日数',
    when: 'タイミング',
    before: '支払期限の前',
    onDue: '支払期限の当日',
    after: '支払期限の後',
    add: 'ステップを追加',
    remove: (n) => `ステップ${n}を削除`,
    pauseForTickets:
      'この請求書について未解決のお問い合わせ（対応中または顧客の返信待ち）がある間はリマインダーを止める',
    save: 'リマインダーを保存',
    describe: (offset) =>
      offset === 0 ? '支払期限の当日' : offset < 0 ? `支払期限の${-offset}日前` : `支払期限の${offset}日後`,
    templateStep: 'リマインダーのステップ',
    allSteps: 'すべてのステップ（共通リマインダー）',
    sendNow: '今すぐリマインダーを送る',
    queued: (to) => `${to} へのリマインダーを送信待ちにしました。`,
    history: 'リマインダー',
    manual: '手動で送信',
    sent: '送信済み',
    skipped: 'スキップ',
  },
} satisfies typeof remindersEn;
