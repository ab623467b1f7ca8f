import {
  DOCUMENT_TYPES,
  ESTIMATE_VIEW_STATUSES,
  type EstimateViewStatus,
  INVOICE_VIEW_STATUSES,
  type InvoiceViewStatus,
} from '@clientele/core';
import type { DocumentType } from '@clientele/db';
import { createRoute, z } from '@hono/zod-openapi';
import { getClientFor } from '../../../services/clients/clients';
import { clientStatementPdf } from '../../../services/clients/statement';
import { clientSummary } from '../../../services/clients/summary';
import {
  convertEstimateFor,
  createDraft,
  decideEstimateFor,
  deleteDraftFor,
  getDocumentFor,
  listDocumentsFor,
  sendDocument,
  updateDraftFor,
  voidInvoiceFor,
} from '../../../services/documents/documents';
import { documentPdf } from '../../../services/documents/pdf';
import type { DocumentView } from '../../../services/documents/view';
import { queueDocumentEmail } from '../../../services/mail/outgoing';
import { deletePaymentFor, paymentsFor, recordManualPayment } from '../../../services/payments/payments';
import { pdfResponse } from '../../pdf-response';
import { tenantContext } from '../../tenant-context';
import {
  commonErrors,
  idParam,
  jsonBody,
  jsonResponse,
  ProblemSchema,
  pageOf,
  paginationQuery,
  security,
} from '../fields';
import type { Router } from '../router';
import {
  ClientSummarySchema,
  EmailSummarySchema,
  EstimateInputSchema,
  EstimatePatchSchema,
  EstimateSchema,
  InvoiceInputSchema,
  InvoicePatchSchema,
  InvoiceSchema,
  PaymentInputSchema,
  PaymentSchema,
} from './schema';

const conflict = {
  409: {
    description: 'Not allowed in the current status',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
};

// The service returns the shared view; its status strings are the schema's enums.
const out = (v: DocumentView) => v as never;

const CONFIG = {
  invoice: {
    plural: 'invoices',
    tag: 'Invoices',
    prefix: 'inv',
    schema: InvoiceSchema,
    input: InvoiceInputSchema,
    patch: InvoicePatchSchema,
    statuses: INVOICE_VIEW_STATUSES,
  },
  estimate: {
    plural: 'estimates',
    tag: 'Estimates',
    prefix: 'est',
    schema: EstimateSchema,
    input: EstimateInputSchema,
    patch: EstimatePatchSchema,
    statuses: ESTIMATE_VIEW_STATUSES,
  },
} as const;

function registerDocumentRoutes(app: Router, type: DocumentType) {
  const cfg = CONFIG[type];
  const tags = [cfg.tag];
  const base = `/${cfg.plural}`;
  const params = idParam(cfg.prefix);
  const schema = cfg.schema as typeof InvoiceSchema;
  const input = cfg.input as typeof InvoiceInputSchema;
  const patch = cfg.patch as typeof InvoicePatchSchema;

  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      security,
      summary: `List ${cfg.plural}, newest first`,
      request: {
        query: z.object({
          clientId: z.string().max(64).optional(),
          status: z
            .enum(
              cfg.statuses as readonly (InvoiceViewStatus | EstimateViewStatus)[] as [
                InvoiceViewStatus,
                ...(InvoiceViewStatus | EstimateViewStatus)[],
              ],
            )
            .optional(),
          q: z.string().max(100).optional().openapi({ description: 'Number or client name' }),
          ...paginationQuery,
        }),
      },
      responses: { 200: jsonResponse(pageOf(schema), `A page of ${cfg.plural}`), ...commonErrors },
    }),
    async (c) => c.json((await listDocumentsFor(tenantContext(c), type, c.req.valid('query'))) as never, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      security,
      summary: `Create a draft ${type}`,
      request: { body: jsonBody(input) },
      responses: { 201: jsonResponse(schema, `The draft ${type}`), ...commonErrors },
    }),
    async (c) => c.json(out(await createDraft(tenantContext(c), type, c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      security,
      summary: `Read ${type === 'invoice' ? 'an invoice' : 'an estimate'}`,
      request: { params },
      responses: { 200: jsonResponse(schema, `The ${type}`), ...commonErrors },
    }),
    async (c) => c.json(out(await getDocumentFor(tenantContext(c), type, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: `${base}/{id}`,
      tags,
      security,
      summary: `Edit a draft ${type}`,
      request: { params, body: jsonBody(patch) },
      responses: { 200: jsonResponse(schema, `The ${type}`), ...conflict, ...commonErrors },
    }),
    async (c) =>
      c.json(
        out(await updateDraftFor(tenantContext(c), type, c.req.valid('param').id, c.req.valid('json'))),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/{id}`,
      tags,
      security,
      summary: `Delete a draft ${type}`,
      request: { params },
      responses: { 204: { description: 'Deleted' }, ...conflict, ...commonErrors },
    }),
    async (c) => {
      await deleteDraftFor(tenantContext(c), type, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}/pdf`,
      tags,
      security,
      summary: `The ${type} as PDF (cached; regenerated when anything printed on it changes)`,
      request: {
        params,
        query: z.object({
          download: z.enum(['1', 'true']).optional().openapi({ description: 'Ask the browser to save it' }),
        }),
      },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const pdf = await documentPdf(tenantContext(c), c.env, type, c.req.valid('param').id);
      return pdfResponse(c, pdf, Boolean(c.req.valid('query').download));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/send`,
      tags,
      security,
      summary: `Issue the ${type} if it is a draft (number, frozen snapshot) and queue its email`,
      request: { params },
      responses: {
        202: jsonResponse(
          schema.extend({ email: EmailSummarySchema.nullable() }),
          `The issued ${type}; its email is queued (null when the client has no email address)`,
        ),
        ...conflict,
        ...commonErrors,
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const doc = await sendDocument(ctx, type, c.req.valid('param').id);
      const key = c.req.header('idempotency-key') ?? crypto.randomUUID();
      const email = await queueDocumentEmail(ctx, c.env.EMAIL_QUEUE, doc, `send:${doc.id}:${key}`);
      return c.json(
        { ...doc, email: email && { id: email.id, status: email.status, to: email.to } } as never,
        202,
      );
    },
  );
}

function registerInvoiceActions(app: Router) {
  const tags = ['Invoices'];
  const params = idParam('inv');
  app.openapi(
    createRoute({
      method: 'post',
      path: '/invoices/{id}/void',
      tags,
      security,
      summary: 'Void an issued, unpaid invoice',
      request: { params },
      responses: { 200: jsonResponse(InvoiceSchema, 'The void invoice'), ...conflict, ...commonErrors },
    }),
    async (c) => c.json(out(await voidInvoiceFor(tenantContext(c), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/invoices/{id}/payments',
      tags: ['Payments'],
      security,
      summary: 'Record a manual payment (partial allowed; more than the amount due is refused)',
      request: { params, body: jsonBody(PaymentInputSchema) },
      responses: { 201: jsonResponse(PaymentSchema, 'The payment'), ...conflict, ...commonErrors },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const { sendReceipt, ...input } = c.req.valid('json');
      const payment = await recordManualPayment(ctx, c.req.valid('param').id, input);
      if (sendReceipt) {
        const doc = { id: payment.invoiceId, type: 'invoice' as const, clientId: payment.clientId };
        await queueDocumentEmail(ctx, c.env.EMAIL_QUEUE, doc, `receipt:${payment.id}`, 'receipt');
      }
      return c.json(payment, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/invoices/{id}/payments',
      tags: ['Payments'],
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
      method: 'delete',
      path: '/invoices/{id}/payments/{paymentId}',
      tags: ['Payments'],
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
      tags: ['Payments'],
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

function registerEstimateActions(app: Router) {
  const tags = ['Estimates'];
  const params = idParam('est');
  app.openapi(
    createRoute({
      method: 'post',
      path: '/estimates/{id}/convert',
      tags,
      security,
      summary: 'Turn an accepted estimate into a draft invoice (once)',
      request: { params },
      responses: { 201: jsonResponse(InvoiceSchema, 'The new draft invoice'), ...conflict, ...commonErrors },
    }),
    async (c) => c.json(out(await convertEstimateFor(tenantContext(c), c.req.valid('param').id)), 201),
  );
  for (const decision of ['accept', 'reject'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/estimates/{id}/${decision}`,
        tags,
        security,
        summary: `Record that the client ${decision}ed the estimate`,
        request: {
          params,
          body: {
            required: false,
            content: {
              'application/json': { schema: z.object({ reason: z.string().max(2000).optional() }) },
            },
          },
        },
        responses: { 200: jsonResponse(EstimateSchema, 'The estimate'), ...conflict, ...commonErrors },
      }),
      async (c) => {
        const body = (c.req.header('content-type') ? c.req.valid('json') : {}) as { reason?: string };
        const status = decision === 'accept' ? 'accepted' : 'rejected';
        return c.json(
          out(
            await decideEstimateFor(tenantContext(c), c.req.valid('param').id, status, body.reason ?? null),
          ),
          200,
        );
      },
    );
  }
}

