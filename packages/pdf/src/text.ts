import type { PDFFont, PDFString } from '@cantoo/pdf-lib';

export interface FaceChoice {
  pdf: PDFFont;
  has: (codePoint: number) => boolean;
  /** Advance width of a character at size 1. */
  advance: (codePoint: number) => number;
  /** The glyph string to show `text` in this font (see `glyphEncoder`). */
  encode: (text: string) => PDFString;
}

export interface Run {
  text: string;
  font: PDFFont;
  face: FaceChoice;
}

/**
 * Splits text into runs, each in the first font that has every glyph of it, so a
 * Japanese company name inside a Portuguese invoice draws with the Japanese font.
 * Spaces and other shared characters stay in the current run's font.
 */
export function splitRuns(text: string, faces: FaceChoice[]): Run[] {
  const runs: Run[] = [];
  const fallback = faces[0]!;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = runs.at(-1);
    if (last && (cp === 0x20 || last.face.has(cp))) {
      last.text += ch;
      continue;
    }
    const face = faces.find((f) => f.has(cp)) ?? fallback;
    if (last && last.face === face) last.text += ch;
    else runs.push({ text: ch, font: face.pdf, face });
  }
  return runs;
}

export function runsWidth(runs: Run[], size: number): number {
  let w = 0;
  for (const r of runs) for (const ch of r.text) w += r.face.advance(ch.codePointAt(0)!);
  return w * size;
}

/** True for scripts written without spaces, where a line may break between any characters. */
function breaksAnywhere(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x9fff) || // CJK punctuation, kana, unified ideographs
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef)
  );
}

/**
 * Greedy line breaking: at spaces, anywhere inside CJK text, and mid-word only when a
 * single word is wider than the line.
 */
export function wrap(text: string, width: number, size: number, faces: FaceChoice[]): string[] {
  const measure = (s: string) => runsWidth(splitRuns(s, faces), size);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const tokens: string[] = [];
    let word = '';
    for (const ch of paragraph) {
      const cp = ch.codePointAt(0)!;
      if (ch === ' ') {
        if (word) tokens.push(word);
        tokens.push(' ');
        word = '';
      } else if (breaksAnywhere(cp)) {
        if (word) tokens.push(word);
        tokens.push(ch);
        word = '';
      } else word += ch;
    }
    if (word) tokens.push(word);

    let line = '';
    for (const token of tokens) {
      const candidate = line + token;
      if (measure(candidate.trimEnd()) <= width) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = token === ' ' ? '' : token;
      // A single word longer than the line is cut where it overflows.
      while (measure(line) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
