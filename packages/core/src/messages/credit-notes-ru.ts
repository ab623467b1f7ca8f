/** Credit notes and the client's credit balance: refusals, portal and PDF words, the email. */
export const creditNotesRu = {
  problems: {
    creditNoteNotFound: 'Такого корректировочного счёта нет',
    sendBeforeCrediting: 'Сначала отправьте счёт: черновик ещё можно исправить',
    voidNotCreditable: 'Аннулированный счёт ничего не должен, его нельзя скорректировать',
    moreThanCreditable: (left: string) => `Больше, чем ещё можно скорректировать по этому счёту (${left})`,
    noSuchInvoiceLine: (n: number) => `В этом счёте нет строки ${n}`,
    lineChosenTwice: 'Выберите каждую строку один раз',
    lineAlreadyCredited: (n: number) => `Строка ${n} уже сторнирована предыдущей кредит-нотой`,
    paymentMovedToCredit:
      'Кредит-нота перевела этот платёж в остаток клиента: платёж остаётся, иначе сумма будет учтена дважды',
    linesOrAmount: 'Выберите строки или сумму, но не то и другое',
    moreThanCredit: (left: string) => `Больше, чем остаток клиента в этой валюте (${left})`,
    creditOnlyOpenInvoice: 'Остаток можно зачесть только в выставленный счёт, по которому ещё есть долг',
    creditInUse: 'Часть этого остатка уже использована, Stripe не может вернуть его целиком',
    creditSettlementKept: 'Эта сумма погашена корректировкой или остатком клиента и остаётся в счёте',
  },
  portal: {
    creditNotesHeading: 'Корректировочные счета',
    creditNoteHeading: (n: string) => `Корректировочный счёт ${n}`,
    creditNoteAgainst: (n: string) => `К счёту ${n}`,
    creditNoteReason: 'Причина',
  },
  document: {
    creditBalance: 'Остаток в пользу клиента',
    creditReason: 'Причина корректировки',
    creditNoteTitle: 'Корректировочный счёт',
    creditedInvoice: 'Исходный счёт',
    invoiceDate: 'Дата счёта',
    creditAtRate: (rate: string) => `Корректировка по ставке налога ${rate}`,
    totalCredited: 'Итого к уменьшению',
  },
  email: {
    subject: 'Корректировочный счёт {{document.number}} от {{business.name}}',
    body: 'Здравствуйте, {{client.name}}!\n\nВо вложении корректировочный счёт {{document.number}} на {{document.total}}, он исправляет счёт {{invoice.number}}.\n\nВаши документы онлайн: {{portalLink}}\n\nС уважением,\n{{business.name}}',
  },
};
