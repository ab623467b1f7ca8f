import type { AdminTwoFactorMessages } from './en-two-factor';

export const twoFactorJa = {
  twoFactor: {
    title: '2段階認証',
    intro:
      'サインイン時に、スマートフォンの認証アプリ（Google Authenticator、1Password、Authy など）のコードも求められるため、パスワードが盗まれても不正にサインインされません。',
    statusOn: '2段階認証は有効です。',
    statusOff: '2段階認証は無効です。',
    turnOn: '有効にする',
    starting: '準備中…',
    scan: '認証アプリでこの QR コードを読み取るか、下のキーを入力してください。',
    qrLabel: '認証アプリ用の QR コード',
    manualKey: '手動入力用のキー',
    code: 'アプリのコード',
    codeHint: 'アプリに今表示されている6桁の数字',
    confirm: '確認して有効にする',
    confirming: '確認中…',
    recoveryTitle: 'リカバリーコード',
    recoveryIntro:
      'スマートフォンをなくしたときに、各コードで1回サインインできます。表示されるのは今だけです。安全な場所に保存してください。',
    copy: 'コードをコピー',
    copied: 'コピーしました',
    download: 'ダウンロード',
    saved: '保存しました',
    done: '完了',
    turnOff: '無効にする',
    turnOffHint: 'アプリのコードまたはリカバリーコードを入力してください。',
    turningOff: '無効にしています…',
    offCode: 'コードまたはリカバリーコード',
    requiredNotice: 'この事業者では2段階認証が必須です。続けるには有効にしてください。',
    requireLabel: '全員に2段階認証を必須にする',
    requireHint:
      '有効にしていないメンバーは、有効にするまで自分のアカウントしか開けません。先にご自身で有効にしてください。',
    requireOwnerOnly: 'これを変更できるのはオーナーだけです。',
    signInCode: '認証コード',
    signInCodeHint: '認証アプリの6桁のコード',
    useRecovery: 'リカバリーコードを使う',
    useApp: '認証アプリを使う',
    recoveryCode: 'リカバリーコード',
    verify: '確認',
    manage: 'ご自身の2段階認証',
  },
} satisfies AdminTwoFactorMessages;
