import { checkoutPortalPt, checkoutProblemsPt } from './checkout-pt';
import { connectProblemsPt } from './connect-problems-pt';
import { creditNotesPt } from './credit-notes-pt';
import { moneyNoticesPt, moneyPortalPt, moneyProblemsPt } from './money-pt';

/** Online payments, by section of the catalogue: what the portal shows, refusals, and notices to the business. */
export const paymentsPt = {
  portal: { ...checkoutPortalPt, ...moneyPortalPt, ...creditNotesPt.portal },
  problems: { ...connectProblemsPt, ...checkoutProblemsPt, ...moneyProblemsPt, ...creditNotesPt.problems },
  notices: moneyNoticesPt,
  document: creditNotesPt.document,
  creditNoteEmail: creditNotesPt.email,
};
