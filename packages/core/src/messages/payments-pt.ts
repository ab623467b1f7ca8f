import { checkoutPortalPt, checkoutProblemsPt } from './checkout-pt';
import { connectProblemsPt } from './connect-problems-pt';
import { moneyNoticesPt, moneyPortalPt, moneyProblemsPt } from './money-pt';

/** Online payments, by section of the catalogue: what the portal shows, refusals, and notices to the business. */
export const paymentsPt = {
  portal: { ...checkoutPortalPt, ...moneyPortalPt },
  problems: { ...connectProblemsPt, ...checkoutProblemsPt, ...moneyProblemsPt },
  notices: moneyNoticesPt,
};
