import type { checkoutPortalEn, checkoutProblemsEn } from './checkout-en';

export const checkoutPortalRu: typeof checkoutPortalEn = {
  lastAttemptFailed: 'Предыдущий платёж не прошёл. Вы можете оплатить снова.',
  lastAttemptExpired: 'Срок предыдущей сессии оплаты истёк до её завершения. Вы можете оплатить снова.',
  paymentExpired: 'Срок этой сессии оплаты истёк до её завершения. Вы можете начать новую.',
  payOnlineBelow: (min: string): string =>
    `Этот счёт нельзя оплатить онлайн: сумма к оплате меньше ${min}, минимального онлайн-платежа в этой валюте. Пожалуйста, оплатите другим способом.`,
  payOnlineAbove: (max: string): string =>
    `Этот счёт нельзя оплатить онлайн: сумма к оплате больше ${max}, максимального онлайн-платежа в этой валюте. Пожалуйста, оплатите другим способом.`,
};

export const checkoutProblemsRu: typeof checkoutProblemsEn = {
  belowStripeMinimum: (due: string, min: string): string =>
    `${due} — меньше минимальной суммы онлайн-оплаты в этой валюте (${min}); оплатите другим способом`,
  aboveStripeMaximum: (due: string, max: string): string =>
    `${due} — больше максимальной суммы онлайн-оплаты в этой валюте (${max}); оплатите другим способом`,
  stripeAmountRefused: 'Stripe не принимает эту сумму онлайн; оплатите другим способом',
  paymentBeingPrepared: 'Оплата этого счёта готовится в другом окне; попробуйте ещё раз через минуту',
  paymentArrivingBeforeChange:
    'Платёж клиента только что прошёл через этот аккаунт Stripe и записывается; попробуйте через минуту',
  stripeUnreachableNoChange: 'Не удалось связаться со Stripe; ничего не изменилось. Попробуйте ещё раз.',
  paymentArriving: 'Платёж по этому счёту только что завершён и записывается; проверьте через минуту',
};
