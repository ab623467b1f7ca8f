import { checkoutPortalJa, checkoutProblemsJa } from './checkout-ja';
import { connectProblemsJa } from './connect-problems-ja';
import { moneyNoticesJa, moneyPortalJa, moneyProblemsJa } from './money-ja';

/** Online payments, by section of the catalogue: what the portal shows, refusals, and notices to the business. */
export const paymentsJa = {
  portal: { ...checkoutPortalJa, ...moneyPortalJa },
  problems: { ...connectProblemsJa, ...checkoutProblemsJa, ...moneyProblemsJa },
  notices: moneyNoticesJa,
};
