import type { accountProblemsEn } from './account-problems-en';

/** Refusals about people and their access: roles, team, sign-in factors, own account. */
export const accountProblemsJa = {
  roleMayNot: (role) => `この事業者でのあなたのロール（${role}）ではこの操作はできません`,
  onlyOwnerTouchesOwner: 'オーナーの招待・変更・削除はオーナーだけができます',
  alreadyMember: 'この人はすでにこの事業者のメンバーです',
  lastOwner: '事業者にはオーナーが必要です。先に他の人をオーナーにしてください',
  signInToAccept:
    'このメールアドレスのアカウントはすでにあります。そのアカウントでログインしてから招待を開き直してください',
  invitationForAnotherEmail:
    'この招待は別のメールアドレス宛てです。ログアウトしてからリンクを開き直してください',
  totpRequired: '認証アプリに表示されたコードを入力してください',
  totpWrong:
    'このコードは正しくないか、すでに使用されています。認証アプリの現在のコードまたはリカバリーコードを入力してください',
  twoFactorAlreadyOn: 'このアカウントでは2段階認証がすでに有効です',
  twoFactorNotStarted:
    '先に2段階認証の設定を開始してください。コードはそのとき表示されたシークレットに対応します',
  twoFactorNotOn: 'このアカウントでは2段階認証が有効になっていません',
  twoFactorRequired:
    'この事業者は全員に2段階認証を求めています。先にアカウントで2段階認証を有効にしてください',
  ownerNeedsTwoFactor: '全員に求める前に、ご自身の2段階認証を有効にしてください',
  businessNameMismatch: '表示どおりに事業者名を正確に入力してください',
  passwordIncorrect: 'パスワードが正しくありません',
  secondFactorNeeded: '認証アプリのコードを入力してください',
  wrongCurrentPassword: '現在のパスワードが正しくありません',
  sameEmail: 'これはすでにあなたのメールアドレスです',
  clientEmailCap: (n: number): string =>
    `顧客へのメールを 1 日 ${n} 通より多く送るには、メールアドレスを確認してください（上部のお知らせの「リンクを再送」）`,
  resetLinkSent:
    'このアドレスのアカウントがあれば、新しいパスワードを設定するリンクを送りました。リンクは 1 時間以内に 1 回だけ使えます。',
} satisfies typeof accountProblemsEn;
