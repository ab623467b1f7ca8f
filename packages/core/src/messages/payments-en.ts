import { checkoutPortalEn, checkoutProblemsEn } from './checkout-en';
import { connectProblemsEn } from './connect-problems-en';
import { moneyNoticesEn, moneyPortalEn, moneyProblemsEn } from './money-en';

/** Online payments, by section of the catalogue: what the portal shows, refusals, and notices to the business. */
export const paymentsEn = {
  portal: { ...checkoutPortalEn, ...moneyPortalEn },
  problems: { ...connectProblemsEn, ...checkoutProblemsEn, ...moneyProblemsEn },
  notices: moneyNoticesEn,
};
