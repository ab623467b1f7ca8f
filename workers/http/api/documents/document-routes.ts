import {
  ESTIMATE_VIEW_STATUSES,
  type EstimateViewStatus,
  INVOICE_VIEW_STATUSES,
  type InvoiceViewStatus,
} from '@clientele/core';
import type { DocumentType } from '@clientele/db';
import { createRoute, z } from '@hono/zod-openapi';
import {
  createDraft,
  deleteDraftFor,
  getDocumentFor,
  listDocumentsFor,
  sendDocument,
  updateDraftFor,
} from '../../../services/documents/documents';
import { documentPdf } from '../../../services/documents/pdf';
import { pdfResponse } from '../../pdf-response';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonBody, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';
import {
  EmailSummarySchema,
  EstimateInputSchema,
  EstimatePatchSchema,
  EstimateSchema,
  InvoiceInputSchema,
  InvoicePatchSchema,
  InvoiceSchema,
} from './schema';
import { conflict, out } from './shared';

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

/** List, create, read, edit, delete, PDF and send: the same for invoices and estimates. */
export function registerDocumentRoutes(app: Router, type: DocumentType) {
  const cfg = CONFIG[type];
  const tags = [cfg.tag];
  const base = `/${cfg.plural}`;
  const params = idParam(cfg.prefix);
  const schema: typeof InvoiceSchema | typeof EstimateSchema = cfg.schema;
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
    async (c) => {
      const page = await listDocumentsFor(tenantContext(c), type, c.req.valid('query'));
      return c.json({ data: page.data.map(out), nextCursor: page.nextCursor }, 200);
    },
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
      const pdf = await documentPdf(tenantContext(c), type, c.req.valid('param').id);
      return pdfResponse(c, pdf, Boolean(c.req.valid('query').download));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/send`,
      tags,
      security,
      summary: `Issue a draft ${type} (number, frozen snapshot) and queue its email; \`resend=true\` emails an issued one again`,
      request: {
        params,
        query: z.object({
          resend: z
            .enum(['true', 'false'])
            .optional()
            .openapi({ description: 'Email an already issued document again (otherwise a repeat is a 409)' }),
        }),
      },
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
      const resend = c.req.valid('query').resend === 'true';
      const { document: doc, email } = await sendDocument(ctx, type, c.req.valid('param').id, {
        resend,
        requestKey: c.req.header('idempotency-key'),
      });
      return c.json(
        { ...out(doc), email: email && { id: email.id, status: email.status, to: email.to } },
        202,
      );
    },
  );
}
