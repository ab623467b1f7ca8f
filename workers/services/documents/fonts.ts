import type { FontSource } from '@clientele/pdf';
import regular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf';
import type { AppContext } from '../context';

/** R2 keys of the CJK fonts (5 MB Japanese, 10 MB Simplified Chinese): too large to bundle. */
export const JP_FONT_KEY = 'fonts/NotoSansJP-Regular.ttf';
export const SC_FONT_KEY = 'fonts/NotoSansSC-Regular.ttf';

const cache = new Map<string, Promise<Uint8Array | null>>();

/**
 * A font from R2, read once per isolate and shared by every document after it (the PDF
 * package then reuses its parsed form). A failed read is forgotten so the next document
 * tries again; a missing object is logged, since its documents then lack those glyphs.
 */
function fromR2(ctx: Pick<AppContext, 'files' | 'log'>, key: string): () => Promise<Uint8Array | null> {
  return () => {
    let font = cache.get(key);
    if (!font) {
      font = ctx.files
        .get(key)
        .then(async (o) => {
          if (!o) ctx.log.warn('font missing from R2', { key });
          return o ? new Uint8Array(await o.arrayBuffer()) : null;
        })
        .catch(() => {
          cache.delete(key);
          return null;
        });
      cache.set(key, font);
    }
    return font;
  };
}

/**
 * The Latin/Cyrillic/Greek font is bundled (bold is drawn from it); Japanese and
 * Simplified Chinese come from R2 (`pnpm fonts:upload`), which keeps the Worker inside
 * the free plan's 3 MB and spares every isolate that never prints CJK from loading them.
 */
export function workerFonts(ctx: Pick<AppContext, 'files' | 'log'>): FontSource {
  return { regular: REGULAR, fallbacks: [fromR2(ctx, JP_FONT_KEY), fromR2(ctx, SC_FONT_KEY)] };
}

const REGULAR = new Uint8Array(regular);
