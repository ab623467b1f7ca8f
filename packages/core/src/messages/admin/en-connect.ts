/** Settings → Online payments: Stripe Connect. */
export const connectEn = {
  connect: {
    intro:
      'Connect your Stripe account in a few steps: Stripe asks for your business details, then clients can pay invoices by card from the portal. Your business is the merchant of record and pays Stripe’s fees itself.',
    button: 'Connect with Stripe',
    opening: 'Opening Stripe…',
    account: 'Stripe account',
    chargesEnabled: 'Payments enabled',
    chargesDisabled: 'Payments not enabled yet',
    requirementsDue: 'Stripe still needs:',
    continueOnboarding: 'Continue onboarding',
    returned: 'Back from Stripe: your account’s status is below.',
    expired: 'The Stripe link expired. Continue onboarding to get a new one.',
    disconnect: 'Disconnect',
    disconnectTitle: 'Disconnect Stripe?',
    disconnectMessage:
      'Clients can no longer pay online until you connect again. Your Stripe account and the payments already recorded stay as they are.',
    ownKeys: 'Use your own keys (self-hosting)',
    viaConnect: 'via Stripe Connect',
  },
};
