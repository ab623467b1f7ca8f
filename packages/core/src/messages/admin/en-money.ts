/** Disputes and client credit in the admin app. */
export const moneyEn = {
  money: {
    disputed: 'Disputed',
    credits: 'Credit (paid beyond what was due)',
    refund: 'Refund',
    refunding: 'Refunding…',
    refunded: 'Refunded',
    apiVersion: 'Stripe API version (create the endpoint with it)',
  },
};
