import type { checkoutPortalEn, checkoutProblemsEn } from './checkout-en';

export const checkoutPortalJa: typeof checkoutPortalEn = {
  lastAttemptFailed: '前回のお支払いは完了しませんでした。もう一度お支払いいただけます。',
  lastAttemptExpired:
    '前回のお支払いセッションは完了前に期限切れになりました。もう一度お支払いいただけます。',
  paymentExpired: 'このお支払いセッションは完了前に期限切れになりました。新しく始めることができます。',
  payOnlineBelow: (min: string): string =>
    `この請求書はオンラインでお支払いいただけません。お支払い額がこの通貨のオンライン決済の最低額（${min}）を下回っています。別の方法でお支払いください。`,
  payOnlineAbove: (max: string): string =>
    `この請求書はオンラインでお支払いいただけません。お支払い額がこの通貨のオンライン決済の上限額（${max}）を超えています。別の方法でお支払いください。`,
};

export const checkoutProblemsJa: typeof checkoutProblemsEn = {
  belowStripeMinimum: (due: string, min: string): string =>
    `${due}は、この通貨でオンライン決済できる最低額（${min}）を下回っています。別の方法でお支払いください`,
  aboveStripeMaximum: (due: string, max: string): string =>
    `${due}は、この通貨でオンライン決済できる上限額（${max}）を超えています。別の方法でお支払いください`,
  stripeAmountRefused: 'Stripe はこの金額のオンライン決済を受け付けていません。別の方法でお支払いください',
  paymentBeingPrepared:
    'この請求書のお支払いを別のウィンドウで準備中です。しばらくしてからもう一度お試しください',
  paymentArrivingBeforeChange:
    'このStripeアカウントで顧客の支払いが完了し、記録中です。1分後にもう一度お試しください',
  stripeUnreachableNoChange: 'Stripeに接続できませんでした。何も変更されていません。もう一度お試しください。',
  paymentArriving: 'この請求書のお支払いが完了し、記録中です。しばらくしてからご確認ください',
};
