/** Paying an invoice online: why the portal offers no button, and what became of the last try. */
export const checkoutPortalEn = {
  lastAttemptFailed: 'Your last payment did not go through. You can pay again.',
  lastAttemptExpired: 'Your last payment session expired before it was finished. You can pay again.',
  paymentExpired: 'This payment session expired before it was finished. You can start a new one.',
  payOnlineBelow: (min: string): string =>
    `This invoice cannot be paid online: the amount due is below ${min}, the smallest online payment in this currency. Please pay it another way.`,
  payOnlineAbove: (max: string): string =>
    `This invoice cannot be paid online: the amount due is above ${max}, the largest online payment in this currency. Please pay it another way.`,
};

/** Refusals of "Pay now" about the amount and the state of earlier sessions. */
export const checkoutProblemsEn = {
  belowStripeMinimum: (due: string, min: string): string =>
    `${due} is below the smallest amount that can be paid online in this currency (${min}); pay it another way`,
  aboveStripeMaximum: (due: string, max: string): string =>
    `${due} is above the largest amount that can be paid online in this currency (${max}); pay it another way`,
  stripeAmountRefused: 'Stripe does not accept this amount online; pay it another way',
  paymentBeingPrepared:
    'A payment for this invoice is being prepared in another window; try again in a moment',
  paymentArrivingBeforeChange:
    'A client’s payment was just completed on this Stripe account and is being recorded; try again in a minute',
  stripeUnreachableNoChange: 'Stripe could not be reached; nothing was changed. Try again.',
  paymentArriving:
    'A payment for this invoice was just completed and is being recorded; check again in a moment',
};
