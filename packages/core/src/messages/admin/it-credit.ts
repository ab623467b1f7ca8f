import type { creditEn } from './en-credit';

/** Credit notes and the client's credit in the admin app. */
export const creditIt = {
  credit: {
    creditNotes: 'Note di credito',
    creditNote: (n: string) => `Nota di credito ${n}`,
    issueCreditNote: 'Emetti nota di credito',
    what: 'Cosa stornare',
    whole: 'Tutto ciò che si può ancora stornare',
    chosenLines: 'Righe scelte',
    anAmount: 'Un importo (IVA inclusa)',
    amount: (currency: string) => `Importo (${currency}, IVA inclusa)`,
    reason: 'Motivo (stampato sulla nota di credito)',
    issue: 'Emetti',
    creditable: (amount: string) => `Si possono ancora stornare fino a ${amount}.`,
    forInvoice: (n: string) => `Relativa alla fattura ${n}`,
    toInvoice: (amount: string) => `${amount} tolto dalla fattura`,
    toCredit: (amount: string) => `${amount} aggiunto al credito del cliente`,
    send: 'Invia al cliente',
    emailed: 'Inviata',
    notEmailed: 'Non ancora inviata',
    missing: 'Questa nota di credito non esiste.',
    applyCredit: 'Usa credito',
    applyTitle: (amount: string) => `Usa il credito del cliente (${amount} disponibili)`,
    apply: 'Usa',
    refundNotice: (amount: string) =>
      `${amount} è stato rimborsato tramite Stripe ed è di nuovo dovuto. Emettere la nota di credito corrispondente?`,
    refundReason: 'Rimborsato tramite Stripe',
    saveExcess: (amount: string) => `Tenere i ${amount} in più come credito del cliente?`,
    balance: 'Saldo a credito',
    heldForClients: 'Credito tenuto per i clienti',
    recordRefund: 'Registra un rimborso',
    refundReference: 'Riferimento (bonifico, assegno…)',
    currency: 'Valuta',
    sources: {
      stripe: 'Pagato online oltre il dovuto',
      credit_note: 'Da una nota di credito',
      overpayment: 'Pagamento in eccesso tenuto',
      applied: 'Usato su una fattura',
      refund: 'Restituito',
    },
  },
} satisfies typeof creditEn;
