import { checkoutPortalRu, checkoutProblemsRu } from './checkout-ru';
import { connectProblemsRu } from './connect-problems-ru';

/** Online payments, by section of the catalogue: what the portal shows, and refusals. */
export const paymentsRu = {
  portal: { ...checkoutPortalRu },
  problems: { ...connectProblemsRu, ...checkoutProblemsRu },
};
