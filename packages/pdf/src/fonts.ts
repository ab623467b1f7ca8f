import type { PDFContext, PDFDocument, PDFFont, PDFRef } from '@cantoo/pdf-lib';
import { PDFString } from '@cantoo/pdf-lib';
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

type FontkitGlyph = { id: number; advanceWidth: number; codePoints: number[] };
/** pdf-lib's view of a font engine and its fonts (its types module is not exported on its own). */
export type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type PdfLibFont = Extract<Awaited<ReturnType<Fontkit['create']>>, { unitsPerEm: number }>;
/** One face as fontkit parses it: what pdf-lib needs, and the lookups measuring uses. */
type FontkitFont = Omit<PdfLibFont, 'glyphForCodePoint'> & {
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): FontkitGlyph;
};

function isSingleFace(font: unknown): font is FontkitFont {
  return (
    typeof font === 'object' &&
    font !== null &&
    'unitsPerEm' in font &&
    'hasGlyphForCodePoint' in font &&
    'glyphForCodePoint' in font &&
    'createSubset' in font
  );
}

// fontkit's typings ask for a Node Buffer; it reads any Uint8Array (Workers have no Buffer).
const engine: { create(bytes: Uint8Array, postscriptName?: string): unknown } = fontkit;

const parsed = new WeakMap<Uint8Array, FontkitFont>();

/**
 * pdf-lib asks fontkit to parse the font for every document; parsing a 600 KB font
 * costs more than laying out a page. Parsed fonts are immutable, so this shim hands
 * pdf-lib the same parsed font each time.
 */
function parse(bytes: Uint8Array, postscriptName?: string): FontkitFont {
  const hit = parsed.get(bytes);
  if (hit) return hit;
  const font = engine.create(bytes, postscriptName);
  // A collection (.ttc) has no single face to draw with; the product ships single fonts.
  if (!isSingleFace(font)) throw new Error('not a single font face');
  parsed.set(bytes, font);
  return font;
}

export const cachingFontkit: Fontkit = { create: parse };

export function coverage(bytes: Uint8Array): FontkitFont {
  return parse(bytes);
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

/** The parts of pdf-lib's subset embedder that `glyphEncoder` feeds (see there). */
interface SubsetEmbedder {
  font: FontkitFont;
  subset: { includeGlyph(glyph: FontkitGlyph): number };
  glyphs: FontkitGlyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
  embedUnicodeCmap(context: PDFContext): PDFRef;
}

function isSubsetEmbedder(embedder: unknown): embedder is SubsetEmbedder {
  return (
    typeof embedder === 'object' &&
    embedder !== null &&
    'subset' in embedder &&
    Boolean(embedder.subset) &&
    'glyphIdMap' in embedder &&
    embedder.glyphIdMap instanceof Map
  );
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** UTF-16BE hex of the characters a glyph stands for (surrogate pairs beyond the BMP). */
function utf16Hex(codePoints: number[]): string {
  let out = '';
  for (const cp of codePoints) {
    if (cp < 0x10000) out += hex4(cp);
    else out += hex4(0xd800 + ((cp - 0x10000) >> 10)) + hex4(0xdc00 + ((cp - 0x10000) & 0x3ff));
  }
  return out;
}

/**
 * The ToUnicode map (what copy-paste and search read) in the compact array form of
 * bfrange — "<first> <last> [<u> <u> …]" — instead of one bfchar line per glyph:
 * about half the bytes after compression, and the same mapping.
 */
export function compactToUnicode(glyphs: ({ codePoints: number[] } | undefined)[]): string {
  const blocks: string[] = [];
  let i = 0;
  while (i < glyphs.length) {
    if (!glyphs[i]?.codePoints?.length) {
      i++;
      continue;
    }
    const start = i;
    const targets: string[] = [];
    // At most 100 entries per block, as the CMap specification asks.
    while (i < glyphs.length && targets.length < 100 && glyphs[i]?.codePoints?.length) {
      targets.push(`<${utf16Hex(glyphs[i]!.codePoints)}>`);
      i++;
    }
    blocks.push(`1 beginbfrange\n<${hex4(start + 1)}> <${hex4(i)}> [${targets.join(' ')}]\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <ffff>\nendcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/**
 * Text → the hex glyph string a PDF `Tj` shows, one glyph per character. pdf-lib's own
 * `encodeText` runs fontkit's OpenType shaping on every call, which was most of the
 * render time; invoices need no shaping (no ligatures: they would also break copying
 * text out of the PDF), and widths were always measured per character. The embedder
 * is updated exactly as its `encodeText` does, so subsetting, /W widths and the
 * ToUnicode map stay pdf-lib's. One encoder per embedded font, i.e. per document.
 */
export function glyphEncoder(font: PDFFont): (text: string) => PDFString {
  // pdf-lib keeps the embedder private; it is read, checked, then fed as its encodeText does.
  const embedder: unknown = Reflect.get(font, 'embedder');
  if (!isSubsetEmbedder(embedder)) throw new Error('glyphEncoder needs a subset-embedded font');
  embedder.embedUnicodeCmap = (context) =>
    context.register(context.flateStream(compactToUnicode(embedder.glyphs)));
  const codes = new Map<number, string>();
  return (text) => {
    let bytes = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let code = codes.get(cp);
      if (code === undefined) {
        const glyph = embedder.font.glyphForCodePoint(cp);
        const id = embedder.subset.includeGlyph(glyph);
        embedder.glyphs[id - 1] = glyph;
        embedder.glyphIdMap.set(glyph.id, id);
        embedder.glyphCache.invalidate();
        code = literalByte(id >> 8) + literalByte(id & 0xff);
        codes.set(cp, code);
      }
      bytes += code;
    }
    return PDFString.of(bytes);
  };
}

/**
 * One byte of a PDF literal string. Two bytes per glyph compress a good deal better
 * than the four hex digits of `<…>` strings; only the delimiters, the escape and CR
 * (which readers may normalise) need escaping.
 */
function literalByte(b: number): string {
  if (b === 0x28 || b === 0x29 || b === 0x5c) return `\\${String.fromCharCode(b)}`;
  if (b === 0x0d) return '\\r';
  return String.fromCharCode(b);
}
