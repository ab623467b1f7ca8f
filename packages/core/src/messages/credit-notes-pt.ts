/** Credit notes and the client's credit balance: refusals, portal and PDF words, the email. */
export const creditNotesPt = {
  problems: {
    creditNoteNotFound: 'Esta nota de crédito não existe',
    sendBeforeCrediting: 'Envie a fatura antes de a creditar: um rascunho ainda pode ser editado',
    voidNotCreditable: 'Uma fatura anulada não deve nada e não pode ser creditada',
    moreThanCreditable: (left: string) => `Mais do que ainda pode ser creditado nesta fatura (${left})`,
    noSuchInvoiceLine: (n: number) => `Esta fatura não tem a linha ${n}`,
    lineChosenTwice: 'Escolha cada linha uma só vez',
    lineAlreadyCredited: (n: number) => `A linha ${n} já foi creditada por uma nota de crédito anterior`,
    paymentMovedToCredit:
      'Uma nota de crédito passou este pagamento para o crédito do cliente: ele fica, senão o valor contaria duas vezes',
    linesOrAmount: 'Escolha linhas ou um valor, não ambos',
    moreThanCredit: (left: string) => `Mais do que o crédito do cliente nesta moeda (${left})`,
    creditOnlyOpenInvoice: 'O crédito só pode ser usado numa fatura emitida que ainda tenha valor em dívida',
    creditInUse: 'Parte deste crédito já foi usada, por isso o Stripe não o pode reembolsar por inteiro',
    creditSettlementKept:
      'Este valor foi liquidado por uma nota de crédito ou pelo crédito do cliente: fica na fatura',
  },
  portal: {
    creditNotesHeading: 'Notas de crédito',
    creditNoteHeading: (n: string) => `Nota de crédito ${n}`,
    creditNoteAgainst: (n: string) => `Referente à fatura ${n}`,
    creditNoteReason: 'Motivo',
  },
  document: {
    creditBalance: 'Saldo de crédito',
    creditReason: 'Motivo da correção',
    creditNoteTitle: 'Nota de crédito',
    creditedInvoice: 'Fatura creditada',
    invoiceDate: 'Data da fatura',
    creditAtRate: (rate: string) => `Crédito à taxa de imposto de ${rate}`,
    totalCredited: 'Total creditado',
  },
  email: {
    subject: 'Nota de crédito {{document.number}} de {{business.name}}',
    body: 'Olá {{client.name}},\n\nSegue em anexo a nota de crédito {{document.number}} no valor de {{document.total}}, que corrige a fatura {{invoice.number}}.\n\nConsulte os seus documentos online: {{portalLink}}\n\nCom os melhores cumprimentos,\n{{business.name}}',
  },
};
