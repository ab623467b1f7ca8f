/**
 * Every R2 key a business's files live under is `<area>/<tenant id>/…`. Each area that
 * stores per-business files is listed here so closing a business removes them all; a test
 * lists the whole bucket after a purge and fails on any key naming the business.
 */
export const TENANT_FILE_AREAS = [
  'pdf',
  'zip',
  'logos',
  'tickets',
  'inbound',
  'outbox',
  'mail/pending',
  'exports',
] as const;

/**
 * Deletes up to `budget` R2 objects of a closed business (a list page at a time, at most
 * 1 000 keys per list); true when none is left.
 */
export async function purgeTenantFiles(files: R2Bucket, tenantId: string, budget: number): Promise<boolean> {
  let left = budget;
  for (const area of TENANT_FILE_AREAS) {
    for (;;) {
      if (left <= 0) return false;
      const page = await files.list({ prefix: `${area}/${tenantId}/`, limit: Math.min(1000, left) });
      if (page.objects.length === 0) break;
      await files.delete(page.objects.map((o) => o.key));
      left -= page.objects.length;
      if (!page.truncated) break;
    }
  }
  return true;
}
