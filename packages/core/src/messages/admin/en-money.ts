/** Disputes and client credit in the admin app. */
export const moneyEn = {
  money: {
    disputed: 'Disputed',
    credits: 'The client’s credit, line by line',
    refund: 'Refund',
    refunding: 'Refunding…',
    refunded: 'Refunded',
    apiVersion: 'Stripe API version (create the endpoint with it)',
  },
};
