import type { Router } from '../router';
import { registerApplyCredit } from './apply-credit';
import { registerCreateCreditNote } from './create-credit-note';
import { registerGetCreditNote } from './get-credit-note';
import { registerGetCreditNotePdf } from './get-credit-note-pdf';
import { registerGetCreditOptions } from './get-credit-options';
import { registerListCreditNotes } from './list-credit-notes';
import { registerRecordCreditRefund } from './record-credit-refund';
import { registerSendCreditNote } from './send-credit-note';

/** Credit notes, and the client's credit they and overpayments feed. */
export function registerCreditNoteRoutes(app: Router) {
  registerCreateCreditNote(app);
  registerGetCreditOptions(app);
  registerListCreditNotes(app);
  registerGetCreditNote(app);
  registerGetCreditNotePdf(app);
  registerSendCreditNote(app);
  registerApplyCredit(app);
  registerRecordCreditRefund(app);
}
