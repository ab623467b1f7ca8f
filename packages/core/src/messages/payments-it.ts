import { checkoutPortalIt, checkoutProblemsIt } from './checkout-it';
import { connectProblemsIt } from './connect-problems-it';

/** Online payments, by section of the catalogue: what the portal shows, and refusals. */
export const paymentsIt = {
  portal: { ...checkoutPortalIt },
  problems: { ...connectProblemsIt, ...checkoutProblemsIt },
};
