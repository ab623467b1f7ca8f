import { checkoutPortalIt, checkoutProblemsIt } from './checkout-it';
import { connectProblemsIt } from './connect-problems-it';
import { creditNotesIt } from './credit-notes-it';
import { moneyNoticesIt, moneyPortalIt, moneyProblemsIt } from './money-it';

/** Online payments, by section of the catalogue: what the portal shows, refusals, and notices to the business. */
export const paymentsIt = {
  portal: { ...checkoutPortalIt, ...moneyPortalIt, ...creditNotesIt.portal },
  problems: { ...connectProblemsIt, ...checkoutProblemsIt, ...moneyProblemsIt, ...creditNotesIt.problems },
  notices: moneyNoticesIt,
  document: creditNotesIt.document,
  creditNoteEmail: creditNotesIt.email,
};
