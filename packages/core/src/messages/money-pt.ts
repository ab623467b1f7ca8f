/** Disputes and client credit: notices to the business, refusals, and what the portal shows. */
export const moneyNoticesPt = {
  paymentDisputed: (c: string, amount: string, n: string) =>
    `O banco de ${c} contestou ${amount} pagos pela fatura ${n}: o valor volta a estar em dívida até a contestação ser ganha`,
  disputeWon: (n: string) => `Contestação ganha na fatura ${n}: o pagamento foi reposto`,
  disputeLost: (n: string) => `Contestação perdida na fatura ${n}: o valor continua em dívida`,
};

export const moneyProblemsPt = {
  creditNotFound: 'Este cliente não tem esse crédito',
  creditAlreadyRefunded: 'Este crédito já foi reembolsado',
  stripeRefundRefused: (why: string): string => `O Stripe recusou o reembolso: ${why}`,
};

export const moneyPortalPt = {
  credit: 'Crédito',
  creditNote:
    'O seu crédito junto da empresa (pagamentos a mais e notas de crédito): vai para outra fatura ou é reembolsado.',
  disputedNote: (amount: string) =>
    `Em contestação: ${amount} volta a estar em dívida até a contestação ser resolvida.`,
  disputedStatus: 'Contestada',
};
