import type { Router } from '../router';
import { registerArchiveClient } from './archive-client';
import { registerCreateClient } from './create-client';
import { registerGetClient } from './get-client';
import { registerGetClientStatementPdf } from './get-client-statement-pdf';
import { registerGetClientSummary } from './get-client-summary';
import { registerListClientCredits } from './list-client-credits';
import { registerListClientDocuments } from './list-client-documents';
import { registerListClients } from './list-clients';
import { registerRefundClientCredit } from './refund-client-credit';
import { registerUpdateClient } from './update-client';

export function registerClientRoutes(app: Router) {
  registerListClients(app);
  registerCreateClient(app);
  registerGetClient(app);
  registerUpdateClient(app);
  registerArchiveClient(app);
}

/** A client's 360°: summary, statement PDF and document history. */
export function registerClientDocumentRoutes(app: Router) {
  registerGetClientSummary(app);
  registerGetClientStatementPdf(app);
  registerListClientDocuments(app);
  registerListClientCredits(app);
  registerRefundClientCredit(app);
}
