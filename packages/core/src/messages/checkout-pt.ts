import type { checkoutPortalEn, checkoutProblemsEn } from './checkout-en';

export const checkoutPortalPt: typeof checkoutPortalEn = {
  lastAttemptFailed: 'O seu último pagamento não foi concluído. Pode pagar novamente.',
  lastAttemptExpired:
    'A sua última sessão de pagamento expirou antes de ser concluída. Pode pagar novamente.',
  paymentExpired: 'Esta sessão de pagamento expirou antes de ser concluída. Pode iniciar uma nova.',
  payOnlineBelow: (min: string): string =>
    `Esta fatura não pode ser paga online: o valor em dívida é inferior a ${min}, o pagamento online mínimo nesta moeda. Pague de outra forma, por favor.`,
  payOnlineAbove: (max: string): string =>
    `Esta fatura não pode ser paga online: o valor em dívida é superior a ${max}, o pagamento online máximo nesta moeda. Pague de outra forma, por favor.`,
};

export const checkoutProblemsPt: typeof checkoutProblemsEn = {
  belowStripeMinimum: (due: string, min: string): string =>
    `${due} é inferior ao valor mínimo que pode ser pago online nesta moeda (${min}); pague de outra forma`,
  aboveStripeMaximum: (due: string, max: string): string =>
    `${due} é superior ao valor máximo que pode ser pago online nesta moeda (${max}); pague de outra forma`,
  stripeAmountRefused: 'A Stripe não aceita este valor online; pague de outra forma',
  paymentBeingPrepared:
    'Um pagamento desta fatura está a ser preparado noutra janela; tente novamente daqui a pouco',
  paymentArrivingBeforeChange:
    'O pagamento de um cliente acabou de ser concluído nesta conta Stripe e está a ser registado; tente novamente daqui a um minuto',
  stripeUnreachableNoChange: 'Não foi possível contactar a Stripe; nada foi alterado. Tente novamente.',
  paymentArriving:
    'Um pagamento desta fatura acabou de ser concluído e está a ser registado; verifique daqui a pouco',
};
