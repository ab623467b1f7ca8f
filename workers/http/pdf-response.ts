import type { Context } from 'hono';
import { contentDisposition } from './content-disposition';

/** A PDF answer: inline for previews, attachment when `?download=1`, and whether R2 served it. */
export function pdfResponse(
  c: Context,
  pdf: { body: ReadableStream | Uint8Array; filename: string; cached: boolean },
  download: boolean,
) {
  return c.body(pdf.body as ReadableStream, 200, {
    'content-type': 'application/pdf',
    'content-disposition': contentDisposition(download ? 'attachment' : 'inline', pdf.filename),
    'cache-control': 'private, no-cache',
    'x-pdf-cache': pdf.cached ? 'hit' : 'miss',
  });
}
