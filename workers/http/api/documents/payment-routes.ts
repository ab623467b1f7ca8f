import { createRoute, z } from '@hono/zod-openapi';
import { getDocumentFor } from '../../../services/documents/documents';
import { deletePaymentFor, paymentsFor, recordManualPayment } from '../../../services/payments/payments';
import { onlinePayments } from '../../../services/stripe/checkout';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonBody, jsonResponse, security } from '../fields';
import type { Router } from '../router';
import { OnlinePaymentSchema, PaymentInputSchema, PaymentSchema } from './schema';
import { conflict } from './shared';

/** Payments on an invoice: record, list, delete (only through its own invoice), and all payments. */
export function registerPaymentRoutes(app: Router) {
  const tags = ['Payments'];
  const params = idParam('inv');
  app.openapi(
    createRoute({
      method: 'post',
      path: '/invoices/{id}/payments',
      tags,
      security,
      summary: 'Record a manual payment (partial allowed; more than the amount due is refused)',
      request: { params, body: jsonBody(PaymentInputSchema) },
      responses: { 201: jsonResponse(PaymentSchema, 'The payment'), ...conflict, ...commonErrors },
    }),
    async (c) => {
      const payment = await recordManualPayment(
        tenantContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(payment, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/invoices/{id}/payments',
      tags,
      security,
      summary: "An invoice's payments",
      request: { params },
      responses: {
        200: jsonResponse(z.object({ data: z.array(PaymentSchema) }), 'Payments'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const id = c.req.valid('param').id;
      await getDocumentFor(ctx, 'invoice', id);
      return c.json({ data: await paymentsFor(ctx, { invoiceId: id }) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/invoices/{id}/online-payments',
      tags,
      security,
      summary:
        "The invoice's Stripe checkouts: processing, paid, failed, or flagged (amount or currency mismatch)",
      request: { params },
      responses: {
        200: jsonResponse(z.object({ data: z.array(OnlinePaymentSchema) }), 'Stripe checkouts, newest first'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const id = c.req.valid('param').id;
      await getDocumentFor(ctx, 'invoice', id);
      return c.json({ data: await onlinePayments(ctx, id) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/invoices/{id}/payments/{paymentId}',
      tags,
      security,
      summary: 'Delete a payment; the balance and status are recomputed',
      request: { params: params.extend({ paymentId: z.string().max(64) }) },
      responses: { 204: { description: 'Deleted' }, ...commonErrors },
    }),
    async (c) => {
      const { id, paymentId } = c.req.valid('param');
      await deletePaymentFor(tenantContext(c), id, paymentId);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/payments',
      tags,
      security,
      summary: 'Payments, newest first (up to 500)',
      request: { query: z.object({ clientId: z.string().max(64).optional() }) },
      responses: {
        200: jsonResponse(z.object({ data: z.array(PaymentSchema) }), 'Payments'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { clientId } = c.req.valid('query');
      return c.json({ data: await paymentsFor(tenantContext(c), clientId ? { clientId } : {}) }, 200);
    },
  );
}
