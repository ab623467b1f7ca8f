import { getTenant, updateTenant } from '@clientele/db';
import { assertEmbeddable, imageSize, type PdfImage } from '@clientele/pdf';
import { auditLine } from '../audit';
import { sha256Hex } from '../auth/encoding';
import type { AppContext, TenantContext } from '../context';
import { DomainError, NotFoundError, type Refusal, say, ValidationError } from '../errors';

export const MAX_LOGO_BYTES = 512 * 1024;
/** Decoded, 2000×2000 RGBA is 16 MB: well inside a Worker's 128 MB while rendering. */
export const MAX_LOGO_SIDE = 2000;

/** Trusts the bytes, not the Content-Type header. */
export function sniffImage(bytes: Uint8Array): PdfImage['type'] | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/**
 * Stores the logo under a content-addressed key and points the business at it. Old
 * logos stay in R2 because issued documents' snapshots still name them.
 */
export async function putLogo(ctx: TenantContext, bytes: Uint8Array) {
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new DomainError(413, say('logoTooLarge', MAX_LOGO_BYTES / 1024));
  }
  const type = sniffImage(bytes);
  if (!type) throw new DomainError(415, 'logoType');
  await checkLogo({ bytes, type });
  const key = `logos/${ctx.tenantId}/${await sha256Hex(bytes)}.${type === 'png' ? 'png' : 'jpg'}`;
  await ctx.files.put(key, bytes, { httpMetadata: { contentType: `image/${type}` } });
  await updateTenant(ctx.db, ctx.tenantId, { logoKey: key }, ctx.now, (id) => [
    auditLine(ctx, 'logo.updated', { type: 'business', id }),
  ]);
  return { key, type };
}

/**
 * A logo is printed on every document of the business, so it is proven at upload: a
 * readable header, sides within the cap (checked before anything is decoded), and an
 * image that embeds in a PDF exactly as rendering will embed it.
 */
async function checkLogo(image: PdfImage) {
  const size = imageSize(image);
  const refuse = (message: Refusal) => new ValidationError([{ path: 'logo', message }]);
  if (!size) throw refuse('imageDamaged');
  if (size.width > MAX_LOGO_SIDE || size.height > MAX_LOGO_SIDE) {
    throw refuse(say('logoTooManyPixels', size.width, size.height, MAX_LOGO_SIDE));
  }
  try {
    await assertEmbeddable(image);
  } catch {
    throw refuse('imageDamaged');
  }
}

export async function removeLogo(ctx: TenantContext) {
  await updateTenant(ctx.db, ctx.tenantId, { logoKey: null }, ctx.now, (id) => [
    auditLine(ctx, 'logo.removed', { type: 'business', id }),
  ]);
}

export async function currentLogo(ctx: TenantContext) {
  const tenant = await getTenant(ctx.db, ctx.tenantId);
  const object = tenant?.logoKey ? await ctx.files.get(tenant.logoKey) : null;
  if (!object) throw new NotFoundError('logo');
  return object;
}

/** The business's stored logo as the portal shows it; null when it has none (or it went missing). */
export async function storedLogo(ctx: Pick<AppContext, 'files'>, key: string | null) {
  return key ? ctx.files.get(key) : null;
}

/** Logo bytes for a PDF, or null when there is none (or it went missing). */
export async function logoForPdf(
  ctx: Pick<AppContext, 'files'>,
  key: string | null | undefined,
): Promise<PdfImage | null> {
  if (!key) return null;
  const object = await ctx.files.get(key);
  if (!object) return null;
  const bytes = new Uint8Array(await object.arrayBuffer());
  const type = sniffImage(bytes);
  return type ? { bytes, type } : null;
}
