import {
  beginText,
  endText,
  fill,
  lineTo,
  moveText,
  moveTo,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFDocument as PDFDocumentClass,
  type PDFFont,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  rectangle,
  type rgb,
  setFillingColor,
  setFontAndSize,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  stroke,
  TextRenderingMode,
} from '@cantoo/pdf-lib';
import { localeOf } from '@clientele/core';
import { advanceOf, cachingFontkit, coverage, type FontSource, glyphEncoder } from './fonts';
import { type DocumentLanguage, LABELS } from './labels';
import type { RenderOptions } from './render';
import { BODY, INK, MARGIN, PAPER } from './style';
import type { FaceChoice } from './text';
import { runsWidth, splitRuns, wrap } from './text';

export interface Faces {
  regular: FaceChoice[];
  bold: FaceChoice[];
  /** Bold drawn by stroking regular outlines (no bold font supplied). */
  fakeBold: boolean;
}

function allLabelText(lang: DocumentLanguage): string {
  const l = LABELS[lang];
  return [
    ...Object.values(l).filter((v): v is string => typeof v === 'string'),
    ...Object.values(l.stamp),
    ...Object.values(l.statusName),
    l.page(1, 2),
    l.taxAt('1', true),
  ].join(' ');
}

/** Embeds the fonts the text needs: each fallback only while some character still lacks a glyph. */
async function embedFaces(pdf: PDFDocument, fonts: FontSource, text: string): Promise<Faces> {
  const regularCover = coverage(fonts.regular);
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const r: FaceChoice = {
    pdf: regular,
    has: (cp) => regularCover.hasGlyphForCodePoint(cp),
    advance: (cp) => advanceOf(regularCover, cp),
    encode: glyphEncoder(regular),
  };
  let b: FaceChoice = r;
  if (fonts.bold) {
    const boldCover = coverage(fonts.bold);
    const bold = await pdf.embedFont(fonts.bold, { subset: true });
    b = {
      pdf: bold,
      has: (cp) => boldCover.hasGlyphForCodePoint(cp),
      advance: (cp) => advanceOf(boldCover, cp),
      encode: glyphEncoder(bold),
    };
  }
  const faces: Faces = { regular: [r], bold: [b], fakeBold: !fonts.bold };
  let missing = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7e && !regularCover.hasGlyphForCodePoint(cp)) missing.add(cp);
  }
  for (const load of fonts.fallbacks) {
    if (missing.size === 0) break;
    const bytes = await load();
    if (!bytes) continue;
    const cover = coverage(bytes);
    if (![...missing].some((cp) => cover.hasGlyphForCodePoint(cp))) continue;
    const font = await pdf.embedFont(bytes, { subset: true });
    const face: FaceChoice = {
      pdf: font,
      has: (cp) => cover.hasGlyphForCodePoint(cp),
      advance: (cp) => advanceOf(cover, cp),
      encode: glyphEncoder(font),
    };
    faces.regular.push(face);
    faces.bold.push(face);
    missing = new Set([...missing].filter((cp) => !cover.hasGlyphForCodePoint(cp)));
  }
  return faces;
}

