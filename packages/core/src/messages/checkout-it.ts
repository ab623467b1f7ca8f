import type { checkoutPortalEn, checkoutProblemsEn } from './checkout-en';

export const checkoutPortalIt: typeof checkoutPortalEn = {
  lastAttemptFailed: 'Il tuo ultimo pagamento non è andato a buon fine. Puoi pagare di nuovo.',
  lastAttemptExpired:
    'La tua ultima sessione di pagamento è scaduta prima di essere completata. Puoi pagare di nuovo.',
  paymentExpired:
    'Questa sessione di pagamento è scaduta prima di essere completata. Puoi avviarne una nuova.',
  payOnlineBelow: (min: string): string =>
    `Questa fattura non può essere pagata online: l’importo dovuto è inferiore a ${min}, il pagamento online minimo in questa valuta. Ti preghiamo di pagarla in un altro modo.`,
  payOnlineAbove: (max: string): string =>
    `Questa fattura non può essere pagata online: l’importo dovuto è superiore a ${max}, il pagamento online massimo in questa valuta. Ti preghiamo di pagarla in un altro modo.`,
};

export const checkoutProblemsIt: typeof checkoutProblemsEn = {
  belowStripeMinimum: (due: string, min: string): string =>
    `${due} è inferiore all’importo minimo pagabile online in questa valuta (${min}); paga in un altro modo`,
  aboveStripeMaximum: (due: string, max: string): string =>
    `${due} è superiore all’importo massimo pagabile online in questa valuta (${max}); paga in un altro modo`,
  stripeAmountRefused: 'Stripe non accetta questo importo online; paga in un altro modo',
  paymentBeingPrepared:
    'Un pagamento di questa fattura è in preparazione in un’altra finestra; riprova tra poco',
  paymentArrivingBeforeChange:
    'Il pagamento di un cliente è appena stato completato su questo account Stripe e viene registrato; riprova tra un minuto',
  stripeUnreachableNoChange: 'Impossibile raggiungere Stripe; non è stato modificato nulla. Riprova.',
  paymentArriving:
    'Un pagamento di questa fattura è appena stato completato e viene registrato; ricontrolla tra poco',
};
