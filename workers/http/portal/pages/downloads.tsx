import type { Hono } from 'hono';
import { z } from 'zod';
import { today } from '../../../services/documents/view';
import { ValidationError } from '../../../services/errors';
import { invoiceZip } from '../../../services/portal/zip';
import { problemWords } from '../../../services/reader-language';
import { contentDisposition } from '../../content-disposition';
import { fieldErrors } from '../../problem';
import { type PortalContext, type PortalEnv, requirePortal, signedInPage } from '../context';

/** Well above a year of weekly invoices; the ZIP streams, so the bound is on time, not memory. */
export const MAX_ZIP_INVOICES = 1000;

const Selection = z.object({
  ids: z
    .array(z.string().min(1).max(64))
    .min(1, { error: () => problemWords().selectInvoice })
    .max(MAX_ZIP_INVOICES, { error: () => problemWords().atMostInvoices(MAX_ZIP_INVOICES) }),
});

const wantsJson = (c: PortalContext) => (c.req.header('content-type') ?? '').includes('application/json');

/** Form posts repeat `ids`; scripts and the API send `{ "ids": [...] }`. */
async function readSelection(c: PortalContext): Promise<unknown> {
  if (wantsJson(c)) return c.req.json().catch(() => null);
  const form = await c.req.parseBody({ all: true });
  const ids = form.ids;
  return { ids: ids === undefined ? [] : Array.isArray(ids) ? ids : [ids] };
}

/** `POST /portal/downloads`: the selected invoices as one ZIP of PDFs. */
export function downloadPages(portal: Hono<PortalEnv>) {
  portal.post('/downloads', requirePortal, async (c) => {
    const { m, portal: p } = c.var;
    // A script gets its refusals as problem+json; a browser's form gets pages.
    if (wantsJson(c)) c.set('answersJson', true);
    const parsed = Selection.safeParse(await readSelection(c));
    if (!parsed.success) {
      if (wantsJson(c)) throw ValidationError.fromSchema(fieldErrors(parsed.error), 'selectionInvalid');
      return signedInPage(
        c,
        { title: m.invoices, section: 'invoices', path: '/portal/invoices' },
        <div class="card">
          <p role="alert">{m.noneSelected}</p>
          <a href="/portal/invoices">{m.back}</a>
        </div>,
        400,
      );
    }
    // Any id that is not the client's own issued invoice is a NotFoundError for the whole
    // selection, answered by the portal's error renderer (a page, or problem+json for JSON).
    const zip = await invoiceZip(p.ctx, p.clientId, parsed.data.ids, (w) => c.executionCtx.waitUntil(w));
    const headers: Record<string, string> = {
      'content-type': 'application/zip',
      'content-disposition': contentDisposition('attachment', `invoices-${today(p.ctx.now)}.zip`),
      'x-zip-cache': zip.cached ? 'hit' : 'miss',
      'x-zip-documents': String(zip.count),
    };
    if (zip.size !== null) headers['content-length'] = String(zip.size);
    return c.body(zip.body, 200, headers);
  });
}
