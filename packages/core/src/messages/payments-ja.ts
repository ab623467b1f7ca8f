import { checkoutPortalJa, checkoutProblemsJa } from './checkout-ja';
import { connectProblemsJa } from './connect-problems-ja';
import { creditNotesJa } from './credit-notes-ja';
import { moneyNoticesJa, moneyPortalJa, moneyProblemsJa } from './money-ja';

/** Online payments, by section of the catalogue: what the portal shows, refusals, and notices to the business. */
export const paymentsJa = {
  portal: { ...checkoutPortalJa, ...moneyPortalJa, ...creditNotesJa.portal },
  problems: { ...connectProblemsJa, ...checkoutProblemsJa, ...moneyProblemsJa, ...creditNotesJa.problems },
  notices: moneyNoticesJa,
  document: creditNotesJa.document,
  creditNoteEmail: creditNotesJa.email,
};
