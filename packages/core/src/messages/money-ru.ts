/** Disputes and client credit: notices to the business, refusals, and what the portal shows. */
export const moneyNoticesRu = {
  paymentDisputed: (c: string, amount: string, n: string) =>
    `Банк клиента ${c} оспорил платёж ${amount} по счёту ${n}: сумма снова к оплате, пока спор не выигран`,
  disputeWon: (n: string) => `Спор по счёту ${n} выигран: платёж восстановлен`,
  disputeLost: (n: string) => `Спор по счёту ${n} проигран: сумма остаётся к оплате`,
};

export const moneyProblemsRu = {
  creditNotFound: 'У этого клиента нет такого остатка',
  creditAlreadyRefunded: 'Этот остаток уже возвращён',
  stripeRefundRefused: (why: string): string => `Stripe отказал в возврате: ${why}`,
};

export const moneyPortalRu = {
  credit: 'Переплата',
  creditNote:
    'Ваш остаток у компании (переплаты и корректировочные счета): он пойдёт в оплату другого счёта или будет возвращён.',
  disputedNote: (amount: string) => `Платёж оспорен: ${amount} снова к оплате, пока спор не решён.`,
  disputedStatus: 'Оспорен',
};
