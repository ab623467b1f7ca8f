import { checkoutPortalRu, checkoutProblemsRu } from './checkout-ru';
import { connectProblemsRu } from './connect-problems-ru';
import { moneyNoticesRu, moneyPortalRu, moneyProblemsRu } from './money-ru';

/** Online payments, by section of the catalogue: what the portal shows, refusals, and notices to the business. */
export const paymentsRu = {
  portal: { ...checkoutPortalRu, ...moneyPortalRu },
  problems: { ...connectProblemsRu, ...checkoutProblemsRu, ...moneyProblemsRu },
  notices: moneyNoticesRu,
};
