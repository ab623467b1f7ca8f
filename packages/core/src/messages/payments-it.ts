import { checkoutPortalIt, checkoutProblemsIt } from './checkout-it';
import { connectProblemsIt } from './connect-problems-it';
import { moneyNoticesIt, moneyPortalIt, moneyProblemsIt } from './money-it';

/** Online payments, by section of the catalogue: what the portal shows, refusals, and notices to the business. */
export const paymentsIt = {
  portal: { ...checkoutPortalIt, ...moneyPortalIt },
  problems: { ...connectProblemsIt, ...checkoutProblemsIt, ...moneyProblemsIt },
  notices: moneyNoticesIt,
};
