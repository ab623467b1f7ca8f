import type { connectProblemsEn } from './connect-problems-en';

/** Stripe Connect: why connecting, paying or a Connect event was refused. */
export const connectProblemsJa = {
  connectNotOffered:
    'この環境では Stripe Connect が設定されていません。ご自身のキーで Stripe を接続してください',
  connectLinkNotOffered:
    'この環境では既存の Stripe アカウントの連携が設定されていません。「Stripe と接続」で新しいアカウントを作成してください',
  disconnectRefused:
    'Stripe でアカウントの接続を解除できませんでした。何も変更されていません。しばらくしてからもう一度お試しください。',
  connectRefused:
    'Stripe で登録手続きを開始できませんでした。何も保存されていません。しばらくしてからもう一度お試しください。',
  connectNotReady: 'この事業者は Stripe の設定がまだ完了していないため、オンライン決済を受け付けられません',
  connectNoEndpoint: 'この環境では Stripe Connect のイベントを受け付けていません',
  connectSignatureMismatch:
    'Stripe の署名がプラットフォームの Connect Webhook 署名シークレットと一致しません',
} satisfies typeof connectProblemsEn;
