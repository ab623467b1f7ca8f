import { clientCreditNotes, getCreditNote } from '@clientele/db';
import { creditNotePdf } from '../credit-notes/pdf';
import type { ClientScope } from './documents';

/** The signed-in client's credit notes, newest first. */
export function creditNotesOfClient(scope: ClientScope) {
  return clientCreditNotes(scope.ctx.db, scope.ctx.tenantId, scope.clientId);
}

/** One of the client's credit notes; another client's is the same as none. */
export async function clientCreditNote(scope: ClientScope, id: string) {
  const row = await getCreditNote(scope.ctx.db, scope.ctx.tenantId, id);
  return row?.clientId === scope.clientId ? row : undefined;
}

export async function clientCreditNotePdf(scope: ClientScope, id: string) {
  const row = await clientCreditNote(scope, id);
  return row ? creditNotePdf(scope.ctx, row) : null;
}
