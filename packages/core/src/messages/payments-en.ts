import { checkoutPortalEn, checkoutProblemsEn } from './checkout-en';
import { connectProblemsEn } from './connect-problems-en';

/** Online payments, by section of the catalogue: what the portal shows, and refusals. */
export const paymentsEn = {
  portal: { ...checkoutPortalEn },
  problems: { ...connectProblemsEn, ...checkoutProblemsEn },
};
