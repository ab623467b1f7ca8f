/** Stripe Connect: why connecting, paying or a Connect event was refused. */
export const connectProblemsEn = {
  connectNotOffered:
    'Stripe Connect is not set up on this deployment; connect Stripe with your own keys instead',
  connectLinkNotOffered:
    'Linking an existing Stripe account is not set up on this deployment; use Connect with Stripe to create one',
  disconnectRefused: 'Stripe could not disconnect the account; nothing changed. Try again in a moment.',
  connectRefused: 'Stripe could not start onboarding; nothing was saved. Try again in a moment.',
  connectNotReady: 'This business has not finished setting up Stripe yet, so it cannot take payments online',
  connectNoEndpoint: 'Stripe Connect events are not accepted on this deployment',
  connectSignatureMismatch:
    'The Stripe signature does not match the platform’s Connect webhook signing secret',
};
