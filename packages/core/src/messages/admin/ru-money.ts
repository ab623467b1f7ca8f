import type { AdminMessages } from './en';

/** Disputes and client credit in the admin app. */
export const moneyRu = {
  money: {
    disputed: 'Оспорен',
    credits: 'Остаток клиента по операциям',
    refund: 'Вернуть',
    refunding: 'Возврат…',
    refunded: 'Возвращено',
    apiVersion: 'Версия API Stripe (создайте endpoint с ней)',
  },
} satisfies Pick<AdminMessages, 'money'>;
