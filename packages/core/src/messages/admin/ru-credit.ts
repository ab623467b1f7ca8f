import type { creditEn } from './en-credit';

/** Credit notes and the client's credit in the admin app. */
export const creditRu = {
  credit: {
    creditNotes: 'Корректировочные счета',
    creditNote: (n: string) => `Корректировочный счёт ${n}`,
    issueCreditNote: 'Выставить корректировку',
    what: 'Что скорректировать',
    whole: 'Всё, что ещё можно скорректировать',
    chosenLines: 'Выбранные строки',
    anAmount: 'Сумму (с налогом)',
    amount: (currency: string) => `Сумма (${currency}, с налогом)`,
    reason: 'Причина (печатается в документе)',
    issue: 'Выставить',
    creditable: (amount: string) => `Можно скорректировать ещё до ${amount}.`,
    forInvoice: (n: string) => `К счёту ${n}`,
    toInvoice: (amount: string) => `${amount} списано с долга по счёту`,
    toCredit: (amount: string) => `${amount} зачислено на остаток клиента`,
    send: 'Отправить клиенту',
    emailed: 'Отправлен',
    notEmailed: 'Ещё не отправлен',
    missing: 'Такого корректировочного счёта нет.',
    applyCredit: 'Зачесть остаток',
    applyTitle: (amount: string) => `Зачесть остаток клиента (доступно ${amount})`,
    apply: 'Зачесть',
    refundNotice: (amount: string) =>
      `${amount} возвращено через Stripe и снова к оплате. Выставить соответствующую корректировку?`,
    refundReason: 'Возврат через Stripe',
    saveExcess: (amount: string) => `Сохранить лишние ${amount} как остаток клиента?`,
    balance: 'Остаток клиента',
    heldForClients: 'Остатки клиентов',
    recordRefund: 'Записать возврат',
    refundReference: 'Основание (перевод, чек…)',
    currency: 'Валюта',
    sources: {
      stripe: 'Оплачено онлайн сверх суммы',
      credit_note: 'По корректировочному счёту',
      overpayment: 'Сохранённая переплата',
      applied: 'Зачтено в счёт',
      refund: 'Возвращено',
    },
  },
} satisfies typeof creditEn;
