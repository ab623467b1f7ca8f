import type { AdminMessages } from './en';

/** Disputes and client credit in the admin app. */
export const moneyIt = {
  money: {
    disputed: 'Contestata',
    credits: 'Il credito del cliente, voce per voce',
    refund: 'Rimborsa',
    refunding: 'Rimborso…',
    refunded: 'Rimborsato',
    apiVersion: 'Versione API di Stripe (crea l’endpoint con questa)',
  },
} satisfies Pick<AdminMessages, 'money'>;
