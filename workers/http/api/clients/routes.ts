import type { Router } from '../router';
import { registerArchiveClient } from './archive-client';
import { registerCreateClient } from './create-client';
import { registerGetClient } from './get-client';
import { registerGetClientStatementPdf } from './get-client-statement-pdf';
import { registerGetClientSummary } from './get-client-summary';
import { registerListClientDocuments } from './list-client-documents';
import { registerListClients } from './list-clients';
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
}
