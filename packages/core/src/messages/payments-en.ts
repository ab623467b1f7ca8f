import { checkoutPortalEn, checkoutProblemsEn } from './checkout-en';
import { connectProblemsEn } from './connect-problems-en';
import { creditNotesEn } from './credit-notes-en';
import { moneyNoticesEn, moneyPortalEn, moneyProblemsEn } from './money-en';

/** Online payments, by section of the catalogue: what the portal shows, refusals, and notices to the business. */
export const paymentsEn = {
  portal: { ...checkoutPortalEn, ...moneyPortalEn, ...creditNotesEn.portal },
  problems: { ...connectProblemsEn, ...checkoutProblemsEn, ...moneyProblemsEn, ...creditNotesEn.problems },
  notices: moneyNoticesEn,
  document: creditNotesEn.document,
  creditNoteEmail: creditNotesEn.email,
};
