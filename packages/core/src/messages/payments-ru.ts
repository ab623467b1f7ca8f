import { checkoutPortalRu, checkoutProblemsRu } from './checkout-ru';
import { connectProblemsRu } from './connect-problems-ru';
import { creditNotesRu } from './credit-notes-ru';
import { moneyNoticesRu, moneyPortalRu, moneyProblemsRu } from './money-ru';

/** Online payments, by section of the catalogue: what the portal shows, refusals, and notices to the business. */
export const paymentsRu = {
  portal: { ...checkoutPortalRu, ...moneyPortalRu, ...creditNotesRu.portal },
  problems: { ...connectProblemsRu, ...checkoutProblemsRu, ...moneyProblemsRu, ...creditNotesRu.problems },
  notices: moneyNoticesRu,
  document: creditNotesRu.document,
  creditNoteEmail: creditNotesRu.email,
};
