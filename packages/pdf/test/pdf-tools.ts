import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes the PDF to a temp dir so poppler and qpdf can read it. */
export function saveTemp(bytes: Uint8Array, name = 'doc.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-pdf-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** `raw` keeps content-stream order, which keeps rotated text (stamps) in one piece. */
export function pdfText(path: string, page?: number, raw = false): string {
  const args = ['-enc', 'UTF-8', ...(raw ? ['-raw'] : [])];
  if (page) args.push('-f', String(page), '-l', String(page));
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
}

export function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

export function qpdfCheck(path: string): string {
  return execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
}

export interface WordBox {
  page: number;
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Word boxes in points from `pdftotext -bbox`. */
export function wordBoxes(path: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const boxes: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) {
      const word = m[5]!
        .replaceAll('&amp;', '&')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"');
      boxes.push({ page, word, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]! });
    }
  }
  return boxes;
}

interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Renders each page to an 8-bit grayscale PGM at `dpi` and parses it. */
export function renderGray(path: string, dpi: number): Gray[] {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-ppm-'));
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), path, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      const buf = readFileSync(join(dir, f));
      // P5\n<w> <h>\n255\n<pixels>
      let pos = 0;
      const fields: string[] = [];
      while (fields.length < 4) {
        while (buf[pos] === 0x20 || buf[pos] === 0x0a) pos++;
        let s = '';
        while (buf[pos] !== 0x20 && buf[pos] !== 0x0a) s += String.fromCharCode(buf[pos++]!);
        fields.push(s);
      }
      pos++;
      return {
        width: Number(fields[1]),
        height: Number(fields[2]),
        pixels: new Uint8Array(buf.subarray(pos)),
      };
    });
}

/**
 * Words whose box has no ink: extractable text that a reader would not see (the
 * failure mode of broken font subsets). Returns the invisible words.
 */
export function invisibleWords(path: string): WordBox[] {
  const dpi = 150;
  const scale = dpi / 72;
  const pages = renderGray(path, dpi);
  return wordBoxes(path).filter((b) => {
    const img = pages[b.page - 1]!;
    let dark = 0;
    for (let y = Math.floor(b.yMin * scale); y < Math.ceil(b.yMax * scale); y++) {
      for (let x = Math.floor(b.xMin * scale); x < Math.ceil(b.xMax * scale); x++) {
        if ((img.pixels[y * img.width + x] ?? 255) < 200) dark++;
      }
    }
    return dark < 3;
  });
}

export function pngOfFirstPage(path: string, outBase: string) {
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', path, outBase]);
}
