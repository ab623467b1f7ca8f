import { checkoutPortalPt, checkoutProblemsPt } from './checkout-pt';
import { connectProblemsPt } from './connect-problems-pt';

/** Online payments, by section of the catalogue: what the portal shows, and refusals. */
export const paymentsPt = {
  portal: { ...checkoutPortalPt },
  problems: { ...connectProblemsPt, ...checkoutProblemsPt },
};
