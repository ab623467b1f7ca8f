/** Disputes and client credit: notices to the business, refusals, and what the portal shows. */
export const moneyNoticesEn = {
  paymentDisputed: (c: string, amount: string, n: string) =>
    `${c}'s bank disputed ${amount} paid for invoice ${n}: it is owed again until the dispute is won`,
  disputeWon: (n: string) => `Dispute won on invoice ${n}: the payment is back`,
  disputeLost: (n: string) => `Dispute lost on invoice ${n}: the amount stays owed`,
};

export const moneyProblemsEn = {
  creditNotFound: 'No such credit for this client',
  creditAlreadyRefunded: 'This credit was already refunded',
  stripeRefundRefused: (why: string): string => `Stripe refused the refund: ${why}`,
};

export const moneyPortalEn = {
  credit: 'Credit',
  creditNote:
    'Your credit with the business (overpayments and credit notes): it goes towards another invoice or is refunded.',
  disputedNote: (amount: string) => `Under dispute: ${amount} is owed again until the dispute is settled.`,
  disputedStatus: 'Disputed',
};
