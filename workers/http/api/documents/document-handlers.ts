import type { DocumentType } from '@clientele/db';
import type { Context } from 'hono';
import {
  createDraft,
  deleteDraftFor,
  getDocumentFor,
  listDocumentsFor,
  sendDocument,
  updateDraftFor,
} from '../../../services/documents/documents';
import { duplicateDocument } from '../../../services/documents/duplicate';
import { documentPdf } from '../../../services/documents/pdf';
import type { DocumentInput } from '../../../services/documents/schema';
import type { HonoEnv } from '../../hono-env';
import { pdfResponse } from '../../pdf-response';
import { tenantContext } from '../../tenant-context';
import type { DocumentListQuery } from './route-parts';

/*
 * What the invoice and estimate routes do once a request is parsed: the same service call for
 * either type. Each route is declared in its own file (`invoices/…`, `estimates/…`) with its
 * method, path and schemas written out; these build its handler. A handler accepts any route
 * whose parsed input has the parts it reads.
 */

type Id = { id: string };
type DocumentPatch = Partial<DocumentInput>;

export const listDocumentsHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { query: DocumentListQuery } }>(c: Context<HonoEnv, P, I>) => {
    const page = await listDocumentsFor(tenantContext(c), type, c.req.valid('query'));
    return c.json(page, 200);
  };

export const createDocumentHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { json: DocumentInput } }>(c: Context<HonoEnv, P, I>) =>
    c.json(await createDraft(tenantContext(c), type, c.req.valid('json')), 201);

export const getDocumentHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { param: Id } }>(c: Context<HonoEnv, P, I>) =>
    c.json(await getDocumentFor(tenantContext(c), type, c.req.valid('param').id), 200);

export const updateDocumentHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { param: Id; json: DocumentPatch } }>(
    c: Context<HonoEnv, P, I>,
  ) =>
    c.json(await updateDraftFor(tenantContext(c), type, c.req.valid('param').id, c.req.valid('json')), 200);

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
    const pdf = await documentPdf(tenantContext(c), type, c.req.valid('param').id);
    return pdfResponse(c, pdf, Boolean(c.req.valid('query').download));
  };

export const sendDocumentHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { param: Id; query: { resend?: string | undefined } } }>(
    c: Context<HonoEnv, P, I>,
  ) => {
    const ctx = tenantContext(c);
    const resend = c.req.valid('query').resend === 'true';
    const { document: doc, email } = await sendDocument(ctx, type, c.req.valid('param').id, {
      resend,
      requestKey: c.req.header('idempotency-key'),
    });
    return c.json({ ...doc, email: email && { id: email.id, status: email.status, to: email.to } }, 202);
  };

export const duplicateDocumentHandler =
  (type: DocumentType) =>
  async <P extends string, I extends { out: { param: Id } }>(c: Context<HonoEnv, P, I>) =>
    c.json(await duplicateDocument(tenantContext(c), type, c.req.valid('param').id), 201);
