import type { AdminMessages } from './en';

/** Disputes and client credit in the admin app. */
export const moneyJa = {
  money: {
    disputed: '異議申し立て中',
    credits: '顧客のクレジット（明細）',
    refund: '返金',
    refunding: '返金中…',
    refunded: '返金済み',
    apiVersion: 'Stripe API バージョン (エンドポイントはこのバージョンで作成)',
  },
} satisfies Pick<AdminMessages, 'money'>;
