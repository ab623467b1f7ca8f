import type { AdminTeamMessages } from './en-team';

export const teamJa = {
  team: {
    title: 'チーム',
    members: 'この事業者のメンバー',
    role: 'ロール',
    roles: { owner: 'オーナー', admin: '管理者', member: 'メンバー', accountant: '会計担当' },
    roleHint:
      '管理者はオーナー以外のすべてを管理できます。メンバーは顧客・書類・入金・問い合わせを扱えます。会計担当は閲覧とエクスポートのみで、変更はできません。',
    joined: '参加日',
    remove: '削除',
    leave: '退出',
    you: 'あなた',
    removeTitle: (name) => `${name} をこの事業者から削除しますか？`,
    removeMessage: 'この事業者でのその人のセッションはすぐに終了します。',
    inviteTitle: '招待する',
    invite: '招待を送る',
    invited: (email) => `${email} に招待を送りました。`,
    pending: '未回答の招待',
    nonePending: '未回答の招待はありません。',
    expires: (date) => `リンクの有効期限：${date}`,
    resend: '再送',
    acceptTitle: (business) => `${business} に参加`,
    acceptIntro: (email, role) => `${email} 宛ての「${role}」としての招待です。`,
    yourName: 'お名前',
    choosePassword: 'パスワードを決めてください（10 文字以上）',
    signInFirst:
      'このアドレスのアカウントはすでにあります。そのアカウントでログインしてから、リンクを開き直してください。',
    invalidLink:
      'この招待リンクはもう使えません（期限切れ、差し替え済み、または使用済み）。新しい招待を依頼してください。',
    business: '事業者',
    switchTo: '事業者を切り替える',
  },
} satisfies AdminTeamMessages;
