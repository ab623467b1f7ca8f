import type { AdminMessages } from './en';

/** Settings → closing the business (owner only). */
export const closingJa = {
  closing: {
    title: 'この事業者を閉鎖する',
    intro:
      '閉鎖すると全員にとって事業者が削除されます。顧客、書類、支払い、問い合わせ、ファイルはすべて24時間以内に削除され、メンバー全員がすぐにサインアウトされ、クライアントポータルのリンクは無効になり、Stripe の接続も解除されます。必要になる可能性がある場合は、先にデータをエクスポートしてください。',
    confirm: (name: string) => `確認のため事業者名を入力してください：${name}`,
    password: 'パスワード',
    totp: '認証アプリのコード（2段階認証がオンの場合）',
    submit: '事業者を完全に閉鎖する',
    closing: '閉鎖しています…',
  },
} satisfies Pick<AdminMessages, 'closing'>;
