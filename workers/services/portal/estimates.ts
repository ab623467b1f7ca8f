import type { DocumentRow } from '@clientele/db';
import { decideEstimateFor } from '../documents/documents';
import { tellBusiness } from '../notices/notices';
import type { ClientScope } from './documents';

/**
 * The client accepts or declines one of their estimates in the portal; the business hears
 * of it (with the reason given, if any). A decision already taken, or an estimate expired
 * meanwhile, is a ConflictError and nothing is told.
 */
export async function answerEstimate(
  scope: ClientScope & { clientName: string },
  estimate: Pick<DocumentRow, 'id' | 'number'>,
  answer: { decision: 'accepted' | 'rejected'; reason: string | null },
) {
  // Only a refusal records its reason on the estimate.
  const recorded = answer.decision === 'rejected' ? answer.reason : null;
  await decideEstimateFor(scope.ctx, estimate.id, answer.decision, recorded);
  await tellBusiness(scope.ctx, {
    kind: answer.decision === 'accepted' ? 'estimate_accepted' : 'estimate_rejected',
    clientId: scope.clientId,
    subjectId: estimate.id,
    facts: { clientName: scope.clientName, number: estimate.number, reason: answer.reason },
  });
}
