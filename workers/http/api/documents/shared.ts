import { ESTIMATE_VIEW_STATUSES, INVOICE_STATUSES } from '@clientele/core';
import type { z } from '@hono/zod-openapi';
import type { DocumentView } from '../../../services/documents/view';
import { ProblemSchema } from '../fields';
import type { EstimateSchema, InvoiceSchema } from './schema';

export const conflict = {
  409: {
    description: 'Not allowed in the current status',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
};

type InvoiceOut = z.infer<typeof InvoiceSchema>;
type EstimateOut = z.infer<typeof EstimateSchema>;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * The service's view as the API's Invoice or Estimate: the status is checked against the
 * schema's enum for the document's type (a view that does not fit is a bug, not a 2xx).
 */
export function out(v: DocumentView): InvoiceOut | EstimateOut {
  return v.type === 'invoice' ? invoiceOut(v) : estimateOut(v);
}

export function invoiceOut(v: DocumentView): InvoiceOut {
  const { type, status, ...rest } = v;
  if (type === 'invoice' && isOneOf(INVOICE_STATUSES, status)) return { ...rest, type, status };
  throw new Error(`a ${type} with status ${status} is not an Invoice response`);
}

export function estimateOut(v: DocumentView): EstimateOut {
  const { type, status, ...rest } = v;
  if (type === 'estimate' && isOneOf(ESTIMATE_VIEW_STATUSES, status)) return { ...rest, type, status };
  throw new Error(`a ${type} with status ${status} is not an Estimate response`);
}
