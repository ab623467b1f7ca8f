/** Disputes and client credit: notices to the business, refusals, and what the portal shows. */
export const moneyNoticesIt = {
  paymentDisputed: (c: string, amount: string, n: string) =>
    `La banca di ${c} ha contestato ${amount} pagati per la fattura ${n}: l’importo è di nuovo dovuto finché la contestazione non è vinta`,
  disputeWon: (n: string) => `Contestazione vinta sulla fattura ${n}: il pagamento è ripristinato`,
  disputeLost: (n: string) => `Contestazione persa sulla fattura ${n}: l’importo resta dovuto`,
};

export const moneyProblemsIt = {
  creditNotFound: 'Questo cliente non ha questo credito',
  creditAlreadyRefunded: 'Questo credito è già stato rimborsato',
  stripeRefundRefused: (why: string): string => `Stripe ha rifiutato il rimborso: ${why}`,
};

export const moneyPortalIt = {
  credit: 'Credito',
  creditNote:
    'Il suo credito presso l’azienda (pagamenti in eccesso e note di credito): va su un’altra fattura o viene rimborsato.',
  disputedNote: (amount: string) =>
    `In contestazione: ${amount} è di nuovo dovuto finché la contestazione non è risolta.`,
  disputedStatus: 'Contestata',
};
