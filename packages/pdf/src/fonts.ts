import * as fontkit from 'fontkit';

/**
 * Font bytes come from the caller (bundled modules in the Worker, files in Node), so
 * this package stays pure. Fallbacks (Japanese, then Simplified Chinese, …) are large
 * and loaded one by one, only while some character still has no glyph; a loader may
 * answer null when that font is not available in this deployment.
 */
export interface FontSource {
  regular: Uint8Array;
  bold: Uint8Array;
  fallbacks: (() => Promise<Uint8Array | null>)[];
}

type FontkitFont = { hasGlyphForCodePoint(cp: number): boolean };

const parsed = new WeakMap<Uint8Array, FontkitFont>();

/**
 * pdf-lib asks fontkit to parse the font for every document; parsing a 600 KB font
 * costs more than laying out a page. Parsed fonts are immutable, so this shim hands
 * pdf-lib the same parsed font each time.
 */
export const cachingFontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    const hit = parsed.get(bytes);
    if (hit) return hit;
    const font = (fontkit as unknown as { create(b: Uint8Array, n?: string): FontkitFont }).create(
      bytes,
      postscriptName,
    );
    parsed.set(bytes, font);
    return font;
  },
};

export function coverage(bytes: Uint8Array): FontkitFont {
  return cachingFontkit.create(bytes);
}
