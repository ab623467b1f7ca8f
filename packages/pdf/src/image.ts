import { PDFDocument } from '@cantoo/pdf-lib';

export interface PdfImage {
  bytes: Uint8Array;
  type: 'png' | 'jpeg';
}

export interface ImageSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Width and height from the file's header alone (PNG IHDR, JPEG start-of-frame), or null
 * when the header is malformed. Nothing is decoded, so a tiny file claiming a huge image
 * costs nothing to refuse.
 */
export function imageSize(image: PdfImage): ImageSize | null {
  const b = image.bytes;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (image.type === 'png') {
    if (b.length < 33 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return null;
    // The first chunk must be IHDR, 13 bytes long.
    if (view.getUint32(8) !== 13 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return null;
    const size = { width: view.getUint32(16), height: view.getUint32(20) };
    return size.width > 0 && size.height > 0 ? size : null;
  }
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = view.getUint16(i + 2);
    // Start-of-frame markers (baseline, progressive, …), not DHT/JPG/DAC.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const size = { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      return size.width > 0 && size.height > 0 ? size : null;
    }
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

/**
 * Embeds the image in a throwaway document, exactly as rendering will: an image that
 * passes here cannot break a PDF later. Check `imageSize` first, since PNGs are decoded.
 */
export async function assertEmbeddable(image: PdfImage): Promise<void> {
  const pdf = await PDFDocument.create();
  if (image.type === 'png') await pdf.embedPng(image.bytes);
  else await pdf.embedJpg(image.bytes);
}
