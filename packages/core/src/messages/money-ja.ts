/** Disputes and client credit: notices to the business, refusals, and what the portal shows. */
export const moneyNoticesJa = {
  paymentDisputed: (c: string, amount: string, n: string) =>
    `${c} 様の銀行が請求書 ${n} の支払い ${amount} に異議を申し立てました。異議が認められなくなるまで再び未払いです`,
  disputeWon: (n: string) => `請求書 ${n} の異議申し立てに勝ちました。支払いは元に戻りました`,
  disputeLost: (n: string) => `請求書 ${n} の異議申し立てに負けました。金額は未払いのままです`,
};

export const moneyProblemsJa = {
  creditNotFound: 'この顧客にはそのクレジットはありません',
  creditAlreadyRefunded: 'このクレジットは返金済みです',
  stripeRefundRefused: (why: string): string => `Stripe が返金を拒否しました: ${why}`,
};

export const moneyPortalJa = {
  credit: 'クレジット',
  creditNote:
    '事業者に対するお客様のクレジット（過払い分・クレジットノート）です。別の請求書に充当されるか、返金されます。',
  disputedNote: (amount: string) => `異議申し立て中: 解決するまで ${amount} が再び未払いです。`,
  disputedStatus: '異議申し立て中',
};
