import type { DocumentType } from '@clientele/db';
import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  createDraft,
  deleteDraftFor,
  getDocumentFor,
  listDocumentsFor,
  sendDocument,
  updateDraftFor,
} from '../../../services/documents/documents';
import { documentPdf } from '../../../services/documents/pdf';
import { queueDocumentEmail } from '../../../services/mail/outgoing';
import type { HonoEnv } from '../../hono-env';
import { pdfResponse } from '../../pdf-response';
import { tenantContext } from '../../tenant-context';
import type { DocumentListQuery } from './route-parts';
import type {
  EstimateInputSchema,
  EstimatePatchSchema,
  InvoiceInputSchema,
  InvoicePatchSchema,
} from './schema';
import { out } from './shared';

/*
 * What the invoice and estimate routes do once a request is parsed: the same service call for
 * either type. Each route is declared in its own file (`invoices/…`, `estimates/…`) with its
 * method, path and schemas written out; these build its handler. A handler accepts any route
 * whose parsed input has the parts it reads.
 */

type Id = { id: string };
type DocumentInput = z.infer<typeof InvoiceInputSchema> | z.infer<typeof EstimateInputSchema>;
type DocumentPatch = z.infer<typeof InvoicePatchSchema> | z.infer<typeof EstimatePatchSchema>;

export const listDocumentsHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { query: DocumentListQuery } }>(c: Context<HonoEnv, P, I>) => {
    const page = await listDocumentsFor(tenantContext(c), type, c.req.valid('query'));
    return c.json({ data: page.data.map(out), nextCursor: page.nextCursor }, 200);
  };

export const createDocumentHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { json: DocumentInput } }>(c: Context<HonoEnv, P, I>) =>
    c.json(out(await createDraft(tenantContext(c), type, c.req.valid('json'))), 201);

export const getDocumentHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { param: Id } }>(c: Context<HonoEnv, P, I>) =>
    c.json(out(await getDocumentFor(tenantContext(c), type, c.req.valid('param').id)), 200);

export const updateDocumentHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { param: Id; json: DocumentPatch } }>(
    c: Context<HonoEnv, P, I>,
  ) =>
    c.json(
      out(await updateDraftFor(tenantContext(c), type, c.req.valid('param').id, c.req.valid('json'))),
      200,
    );

export const deleteDocumentHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { param: Id } }>(c: Context<HonoEnv, P, I>) => {
    await deleteDraftFor(tenantContext(c), type, c.req.valid('param').id);
    return c.body(null, 204);
  };

export const documentPdfHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { param: Id; query: { download?: string | undefined } } }>(
    c: Context<HonoEnv, P, I>,
  ) => {
    const pdf = await documentPdf(tenantContext(c), c.env, type, c.req.valid('param').id);
    return pdfResponse(c, pdf, Boolean(c.req.valid('query').download));
  };

export const sendDocumentHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { param: Id; query: { resend?: string | undefined } } }>(
    c: Context<HonoEnv, P, I>,
  ) => {
    const ctx = tenantContext(c);
    const resend = c.req.valid('query').resend === 'true';
    const { document: doc, issuedNow } = await sendDocument(ctx, type, c.req.valid('param').id, { resend });
    // Issuing emails once, whatever retries follow; a resend is one email per request.
    const emailKey = issuedNow
      ? `send:${doc.id}`
      : `resend:${doc.id}:${c.req.header('idempotency-key') ?? crypto.randomUUID()}`;
    const email = await queueDocumentEmail(ctx, c.env.EMAIL_QUEUE, doc, emailKey);
    return c.json({ ...out(doc), email: email && { id: email.id, status: email.status, to: email.to } }, 202);
  };