function registerClientDocumentRoutes(app: Router) {
  const tags = ['Clients'];
  const params = idParam('cli');
  app.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/summary',
      tags,
      security,
      summary: 'Client 360°: per-currency totals and document counts',
      request: { params },
      responses: { 200: jsonResponse(ClientSummarySchema, 'Summary'), ...commonErrors },
    }),
    async (c) => c.json(await clientSummary(tenantContext(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/statement/pdf',
      tags,
      security,
      summary: "The client's statement as PDF: per-currency totals and every issued invoice",
      request: { params, query: z.object({ download: z.enum(['1', 'true']).optional() }) },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const pdf = await clientStatementPdf(tenantContext(c), c.env, c.req.valid('param').id);
      return pdfResponse(c, pdf, Boolean(c.req.valid('query').download));
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/clients/{id}/documents',
      tags,
      security,
      summary: "The client's invoices or estimates, newest first",
      request: {
        params,
        query: z.object({
          type: z.enum(DOCUMENT_TYPES).default('invoice'),
          status: z.enum([...new Set([...INVOICE_VIEW_STATUSES, ...ESTIMATE_VIEW_STATUSES])]).optional(),
          ...paginationQuery,
        }),
      },
      responses: {
        200: jsonResponse(pageOf(InvoiceSchema.or(EstimateSchema)), 'Documents'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const ctx = tenantContext(c);
      const { id } = c.req.valid('param');
      const { type, ...rest } = c.req.valid('query');
      await getClientFor(ctx, id);
      return c.json((await listDocumentsFor(ctx, type, { ...rest, clientId: id })) as never, 200);
    },
  );
}

export function registerDocumentRoutesAll(app: Router) {
  registerDocumentRoutes(app, 'invoice');
  registerDocumentRoutes(app, 'estimate');
  registerInvoiceActions(app);
  registerEstimateActions(app);
  registerClientDocumentRoutes(app);
}
