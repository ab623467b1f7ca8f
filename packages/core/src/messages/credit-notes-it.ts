/** Credit notes and the client's credit balance: refusals, portal and PDF words, the email. */
export const creditNotesIt = {
  problems: {
    creditNoteNotFound: 'Nota di credito inesistente',
    sendBeforeCrediting: 'Invia la fattura prima di stornarla: una bozza si può ancora modificare',
    voidNotCreditable: 'Una fattura annullata non deve nulla e non si può stornare',
    moreThanCreditable: (left: string) =>
      `Più di quanto si possa ancora stornare su questa fattura (${left})`,
    noSuchInvoiceLine: (n: number) => `Questa fattura non ha la riga ${n}`,
    lineChosenTwice: 'Scegli ogni riga una sola volta',
    lineAlreadyCredited: (n: number) => `La riga ${n} è già stata stornata da una nota di credito precedente`,
    paymentMovedToCredit:
      'Una nota di credito ha trasformato questo pagamento in credito del cliente: resta, altrimenti l’importo conterebbe due volte',
    linesOrAmount: 'Scegli delle righe o un importo, non entrambi',
    moreThanCredit: (left: string) => `Più del credito del cliente in questa valuta (${left})`,
    creditOnlyOpenInvoice: 'Il credito si può usare solo su una fattura emessa con un importo ancora dovuto',
    creditInUse: 'Parte di questo credito è già stata usata, quindi Stripe non può rimborsarlo per intero',
    creditSettlementKept:
      'Questo importo è stato saldato da una nota di credito o dal credito del cliente: resta sulla fattura',
  },
  portal: {
    creditNotesHeading: 'Note di credito',
    creditNoteHeading: (n: string) => `Nota di credito ${n}`,
    creditNoteAgainst: (n: string) => `Relativa alla fattura ${n}`,
    creditNoteReason: 'Motivo',
  },
  document: {
    creditBalance: 'Saldo a credito',
    creditReason: 'Motivo della rettifica',
    creditNoteTitle: 'Nota di credito',
    creditedInvoice: 'Fattura stornata',
    invoiceDate: 'Data fattura',
    creditAtRate: (rate: string) => `Storno con aliquota ${rate}`,
    totalCredited: 'Totale stornato',
  },
  email: {
    subject: 'Nota di credito {{document.number}} da {{business.name}}',
    body: 'Gentile {{client.name}},\n\nin allegato la nota di credito {{document.number}} di {{document.total}}, che rettifica la fattura {{invoice.number}}.\n\nI tuoi documenti online: {{portalLink}}\n\nCordiali saluti,\n{{business.name}}',
  },
};
