import type { creditEn } from './en-credit';

/** Credit notes and the client's credit in the admin app. */
export const creditJa = {
  credit: {
    creditNotes: 'クレジットノート',
    creditNote: (n: string) => `クレジットノート ${n}`,
    issueCreditNote: 'クレジットノートを発行',
    what: '減額する内容',
    whole: 'まだ減額できる全額',
    chosenLines: '選んだ行',
    anAmount: '金額（税込）',
    amount: (currency: string) => `金額（${currency}、税込）`,
    reason: '理由（クレジットノートに印字されます）',
    issue: '発行',
    creditable: (amount: string) => `あと ${amount} まで減額できます。`,
    forInvoice: (n: string) => `請求書 ${n} に対するもの`,
    toInvoice: (amount: string) => `請求書から ${amount} を差し引き`,
    toCredit: (amount: string) => `顧客のクレジットに ${amount} を追加`,
    send: '顧客にメール送信',
    emailed: '送信済み',
    notEmailed: '未送信',
    missing: 'このクレジットノートは存在しません。',
    applyCredit: 'クレジットを充当',
    applyTitle: (amount: string) => `顧客のクレジットを充当（利用可能 ${amount}）`,
    apply: '充当',
    refundNotice: (amount: string) =>
      `${amount} が Stripe で返金され、再び未払いになっています。対応するクレジットノートを発行しますか？`,
    refundReason: 'Stripe で返金済み',
    saveExcess: (amount: string) => `超過分 ${amount} を顧客のクレジットとして残しますか？`,
    balance: 'クレジット残高',
    heldForClients: '顧客のクレジット残高',
    recordRefund: '返金を記録',
    refundReference: '参照（振込、小切手など）',
    currency: '通貨',
    sources: {
      stripe: 'オンラインでの過払い',
      credit_note: 'クレジットノートから',
      overpayment: '残した過払い金',
      applied: '請求書に充当',
      refund: '返金済み',
    },
  },
} satisfies typeof creditEn;
