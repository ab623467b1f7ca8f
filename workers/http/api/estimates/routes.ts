import type { Router } from '../router';
import { registerAcceptEstimate } from './accept-estimate';
import { registerConvertEstimate } from './convert-estimate';
import { registerCreateEstimate } from './create-estimate';
import { registerDeleteEstimate } from './delete-estimate';
import { registerDuplicateEstimate } from './duplicate-estimate';
import { registerGetEstimate } from './get-estimate';
import { registerGetEstimatePdf } from './get-estimate-pdf';
import { registerListEstimates } from './list-estimates';
import { registerRejectEstimate } from './reject-estimate';
import { registerSendEstimate } from './send-estimate';
import { registerUpdateEstimate } from './update-estimate';

export function registerEstimateRoutes(app: Router) {
  registerListEstimates(app);
  registerCreateEstimate(app);
  registerGetEstimate(app);
  registerUpdateEstimate(app);
  registerDeleteEstimate(app);
  registerGetEstimatePdf(app);
  registerSendEstimate(app);
  registerDuplicateEstimate(app);
}

/** Estimate-only actions: convert to an invoice, accept, reject. */
export function registerEstimateActions(app: Router) {
  registerConvertEstimate(app);
  registerAcceptEstimate(app);
  registerRejectEstimate(app);
}
