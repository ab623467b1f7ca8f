/** Credit notes and the client's credit balance: refusals, portal and PDF words, the email. */
export const creditNotesEn = {
  problems: {
    creditNoteNotFound: 'No such credit note',
    sendBeforeCrediting: 'Send the invoice before crediting it: a draft can still be edited',
    voidNotCreditable: 'A void invoice owes nothing and cannot be credited',
    moreThanCreditable: (left: string) => `More than can still be credited on this invoice (${left})`,
    noSuchInvoiceLine: (n: number) => `This invoice has no line ${n}`,
    lineChosenTwice: 'Choose each line once',
    lineAlreadyCredited: (n: number) => `Line ${n} was already credited by an earlier credit note`,
    paymentMovedToCredit:
      "A credit note turned this payment into the client's credit: it stays, or the credit would be counted twice",
    linesOrAmount: 'Choose lines or an amount, not both',
    moreThanCredit: (left: string) => `More than the client's credit in this currency (${left})`,
    creditOnlyOpenInvoice: 'Credit can be used only on an issued invoice that still owes something',
    creditInUse: 'Part of this credit has already been used, so Stripe cannot refund all of it',
    creditSettlementKept:
      "This amount was settled by a credit note or the client's credit: it stays on the invoice",
  },
  portal: {
    creditNotesHeading: 'Credit notes',
    creditNoteHeading: (n: string) => `Credit note ${n}`,
    creditNoteAgainst: (n: string) => `For invoice ${n}`,
    creditNoteReason: 'Reason',
  },
  document: {
    creditBalance: 'Credit balance',
    creditReason: 'Reason',
    creditNoteTitle: 'Credit note',
    creditedInvoice: 'Credited invoice',
    invoiceDate: 'Invoice date',
    creditAtRate: (rate: string) => `Credit at ${rate} tax`,
    totalCredited: 'Total credited',
  },
  email: {
    subject: 'Credit note {{document.number}} from {{business.name}}',
    body: 'Hello {{client.name}},\n\nPlease find attached credit note {{document.number}} for {{document.total}}, which corrects invoice {{invoice.number}}.\n\nSee your documents online: {{portalLink}}\n\nBest regards,\n{{business.name}}',
  },
};
