import type { AdminMessages } from './en';

/** Disputes and client credit in the admin app. */
export const moneyPt = {
  money: {
    disputed: 'Contestada',
    credits: 'O crédito do cliente, linha a linha',
    refund: 'Reembolsar',
    refunding: 'A reembolsar…',
    refunded: 'Reembolsado',
    apiVersion: 'Versão da API do Stripe (crie o endpoint com ela)',
  },
} satisfies Pick<AdminMessages, 'money'>;
