import type { creditEn } from './en-credit';

/** Credit notes and the client's credit in the admin app. */
export const creditPt = {
  credit: {
    creditNotes: 'Notas de crédito',
    creditNote: (n: string) => `Nota de crédito ${n}`,
    issueCreditNote: 'Emitir nota de crédito',
    what: 'O que creditar',
    whole: 'Tudo o que ainda pode ser creditado',
    chosenLines: 'Linhas escolhidas',
    anAmount: 'Um valor (com imposto)',
    amount: (currency: string) => `Valor (${currency}, com imposto)`,
    reason: 'Motivo (impresso na nota de crédito)',
    issue: 'Emitir',
    creditable: (amount: string) => `Ainda pode creditar até ${amount}.`,
    forInvoice: (n: string) => `Referente à fatura ${n}`,
    toInvoice: (amount: string) => `${amount} descontado da fatura`,
    toCredit: (amount: string) => `${amount} somado ao crédito do cliente`,
    send: 'Enviar ao cliente',
    emailed: 'Enviada',
    notEmailed: 'Ainda não enviada',
    missing: 'Esta nota de crédito não existe.',
    applyCredit: 'Usar crédito',
    applyTitle: (amount: string) => `Usar o crédito do cliente (${amount} disponível)`,
    apply: 'Usar',
    refundNotice: (amount: string) =>
      `${amount} foi reembolsado pelo Stripe e está de novo em dívida. Emitir a nota de crédito correspondente?`,
    refundReason: 'Reembolsado pelo Stripe',
    saveExcess: (amount: string) => `Guardar os ${amount} a mais como crédito do cliente?`,
    balance: 'Saldo de crédito',
    heldForClients: 'Crédito guardado para clientes',
    recordRefund: 'Registar um reembolso',
    refundReference: 'Referência (transferência, cheque…)',
    currency: 'Moeda',
    sources: {
      stripe: 'Pago online além do devido',
      credit_note: 'De uma nota de crédito',
      overpayment: 'Pagamento a mais guardado',
      applied: 'Usado numa fatura',
      refund: 'Devolvido',
    },
  },
} satisfies typeof creditEn;
