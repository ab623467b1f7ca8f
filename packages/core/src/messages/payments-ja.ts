import { checkoutPortalJa, checkoutProblemsJa } from './checkout-ja';
import { connectProblemsJa } from './connect-problems-ja';

/** Online payments, by section of the catalogue: what the portal shows, and refusals. */
export const paymentsJa = {
  portal: { ...checkoutPortalJa },
  problems: { ...connectProblemsJa, ...checkoutProblemsJa },
};
