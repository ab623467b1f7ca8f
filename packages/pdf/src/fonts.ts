import * as fontkit from 'fontkit';

/**
 * Font bytes come from the caller (bundled modules in the Worker, files in Node), so
 * this package stays pure. Fallbacks (Japanese, then Simplified Chinese, …) are large
 * and loaded one by one, only while some character still has no glyph; a loader may
 * answer null when that font is not available in this deployment.
 */
export interface FontSource {
  regular: Uint8Array;
  /** Without a bold face, bold text is drawn by stroking the regular glyphs: one font less per file. */
  bold?: Uint8Array | undefined;
  fallbacks: (() => Promise<Uint8Array | null>)[];
}

type FontkitFont = {
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { advanceWidth: number };
  unitsPerEm: number;
};

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

const advances = new WeakMap<FontkitFont, Map<number, number>>();

/**
 * Advance width of one character at size 1, cached per font. Measuring this way skips
 * OpenType shaping, which dominates render time when every candidate line is measured.
 */
export function advanceOf(font: FontkitFont, cp: number): number {
  let cache = advances.get(font);
  if (!cache) {
    cache = new Map();
    advances.set(font, cache);
  }
  let w = cache.get(cp);
  if (w === undefined) {
    w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
    cache.set(cp, w);
  }
  return w;
}
