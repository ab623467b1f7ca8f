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
    linkExisting: 'I already have a Stripe account',
    linkOpening: 'Opening Stripe…',
    linkHint: 'Sign in to Stripe and choose the account to link; you come back here.',
    linkConnected: 'Your Stripe account is linked: clients can pay online.',
    linkDeclined: 'You declined on Stripe’s page, so nothing was linked.',
    linkFailed:
      'Stripe could not link the account (the link may have expired or been used already). Nothing changed; try again.',
    linkTaken:
      'That Stripe account is already linked to another business here, so it was not linked. Nothing changed.',
  },
};