/** What a page's content stream has set so far, to write only changes. */
interface TextState {
  ops: PDFOperator[];
  /** Fills and rules, written before the text (pdf-lib's draw* would add ~10 operators each). */
  graphics: PDFOperator[];
  /** Start of the current line inside the page's text object. */
  x: number;
  y: number;
  fonts: Set<PDFFont>;
  font?: PDFName;
  size?: number;
  fill?: string;
  stroke?: string;
  mode: 0 | 2;
  lineWidth?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export class Canvas {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  constructor(
    readonly pdf: PDFDocument,
    readonly size: readonly [number, number],
    readonly faces: Faces,
  ) {}

  get width() {
    return this.size[0];
  }

  newPage() {
    this.page = this.pdf.addPage([this.size[0], this.size[1]]);
    this.pages.push(this.page);
    this.y = this.size[1] - MARGIN;
  }

  /** Leaves room for the page footer. */
  fits(height: number) {
    return this.y - height >= MARGIN + 24;
  }

  measure(text: string, size = BODY, bold = false) {
    return runsWidth(splitRuns(text, bold ? this.faces.bold : this.faces.regular), size);
  }

  text(
    text: string,
    x: number,
    y: number,
    opts: {
      size?: number;
      bold?: boolean;
      color?: ReturnType<typeof rgb>;
      align?: 'left' | 'right' | 'center';
      page?: PDFPage;
    } = {},
  ) {
    const size = opts.size ?? BODY;
    const runs = splitRuns(text, opts.bold ? this.faces.bold : this.faces.regular);
    const w = runsWidth(runs, size);
    let cx = opts.align === 'right' ? x - w : opts.align === 'center' ? x - w / 2 : x;
    const page = opts.page ?? this.page;
    const color = opts.color ?? INK;
    const st = this.textState(page);
    // All of a page's text goes into one text object (written by `finish`), and only
    // changes of state are written: most calls come down to "dx dy Td <glyphs> Tj",
    // which also compresses far better than absolute positions.
    const ops = st.ops;
    const fill = `${color.red} ${color.green} ${color.blue}`;
    if (st.fill !== fill) {
      ops.push(setFillingColor(color));
      st.fill = fill;
    }
    const mode = opts.bold && this.faces.fakeBold ? 2 : 0;
    if (st.mode !== mode) {
      ops.push(setTextRenderingMode(mode ? TextRenderingMode.FillAndOutline : TextRenderingMode.Fill));
      st.mode = mode;
    }
    if (mode) {
      // Fake bold: the outline stroked in the text colour, thicker for larger text.
      const width = round2(size * 0.045);
      if (st.lineWidth !== width) {
        ops.push(setLineWidth(width));
        st.lineWidth = width;
      }
      if (st.stroke !== fill) {
        ops.push(setStrokingColor(color));
        st.stroke = fill;
      }
    }
    for (const r of runs) {
      const key = this.fontKey(page, r.font);
      if (st.font !== key || st.size !== size) {
        ops.push(setFontAndSize(key, size));
        st.font = key;
        st.size = size;
      }
      // Td moves from the start of the previous run; positions are kept to 0.01 pt.
      const px = round2(cx);
      const py = round2(y);
      ops.push(moveText(round2(px - st.x), round2(py - st.y)));
      st.x = px;
      st.y = py;
      // showText() is typed for hex strings only; the operator takes any string.
      ops.push(PDFOperator.of(PDFOperatorNames.ShowText, [r.face.encode(r.text)]));
      cx += runsWidth([r], size);
    }
  }

  /** A filled rectangle (table header backgrounds), under the page's text. */
  fillRect(x: number, y: number, width: number, height: number, color: RGB) {
    const g = this.textState(this.page).graphics;
    g.push(setFillingColor(color), rectangle(round2(x), round2(y), round2(width), round2(height)), fill());
  }

  /** A horizontal rule (between table rows), under the page's text. */
  rule(x1: number, x2: number, y: number, thickness: number, color: RGB) {
    const g = this.textState(this.page).graphics;
    g.push(setStrokingColor(color), setLineWidth(thickness));
    g.push(moveTo(round2(x1), round2(y)), lineTo(round2(x2), round2(y)), stroke());
  }

  /**
   * Writes each page's content: rules and fills (in their own graphics state), then one
   * text object. Call once, after the last text; drawings made later go on top.
   */
  finish() {
    for (const [page, st] of this.textStates) {
      const ops = st.graphics.length ? [pushGraphicsState(), ...st.graphics, popGraphicsState()] : [];
      if (st.ops.length) ops.push(beginText(), ...st.ops, endText());
      if (ops.length) page.pushOperators(...ops);
      st.ops = [];
      st.graphics = [];
    }
  }

  /** The finished file: compressed object streams, minus what pdf-lib adds for nothing. */
  save(): Promise<Uint8Array> {
    // pdf-lib starts every page with empty resource dictionaries and annotation array;
    // they would be written out on every page for nothing.
    for (const page of this.pages) {
      const resources = page.node.Resources();
      for (const name of ['XObject', 'ExtGState']) {
        const dict = resources?.get(PDFName.of(name));
        if (dict instanceof PDFDict && dict.keys().length === 0) resources?.delete(PDFName.of(name));
      }
      const annots = page.node.get(PDFName.of('Annots'));
      if (annots instanceof PDFArray && annots.size() === 0) page.node.delete(PDFName.of('Annots'));
    }
    return this.pdf.save({ useObjectStreams: true });
  }

  private readonly textStates = new Map<PDFPage, TextState>();

  private textState(page: PDFPage): TextState {
    let st = this.textStates.get(page);
    if (!st) {
      st = { mode: 0, x: 0, y: 0, ops: [], graphics: [], fonts: new Set() };
      this.textStates.set(page, st);
    }
    return st;
  }

  private readonly fontNames = new Map<PDFFont, PDFName>();

  /** Short resource names (/F0, /F1 …), registered once per page. */
  private fontKey(page: PDFPage, font: PDFFont): PDFName {
    let name = this.fontNames.get(font);
    if (!name) {
      name = PDFName.of(`F${this.fontNames.size}`);
      this.fontNames.set(font, name);
    }
    const st = this.textState(page);
    if (!st.fonts.has(font)) {
      page.node.setFontDictionary(name, font.ref);
      st.fonts.add(font);
    }
    return name;
  }

  wrap(text: string, width: number, size = BODY, bold = false) {
    return wrap(text, width, size, bold ? this.faces.bold : this.faces.regular);
  }
}

/** A new PDF with metadata and the fonts its text needs, on its first page. */
export async function openDocument(
  options: RenderOptions,
  lang: DocumentLanguage,
  title: string,
  texts: string[],
) {
  const pdf = await PDFDocumentClass.create({ updateMetadata: false });
  pdf.registerFontkit(cachingFontkit);
  pdf.setTitle(title);
  pdf.setProducer('Clientele');
  pdf.setLanguage(localeOf(lang));
  const faces = await embedFaces(pdf, options.fonts, `${texts.join(' ')} ${allLabelText(lang)}`);
  const c = new Canvas(pdf, PAPER[options.paper ?? 'A4'], faces);
  c.newPage();
  return { pdf, c, faces };
}
