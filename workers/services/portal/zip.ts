import { type DocumentRow, portalInvoicesByIds } from '@clientele/db';
import { Zip, ZipPassThrough } from 'fflate';
import { sha256Hex } from '../auth/encoding';
import type { TenantContext } from '../context';
import { type LogoCache, type PdfPlan, pdfFromPlan, planPdf } from '../documents/pdf';
import { NotFoundError } from '../errors';
import { errorText } from '../log';

/** R2 multipart parts must be at least 5 MiB (but the last) and all the same size. */
const PART_SIZE = 5 * 1024 * 1024;

export interface InvoiceZip {
  body: ReadableStream<Uint8Array>;
  cached: boolean;
  count: number;
  /** Known for a cached copy; a ZIP being built streams without a length. */
  size: number | null;
}

/** Entry names: the invoice number, made unique should two ever print the same. */
function entryNames(plans: PdfPlan[]): string[] {
  const seen = new Map<string, number>();
  return plans.map((p) => {
    const n = seen.get(p.filename) ?? 0;
    seen.set(p.filename, n + 1);
    return n ? p.filename.replace(/\.pdf$/, `-${n + 1}.pdf`) : p.filename;
  });
}

/** Writes the ZIP into R2 as it streams, in equal 5 MiB parts, so memory stays flat. */
export class PartWriter {
  private buffer = new Uint8Array(PART_SIZE);
  private filled = 0;
  private readonly parts: R2UploadedPart[] = [];

  constructor(private readonly upload: R2MultipartUpload) {}

  async write(chunk: Uint8Array) {
    let offset = 0;
    while (offset < chunk.length) {
      const n = Math.min(PART_SIZE - this.filled, chunk.length - offset);
      this.buffer.set(chunk.subarray(offset, offset + n), this.filled);
      this.filled += n;
      offset += n;
      if (this.filled === PART_SIZE) await this.flush();
    }
  }

  private async flush() {
    const part = this.buffer.slice(0, this.filled);
    this.parts.push(await this.upload.uploadPart(this.parts.length + 1, part));
    this.filled = 0;
  }

  async complete() {
    if (this.filled > 0 || this.parts.length === 0) await this.flush();
    await this.upload.complete(this.parts);
  }
}

/**
 * One ZIP of the client's invoices `ids`, named by invoice number. Every id must be the
 * client's own issued invoice, or the whole request is refused (404) before a byte is
 * sent. The same selection of the same documents is served from R2; otherwise the ZIP
 * streams as it is built (PDFs from the R2 cache or rendered on the way) and is stored
 * in R2 at the same time.
 */
export async function invoiceZip(
  ctx: TenantContext,
  clientId: string,
  ids: string[],
  waitUntil: (p: Promise<unknown>) => void,
): Promise<InvoiceZip> {
  const wanted = [...new Set(ids)];
  const rows = await portalInvoicesByIds(ctx.db, ctx.tenantId, clientId, wanted);
  if (rows.length !== wanted.length) throw new NotFoundError('invoice');
  rows.sort((a, b) => (a.number ?? '').localeCompare(b.number ?? '') || a.id.localeCompare(b.id));
  const { files } = ctx;
  const plans = await Promise.all(rows.map((r) => planPdf(ctx, r)));
  // Same PDFs (each key hashes its content) in the same order → same ZIP.
  const key = `zip/${ctx.tenantId}/${clientId}/${(await sha256Hex(plans.map((p) => p.key).join('\n'))).slice(0, 32)}.zip`;
  const hit = await files.get(key);
  if (hit) return { body: hit.body, cached: true, count: rows.length, size: hit.size };

  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const building = buildZip(ctx, rows, plans, writable.getWriter(), key);
  waitUntil(
    building.catch((err) => {
      // The client sees an aborted download; the log says why.
      ctx.log.error('bulk download failed', { documents: rows.length, error: errorText(err) });
    }),
  );
  return { body: readable, cached: false, count: rows.length, size: null };
}

async function buildZip(
  ctx: TenantContext,
  rows: DocumentRow[],
  plans: PdfPlan[],
  out: WritableStreamDefaultWriter<Uint8Array>,
  key: string,
) {
  const upload = await ctx.files.createMultipartUpload(key, {
    httpMetadata: { contentType: 'application/zip' },
    customMetadata: { tenantId: ctx.tenantId, documents: String(rows.length) },
  });
  const stored = new PartWriter(upload);
  // Aborting rejects `closed` too; the failure is handled (and logged) by the caller.
  out.closed.catch(() => {});
  const pending: Uint8Array[] = [];
  let zipError: Error | null = null;
  let storing = true;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else pending.push(chunk);
  });
  // fflate hands chunks over synchronously; they are written out between entries, each
  // write waiting for the reader, so at most one PDF is held at a time.
  const drain = async () => {
    if (zipError) throw zipError;
    while (pending.length) {
      const chunk = pending.shift()!;
      await out.ready;
      await out.write(chunk);
      if (storing) {
        // The cached copy is a bonus: losing it must not break the download.
        await stored.write(chunk).catch(async () => {
          storing = false;
          await upload.abort().catch(() => {});
        });
      }
    }
  };
  const logos: LogoCache = new Map();
  const names = entryNames(plans);
  try {
    for (const [i, plan] of plans.entries()) {
      const pdf = await pdfFromPlan(ctx, plan, logos);
      const bytes =
        pdf.body instanceof Uint8Array
          ? pdf.body
          : new Uint8Array(await new Response(pdf.body).arrayBuffer());
      const entry = new ZipPassThrough(names[i]!);
      // The issue date, so the archive's dates mean something (and repeat exactly).
      entry.mtime = new Date(`${rows[i]!.issueDate}T12:00:00Z`);
      zip.add(entry);
      entry.push(bytes, true);
      await drain();
    }
    zip.end();
    await drain();
    // Stored before the last byte reaches the client: a repeat right after is a cache hit.
    if (storing) await stored.complete().catch(() => upload.abort().catch(() => {}));
    await out.close();
  } catch (err) {
    await Promise.allSettled([out.abort(err), upload.abort()]);
    throw err;
  }
}
