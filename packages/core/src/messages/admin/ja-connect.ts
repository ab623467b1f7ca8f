import type { connectEn } from './en-connect';

/** Settings → Online payments: Stripe Connect. */
export const connectJa = {
  connect: {
    intro:
      '数ステップで Stripe アカウントを接続できます。Stripe が事業者情報を確認した後、顧客はポータルからカードで請求書を支払えます。販売者は御社となり、Stripe の手数料も御社が直接負担します。',
    button: 'Stripe と接続',
    opening: 'Stripe を開いています…',
    account: 'Stripe アカウント',
    chargesEnabled: '決済は有効です',
    chargesDisabled: '決済はまだ有効ではありません',
    requirementsDue: 'Stripe がまだ必要としている情報:',
    continueOnboarding: '登録手続きを続ける',
    returned: 'Stripe から戻りました。アカウントの状態は以下のとおりです。',
    expired: 'Stripe のリンクの有効期限が切れました。登録手続きを続けて新しいリンクを取得してください。',
    disconnect: '接続を解除',
    disconnectTitle: 'Stripe の接続を解除しますか?',
    disconnectMessage:
      '再度接続するまで、顧客はオンラインで支払えなくなります。Stripe アカウントと記録済みの支払いはそのまま残ります。',
    ownKeys: '独自のキーを使う(セルフホスト)',
    viaConnect: 'Stripe Connect 経由',
    linkExisting: 'Stripe アカウントを既に持っています',
    linkOpening: 'Stripe を開いています…',
    linkHint: 'Stripe にログインして連携するアカウントを選ぶと、この画面に戻ります。',
    linkConnected: 'Stripe アカウントを連携しました。顧客はオンラインで支払えます。',
    linkDeclined: 'Stripe の画面で拒否されたため、何も連携されていません。',
    linkFailed:
      'Stripe でアカウントを連携できませんでした（リンクの期限切れか使用済みの可能性があります）。何も変更されていません。もう一度お試しください。',
    linkTaken:
      'この Stripe アカウントはここで別の事業者に連携済みのため、連携しませんでした。何も変更されていません。',
  },
} satisfies typeof connectEn;
